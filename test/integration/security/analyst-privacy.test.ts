import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import type { AuthzRow } from '../../authz/matrix';
import { readPdf } from '../../helpers/pdf-text';

// Every GET route the analyst may call, from the authorization matrix.
const modules = import.meta.glob<{ rows: AuthzRow[] }>('../../authz/*.authz.ts', { eager: true });
const analystRoutes = Object.values(modules)
  .flatMap((m) => m.rows)
  .filter((r) => r.route.startsWith('GET ') && (r.allow === 'public' || r.allow.includes('analyst')))
  .map((r) => r.route.slice(4));

type IdSource = (t: TestApp) => Promise<string[]>;
const idsOf =
  (table: string, limit = 8): IdSource =>
  async (t) =>
    (
      await sql<{ id: string }>`select id::text as id from ${sql.table(table)} limit ${limit}`.execute(
        t.database.db,
      )
    ).rows.map((row) => row.id);

/** Where the ids of a path parameter come from, by the path before it. */
const PARAMETER_SOURCES: [RegExp, IdSource][] = [
  [/^\/api\/(public\/)?calls\/:id/, idsOf('calls', 5)],
  [/^\/api\/review\/calls\/:callId/, idsOf('calls', 30)],
  [/^\/api\/funding\/lines\/:id/, idsOf('funding_lines')],
  [/^\/api\/projects\/:id/, idsOf('projects')],
  [/^\/api\/(state-aid\/)?organisations\/:id/, idsOf('organisations', 5)],
  [/^\/api\/kpis\/definitions\/:id/, idsOf('kpi_definitions')],
  [/^\/api\/kpis\/measurements\/:id/, idsOf('kpi_measurements', 5)],
  [/^\/api\/partnership\/agreements\/:id/, idsOf('partnership_agreements')],
  [/^\/api\/partnership\/meetings\/:id/, idsOf('partnership_meetings')],
  [/^\/api\/partnership\/actions\/:id/, idsOf('partnership_actions')],
  [/^\/api\/partnership\/reports\/:id/, idsOf('partnership_reports')],
  [/^\/api\/(public\/)?clusters\/:id/, idsOf('clusters', 6)],
  [/^\/id\/cluster\/:id/, idsOf('clusters', 3)],
  [/^\/id\/call\/:id/, idsOf('calls', 3)],
  [/^\/id\/dataset\/:name/, async () => ['portfolio', 'clusters', 'calls']],
  [/\/:clusterId/, idsOf('clusters', 6)],
];

async function urlsFor(t: TestApp, route: string): Promise<string[]> {
  if (route.includes('/calendar/:file') || route.includes('/evidence/:id/file')) return [];
  // The sign-in redirects to an identity provider answer no data of anyone.
  if (route.startsWith('/api/auth/oidc/:id/')) return [];
  if (route === '/api/policy/exports/:table') {
    return [
      'ranking',
      'sensitivity',
      'scores',
      'coverage',
      'themes',
      'overlap',
      'network',
      'organisations',
    ].flatMap((table) => [`/api/policy/exports/${table}`, `/api/policy/exports/${table}?format=csv`]);
  }
  if (route.includes('/targets/:definitionId/history')) {
    const targets = await t.database.db
      .selectFrom('kpi_targets')
      .select(['cluster_id', 'definition_id'])
      .limit(5)
      .execute();
    return targets.map(
      (target) => `/api/kpis/clusters/${target.cluster_id}/targets/${target.definition_id}/history`,
    );
  }
  if (!route.includes(':')) return [route];
  const source = PARAMETER_SOURCES.find(([pattern]) => pattern.test(route));
  if (!source) throw new Error(`No ids for ${route}: add a source`);
  const ids = await source[1](t);
  return ids.map((id) => route.replace(/:[A-Za-z]+/, id));
}

async function textOf(body: Buffer, type: string): Promise<string | null> {
  if (type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))),
    );
    return cells.join('\n');
  }
  if (type.includes('pdf')) return (await readPdf(body)).text;
  return body.toString('utf8');
}

