import ExcelJS from 'exceljs';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganisationsAfter } from '../../../src/server/modules/portfolio/organisations.repository';
import type { OrganisationSort } from '../../../src/server/modules/portfolio/organisations.schema';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

/** The `order by` each sort value promises, written out on its own (not the repository's SQL). */
const ORGANISATION_ORDERS: Record<OrganisationSort, RawBuilder<unknown>> = {
  name: sql`name, id`,
  '-name': sql`name desc, id desc`,
  foundedOn: sql`founded_on asc nulls last, id`,
  '-foundedOn': sql`founded_on desc nulls last, id desc`,
};
const CLUSTER_ORDERS: Record<string, RawBuilder<unknown>> = {
  name: sql`name, id`,
  '-name': sql`name desc, id desc`,
  kind: sql`kind = 'spearhead' desc, name, id`,
  '-kind': sql`kind = 'spearhead' asc, name, id`,
  status: sql`case status when 'candidate' then 1 when 'active' then 2 else 3 end, name, id`,
  '-status': sql`case status when 'candidate' then 1 when 'active' then 2 else 3 end desc, name, id`,
};

const ids = (body: { data: { id: string }[] }) => body.data.map((row) => row.id);

async function sheetNames(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const names: string[] = [];
  workbook.worksheets[0]?.eachRow((row, index) => {
    if (index > 1) names.push(row.getCell(1).text);
  });
  return names;
}

describe('sorting the clusters and organisations lists on the server', () => {
  let t: TestApp;
  let analyst: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.loginAs('analyst');
    // Founding dates repeat and some are missing, so the orders need their tie-breaker and nulls rule.
    await sql`update organisations set founded_on = case
        when abs(hashtext(id::text)) % 3 = 0 then null
        else date '2000-01-01' + (abs(hashtext(id::text)) % 4) * 365 end`.execute(t.database.db);
  });
  afterAll(() => t.close());

  async function expectedOrganisations(order: RawBuilder<unknown>, where: RawBuilder<unknown> = sql`true`) {
    const rows = await sql<{ id: string; name: string }>`select id, name from organisations
      where ${where} order by ${order}`.execute(t.database.db);
    return rows.rows;
  }

  it('pages the organisations in each sort order without overlap; the default is by name', async () => {
    const all = await expectedOrganisations(ORGANISATION_ORDERS.name);
    expect(all.length).toBeGreaterThan(10);
    const pageSize = Math.min(500, Math.ceil(all.length / 2));
    for (const [sort, order] of Object.entries(ORGANISATION_ORDERS)) {
      const expected = (await expectedOrganisations(order)).slice(0, 2 * pageSize).map((r) => r.id);
      const first = (await analyst.get(`/api/organisations?sort=${sort}&pageSize=${pageSize}`)).json();
      const second = (
        await analyst.get(`/api/organisations?sort=${sort}&pageSize=${pageSize}&page=2`)
      ).json();
      expect([sort, ...ids(first), ...ids(second)]).toEqual([sort, ...expected]);
      expect(first.page.total).toBe(all.length);
    }
    const unsorted = (await analyst.get(`/api/organisations?pageSize=${pageSize}`)).json();
    expect(ids(unsorted)).toEqual(all.slice(0, pageSize).map((r) => r.id));
  });

  it('orders the matches of a search by the sort column', async () => {
    const expected = await expectedOrganisations(
      ORGANISATION_ORDERS['-foundedOn'],
      sql`lower(unaccent(name)) like '%e%'`,
    );
    expect(expected.length).toBeGreaterThan(4);
    const pageSize = Math.ceil(expected.length / 2);
    const first = (await analyst.get(`/api/organisations?q=e&sort=-foundedOn&pageSize=${pageSize}`)).json();
    const second = (
      await analyst.get(`/api/organisations?q=e&sort=-foundedOn&pageSize=${pageSize}&page=2`)
    ).json();
    expect([...ids(first), ...ids(second)]).toEqual(expected.map((r) => r.id));
  });

  it('exports the organisations in the sort asked for, read by keyset in that order', async () => {
    for (const [sort, order] of Object.entries(ORGANISATION_ORDERS) as [
      OrganisationSort,
      RawBuilder<unknown>,
    ][]) {
      const expected = await expectedOrganisations(order);
      // Batches of 7: every keyset step crosses repeated dates, missing dates and equal names.
      const walked: string[] = [];
      let after = null;
      for (;;) {
        const batch = await findOrganisationsAfter(t.database.db, { sort }, after, 7);
        walked.push(...batch.map((row) => row.id));
        after = batch.at(-1) ?? null;
        if (batch.length < 7 || after === null) break;
      }
      expect([sort, ...walked]).toEqual([sort, ...expected.map((r) => r.id)]);
      const xlsx = await analyst.get(`/api/organisations.xlsx?sort=${sort}`);
      expect(xlsx.statusCode).toBe(200);
      expect(await sheetNames(xlsx.rawPayload)).toEqual(expected.map((r) => r.name));
    }
  });

  it('pages the clusters in each sort order; the default stays spearheads first, by name', async () => {
    const db = t.database.db;
    const all = (
      await sql<{ id: string }>`select id from clusters order by ${CLUSTER_ORDERS.kind}`.execute(db)
    ).rows;
    expect(all.length).toBeGreaterThanOrEqual(8);
    const pageSize = Math.ceil(all.length / 2);
    // The default answer first: it is kept as JSON text, and a sorted page must not be served from it.
    const unsorted = (await analyst.get(`/api/clusters?pageSize=${pageSize}`)).json();
    expect(ids(unsorted)).toEqual(all.slice(0, pageSize).map((r) => r.id));
    for (const [sort, order] of Object.entries(CLUSTER_ORDERS)) {
      const expected = (await sql<{ id: string }>`select id from clusters order by ${order}`.execute(db))
        .rows;
      const first = (await analyst.get(`/api/clusters?sort=${sort}&pageSize=${pageSize}`)).json();
      const second = (await analyst.get(`/api/clusters?sort=${sort}&pageSize=${pageSize}&page=2`)).json();
      expect([sort, ...ids(first), ...ids(second)]).toEqual([sort, ...expected.map((r) => r.id)]);
    }
    const names = (
      await sql<{ name: string }>`select name from clusters order by name desc, id desc`.execute(db)
    ).rows;
    const xlsx = await analyst.get('/api/clusters.xlsx?sort=-name');
    expect(await sheetNames(xlsx.rawPayload)).toEqual(names.map((r) => r.name));
  });

  it('refuses an unknown sort with a located, catalogued error in Dutch and English', async () => {
    for (const url of [
      '/api/organisations?sort=clusterCount',
      '/api/organisations.xlsx?sort=name%20desc',
      '/api/clusters?sort=members',
      '/api/clusters.xlsx?sort=-updatedAt',
    ]) {
      const refused = await analyst.get(url);
      expect([url, refused.statusCode, refused.json().code]).toEqual([url, 400, 'VALIDATION_FAILED']);
      const detail = refused.json().details[0];
      expect(detail.path).toBe('querystring.sort');
      expect(detail.message.nl).toMatch(/^Ongeldige waarde; toegelaten: .*name/);
      expect(detail.message.en).toMatch(/name/);
    }
  });
});
