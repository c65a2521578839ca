import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import type { AuthzRow } from '../../authz/matrix';
import type { Role } from '../../../src/server/db/core.tables';
import { instantToBrusselsLocal } from '../../../src/shared/brussels-time';

// Every download's allowed roles come from the authorization matrix rows.
const modules = import.meta.glob<{ rows: AuthzRow[] }>('../../authz/*.authz.ts', { eager: true });
const authzRows = Object.values(modules).flatMap((m) => m.rows);
const ROLE_PREFERENCE: Role[] = ['officer', 'admin', 'analyst', 'manager', 'applicant', 'expert'];

interface Download {
  url: string;
  role: Role;
}

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function headersOf(sheet: ExcelJS.Worksheet): string[] {
  const headers: string[] = [];
  sheet
    .getRow(1)
    .eachCell({ includeEmpty: true }, (cell, column) => (headers[column - 1] = String(cell.value)));
  return headers;
}

/** Problems with one sheet against the conventions of src/server/http/spreadsheet.ts. */
function sheetProblems(sheet: ExcelJS.Worksheet): string[] {
  const problems: string[] = [];
  const at = (text: string) => problems.push(`${sheet.name}: ${text}`);
  const headers = headersOf(sheet);
  if (headers.length === 0) at('no header');
  for (const header of headers) {
    if (!header || header === 'null') at('empty header');
    else if (/_/.test(header) || /^[a-z]/.test(header)) at(`header not human: "${header}"`);
  }
  if (sheet.getRow(1).font?.bold !== true) at('header not bold');
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  if (view?.state !== 'frozen' || view.ySplit !== 1) at('header not frozen');
  if (!sheet.autoFilter) at('no autofilter');
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    row.eachCell((cell, column) => {
      const header = headers[column - 1] ?? '';
      const value = cell.value;
      const isCodeColumn = /code|sql|formule|formula|id\)|koppeling|link|e-mail/i.test(header);
      if (header.includes('(€)')) {
        if (typeof value !== 'number') at(`${header} row ${line}: money is ${typeof value}, not a number`);
        if (!String(cell.numFmt).includes('€')) at(`${header} row ${line}: no euro format (${cell.numFmt})`);
      }
      if (value instanceof Date && !/^dd\/mm\/yyyy( hh:mm)?$/.test(String(cell.numFmt)))
        at(`${header} row ${line}: date without the Belgian format (${cell.numFmt})`);
      if (typeof value === 'string') {
        if (/^\d{4}-\d{2}-\d{2}/.test(value)) at(`${header} row ${line}: date as text "${value}"`);
        if (!isCodeColumn && /^[a-z]+(_[a-z]+)+$/.test(value))
          at(`${header} row ${line}: a code instead of a label "${value}"`);
        if (value === 'true' || value === 'false') at(`${header} row ${line}: boolean as "${value}"`);
      }
    });
  });
  return problems;
}

