import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { enterpriseNumberFrom } from '../../../src/shared/enterprise-number';

const HEADER = [
  'name',
  'enterprise_number',
  'country',
  'foreign_identifier',
  'helix',
  'membership_type',
  'valid_from',
  'valid_to',
  'founded_on',
];

async function xlsxOf(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leden');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** 500 rows: 480 good, 20 bad (5 bad numbers, 5 duplicates, 5 unknown categories, 5 missing names). */
function memberRows(): { rows: unknown[][]; bad: Map<number, string> } {
  const rows: unknown[][] = [];
  const bad = new Map<number, string>();
  for (let i = 0; i < 500; i++) {
    const number = enterpriseNumberFrom(5_100_000 + i);
    const spelled =
      i % 3 === 0
        ? `BE ${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`
        : i % 3 === 1
          ? number
          : number.slice(1);
    const row: unknown[] = [
      `Importbedrijf ${i} (voorbeeld)`,
      spelled,
      'BE',
      '',
      i % 10 === 0 ? 'kennisinstelling' : 'company',
      'member',
      '2025-01-01',
      '',
      '',
    ];
    const line = i + 2;
    if (i % 100 === 3) {
      row[1] = `${number.slice(0, 8)}${String((Number(number.slice(8)) + 1) % 100).padStart(2, '0')}`;
      bad.set(line, 'invalid');
    } else if (i % 100 === 8) {
      row[1] = enterpriseNumberFrom(5_100_000 + i - 1);
      bad.set(line, 'duplicate');
    } else if (i % 100 === 13) {
      row[4] = 'vereniging';
      bad.set(line, 'unknown');
    } else if (i % 100 === 18) {
      row[0] = '';
      bad.set(line, 'missing');
    }
    rows.push(row);
  }
  return { rows, bad };
}

describe('member import and export', () => {
  let t: TestApp;
  let manager: TestClient;
  let officer: TestClient;
  let ownClusterId: string;
  let otherClusterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.loginAs('manager');
    officer = await t.loginAs('officer');
    ownClusterId = (
      await t.database.db
        .selectFrom('user_clusters')
        .select('cluster_id')
        .where('user_id', '=', manager.userId as string)
        .executeTakeFirstOrThrow()
    ).cluster_id;
    otherClusterId = (
      await t.database.db
        .selectFrom('clusters')
        .select('id')
        .where('id', '!=', ownClusterId)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('a manager previews 500 rows with 20 bad ones, commits the 480 good ones, and exports them again', async () => {
    const { rows, bad } = memberRows();
    expect(bad.size).toBe(20);
    const file = { filename: 'leden.xlsx', contentBase64: await xlsxOf(rows) };
    const before = await t.database.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const preview = await manager.post(`/api/clusters/${ownClusterId}/member-import/preview`, file);
    expect(preview.statusCode).toBe(200);
    const data = preview.json().data;
    expect(data).toMatchObject({ total: 500, good: 480, bad: 20 });
    for (const row of data.rows.filter((r: { problems: unknown[] }) => r.problems.length > 0)) {
      expect(bad.has(row.line)).toBe(true);
      const code = bad.get(row.line);
      expect(row.problems.map((p: { code: string }) => p.code)).toContain(code);
      expect(row.problems[0].path).toMatch(new RegExp(`^line ${row.line}: `));
      expect(row.problems[0].message.nl.length).toBeGreaterThan(5);
    }
    const duplicate = data.rows.find((r: { line: number }) => r.line === 10);
    expect(duplicate.problems[0].message.en).toContain('line 9');
    // The preview wrote nothing.
    const unchanged = await t.database.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(unchanged.n).toBe(before.n);

    const commit = await manager.post(`/api/clusters/${ownClusterId}/member-import/commit`, file);
    expect(commit.statusCode).toBe(200);
    expect(commit.json().data).toMatchObject({
      good: 480,
      bad: 20,
      createdMemberships: 480,
      createdOrganisations: 480,
    });
    const after = await t.database.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(480);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', '=', 'membership.imported')
      .execute();
    expect(audit).toHaveLength(1);

    // Members are paged (at most 500 a page): this cluster's list fits in one.
    const members = await manager.get(`/api/clusters/${ownClusterId}/members?pageSize=500`);
    expect(members.json().page.total).toBeLessThanOrEqual(500);
    const imported = members.json().data.filter((m: { name: string }) => m.name.startsWith('Importbedrijf'));
    expect(imported).toHaveLength(480);

    const xlsx = await manager.get(`/api/clusters/${ownClusterId}/members.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const exportedNames: string[] = [];
    workbook.worksheets[0].eachRow((row, line) => line > 1 && exportedNames.push(row.getCell(1).text));
    expect(exportedNames.filter((n) => n.startsWith('Importbedrijf'))).toHaveLength(480);

    const csv = await manager.get(`/api/clusters/${ownClusterId}/members.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter((l) => l.includes('Importbedrijf'))).toHaveLength(480);

    // The export can be imported again: every row is then already a member.
    const again = await manager.post(`/api/clusters/${ownClusterId}/member-import/preview`, {
      filename: 'leden.csv',
      contentBase64: b64(csv.body),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().data.good).toBe(0);
    expect(again.json().data.rows[0].problems[0].code).toBe('already_member');
  });

  it('commits nothing when no row is good', async () => {
    const csv = `${HEADER.join(',')}\r\n,0123.456.749,BE,,company,member,2025-01-01,,\r\n`;
    const response = await manager.post(`/api/clusters/${ownClusterId}/member-import/commit`, {
      filename: 'leeg.csv',
      contentBase64: b64(csv),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_NOTHING_TO_COMMIT');
  });

  it('accepts a semicolon CSV with Dutch dates and categories', async () => {
    const csv =
      `\uFEFF${HEADER.join(';')}\r\nPuntkomma BV ` +
      `(voorbeeld);${enterpriseNumberFrom(5_200_001)};BE;;bedrijf;lid;01/02/2025;;\r\nBuitenland ` +
      `GmbH (voorbeeld);;DE;HRB-999;bedrijf;member;2025-02-01;;\r\n`;
    const response = await officer.post(`/api/clusters/${ownClusterId}/member-import/preview`, {
      filename: 'leden.csv',
      contentBase64: b64(csv),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({ good: 2, bad: 0 });
    expect(response.json().data.rows[0]).toMatchObject({
      validFrom: '2025-02-01',
      helix: 'company',
      membershipType: 'member',
      action: 'create_organisation',
    });
  });

  it.each([
    ['a 0-byte file', 'leden.csv', Buffer.alloc(0), 'empty'],
    ['a wrong delimiter', 'leden.csv', Buffer.from(`${HEADER.join('\t')}\nA\t0123456749\n`), 'delimiter'],
    [
      'a bad encoding',
      'leden.csv',
      Buffer.concat([
        Buffer.from(`${HEADER.join(',')}\r\nCaf`),
        Buffer.from([0xe9]),
        Buffer.from(' NV,0123456749,BE,,company,member,2025-01-01,,\r\n'),
      ]),
      'encoding',
    ],
    [
      'unknown columns',
      'leden.csv',
      Buffer.from(`${HEADER.join(',')},btw_nummer\r\nA,0123456749,BE,,company,member,2025-01-01,,,x\r\n`),
      'unknown_columns',
    ],
    ['missing columns', 'leden.csv', Buffer.from('naam,nummer\r\nA,0123456749\r\n'), 'unknown_columns'],
    ['a truncated zip', 'leden.xlsx', null, 'damaged'],
    ['a file of another type', 'leden.pdf', Buffer.from('%PDF-1.4'), 'type'],
  ])('refuses %s with a located reason', async (_label, filename, content, code) => {
    let buffer = content as Buffer | null;
    if (buffer === null) {
      const full = Buffer.from(
        await xlsxOf([['A', '0123456749', 'BE', '', 'company', 'member', '2025-01-01', '', '']]),
        'base64',
      );
      buffer = full.subarray(0, Math.floor(full.length / 2));
    }
    const response = await manager.post(`/api/clusters/${ownClusterId}/member-import/preview`, {
      filename,
      contentBase64: buffer.length === 0 ? '' : buffer.toString('base64'),
    });
    if (buffer.length === 0) {
      // An empty body fails validation before the file is read; send a single space-free empty CSV instead.
      expect(response.statusCode).toBe(400);
      const empty = await manager.post(`/api/clusters/${ownClusterId}/member-import/preview`, {
        filename,
        contentBase64: '=',
      });
      expect(empty.json().code).toBe('IMPORT_FILE_UNREADABLE');
      expect(empty.json().details[0].code).toBe(code);
      return;
    }
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_FILE_UNREADABLE');
    expect(response.json().details.map((d: { code: string }) => d.code)).toContain(code);
  });

  it("a manager reaching for another cluster's import is refused; a missing cluster answers like one", async () => {
    const csv = b64(`${HEADER.join(',')}\r\nA,0123456749,BE,,company,member,2025-01-01,,\r\n`);
    expect(
      (
        await manager.post(`/api/clusters/${otherClusterId}/member-import/preview`, {
          filename: 'a.csv',
          contentBase64: csv,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await manager.post('/api/clusters/00000000-0000-4000-8000-000000000000/member-import/preview', {
          filename: 'a.csv',
          contentBase64: csv,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('serves the template in XLSX and CSV', async () => {
    const xlsx = await manager.get('/api/member-import/template.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const csv = await manager.get('/api/member-import/template.csv');
    expect(csv.body.split('\r\n')[0]).toBe(HEADER.join(','));
    // The template's example row is itself importable.
    const preview = await officer.post(`/api/clusters/${otherClusterId}/member-import/preview`, {
      filename: 't.csv',
      contentBase64: b64(csv.body),
    });
    expect(preview.json().data.good).toBe(1);
  });
});
