import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/server/db/database';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.seed';
import { clientFor, demoEmail, type TestClient } from './test-app';

/**
 * Counts what the app asks of the database: every executed statement passes `transformResult`
 * (built or raw, inside transactions too), so the counts are exact, not timed.
 */
export class QueryCounter implements KyselyPlugin {
  /** Statements executed since the last reset. */
  statements = 0;
  /** The most rows any one of them answered. */
  mostRows = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    this.statements += 1;
    this.mostRows = Math.max(this.mostRows, args.result.rows.length);
    return args.result;
  }
  reset() {
    this.statements = 0;
    this.mostRows = 0;
  }
}

/** The app over `database` with `counter` on its queries, at a fixed time, and the demo officer signed in. */
export async function countedApp(
  database: Database,
  counter: QueryCounter,
  now: string,
): Promise<{ app: FastifyInstance; officer: TestClient }> {
  const app = await buildApp({
    db: database.db.withPlugin(counter),
    config: { ...loadConfig({}), webDistDir: '/nonexistent' },
    clock: () => new Date(now),
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: demoEmail('officer'), password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'sp_session')?.value ?? null;
  const officer = clientFor(app, cookie, login.json().data.csrfToken, login.json().data.user.id);
  return { app, officer };
}
