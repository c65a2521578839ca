import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/config';
import type { Database } from '../../../src/server/db/database';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { generatePortfolio } from '../../../src/server/demo/generate-portfolio';
import { MAX_PAGE_SIZE } from '../../../src/server/http/paging';
import { clientFor, demoEmail, type TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

/**
 * Counts the SQL statements the app sends: every executed query passes a plugin's
 * transformResult (built or raw, inside transactions too), so the count is exact, not timed.
 */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    this.count += 1;
    return args.result;
  }
}

const today = '2026-11-29';
let database: Database;
let app: FastifyInstance;
let officer: TestClient;
const counter = new StatementCounter();

async function statementsFor(url: string): Promise<number> {
  counter.count = 0;
  const response = await officer.get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return counter.count;
}

beforeAll(async () => {
  database = await createTestDatabase('demo');
  const config = { ...loadConfig({}), webDistDir: '/nonexistent' };
  app = await buildApp({
    db: database.db.withPlugin(counter),
    config,
    clock: () => new Date(`${today}T10:00:00Z`),
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: demoEmail('officer'), password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'sp_session')?.value ?? null;
  officer = clientFor(app, cookie, login.json().data.csrfToken, login.json().data.user.id);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('list routes page with a maximum', () => {
  it('refuses a page size above the maximum with a catalogued validation error, and answers a total', async () => {
    const withProposals = await database.db
      .selectFrom('proposals as p')
      .innerJoin('calls as c', 'c.id', 'p.call_id')
      .select('p.call_id')
      .where('c.status', '!=', 'draft')
      .where('p.status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    const callId = withProposals.call_id;
    const clusterId = (await officer.get('/api/clusters')).json().data[0].id as string;
    const lists = [
      '/api/organisations',
      '/api/clusters',
      `/api/clusters/${clusterId}/members`,
      `/api/calls/${callId}/proposals`,
      '/api/kpis/portfolio',
      '/api/projects',
    ];
    for (const url of lists) {
      const refused = await officer.get(`${url}?pageSize=${MAX_PAGE_SIZE + 1}`);
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().code, url).toBe('VALIDATION_FAILED');
      expect(
        refused.json().details.map((d: { path: string }) => d.path),
        url,
      ).toContain('querystring.pageSize');
      const answer = (await officer.get(`${url}?pageSize=2&page=1`)).json();
      // Lists answer `page` beside `data`; the KPI portfolio (an object) inside it.
      const page = answer.page ?? answer.data.page;
      expect(page, url).toMatchObject({ page: 1, pageSize: 2 });
      expect(page.total, url).toBeGreaterThan(0);
    }
    const organisations = (await officer.get('/api/organisations?pageSize=3&page=2')).json();
    expect(organisations.data).toHaveLength(3);
    const firstSix = (await officer.get('/api/organisations?pageSize=6')).json().data;
    expect(organisations.data.map((o: { id: string }) => o.id)).toEqual(
      firstSix.slice(3, 6).map((o: { id: string }) => o.id),
    );
  });
});

describe('analytics answer with a bounded number of SQL statements', () => {
  it(
    'counts the same statements for the KPI portfolio and the network before and after generating a ' +
      'larger portfolio',
    async () => {
      const before = {
        portfolio: await statementsFor('/api/kpis/portfolio?pageSize=100'),
        network: await statementsFor('/api/policy/network'),
        overlap: await statementsFor('/api/policy/overlap'),
      };
      const generated = await generatePortfolio(database.db, { scale: 0.5, seed: 3, today });
      expect(generated.clusters).toBeGreaterThan(15);
      const clusters = (await officer.get('/api/clusters?pageSize=1')).json().page.total as number;
      expect(clusters).toBeGreaterThan(generated.clusters);
      const after = {
        portfolio: await statementsFor('/api/kpis/portfolio?pageSize=100'),
        network: await statementsFor('/api/policy/network'),
        overlap: await statementsFor('/api/policy/overlap'),
      };
      // The portfolio runs one statement per computed KPI for the whole page, whatever the clusters.
      expect(after.portfolio).toBe(before.portfolio);
      expect(after.portfolio).toBeLessThan(40);
      // The network: a fixed set of statements (the member pairs only while they are few).
      expect(after.network).toBeLessThanOrEqual(before.network);
      expect(after.network).toBeLessThan(12);
      expect(after.overlap).toBe(before.overlap);
      // Cached until the portfolio changes: a second request reads only the revision (and the session).
      expect(await statementsFor('/api/policy/network')).toBeLessThan(after.network);
    },
    300_000,
  );
});
