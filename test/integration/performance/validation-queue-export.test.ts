import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { EXPORT_BATCH_SIZE } from '../../../src/server/http/paging';
import { countedApp, QueryCounter } from '../../helpers/counted-app';
import type { TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

const ADDED = 2_500;
let database: Database;
let app: FastifyInstance;
let officer: TestClient;
const counter = new QueryCounter();

beforeAll(async () => {
  database = await createTestDatabase('demo');
  ({ app, officer } = await countedApp(database, counter, '2026-11-29T10:00:00Z'));
  // Reported values in groups of 400 sharing one reporting time with microseconds (a JavaScript
  // date keeps milliseconds only), and a few without a time: the keyset must still take each once.
  await sql`insert into reporting_periods (code, label, starts_on, ends_on)
    select 'W' || i, 'Wachtrij ' || i, date '2000-01-01' + i, date '2000-01-01' + i
    from generate_series(1, 10) as i`.execute(database.db);
  await sql`insert into kpi_measurements (definition_id, cluster_id, period_id, value, status, comment, reported_at)
    select d.id, c.id, p.id, 1, 'reported', 'wachtrij',
      case when row_number() over () % 97 = 0 then null
        else timestamptz '2026-11-01 10:00:00.123456+00' + ((row_number() over () / 400) * interval '1 microsecond')
      end
    from clusters c cross join kpi_definitions d cross join reporting_periods p
    where not exists (select 1 from kpi_measurements m
      where m.definition_id = d.id and m.cluster_id = c.id and m.period_id = p.id)
    limit ${ADDED}`.execute(database.db);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the validation queue export streams', () => {
  it('writes every reported value once, in the order of the pages, in keyset batches', async () => {
    const queued = await database.db
      .selectFrom('kpi_measurements')
      .select(['id', 'comment'])
      .where('status', '=', 'reported')
      .execute();
    expect(queued.filter((q) => q.comment === 'wachtrij').length).toBeGreaterThan(EXPORT_BATCH_SIZE);
    counter.reset();
    const response = await officer.get('/api/kpis/validation-queue.xlsx?lang=en');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(counter.mostRows).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('Cluster');
    expect(sheet.rowCount).toBe(queued.length + 1);

    // The same rows as the pages, in the same order (cluster, KPI, period, time of each row).
    const paged: string[] = [];
    for (let page = 1; paged.length < queued.length; page += 1) {
      const answer = (await officer.get(`/api/kpis/validation-queue?page=${page}&pageSize=500`)).json();
      expect(answer.data.length).toBeGreaterThan(0);
      for (const q of answer.data) paged.push(`${q.clusterName}|${q.code}|${q.periodCode}`);
    }
    const exported: string[] = [];
    sheet.eachRow((row, line) => {
      if (line > 1) exported.push(`${row.getCell(1).text}|${row.getCell(2).text}|${row.getCell(3).text}`);
    });
    expect(exported).toEqual(paged);
  }, 180_000);
});
