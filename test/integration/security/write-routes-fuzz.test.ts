import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { hostileBody, hostileString, type IdPool, type JsonSchema } from '../../helpers/openapi-fuzz';
import type { AuthzRow } from '../../authz/matrix';
import type { Role } from '../../../src/server/db/core.tables';

/**
 * A schema-driven fuzzer over every write route of the OpenAPI document: for each route, as a role
 * that may use it, bodies that are plausible except for one hostile position (NUL, lone surrogate,
 * wrong type, unknown id, huge number, bad date), unknown fields and wholly wrong values.
 * No answer may be a 5xx, and a refused request (4xx) must not write a row.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
const ROLE_PREFERENCE: Role[] = ['officer', 'admin', 'manager', 'applicant', 'expert', 'analyst'];
/** Logging out ends the fuzzing session itself; everything else is fuzzed. */
const SKIPPED = new Set(['POST /api/auth/logout']);

const modules = import.meta.glob<{ rows: AuthzRow[] }>('../../authz/*.authz.ts', { eager: true });
const authzRows = Object.values(modules).flatMap((m) => m.rows);

/** The table a path segment points into (`/api/projects/{id}` → projects), per area where it differs. */
const TABLE_OF_SEGMENT: Record<string, string> = {
  tokens: 'api_tokens',
  notifications: 'notifications',
  calls: 'calls',
  invitations: 'calls',
  proposals: 'proposals',
  summaries: 'proposals',
  attachments: 'proposal_attachments',
  collaborators: 'proposal_collaborators',
  eligibility: 'call_eligibility_rules',
  clarifications: 'proposal_clarifications',
  organisations: 'organisations',
  clusters: 'clusters',
  members: 'memberships',
  themes: 'themes',
  agreements: 'partnership_agreements',
  'partnership/periods': 'partnership_report_periods',
  'kpis/periods': 'reporting_periods',
  meetings: 'partnership_meetings',
  actions: 'partnership_actions',
  'partnership/reports': 'partnership_reports',
  'funding/reports': 'funding_reports',
  'projects/reports': 'funding_reports',
  'base-operations': 'base_operation_grants',
  payments: 'funding_payments',
  projects: 'projects',
  milestones: 'project_milestones',
  deliverables: 'project_deliverables',
  scenarios: 'policy_scenarios',
  stakeholders: 'policy_stakeholders',
  definitions: 'kpi_definitions',
  targets: 'kpi_definitions',
  measurements: 'kpi_measurements',
  'eu-participations': 'eu_participations',
  conflicts: 'review_conflicts',
  assignments: 'review_assignments',
  objections: 'review_objections',
};
/** Child tables whose rows name their parent, so nested paths get a matching pair. */
const PARENT_COLUMN: Record<string, string> = {
  proposal_attachments: 'proposal_id',
  proposal_clarifications: 'proposal_id',
  memberships: 'cluster_id',
  project_milestones: 'project_id',
  project_deliverables: 'project_id',
};
/** The column that holds the id a path names, where it is not `id`. */
const ID_COLUMN: Record<string, string> = { proposal_collaborators: 'user_id' };

interface WriteRoute {
  key: string;
  method: string;
  path: string;
  params: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
  role: Role | null;
}

function tableFor(path: string, param: string): string | null {
  const segments = path.split('/').filter(Boolean);
  const index = segments.indexOf(`{${param}}`);
  const segment = segments[index - 1];
  return TABLE_OF_SEGMENT[`${segments[1]}/${segment}`] ?? TABLE_OF_SEGMENT[segment] ?? null;
}

function roleFor(key: string): Role | null {
  const row = authzRows.find((r) => r.route === key);
  if (!row || row.allow === 'public') return null;
  const allowed = row.allow;
  return ROLE_PREFERENCE.find((role) => allowed.includes(role)) ?? null;
}

