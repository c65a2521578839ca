import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

/**
 * The open-data portfolio pages like the other lists (with totals over all clusters), its
 * downloads stay whole but are streamed and tagged with the portfolio revision (304 when
 * unchanged), and a cluster's members download as CSV streamed in batches.
 */
describe('public portfolio: paging and streamed downloads', () => {
  let t: TestApp;
  let officer: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
  });
  afterAll(async () => t.close());

  const csvRows = (body: string) => body.split('\r\n').filter((line) => line !== '');

  it('answers one page of clusters with the totals over all of them and refuses an unbounded page', async () => {
    const refused = await t.anonymous.get('/api/public/portfolio?pageSize=501');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('VALIDATION_FAILED');
    expect(refused.json().details.map((d: { path: string }) => d.path)).toContain('querystring.pageSize');

    const all = await t.anonymous.get('/api/public/portfolio?pageSize=500');
    expect(all.statusCode).toBe(200);
    expect(all.headers['cache-control']).toBe('public, max-age=300');
    const { data, page } = all.json();
    const clusters = await t.database.db.selectFrom('clusters').select(['kind']).execute();
    expect(page).toEqual({ page: 1, pageSize: 500, total: clusters.length });
    expect(data.clusters).toHaveLength(clusters.length);
    expect(data.totals).toEqual({
      clusters: clusters.length,
      spearheads: clusters.filter((c) => c.kind === 'spearhead').length,
      businessNetworks: clusters.filter((c) => c.kind === 'business_network').length,
      members: data.clusters.reduce((sum: number, c: { members: number }) => sum + c.members, 0),
    });
    expect(data.themes.length).toBeGreaterThan(0);

    const first = (await t.anonymous.get('/api/public/portfolio?page=1&pageSize=2')).json();
    const second = (await t.anonymous.get('/api/public/portfolio?page=2&pageSize=2')).json();
    expect(first.page).toEqual({ page: 1, pageSize: 2, total: clusters.length });
    expect(first.data.clusters.map((c: { id: string }) => c.id)).toEqual(
      data.clusters.slice(0, 2).map((c: { id: string }) => c.id),
    );
    expect(second.data.clusters.map((c: { id: string }) => c.id)).toEqual(
      data.clusters.slice(2, 4).map((c: { id: string }) => c.id),
    );
    expect(second.data.totals).toEqual(data.totals);
    const past = (await t.anonymous.get(`/api/public/portfolio?page=1000&pageSize=500`)).json();
    expect(past.data.clusters).toEqual([]);
    expect(past.page.total).toBe(clusters.length);
  });

  it('downloads every cluster as JSON and CSV, in the order of the pages, tagged by revision', async () => {
    const paged = (await t.anonymous.get('/api/public/portfolio?pageSize=500')).json().data;
    const json = await t.anonymous.get('/api/public/portfolio.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers['cache-control']).toBe('public, max-age=300');
    const whole = JSON.parse(json.body);
    expect(whole.clusters).toEqual(paged.clusters);
    expect(whole.totals).toEqual(paged.totals);
    expect(whole.themes).toEqual(paged.themes);

    const csv = await t.anonymous.get('/api/public/portfolio.csv');
    expect(csv.statusCode).toBe(200);
    const rows = csvRows(csv.body);
    expect(rows[0]).toMatch(/^short_name,name,kind,status/);
    expect(rows).toHaveLength(paged.clusters.length + 1);
    const clustersCsv = csvRows((await t.anonymous.get('/api/public/clusters.csv')).body);
    expect(clustersCsv).toHaveLength(paged.clusters.length + 1);
    expect(clustersCsv.slice(1).map((line) => line.split(',')[0])).toEqual(
      paged.clusters.map((c: { uri: string }) => c.uri),
    );

    // Unchanged portfolio: the tag answers 304 without a body; a change of the portfolio moves it.
    const tag = String(csv.headers.etag);
    expect(tag).toMatch(/^W\/"portfolio\.csv-\d+-\d{4}-\d{2}-\d{2}"$/);
    const again = await t.anonymous.request('GET', '/api/public/portfolio.csv', undefined, {
      'if-none-match': tag,
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select(['id', 'name'])
      .executeTakeFirstOrThrow();
    const changed = await officer.patch(`/api/clusters/${cluster.id}`, { name: `${cluster.name} ` });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await t.anonymous.request('GET', '/api/public/portfolio.csv', undefined, {
      'if-none-match': tag,
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    await officer.patch(`/api/clusters/${cluster.id}`, { name: cluster.name });
  });

  it('streams a cluster’s members as CSV: every membership, importable again', async () => {
    const biggest = await t.database.db
      .selectFrom('memberships')
      .select(['cluster_id', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('cluster_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const csv = await officer.get(`/api/clusters/${biggest.cluster_id}/members.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFname,enterprise_number,')).toBe(true);
    expect(csvRows(csv.body)).toHaveLength(Number(biggest.n) + 1);
    const paged = (await officer.get(`/api/clusters/${biggest.cluster_id}/members?pageSize=500`)).json();
    expect(paged.page.total).toBe(Number(biggest.n));

    const unknown = await officer.get('/api/clusters/00000000-0000-4000-8000-000000000000/members.csv');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
  });
});
