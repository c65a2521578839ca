import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../../src/server/db/database';
import { recordAudit } from '../../../src/server/audit/record-audit';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { countedApp, QueryCounter } from '../../helpers/counted-app';
import { clientFor, type TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

/**
 * Issue 14: list routes that used to read a whole list and cut one page in JavaScript now page in
 * SQL. For each, the statements of one request stay the same when the list grows (counted, not
 * timed: helpers/counted-app.ts), no statement answers more than a page of the list's rows, and
 * page 2 is the matching slice of the whole list, with the same total, in a stable order.
 */
const now = '2026-11-29T10:00:00Z';
const PAGE = 5;
let database: Database;
let app: FastifyInstance;
let officer: TestClient;
let expert: TestClient;
const counter = new QueryCounter();

/**
 * Inserts `copies` copies of the rows of `table` matching `where` (over the row `r`), each with
 * `overrides` (SQL of a jsonb object over `r` and the copy number `g`). A copy's id is derived
 * from its source's id and `g` (`copyOf`), so copies of related rows can point at each other.
 */
async function cloneRows(table: string, where: string, copies: number, overrides = `'{}'::jsonb`) {
  const result = await sql
    .raw(
      `insert into ${table}
       select (jsonb_populate_record(null::${table}, to_jsonb(r)
         || jsonb_build_object('id', ${copyOf('r.id')}) || ${overrides})).*
       from ${table} r, generate_series(1, ${copies}) g
       where ${where}`,
    )
    .execute(database.db);
  return Number(result.numAffectedRows ?? 0);
}
const copyOf = (column: string) => `md5(${column}::text || '-' || g)::uuid`;

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

async function measure(client: TestClient, url: string) {
  counter.reset();
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return { statements: counter.statements, mostRows: counter.mostRows };
}

/** Page 2 is the slice of the whole list (one page of 500), with its total, the same when asked again. */
async function expectSecondPage(client: TestClient, url: string) {
  const whole = (await client.get(withQuery(url, 'pageSize=500'))).json();
  expect(whole.page.total).toBe(whole.data.length);
  const second = await client.get(withQuery(url, `page=2&pageSize=${PAGE}`));
  expect(second.statusCode).toBe(200);
  expect(second.json().page).toEqual({ page: 2, pageSize: PAGE, total: whole.page.total });
  expect(second.json().data).toEqual(whole.data.slice(PAGE, 2 * PAGE));
  expect((await client.get(withQuery(url, `page=2&pageSize=${PAGE}`))).json()).toEqual(second.json());
  const past = (await client.get(withQuery(url, `page=1000&pageSize=${PAGE}`))).json();
  expect(past.data).toEqual([]);
  expect(past.page.total).toBe(whole.page.total);
  return whole.page.total as number;
}

/**
 * The statements of a page before and after `grow` adds rows to the list: the same, and no
 * statement answers more rows than before or than a page.
 */
async function expectBoundedAsItGrows(
  client: TestClient,
  url: string,
  grow: () => Promise<unknown>,
  expectedGrowth: number,
) {
  const pageUrl = withQuery(url, `pageSize=${PAGE}`);
  await measure(client, pageUrl);
  const totalBefore = await expectSecondPage(client, url);
  const before = await measure(client, pageUrl);
  await grow();
  const totalAfter = await expectSecondPage(client, url);
  expect(totalAfter).toBe(totalBefore + expectedGrowth);
  const after = await measure(client, pageUrl);
  expect(after.statements, url).toBe(before.statements);
  expect(after.mostRows, url).toBeLessThanOrEqual(Math.max(before.mostRows, PAGE));
  return { before, after };
}

let flux50 = '';

beforeAll(async () => {
  database = await createTestDatabase('demo');
  ({ app, officer } = await countedApp(database, counter, now));
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'expert2@speerpunt.example', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'sp_session')?.value ?? null;
  expert = clientFor(app, cookie, login.json().data.csrfToken, login.json().data.user.id);
  flux50 = (
    await database.db
      .selectFrom('clusters')
      .select('id')
      .where('short_name', '=', 'Flux50')
      .executeTakeFirstOrThrow()
  ).id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('partnership lists page in SQL', () => {
  it('the overview of every cluster: two statements whatever the clusters, export in batches', async () => {
    await expectBoundedAsItGrows(
      officer,
      '/api/partnership/clusters',
      () =>
        cloneRows(
          'clusters',
          `r.short_name = 'Flux50'`,
          60,
          `jsonb_build_object('name', r.name || ' ' || lpad(g::text, 3, '0'), 'short_name', r.short_name || '-' || g)`,
        ),
      60,
    );
    const page = (await officer.get('/api/partnership/clusters?pageSize=500')).json().data as {
      shortName: string;
      clusterName: string;
      openActions: number;
      agreementTitle: string | null;
    }[];
    const original = page.find((c) => c.shortName === 'Flux50');
    expect(original?.openActions).toBeGreaterThan(0);
    expect(original?.agreementTitle).not.toBeNull();
    expect(page.find((c) => c.shortName === 'Flux50-1')).toMatchObject({
      openActions: 0,
      agreementTitle: null,
    });
    counter.reset();
    const sheet = await officer.get('/api/partnership/clusters.xlsx?lang=en');
    expect(sheet.statusCode).toBe(200);
    expect(counter.statements).toBeLessThan(10);
    // The export holds the overview's lines, in its order, with the same figures.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const exported: string[] = [];
    workbook.worksheets[0]?.eachRow((row, line) => {
      if (line > 1) exported.push(`${row.getCell(1).text}|${row.getCell(2).text}|${row.getCell(4).text}`);
    });
    expect(exported).toEqual(page.map((c) => `${c.clusterName}|${c.agreementTitle ?? ''}|${c.openActions}`));
  });

  it('the people of a cluster', async () => {
    await expectBoundedAsItGrows(
      officer,
      `/api/partnership/clusters/${flux50}/people`,
      () =>
        cloneRows(
          'users',
          `r.email = 'officer@speerpunt.example'`,
          40,
          `jsonb_build_object('email', 'officer' || g || '@copies.example',
             'name', r.name || ' ' || lpad(g::text, 3, '0'))`,
        ),
      40,
    );
  });

  it("a cluster's agreements, each with its objectives and periods", async () => {
    const agreements = `/api/partnership/clusters/${flux50}/agreements`;
    await expectBoundedAsItGrows(
      officer,
      agreements,
      () =>
        cloneRows(
          'partnership_agreements',
          `r.cluster_id = '${flux50}'`,
          20,
          `jsonb_build_object('period_start', (r.period_start - make_interval(years => 5 * g))::date,
             'period_end', (r.period_end - make_interval(years => 5 * g))::date)`,
        ),
      20,
    );
    const first = (await officer.get(agreements)).json().data[0];
    expect(first.objectives.length).toBeGreaterThan(0);
  });

  it("a cluster's meetings and one meeting's minutes versions", async () => {
    await expectBoundedAsItGrows(
      officer,
      `/api/partnership/clusters/${flux50}/meetings`,
      () =>
        cloneRows(
          'partnership_meetings',
          `r.cluster_id = '${flux50}'`,
          30,
          `jsonb_build_object('starts_at', r.starts_at - make_interval(days => 7 * g))`,
        ),
      60,
    );
    const withMinutes = await database.db
      .selectFrom('partnership_minutes as m')
      .innerJoin('partnership_meetings as p', 'p.id', 'm.meeting_id')
      .select(['m.meeting_id', (eb) => eb.fn.max('m.version').as('version')])
      .where('p.cluster_id', '=', flux50)
      .groupBy('m.meeting_id')
      .executeTakeFirstOrThrow();
    await expectBoundedAsItGrows(
      officer,
      `/api/partnership/meetings/${withMinutes.meeting_id}/minutes/versions`,
      () =>
        cloneRows(
          'partnership_minutes',
          `r.meeting_id = '${withMinutes.meeting_id}' and r.version = ${Number(withMinutes.version)}`,
          30,
          `jsonb_build_object('version', r.version + g)`,
        ),
      30,
    );
  });

  it("a cluster's actions and my actions, the status filter applied in SQL", async () => {
    const ofCluster = `/api/partnership/clusters/${flux50}/actions`;
    const actions = await database.db
      .selectFrom('partnership_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cluster_id', '=', flux50)
      .executeTakeFirstOrThrow();
    const copies = 20;
    const grow = () =>
      cloneRows(
        'partnership_actions',
        `r.cluster_id = '${flux50}'`,
        copies,
        `jsonb_build_object('due_on', (r.due_on + 3 * g - 40), 'owner_user_id', '${officer.userId}')`,
      );
    const mine = '/api/partnership/actions/mine';
    const mineBefore = await measure(officer, withQuery(mine, `pageSize=${PAGE}`));
    const { before } = await expectBoundedAsItGrows(officer, ofCluster, grow, copies * Number(actions.n));
    expect((await measure(officer, withQuery(mine, `pageSize=${PAGE}`))).statements).toBe(
      mineBefore.statements,
    );
    await expectSecondPage(officer, mine);
    type Action = { status: string; isOverdue: boolean };
    for (const url of [ofCluster, mine]) {
      const all = (await officer.get(withQuery(url, 'pageSize=500'))).json().data as Action[];
      const groups: Record<string, (a: Action) => boolean> = {
        open: (a) => a.status === 'open' || a.status === 'in_progress',
        overdue: (a) => a.isOverdue,
        done: (a) => a.status === 'done',
      };
      for (const [status, keep] of Object.entries(groups)) {
        const expected = all.filter(keep);
        const second = (await officer.get(withQuery(url, `status=${status}&page=2&pageSize=${PAGE}`))).json();
        expect(second.page.total, `${url} ${status}`).toBe(expected.length);
        expect(second.data).toEqual(expected.slice(PAGE, 2 * PAGE));
        const filtered = await measure(officer, withQuery(url, `status=${status}&pageSize=${PAGE}`));
        if (url === ofCluster) expect(filtered.statements).toBe(before.statements);
      }
    }
    const overdue = (await officer.get(withQuery(ofCluster, 'status=overdue&pageSize=500'))).json();
    expect(overdue.page.total).toBeGreaterThan(PAGE);
  });

  it("a cluster's reports", async () => {
    const agreementIds = `select id from partnership_agreements where cluster_id = '${flux50}'`;
    const reports = await database.db
      .selectFrom('partnership_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cluster_id', '=', flux50)
      .executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBeGreaterThan(0);
    await expectBoundedAsItGrows(
      officer,
      `/api/partnership/clusters/${flux50}/reports`,
      async () => {
        await cloneRows(
          'partnership_report_periods',
          `r.agreement_id in (${agreementIds})
             and exists (select 1 from partnership_reports x where x.period_id = r.id)`,
          15,
          `jsonb_build_object('label', r.label || ' #' || g,
             'starts_on', (r.starts_on - make_interval(years => g))::date,
             'ends_on', (r.ends_on - make_interval(years => g))::date,
             'due_on', (r.due_on - make_interval(years => g))::date)`,
        );
        await cloneRows(
          'partnership_reports',
          `r.cluster_id = '${flux50}'`,
          15,
          `jsonb_build_object('period_id', ${copyOf('r.period_id')})`,
        );
      },
      15 * Number(reports.n),
    );
  });

  it("a cluster's timeline: a fixed number of statements, each source bounded", async () => {
    const timeline = `/api/partnership/clusters/${flux50}/timeline`;
    const total = await expectSecondPage(officer, timeline);
    expect(total).toBeGreaterThan(60);
    const before = await measure(officer, withQuery(timeline, `pageSize=${PAGE}`));
    await cloneRows(
      'partnership_meetings',
      `r.cluster_id = '${flux50}'`,
      1,
      `jsonb_build_object('id', md5(r.id::text || '-timeline')::uuid)`,
    );
    expect(await expectSecondPage(officer, timeline)).toBeGreaterThan(total);
    expect((await measure(officer, withQuery(timeline, `pageSize=${PAGE}`))).statements).toBe(
      before.statements,
    );
  });
});

describe('review lists page in SQL', () => {
  let callId = '';
  beforeAll(async () => {
    callId = (
      await database.db
        .selectFrom('calls')
        .select('id')
        .where('code', '=', 'VB-2026-BEOORDELING')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('the conflicts of interest of a call', async () => {
    const conflicts = `select expert_user_id from review_conflicts where call_id = '${callId}'`;
    const existing = await database.db
      .selectFrom('review_conflicts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(Number(existing.n)).toBeGreaterThan(0);
    const copies = 25;
    await expectBoundedAsItGrows(
      officer,
      `/api/review/calls/${callId}/conflicts`,
      async () => {
        await cloneRows(
          'users',
          `r.id in (${conflicts})`,
          copies,
          `jsonb_build_object('email', 'conflicted' || g || '-' || r.email)`,
        );
        await cloneRows(
          'review_conflicts',
          `r.call_id = '${callId}'`,
          copies,
          `jsonb_build_object('expert_user_id', ${copyOf('r.expert_user_id')})`,
        );
      },
      copies * Number(existing.n),
    );
  });

  it('the calls in review', async () => {
    await expectBoundedAsItGrows(
      officer,
      '/api/review/calls',
      () => cloneRows('calls', `r.id = '${callId}'`, 30, `jsonb_build_object('code', r.code || '-' || g)`),
      30,
    );
  });

  it("an expert's assignments", async () => {
    const assignments = `select a.id from review_assignments a join calls c on c.id = a.call_id
      where a.expert_user_id = '${expert.userId}' and c.code = 'VB-2026-SELECTIE'`;
    const found = await sql<{ id: string }>`${sql.raw(assignments)}`.execute(database.db);
    expect(found.rows.length).toBeGreaterThan(0);
    const copies = 10;
    await expectBoundedAsItGrows(
      expert,
      '/api/review/my/assignments',
      async () => {
        await cloneRows(
          'proposals',
          `r.id in (select proposal_id from review_assignments where id in (${assignments}))`,
          copies,
          `jsonb_build_object('reference', r.reference || '-' || g)`,
        );
        await cloneRows(
          'review_assignments',
          `r.id in (${assignments})`,
          copies,
          `jsonb_build_object('proposal_id', ${copyOf('r.proposal_id')})`,
        );
      },
      copies * found.rows.length,
    );
  });
});

describe('organisation lists page in SQL', () => {
  it("the history of an organisation's SME figures", async () => {
    const organisation = await database.db
      .selectFrom('organisations')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const sizes = ['micro', 'small', 'medium', 'large'];
    const record = (count: number) =>
      database.db.transaction().execute(async (tx) => {
        for (let i = 0; i < count; i += 1)
          await recordAudit(
            tx,
            { userId: officer.userId, label: 'officer' },
            {
              action: 'organisation.sme_figures_saved',
              entityType: 'organisation',
              entityId: organisation.id,
              before: { sizeClass: sizes[i % 4] },
              after: { sizeClass: sizes[(i + 1) % 4] },
            },
          );
      });
    await record(3);
    const history = `/api/organisations/${organisation.id}/figures-history`;
    await expectBoundedAsItGrows(officer, history, () => record(40), 40);
    const first = (await officer.get(withQuery(history, 'pageSize=1'))).json().data[0];
    expect(first).toMatchObject({
      changedBy: expect.any(String),
      sizeClassBefore: 'large',
      sizeClassAfter: 'micro',
    });
  });
});
