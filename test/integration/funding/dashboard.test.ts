import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../helpers/test-app';

interface Figures {
  budgetCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  interClusterCommittedCents: number;
  cofundingCents: number;
}

/**
 * Recomputes the dashboard from the rows with plain SQL aggregates (and its own apportioning),
 * independently of the module.
 */
describe('budget dashboard totals match the rows', () => {
  let t: TestApp;
  let dashboard: {
    totals: Figures;
    byLine: (Figures & { lineId: string; year: number })[];
    byCluster: (Figures & { clusterId: string | null })[];
    byYear: (Figures & { year: number })[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const analyst = await t.loginAs('analyst');
    const response = await analyst.get('/api/funding/dashboard');
    expect(response.statusCode).toBe(200);
    dashboard = response.json().data;
  });
  afterAll(() => t.close());

  it('per line and in total', async () => {
    const rows = await sql<{
      id: string;
      budget: string;
      committed: string;
      paid: string;
      inter: string;
      cofunding: string;
    }>`
      with b as (
        select l.id, l.amount_cents
          + coalesce((select sum(amount_cents) from funding_reallocations where to_line_id = l.id), 0)
          - coalesce((select sum(amount_cents) from funding_reallocations where from_line_id = l.id), 0) as budget
        from funding_lines l)
      select b.id, b.budget::text as budget,
        coalesce(sum(c.amount_cents), 0)::text as committed,
        coalesce(sum(case when p.kind = 'inter_cluster_project' then c.amount_cents end), 0)::text as inter,
        coalesce(sum(c.cofunding_cents), 0)::text as cofunding,
        (select coalesce(sum(fp.amount_cents), 0) from funding_payments fp where fp.line_id = b.id and
          fp.status = 'released')::text as paid
      from b left join funding_commitments c on c.line_id = b.id left join projects p on p.id = c.project_id
      group by b.id, b.budget`.execute(t.database.db);
    expect(dashboard.byLine).toHaveLength(rows.rows.length);
    let total = { budget: 0n, committed: 0n, paid: 0n };
    for (const row of rows.rows) {
      const line = dashboard.byLine.find((l) => l.lineId === row.id);
      expect(line).toBeDefined();
      expect(BigInt(line?.budgetCents ?? -1)).toBe(BigInt(row.budget));
      expect(BigInt(line?.committedCents ?? -1)).toBe(BigInt(row.committed));
      expect(BigInt(line?.paidCents ?? -1)).toBe(BigInt(row.paid));
      expect(BigInt(line?.remainingCents ?? -1)).toBe(BigInt(row.budget) - BigInt(row.committed));
      expect(BigInt(line?.interClusterCommittedCents ?? -1)).toBe(BigInt(row.inter));
      expect(BigInt(line?.cofundingCents ?? -1)).toBe(BigInt(row.cofunding));
      total = {
        budget: total.budget + BigInt(row.budget),
        committed: total.committed + BigInt(row.committed),
        paid: total.paid + BigInt(row.paid),
      };
    }
    expect(BigInt(dashboard.totals.budgetCents)).toBe(total.budget);
    expect(BigInt(dashboard.totals.committedCents)).toBe(total.committed);
    expect(BigInt(dashboard.totals.paidCents)).toBe(total.paid);
    // Sanity: the demo has money in every column.
    expect(total.paid > 0n && total.committed > total.paid && total.budget > total.committed).toBe(true);
  });

  it('per budget year', async () => {
    const rows = await sql<{ year: number; committed: string; paid: string }>`
      select y.year,
        (select coalesce(sum(c.amount_cents), 0) from funding_commitments c join funding_lines l2 on l2.id =
          c.line_id where extract(year from l2.period_start)::int = y.year)::text as committed,
        (select coalesce(sum(p.amount_cents), 0) from funding_payments p join funding_lines l3 on l3.id =
          p.line_id where p.status = 'released' and extract(year from l3.period_start)::int = y.year)::text
          as paid
      from (select distinct extract(year from period_start)::int as year from funding_lines) y order by 1`.execute(
      t.database.db,
    );
    expect(dashboard.byYear.map((y) => y.year)).toEqual(rows.rows.map((r) => r.year));
    for (const row of rows.rows) {
      const year = dashboard.byYear.find((y) => y.year === row.year);
      expect(String(year?.committedCents)).toBe(row.committed);
      expect(String(year?.paidCents)).toBe(row.paid);
    }
  });

  it(
    'per cluster: apportioned parts add up to the totals, and each cluster matches an independent ' +
      'apportioning',
    async () => {
      const sum = (key: keyof Figures) => dashboard.byCluster.reduce((s, c) => s + BigInt(c[key]), 0n);
      expect(sum('budgetCents')).toBe(BigInt(dashboard.totals.budgetCents));
      expect(sum('committedCents')).toBe(BigInt(dashboard.totals.committedCents));
      expect(sum('paidCents')).toBe(BigInt(dashboard.totals.paidCents));
      expect(sum('interClusterCommittedCents')).toBe(BigInt(dashboard.totals.interClusterCommittedCents));

      // Independent: each commitment's clusters, equal parts with leftover cents to the first ids.
      const db = t.database.db;
      const commitments = await db
        .selectFrom('funding_commitments')
        .select(['id', 'amount_cents', 'project_id', 'base_operation_id'])
        .execute();
      const projectClusters = await db
        .selectFrom('project_clusters')
        .select(['project_id', 'cluster_id'])
        .execute();
      const grants = await db.selectFrom('base_operation_grants').select(['id', 'cluster_id']).execute();
      const expected = new Map<string, bigint>();
      for (const c of commitments) {
        const ids = c.project_id
          ? projectClusters
              .filter((pc) => pc.project_id === c.project_id)
              .map((pc) => pc.cluster_id)
              .sort()
          : [grants.find((g) => g.id === c.base_operation_id)?.cluster_id ?? ''];
        const amount = BigInt(c.amount_cents);
        const n = BigInt(ids.length);
        ids.forEach((id, i) =>
          expected.set(id, (expected.get(id) ?? 0n) + amount / n + (BigInt(i) < amount % n ? 1n : 0n)),
        );
      }
      for (const [clusterId, cents] of expected) {
        expect(BigInt(dashboard.byCluster.find((c) => c.clusterId === clusterId)?.committedCents ?? -1)).toBe(
          cents,
        );
      }
    },
  );
});
