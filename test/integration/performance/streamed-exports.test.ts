import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { EXPORT_BATCH_SIZE } from '../../../src/server/http/paging';
import { countedApp, QueryCounter } from '../../helpers/counted-app';
import type { TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

const ROWS = 20_000;
let database: Database;
let app: FastifyInstance;
let officer: TestClient;
let clusterId: string;
const counter = new QueryCounter();

beforeAll(async () => {
  database = await createTestDatabase('demo');
  ({ app, officer } = await countedApp(database, counter, '2026-11-29T10:00:00Z'));
  clusterId = (
    await database.db.selectFrom('clusters').select('id').orderBy('short_name').executeTakeFirstOrThrow()
  ).id;
  // Names repeat in pairs, so batches must break ties by id (keyset on name, then id).
  await sql`insert into organisations (name, helix, country, foreign_identifier)
    select 'Stroom ' || lpad((i / 2)::text, 6, '0'), 'company', 'NL', 'stream-' || i
    from generate_series(1, ${ROWS}) as i`.execute(database.db);
  await sql`insert into memberships (organisation_id, cluster_id, valid_from)
    select id, ${clusterId}, date '2025-01-01' from organisations where foreign_identifier like 'stream-%'`.execute(
    database.db,
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function readSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('large XLSX exports stream', () => {
  it('exports 20,000 members in keyset batches, every row once, with the sheet conventions', async () => {
    const all = Number(
      (
        await database.db
          .selectFrom('memberships')
          .select(sql<string>`count(*)`.as('n'))
          .where('cluster_id', '=', clusterId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const existing = all - ROWS;
    expect(existing).toBeGreaterThan(0);
    counter.reset();
    const response = await officer.get(`/api/clusters/${clusterId}/members.xlsx?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    // No statement read more than a batch, and the rows came in (at least) one statement a batch.
    expect(counter.mostRows).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
    expect(counter.statements).toBeGreaterThanOrEqual(Math.ceil((ROWS + existing) / EXPORT_BATCH_SIZE));

    const sheet = await readSheet(response.rawPayload);
    expect(sheet.getRow(1).getCell(1).text).toBe('Name');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(ROWS + existing + 1);
    const streamed: string[] = [];
    sheet.eachRow((row, line) => {
      if (line > 1 && row.getCell(1).text.startsWith('Stroom ')) streamed.push(row.getCell(4).text);
    });
    // Every generated organisation exactly once (their foreign identifiers), in name order.
    expect(new Set(streamed).size).toBe(ROWS);
    expect(streamed).toHaveLength(ROWS);
    const names: string[] = [];
    sheet.eachRow((row, line) => void (line > 1 && names.push(row.getCell(1).text)));
    expect(names.filter((n) => n.startsWith('Stroom '))).toEqual(
      names
        .filter((n) => n.startsWith('Stroom '))
        .slice()
        .sort(),
    );
    const validFrom = sheet.getRow(2).getCell(7);
    expect(validFrom.value).toBeInstanceOf(Date);
    expect(validFrom.numFmt).toBe('dd/mm/yyyy');
  }, 180_000);

  it('exports the organisations in batches too', async () => {
    counter.reset();
    const response = await officer.get('/api/organisations.xlsx?q=Stroom%200');
    expect(response.statusCode).toBe(200);
    expect(counter.mostRows).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
    expect(counter.statements).toBeGreaterThanOrEqual(ROWS / EXPORT_BATCH_SIZE);
    const sheet = await readSheet(response.rawPayload);
    expect(sheet.getRow(1).getCell(1).text).toBe('Naam');
    expect(sheet.rowCount).toBe(ROWS + 1);
  }, 180_000);

  it('answers an unknown cluster with a catalogued error, not a broken download', async () => {
    const response = await officer.get('/api/clusters/00000000-0000-4000-8000-000000000000/members.xlsx');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});
