import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { enterpriseNumberFrom } from '../../../src/shared/enterprise-number';

const M = 1_000_000_00;

describe('organisations: enterprise numbers, SME classification, pioneers', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;
  let analyst: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    manager = await t.loginAs('manager');
    analyst = await t.loginAs('analyst');
  });
  afterAll(() => t.close());

  it('accepts the usual spellings of an enterprise number and stores one canonical form', async () => {
    // Every spelling (BE prefix with dots, dots, ten digits, nine digits) finds the same organisation.
    const valid = enterpriseNumberFrom(4_234_567);
    const dotted = `${valid.slice(0, 4)}.${valid.slice(4, 7)}.${valid.slice(7)}`;
    const created = await officer.post('/api/organisations', {
      name: 'Spelling NV (voorbeeld)',
      helix: 'company',
      enterpriseNumber: `BE ${dotted}`,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data.enterpriseNumber).toBe(valid);
    for (const spelling of [dotted, valid, valid.slice(1)]) {
      const again = await officer.post('/api/organisations', {
        name: 'Dubbel NV',
        helix: 'company',
        enterpriseNumber: spelling,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ORGANISATION_DUPLICATE');
      expect(again.json().context.existingName).toBe('Spelling NV (voorbeeld)');
    }
  });

  it('refuses wrong check digits with a located reason', async () => {
    const response = await officer.post('/api/organisations', {
      name: 'Fout NV',
      helix: 'company',
      enterpriseNumber: '0123.456.748',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('ENTERPRISE_NUMBER_INVALID');
    expect(response.json().details[0]).toMatchObject({ path: 'enterpriseNumber', code: 'check_digits' });
    const first = await officer.post('/api/organisations', {
      name: 'Fout NV',
      helix: 'company',
      enterpriseNumber: '2123456749',
    });
    expect(first.json().details[0].code).toBe('first_digit');
  });

  it('allows a foreign organisation with its own identifier, once', async () => {
    const body = {
      name: 'Nederlandse Partner BV (voorbeeld)',
      helix: 'company',
      country: 'NL',
      foreignIdentifier: 'KVK-12345678',
    };
    const created = await officer.post('/api/organisations', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({
      country: 'NL',
      enterpriseNumber: null,
      foreignIdentifier: 'KVK-12345678',
    });
    expect((await officer.post('/api/organisations', body)).json().code).toBe('ORGANISATION_DUPLICATE');
    expect(
      (await officer.post('/api/organisations', { name: 'Zonder', helix: 'company', country: 'DE' })).json()
        .code,
    ).toBe('ORGANISATION_IDENTIFIER_REQUIRED');
    expect((await officer.post('/api/organisations', { name: 'Zonder', helix: 'company' })).json().code).toBe(
      'ORGANISATION_IDENTIFIER_REQUIRED',
    );
  });

  it('stores SME inputs, computes the class with its reasoning and keeps size_class updated', async () => {
    const created = await officer.post('/api/organisations', {
      name: 'Kmo Test NV (voorbeeld)',
      helix: 'company',
      enterpriseNumber: enterpriseNumberFrom(4_400_001),
    });
    const id = created.json().data.id;
    expect(created.json().data.sizeClass).toBe('unknown');
    const saved = await officer.put(`/api/organisations/${id}/sme-figures`, {
      years: [
        { referenceYear: 2023, headcount: 8, turnoverCents: 1 * M, balanceSheetCents: 1 * M, related: [] },
        {
          referenceYear: 2024,
          headcount: 8,
          turnoverCents: 1 * M,
          balanceSheetCents: 1 * M,
          related: [
            {
              name: 'Partner BV',
              holdingShare: 40,
              headcount: 10,
              turnoverCents: 2 * M,
              balanceSheetCents: 2 * M,
            },
          ],
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    // 2024 alone is small (8 + 4 staff), but one year over the ceiling keeps micro.
    expect(saved.json().data).toMatchObject({
      sizeClass: 'micro',
      latestYearClass: 'small',
      keptByTwoYearRule: true,
    });
    const detail = await officer.get(`/api/organisations/${id}`);
    expect(detail.json().data.sizeClass).toBe('micro');
    expect(detail.json().data.smeClassification.years[1].contributions[0]).toMatchObject({
      relation: 'partner',
      countedPercent: 40,
    });
    expect(detail.json().data.smeInputs).toHaveLength(2);
    expect(detail.json().abilities.editSme).toBe(true);

    const linked = await officer.put(`/api/organisations/${id}/sme-figures`, {
      years: [
        {
          referenceYear: 2024,
          headcount: 30,
          turnoverCents: 5 * M,
          balanceSheetCents: 5 * M,
          related: [
            {
              name: 'Moeder NV',
              holdingShare: 75,
              headcount: 300,
              turnoverCents: 90 * M,
              balanceSheetCents: 90 * M,
            },
          ],
        },
      ],
    });
    expect(linked.json().data.sizeClass).toBe('large');
    const row = await t.database.db
      .selectFrom('organisations')
      .select('size_class')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.size_class).toBe('large');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('organisation.sme_figures_saved');
  });

  it('refuses SME inputs for non-companies and figures from a manager outside their members', async () => {
    const knowledge = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('helix', '=', 'knowledge_institution')
      .executeTakeFirstOrThrow();
    const response = await officer.put(`/api/organisations/${knowledge.id}/sme-figures`, { years: [] });
    expect(response.json().code).toBe('SME_FIGURES_ONLY_FOR_COMPANIES');
    const stranger = await officer.post('/api/organisations', {
      name: 'Vreemde NV (voorbeeld)',
      helix: 'company',
      enterpriseNumber: enterpriseNumberFrom(4_400_002),
    });
    const forbidden = await manager.put(`/api/organisations/${stranger.json().data.id}/sme-figures`, {
      years: [],
    });
    expect(forbidden.statusCode).toBe(403);
    const missing = await manager.put('/api/organisations/00000000-0000-4000-8000-000000000000/sme-figures', {
      years: [],
    });
    expect(missing.statusCode).toBe(404);
  });

  it('previews a classification without saving (only balance sheet below the ceiling)', async () => {
    const response = await analyst.post('/api/organisations/sme-preview', {
      years: [{ referenceYear: 2024, headcount: 45, turnoverCents: 12 * M, balanceSheetCents: 9 * M }],
    });
    expect(response.json().data).toMatchObject({ sizeClass: 'small' });
    expect(response.json().data.years[0].decidedBy).toBe('balance_sheet');
  });

  it('marks start-ups as pioneers with the setting N (default 5)', async () => {
    const recent = new Date().getUTCFullYear() - 2;
    const created = await officer.post('/api/organisations', {
      name: 'Jonge Start-up BV (voorbeeld)',
      helix: 'company',
      enterpriseNumber: enterpriseNumberFrom(4_400_003),
      foundedOn: `${recent}-01-01`,
    });
    expect(created.json().data).toMatchObject({ isPioneer: true, isStartUp: true });
    await t.database.db
      .insertInto('settings')
      .values({ key: 'portfolio.pioneer_years', value: JSON.stringify(1) })
      .execute();
    const again = await officer.get(`/api/organisations/${created.json().data.id}`);
    expect(again.json().data).toMatchObject({ isPioneer: false, pioneerYears: 1 });
    await t.database.db.deleteFrom('settings').where('key', '=', 'portfolio.pioneer_years').execute();
  });

  it('lists, filters and exports organisations; the analyst reads but may not create', async () => {
    const companies = await analyst.get('/api/organisations?helix=company');
    expect(companies.statusCode).toBe(200);
    expect(companies.json().data.every((o: { helix: string }) => o.helix === 'company')).toBe(true);
    expect(companies.json().abilities.create).toBe(false);
    const sized = await analyst.get('/api/organisations?sizeClass=large');
    expect(sized.json().data.length).toBeGreaterThan(0);
    const xlsx = await analyst.get('/api/organisations.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(
      (
        await analyst.post('/api/organisations', {
          name: 'X',
          helix: 'company',
          enterpriseNumber: enterpriseNumberFrom(4_400_004),
        })
      ).statusCode,
    ).toBe(403);
  });
  it('searches names without regard to accents or case, paged in name order with the total', async () => {
    const db = t.database.db;
    // Independent: every organisation whose folded name holds the folded term, by name then id.
    const expected = (
      await sql<{ id: string }>`select id from organisations
        where lower(unaccent(name)) like '%' || lower(unaccent(${'É'})) || '%' order by name, id`.execute(db)
    ).rows.map((r) => r.id);
    expect(expected.length).toBeGreaterThan(4);
    const pageSize = Math.ceil(expected.length / 2);
    const first = (await analyst.get(`/api/organisations?q=%C3%89&pageSize=${pageSize}`)).json();
    const second = (await analyst.get(`/api/organisations?q=e&pageSize=${pageSize}&page=2`)).json();
    expect(first.page.total).toBe(expected.length);
    expect(second.page.total).toBe(expected.length);
    expect([...first.data, ...second.data].map((o: { id: string }) => o.id)).toEqual(expected);
    const past = (await analyst.get(`/api/organisations?q=e&pageSize=${pageSize}&page=9`)).json();
    expect(past.data).toEqual([]);
    expect(past.page.total).toBe(expected.length);
  });
});
