import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../helpers/test-app';

describe('funding demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has base funding for every cluster for three years, with payments', async () => {
    const db = t.database.db;
    const clusters = await db.selectFrom('clusters').select('id').execute();
    const grants = await db.selectFrom('base_operation_grants').select(['cluster_id', 'year']).execute();
    for (const cluster of clusters) {
      expect(
        grants
          .filter((g) => g.cluster_id === cluster.id)
          .map((g) => g.year)
          .sort(),
      ).toEqual([2024, 2025, 2026]);
    }
    const paid = await sql<{
      n: number;
    }>`select count(*)::int as n from funding_payments p join funding_commitments c on c.id =
      p.commitment_id where c.base_operation_id is not null and p.status = 'released'`.execute(db);
    expect(paid.rows[0].n).toBeGreaterThanOrEqual(clusters.length * 3);
  });

  it(
    'has about fifteen projects, two or more inter-cluster ones with two or more clusters, and ' +
      'commitments with payments',
    async () => {
      const db = t.database.db;
      const projects = await db
        .selectFrom('projects')
        .select(['id', 'kind', 'aid_cents', 'total_budget_cents'])
        .execute();
      expect(projects.length).toBeGreaterThanOrEqual(15);
      const inter = projects.filter((p) => p.kind === 'inter_cluster_project');
      expect(inter.length).toBeGreaterThanOrEqual(2);
      for (const p of inter) {
        const clusters = await db
          .selectFrom('project_clusters')
          .select('cluster_id')
          .where('project_id', '=', p.id)
          .execute();
        expect(clusters.length).toBeGreaterThanOrEqual(2);
      }
      for (const p of projects) {
        const sums = await db
          .selectFrom('project_participants')
          .select([
            sql<number>`sum(budget_cents)::bigint`.as('budget'),
            sql<number>`sum(aid_cents)::bigint`.as('aid'),
          ])
          .where('project_id', '=', p.id)
          .executeTakeFirstOrThrow();
        expect(Number(sums.budget)).toBe(Number(p.total_budget_cents));
        expect(Number(sums.aid)).toBe(Number(p.aid_cents));
      }
      const projectPayments = await sql<{
        n: number;
      }>`select count(*)::int as n from funding_payments p join funding_commitments c on c.id =
      p.commitment_id where c.project_id is not null and p.status = 'released'`.execute(db);
      expect(projectPayments.rows[0].n).toBeGreaterThan(10);
    },
  );
});
