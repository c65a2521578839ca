import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app';
import type { AuthzRow, Caller, Fixtures } from '../authz/matrix';
import type { Role } from '../../src/server/db/core.tables';

// Every module's rows, from test/authz/<area>.authz.ts.
const modules = import.meta.glob<{ rows: AuthzRow[] }>('../authz/*.authz.ts', { eager: true });
const allRows = Object.values(modules).flatMap((m) => m.rows);
const ROLES: Role[] = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'];
const CALLERS: Caller[] = [...ROLES, 'anonymous'];

function expectedStatus(row: AuthzRow, caller: Caller): number {
  if (row.allow === 'public') return row.allowedStatus;
  if (caller === 'anonymous') return 401;
  if (row.hidden?.includes(caller)) return 404;
  return row.allow.includes(caller) ? row.allowedStatus : 403;
}

describe('authorization matrix (role × route)', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const clients = new Map<Caller, TestClient>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) clients.set(role, await t.loginAs(role));
    clients.set('anonymous', t.anonymous);
    const users = await t.database.db.selectFrom('users').select(['id', 'role']).execute();
    const userIds = Object.fromEntries(users.map((u) => [u.role, u.id])) as Record<Role, string>;
    const managerClusters = await t.database.db
      .selectFrom('user_clusters')
      .select('cluster_id')
      .where('user_id', '=', userIds.manager)
      .execute();
    const own = managerClusters[0].cluster_id;
    const other = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .where('id', '!=', own)
      .executeTakeFirstOrThrow();
    fixtures = {
      db: t.database.db,
      userIds,
      ownClusterId: own,
      otherClusterId: other.id,
      missingId: '00000000-0000-4000-8000-000000000000',
    };
  });
  afterAll(() => t.close());

  it('has a row for every API route', () => {
    const covered = new Set(allRows.map((r) => r.route));
    const routes = t.app.routeCatalogue
      .filter((r) => (r.url.startsWith('/api/') || r.url === '/healthz') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });

  it('every row names a route that exists', () => {
    const routes = new Set(t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`));
    expect(allRows.map((r) => r.route).filter((r) => !routes.has(r))).toEqual([]);
  });

  it.each(allRows.map((row) => [row.route, row] as const))(
    '%s answers each role as the policy says',
    async (_route, row) => {
      const results: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const caller of CALLERS) {
        // Logout ends the session: give it a fresh one per caller.
        const client =
          row.route === 'POST /api/auth/logout' && caller !== 'anonymous'
            ? await t.loginAs(caller)
            : clients.get(caller)!;
        const request = row.request(fixtures);
        const response = await client.request(request.method, request.url, request.payload);
        results[caller] = response.statusCode;
        expected[caller] = expectedStatus(row, caller);
      }
      expect(results).toEqual(expected);
    },
  );
});