describe('spreadsheets: every export read back', () => {
  let t: TestApp;
  const clients = new Map<Role, TestClient>();
  const downloads: Download[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLE_PREFERENCE) clients.set(role, await t.loginAs(role));
    const db = t.database.db;
    const closedCall = await db
      .selectFrom('calls as c')
      .innerJoin('proposals as p', 'p.call_id', 'c.id')
      .select(['c.id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.status', 'in', ['closed', 'in_evaluation', 'decided'])
      .groupBy('c.id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const cluster = await db
      .selectFrom('clusters')
      .select('id')
      .orderBy('short_name')
      .executeTakeFirstOrThrow();
    const project = await db.selectFrom('projects').select('id').executeTakeFirstOrThrow();
    const managerCluster = await db
      .selectFrom('user_clusters as uc')
      .innerJoin('users as u', 'u.id', 'uc.user_id')
      .select('uc.cluster_id')
      .where('u.role', '=', 'manager')
      .executeTakeFirstOrThrow();
    const fill = (url: string) =>
      url
        .replace(':callId', closedCall.id)
        .replace('/api/calls/:id/', `/api/calls/${closedCall.id}/`)
        .replace('/api/clusters/:id/', `/api/clusters/${managerCluster.cluster_id}/`)
        .replace(':clusterId', cluster.id)
        .replace('/api/projects/:id/', `/api/projects/${project.id}/`);
    const routes = t.app.routeCatalogue.filter((r) => r.method === 'GET' && r.url.endsWith('.xlsx'));
    for (const route of routes) {
      const row = authzRows.find((r) => r.route === `GET ${route.url}`);
      const allowed = row && row.allow !== 'public' ? row.allow : ROLE_PREFERENCE;
      const role = ROLE_PREFERENCE.find((r) => allowed.includes(r)) ?? 'officer';
      const url = fill(route.url);
      if (route.url === '/api/projects/:id/export.xlsx') {
        for (const table of ['participants', 'milestones', 'deliverables', 'payments', 'reports'])
          downloads.push({ url: `${url}?table=${table}`, role });
      } else if (route.url === '/api/funding/dashboard.xlsx') {
        for (const view of ['line', 'cluster', 'year']) downloads.push({ url: `${url}?view=${view}`, role });
      } else downloads.push({ url, role });
    }
    const policyTables = ['ranking', 'sensitivity', 'scores', 'coverage', 'themes', 'overlap', 'network'];
    for (const table of [...policyTables, 'organisations', 'footprint'])
      downloads.push({ url: `/api/policy/exports/${table}?format=xlsx`, role: 'analyst' });
  });
  afterAll(() => t.close());

  it('finds every XLSX route (at least the 40 the issue counted)', () => {
    expect(downloads.length).toBeGreaterThanOrEqual(40);
  });

  it('every export: human headers, bold frozen header, autofilter, date cells, euro money, labels', async () => {
    const problems: string[] = [];
    let dateCells = 0;
    let moneyCells = 0;
    for (const download of downloads) {
      const client = clients.get(download.role) as TestClient;
      const response = await client.get(download.url);
      if (response.statusCode !== 200) {
        problems.push(
          `${download.url} as ${download.role}: ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
        continue;
      }
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = await readWorkbook(response.rawPayload);
      for (const sheet of workbook.worksheets) {
        problems.push(...sheetProblems(sheet).map((p) => `${download.url}: ${p}`));
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.value instanceof Date) dateCells += 1;
            if (typeof cell.value === 'number' && String(cell.numFmt).includes('€')) moneyCells += 1;
          }),
        );
      }
    }
    expect(problems.slice(0, 40)).toEqual([]);
    expect(dateCells).toBeGreaterThan(100);
    expect(moneyCells).toBeGreaterThan(100);
  });

  it("the officer's proposals export of a closed call has titles and amounts", async () => {
    const officer = clients.get('officer') as TestClient;
    const call = await t.database.db
      .selectFrom('calls as c')
      .innerJoin('proposals as p', 'p.call_id', 'c.id')
      .select('c.id')
      .where('c.status', 'in', ['closed', 'in_evaluation', 'decided'])
      .where('p.status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    const response = await officer.get(`/api/calls/${call.id}/proposals.xlsx`);
    const sheet = (await readWorkbook(response.rawPayload)).worksheets[0];
    const headers = headersOf(sheet);
    expect(sheet.name).toBe('Voorstellen');
    const title = headers.indexOf('Titel') + 1;
    const requested = headers.indexOf('Gevraagde steun (€)') + 1;
    expect(title).toBeGreaterThan(0);
    expect(requested).toBeGreaterThan(0);
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    const submitted = rows.filter((r) => r.getCell(headers.indexOf('Status (code)') + 1).value !== 'draft');
    expect(submitted.length).toBeGreaterThan(0);
    for (const row of submitted) {
      expect(String(row.getCell(title).value ?? '')).not.toBe('');
      expect(typeof row.getCell(requested).value).toBe('number');
    }
  });

  it('headers and sheet names follow ?lang=en, then the account, then Accept-Language', async () => {
    const officer = clients.get('officer') as TestClient;
    const english = await readWorkbook((await officer.get('/api/calls.xlsx?lang=en')).rawPayload);
    expect(english.worksheets[0].name).toBe('Calls');
    expect(headersOf(english.worksheets[0])).toContain('Closes at');
    const dutch = await readWorkbook((await officer.get('/api/calls.xlsx')).rawPayload);
    expect(dutch.worksheets[0].name).toBe('Oproepen');
    expect(headersOf(dutch.worksheets[0])).toContain('Sluit op');
    const byHeader = await officer.request('GET', '/api/calls.xlsx', undefined, {
      'accept-language': 'en-GB',
    });
    // The account's language (Dutch) wins over the browser's.
    expect((await readWorkbook(byHeader.rawPayload)).worksheets[0].name).toBe('Oproepen');
    const refused = await officer.get('/api/calls.xlsx?lang=fr');
    expect(refused.statusCode).toBe(400);
  });

  it('instants are Brussels wall-clock date-time cells', async () => {
    const officer = clients.get('officer') as TestClient;
    const call = await t.database.db
      .selectFrom('calls')
      .select(['code', 'closes_at'])
      .where('closes_at', 'is not', null)
      .where('status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    const sheet = (await readWorkbook((await officer.get('/api/calls.xlsx')).rawPayload)).worksheets[0];
    const headers = headersOf(sheet);
    const row = (sheet.getRows(2, sheet.rowCount - 1) ?? []).find(
      (r) => r.getCell(headers.indexOf('Code') + 1).value === call.code,
    );
    const cell = row?.getCell(headers.indexOf('Sluit op') + 1);
    expect(cell?.value).toBeInstanceOf(Date);
    expect(cell?.numFmt).toBe('dd/mm/yyyy hh:mm');
    const local = instantToBrusselsLocal(call.closes_at as Date);
    expect((cell?.value as Date).toISOString().slice(0, 16)).toBe(local);
  });

  it('the member import template has drop-down lists, and an exported member list imports again', async () => {
    const manager = clients.get('manager') as TestClient;
    const template = await readWorkbook((await manager.get('/api/member-import/template.xlsx')).rawPayload);
    const sheet = template.worksheets[0];
    const headers = headersOf(sheet);
    const helixColumn = headers.indexOf('Categorie (helix)') + 1;
    expect(helixColumn).toBeGreaterThan(0);
    const validation = sheet.getRow(5).getCell(helixColumn).dataValidation;
    expect(validation?.type).toBe('list');
    expect(validation?.formulae?.[0]).toContain('Kennisinstelling');
    const typeColumn = headers.indexOf('Soort lidmaatschap') + 1;
    expect(sheet.getRow(2).getCell(typeColumn).dataValidation?.formulae?.[0]).toContain(
      'Strategische partner',
    );
    expect(sheet.getRow(2).getCell(headers.indexOf('Geldig vanaf') + 1).value).toBeInstanceOf(Date);

    const cluster = await t.database.db
      .selectFrom('user_clusters as uc')
      .innerJoin('users as u', 'u.id', 'uc.user_id')
      .select('uc.cluster_id')
      .where('u.role', '=', 'manager')
      .executeTakeFirstOrThrow();
    const exported = await manager.get(`/api/clusters/${cluster.cluster_id}/members.xlsx?lang=en`);
    const preview = await manager.post(`/api/clusters/${cluster.cluster_id}/member-import/preview`, {
      filename: 'members.xlsx',
      contentBase64: exported.rawPayload.toString('base64'),
    });
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().data.rows as {
      helix: string | null;
      validFrom: string | null;
      problems: { code: string }[];
    }[];
    expect(rows.length).toBeGreaterThan(0);
    // Read back completely: every row has its category and start date; the only objection is
    // that these organisations are members already (it is the same cluster).
    for (const row of rows) {
      expect(row.helix).not.toBeNull();
      expect(row.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.problems.map((p) => p.code).filter((code) => code !== 'already_member')).toEqual([]);
    }
  });
});