describe("the analyst's view of every route holds no person's name or e-mail address", () => {
  let t: TestApp;
  let analyst: TestClient;
  let people: { name: string; email: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.loginAs('analyst');
    people = (
      await t.database.db
        .selectFrom('users')
        .select(['name', 'email'])
        .where('id', '!=', analyst.userId as string)
        .execute()
    ).map((user) => ({ name: user.name.replace(/\s*\(voorbeeld\)\s*$/, ''), email: user.email }));
  });
  afterAll(() => t.close());

  it('checks a good share of routes with real ids', async () => {
    const leaks: string[] = [];
    let checked = 0;
    let pdfs = 0;
    for (const route of analystRoutes) {
      if (route === '/api/auth/me') continue; // the analyst's own account
      for (const url of await urlsFor(t, route)) {
        const response = await analyst.get(url);
        if (response.statusCode !== 200) continue;
        const text = await textOf(response.rawPayload, String(response.headers['content-type'] ?? ''));
        if (text === null) continue;
        checked += 1;
        if (String(response.headers['content-type']).includes('pdf')) pdfs += 1;
        const lower = text.toLowerCase();
        for (const person of people) {
          if (lower.includes(person.email.toLowerCase())) leaks.push(`${url}: e-mail ${person.email}`);
          if (person.name.length > 3 && lower.includes(person.name.toLowerCase()))
            leaks.push(`${url}: name ${person.name}`);
        }
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
    expect(checked).toBeGreaterThan(80);
    expect(pdfs).toBeGreaterThanOrEqual(3); // the portfolio and cluster KPI reports, the scenario summary
  }, 300_000);

  it('shows calibration with pseudonyms and histories with roles, while officers see the names', async () => {
    const officer = await t.loginAs('officer');
    // Two experts' submitted reviews on one proposal, so calibration has people in it.
    const db = t.database.db;
    const proposal = await db
      .selectFrom('proposals as p')
      .innerJoin('call_criteria as c', 'c.call_id', 'p.call_id')
      .select(['p.id', 'p.call_id', 'c.id as criterion_id', 'c.scale_max'])
      .executeTakeFirstOrThrow();
    const experts = await db.selectFrom('users').select('id').where('role', '=', 'expert').limit(2).execute();
    expect(experts).toHaveLength(2);
    for (const [index, expert] of experts.entries()) {
      const assignment = await db
        .insertInto('review_assignments')
        .values({
          call_id: proposal.call_id,
          proposal_id: proposal.id,
          expert_user_id: expert.id,
          origin: 'manual',
        })
        .onConflict((oc) => oc.columns(['proposal_id', 'expert_user_id']).doUpdateSet({ origin: 'manual' }))
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('reviews').where('assignment_id', '=', assignment.id).execute();
      const review = await db
        .insertInto('reviews')
        .values({
          assignment_id: assignment.id,
          proposal_id: proposal.id,
          expert_user_id: expert.id,
          status: 'submitted',
          submitted_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('review_scores')
        .values({ review_id: review.id, criterion_id: proposal.criterion_id, score: String(index + 1) })
        .execute();
    }
    const calls = await t.database.db.selectFrom('calls').select('id').execute();
    let compared = 0;
    for (const call of calls) {
      const staff = await officer.get(`/api/review/calls/${call.id}/calibration`);
      if (staff.statusCode !== 200 || staff.json().data.experts.length === 0) continue;
      const seen = await analyst.get(`/api/review/calls/${call.id}/calibration`);
      const names = seen.json().data.experts.map((e: { name: string }) => e.name);
      expect(names).toEqual(names.map((_: string, i: number) => `Expert ${String.fromCharCode(65 + i)}`));
      expect(
        staff
          .json()
          .data.experts.map((e: { name: string }) => e.name)
          .sort(),
      ).not.toEqual([...names].sort());
      compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
    const sheet = await analyst.get(`/api/review/calls/${proposal.call_id}/calibration.xlsx`);
    const text = await textOf(sheet.rawPayload, String(sheet.headers['content-type']));
    expect(text).toContain('Expert A');
    for (const person of people) expect(text?.toLowerCase()).not.toContain(person.name.toLowerCase());
    const target = await t.database.db
      .selectFrom('kpi_target_history as h')
      .innerJoin('kpi_targets as k', 'k.id', 'h.target_id')
      .innerJoin('users as u', 'u.id', 'h.changed_by')
      .select(['k.cluster_id', 'k.definition_id', 'u.role', 'u.name'])
      .executeTakeFirstOrThrow();
    const url = `/api/kpis/clusters/${target.cluster_id}/targets/${target.definition_id}/history`;
    expect((await analyst.get(url)).json().data[0].changedBy).toBe(target.role);
    expect((await officer.get(url)).json().data[0].changedBy).toBe(target.name);
  });
});