describe('fuzzing every write route of the OpenAPI document', () => {
  let t: TestApp;
  let routes: WriteRoute[] = [];
  const clients = new Map<Role | 'anonymous', TestClient>();
  const idPool: IdPool = { real: [] };
  const idsOf = new Map<string, { id: string; parent: string | null }[]>();
  let throwawayUserId = '';

  async function writeFingerprint(): Promise<string> {
    const result = await sql<{ audit: number; rows: number }>`
      select (select count(*) from audit_events)::int as audit,
        ((select count(*) from organisations) + (select count(*) from clusters) + (select count(*) from memberships)
        + (select count(*) from calls) + (select count(*) from proposals) + (select count(*) from proposal_versions)
        + (select count(*) from projects) + (select count(*) from state_aid_awards)
        + (select count(*) from review_objections) + (select count(*) from notifications)
        + (select count(*) from outbox_emails) + (select count(*) from stored_files))::int as rows`.execute(
      t.database.db,
    );
    return `${result.rows[0].audit}/${result.rows[0].rows}`;
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLE_PREFERENCE) clients.set(role, await t.loginAs(role));
    clients.set('anonymous', t.anonymous);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string; schema: JsonSchema }[];
            requestBody?: { content: Record<string, { schema: JsonSchema }> };
          }
        >
      >;
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!WRITE_METHODS.includes(method)) continue;
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (SKIPPED.has(key)) continue;
        const parameters = operation.parameters ?? [];
        routes.push({
          key,
          method: method.toUpperCase(),
          path,
          params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: Object.fromEntries(
            parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
          ),
          body: operation.requestBody?.content['application/json']?.schema ?? null,
          role: roleFor(key),
        });
      }
    }
    // Deletions last, so the other routes still find the objects.
    routes = [...routes.filter((r) => r.method !== 'DELETE'), ...routes.filter((r) => r.method === 'DELETE')];
    const tables = new Set(Object.values(TABLE_OF_SEGMENT));
    for (const table of tables) {
      const idColumn = ID_COLUMN[table] ?? 'id';
      const parent = PARENT_COLUMN[table] ?? (table === 'proposal_collaborators' ? 'proposal_id' : null);
      const rows = await sql<{ id: string; parent: string | null }>`
        select ${sql.ref(idColumn)}::text as id, ${parent ? sql.ref(parent) : sql`null`}::text as parent
        from ${sql.table(table)} order by 1 limit 25`.execute(t.database.db);
      idsOf.set(table, rows.rows);
      idPool.real.push(...rows.rows.slice(0, 5).map((row) => row.id));
    }
    // Account routes act on an account made for the purpose, never on the fuzzing clients.
    const created = await clients.get('admin')?.post('/api/users', {
      email: 'fuzz-target@example.org',
      password: 'Kwartel-Lantaarn-8841!',
      role: 'applicant',
      name: 'Fuzz target',
    });
    throwawayUserId = created?.json().data?.id ?? '';
    if (!throwawayUserId) throw new Error(`could not create the target account: ${created?.body}`);
  });
  afterAll(() => t.close());

  it('found the write routes and a role for each', () => {
    expect(routes.length).toBeGreaterThan(100);
    const withoutRole = routes.filter((r) => r.role === null && !r.key.startsWith('POST /api/auth/login'));
    expect(withoutRole.map((r) => r.key)).toEqual([]);
    expect(throwawayUserId).not.toBe('');
  });

  function pathArbitrary(route: WriteRoute): fc.Arbitrary<string> {
    if (route.params.length === 0) return fc.constant(route.path);
    const last = route.params[route.params.length - 1];
    const lastTable = tableFor(route.path, last);
    const choices = (param: string): fc.Arbitrary<{ id: string; parent: string | null }> => {
      if (route.path.startsWith('/api/users/') || route.path.startsWith('/api/review/experts/'))
        return fc.constant({ id: throwawayUserId, parent: null });
      const table = tableFor(route.path, param);
      const rows = table ? (idsOf.get(table) ?? []) : [];
      const hostileIds = fc.constantFrom('00000000-0000-4000-8000-000000000000', 'not-an-id', '%00', '1e999');
      return rows.length > 0
        ? fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...rows) },
            { weight: 1, arbitrary: hostileIds.map((id) => ({ id, parent: null })) },
          )
        : hostileIds.map((id) => ({ id, parent: null }));
    };
    return fc.tuple(...route.params.map((param) => choices(param))).map((picked) => {
      const values = new Map(route.params.map((param, index) => [param, picked[index].id]));
      const child = picked[picked.length - 1];
      // A nested child (a milestone of a project) comes with its own parent in the path.
      if (route.params.length > 1 && lastTable && child.parent)
        values.set(route.params[route.params.length - 2], child.parent);
      return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(values.get(name) ?? ''),
      );
    });
  }

  function queryArbitrary(route: WriteRoute): fc.Arbitrary<string> {
    const names = Object.keys(route.query);
    if (names.length === 0) return fc.constant('');
    return fc
      .array(
        fc.tuple(
          fc.constantFrom(...names),
          fc.oneof(hostileString, fc.constantFrom('1e400', '-1', '99999999999999999999')),
        ),
        { maxLength: 2 },
      )
      .map((pairs) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`));
  }

  it('answers no write with a 5xx and writes nothing when it refuses', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const route of routes) {
      const client = clients.get(route.role ?? 'anonymous');
      if (!client) throw new Error(`no client for ${route.key}`);
      const body = route.body ? hostileBody(route.body, idPool) : fc.constant(undefined);
      const cases = fc.sample(fc.tuple(pathArbitrary(route), queryArbitrary(route), body), {
        numRuns: RUNS_PER_ROUTE,
        seed: SEED + requests,
      });
      for (const [path, query, payload] of cases) {
        requests += 1;
        const before = await writeFingerprint();
        const response = await client.request(route.method as 'POST', `${path}${query}`, payload);
        const after = await writeFingerprint();
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const summary =
          `${route.key} as ${route.role} → ${response.statusCode} ${path}${query} ` +
          `${JSON.stringify(payload)?.slice(0, 300)} :: ${response.body.slice(0, 300)}`;
        if (response.statusCode >= 500) failures.push(`5xx: ${summary}`);
        else if (response.statusCode >= 400 && before !== after)
          failures.push(`wrote on refusal (${before} → ${after}): ${summary}`);
      }
    }
    console.info(
      `fuzzed ${requests} writes over ${routes.length} routes; statuses:`,
      Object.fromEntries(statuses),
    );
    expect(requests).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
    expect(failures).toEqual([]);
  });
});
