import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import type { DB } from '../../../src/server/db/types';
import { generatePortfolio } from '../../../src/server/demo/generate-portfolio';
import { createTestDatabase } from '../../helpers/test-database';

/**
 * The generator is reproducible: the same seed on two copies of the same demo database writes the
 * same rows (compared as digests of every generated table, leaving out what the database fills in
 * itself: the time of writing, and the random ids of the tables whose ids it draws). Its bulk loads
 * set the tables' keys and indexes aside and make them again: the KPI table's definition afterwards
 * is what it was.
 */
const GENERATED_TABLES = [
  'clusters',
  'cluster_themes',
  'organisations',
  'memberships',
  'projects',
  'project_participants',
  'calls',
  'proposals',
  'proposal_consortium_members',
  'proposal_versions',
  'reporting_periods',
  'kpi_measurements',
];
const FILLED_IN_BY_THE_DATABASE = ['created_at', 'updated_at', 'reported_at', 'frozen_at'];
const options = { scale: 0.1, seed: 7, today: '2026-11-29' };

const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

/** Tables whose rows get a random id from the database (`gen_random_uuid()`), not from the seed. */
const RANDOM_IDS = [
  'reporting_periods',
  'proposal_consortium_members',
  'proposal_versions',
  'kpi_measurements',
];

async function digests(db: Kysely<DB>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of GENERATED_TABLES) {
    const dropped = [...FILLED_IN_BY_THE_DATABASE, ...(RANDOM_IDS.includes(table) ? ['id'] : [])];
    // KPI values name their period by its code (generated history periods have random ids).
    const rows =
      table === 'kpi_measurements'
        ? sql`select (to_jsonb(t) - ${dropped}::text[] - 'period_id') || jsonb_build_object('period', p.code,
                'frozen', t.frozen_at is not null) as r
              from kpi_measurements t join reporting_periods p on p.id = t.period_id`
        : sql`select (to_jsonb(t) - ${dropped}::text[]) as r from ${sql.table(table)} t`;
    const row = await sql<{ digest: string; n: number }>`
      select md5(string_agg(r::text, '|' order by r::text)) as digest, count(*)::int as n
      from (${rows}) s`.execute(db);
    result[table] = `${row.rows[0].n}:${row.rows[0].digest}`;
  }
  return result;
}

async function kpiTableDefinition(db: Kysely<DB>): Promise<string[]> {
  const constraints = await sql<{ line: string }>`
    select conname || ' ' || pg_get_constraintdef(oid) as line from pg_constraint
    where conrelid = 'kpi_measurements'::regclass`.execute(db);
  const indexes = await sql<{ line: string }>`
    select pg_get_indexdef(indexrelid) as line from pg_index where indrelid = 'kpi_measurements'::regclass`.execute(
    db,
  );
  return [...constraints.rows, ...indexes.rows].map((r) => r.line).sort();
}

async function generated() {
  const database = await createTestDatabase('demo');
  opened.push(database);
  const before = await kpiTableDefinition(database.db);
  const counts = await generatePortfolio(database.db, options);
  return {
    counts,
    digests: await digests(database.db),
    before,
    after: await kpiTableDefinition(database.db),
  };
}

describe('demo generate', () => {
  it('the same seed writes the same rows, and the KPI table keeps its keys and indexes', async () => {
    const first = await generated();
    const second = await generated();
    expect(first.counts.kpiValues).toBeGreaterThan(1000);
    expect(second.digests).toEqual(first.digests);
    expect(first.after).toEqual(first.before);
    expect(first.after.some((line) => line.includes('FOREIGN KEY (project_id)'))).toBe(true);
  }, 300_000);
});
