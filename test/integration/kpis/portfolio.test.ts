import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/http/actor';
import { buildPortfolio } from '../../../src/server/modules/kpis/kpi-views';
import {
  COMPUTED_QUERIES,
  caseKey,
  runComputedQuery,
  runComputedQueryBatch,
} from '../../../src/server/modules/kpis/kpi-queries';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

interface PortfolioCell {
  status: string;
  value?: number;
  reason?: string;
  expected?: number;
  measurementId?: string;
  measurementStatus?: string;
  isOutlier?: true;
}
interface Portfolio {
  period: { id: string; code: string } | null;
  periods: { id: string; code: string; startsOn: string; endsOn: string }[];
  kpis: { id: string; code: string; lens: string; source: string; nameNl: string; nameEn: string }[];
  clusters: { id: string; shortName: string; kind: string; cells: PortfolioCell[] }[];
  transitions: { id: string }[];
  page: { page: number; pageSize: number; total: number };
}
interface DashboardKpi {
  definition: { id: string };
  values: {
    periodId: string;
    value: number | null;
    reason: string | null;
    expected: number | null;
    status: string;
    measurementId: string | null;
    measurementStatus: string | null;
    isOutlier: boolean;
  }[];
}

describe('KPI portfolio: one page of clusters, KPIs named once, compact cells', () => {
  let t: TestApp;
  let analyst: TestClient;
  let officer: TestClient;
  let manager: TestClient;
  const portfolio = async (client: TestClient, query = ''): Promise<Portfolio> => {
    const response = await client.get(`/api/kpis/portfolio${query}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json().data as Portfolio;
  };

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.loginAs('analyst');
    officer = await t.loginAs('officer');
    manager = await t.loginAs('manager');
  });
  afterAll(() => t.close());

  it('pages the clusters on the server: 25 by default, at most 100, spearheads first', async () => {
    const all = await t.database.db.selectFrom('clusters').select(['id', 'kind']).execute();
    const first = await portfolio(analyst);
    expect(first.page).toEqual({ page: 1, pageSize: 25, total: all.length });
    expect(first.clusters.length).toBe(Math.min(25, all.length));

    const one = await portfolio(analyst, '?pageSize=2&page=1');
    const two = await portfolio(analyst, '?pageSize=2&page=2');
    expect(one.clusters.map((c) => c.id)).toEqual(first.clusters.slice(0, 2).map((c) => c.id));
    expect(two.clusters.map((c) => c.id)).toEqual(first.clusters.slice(2, 4).map((c) => c.id));
    expect(two.page).toEqual({ page: 2, pageSize: 2, total: all.length });
    const kinds = first.clusters.map((c) => c.kind);
    expect(kinds).toEqual([...kinds].sort().reverse());

    const refused = await analyst.get('/api/kpis/portfolio?pageSize=101');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('VALIDATION_FAILED');
    expect(refused.json().details.map((d: { path: string }) => d.path)).toContain('querystring.pageSize');

    const past = await portfolio(analyst, `?page=${all.length + 1}`);
    expect(past.clusters).toEqual([]);
    expect(past.page.total).toBe(all.length);
  });

  it('names each KPI once and gives every cluster one compact cell per KPI, as its dashboard has it', async () => {
    const data = await portfolio(officer, '?pageSize=100');
    const period = data.period;
    expect(period).not.toBeNull();
    // The KPI columns carry no definitions' texts or SQL (the drill-down reads the definition).
    expect(Object.keys(data.kpis[0] ?? {}).sort()).toEqual(
      ['code', 'id', 'lens', 'nameEn', 'nameNl', 'source'].concat('unit').sort(),
    );
    for (const cluster of data.clusters) {
      expect(cluster.cells).toHaveLength(data.kpis.length);
      for (const cell of cluster.cells) {
        // Only fields with a value are sent.
        for (const value of Object.values(cell)) expect(value).not.toBeNull();
        if ('isOutlier' in cell) expect(cell.isOutlier).toBe(true);
      }
    }
    // The cells are those of each cluster's dashboard for the period.
    for (const cluster of data.clusters.slice(0, 3)) {
      const dashboard = (await officer.get(`/api/kpis/clusters/${cluster.id}/dashboard`)).json().data
        .kpis as DashboardKpi[];
      data.kpis.forEach((kpi, index) => {
        const expected = dashboard
          .find((k) => k.definition.id === kpi.id)
          ?.values.find((v) => v.periodId === period?.id);
        const cell = cluster.cells[index];
        expect(cell, `${cluster.shortName} ${kpi.code}`).toEqual({
          status: expected?.status,
          ...(expected?.value !== null && { value: expected?.value }),
          ...(expected?.reason !== null && { reason: expected?.reason }),
          ...(expected?.expected !== null && { expected: expected?.expected }),
          ...(expected?.measurementId !== null && { measurementId: expected?.measurementId }),
          ...(expected?.measurementStatus !== null && { measurementStatus: expected?.measurementStatus }),
          ...(expected?.isOutlier && { isOutlier: true }),
        });
      });
    }
  });

  it('filters by kind, transition and lens in SQL, with the total of what matches', async () => {
    const networks = await portfolio(analyst, '?kind=business_network&pageSize=100');
    const count = await t.database.db
      .selectFrom('clusters')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'business_network')
      .executeTakeFirstOrThrow();
    expect(networks.page.total).toBe(Number(count.n));
    expect(networks.clusters.every((c) => c.kind === 'business_network')).toBe(true);

    const transition = networks.transitions[0];
    expect(transition).toBeDefined();
    const linked = await portfolio(analyst, `?transitionId=${transition?.id}&pageSize=100`);
    const expected = await t.database.db
      .selectFrom('cluster_themes as ct')
      .innerJoin('themes as th', 'th.id', 'ct.theme_id')
      .select('ct.cluster_id')
      .distinct()
      .where((eb) =>
        eb.or([eb('th.id', '=', transition?.id ?? ''), eb('th.parent_id', '=', transition?.id ?? '')]),
      )
      .execute();
    expect(linked.clusters.map((c) => c.id).sort()).toEqual(expected.map((r) => r.cluster_id).sort());

    const lens = await portfolio(analyst, '?lens=transition&pageSize=3');
    expect(lens.kpis.every((k) => k.lens !== 'economic')).toBe(true);
    expect(lens.clusters.every((c) => c.cells.length === lens.kpis.length)).toBe(true);
  });

  it('is for the portfolio roles; a manager reads only own clusters, through the dashboard', async () => {
    expect((await manager.get('/api/kpis/portfolio')).statusCode).toBe(403);
    // The step itself limits what it reads to the clusters the viewer may see.
    const own = await t.database.db
      .selectFrom('user_clusters')
      .select('cluster_id')
      .where('user_id', '=', manager.userId ?? '')
      .execute();
    const actor: Actor = {
      userId: manager.userId ?? '',
      email: 'manager@speerpunt.example',
      name: 'Manager',
      role: 'manager',
      locale: 'nl',
      clusterIds: own.map((r) => r.cluster_id),
      via: 'session',
    };
    const page = await buildPortfolio(t.database.db, actor, { page: 1, pageSize: 100 }, new Date());
    expect(page.clusters.map((c) => c.id).sort()).toEqual(actor.clusterIds.sort());
    expect(page.page.total).toBe(actor.clusterIds.length);
    const none = await buildPortfolio(
      t.database.db,
      { ...actor, clusterIds: [] },
      { page: 1, pageSize: 25 },
      new Date(),
    );
    expect(none.clusters).toEqual([]);
    expect(none.page.total).toBe(0);
  });

  it('runs a computed KPI for many cases in one statement, with the figures of one at a time', async () => {
    const clusters = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .orderBy('name')
      .limit(4)
      .execute();
    const periods = await t.database.db
      .selectFrom('reporting_periods')
      .select(['id', 'starts_on', 'ends_on'])
      .orderBy('starts_on')
      .execute();
    const cases = clusters.flatMap((c) =>
      periods.map((p) => ({ clusterId: c.id, periodId: p.id, startsOn: p.starts_on, endsOn: p.ends_on })),
    );
    for (const key of Object.keys(COMPUTED_QUERIES)) {
      const batch = await runComputedQueryBatch(t.database.db, key, cases);
      for (const c of cases) {
        const single = await runComputedQuery(t.database.db, key, c.clusterId, c.startsOn, c.endsOn);
        expect(batch.get(caseKey(c.clusterId, c.periodId)), `${key} ${c.clusterId} ${c.startsOn}`).toEqual(
          single,
        );
      }
    }
  }, 120_000);
});
