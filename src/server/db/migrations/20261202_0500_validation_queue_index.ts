import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the validation queue (measurements reported and not yet validated) is read in the order
 * they were reported, a page or an export batch at a time by keyset; without this partial index
 * every batch would scan all measurements of all clusters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index kpi_measurements_queue_idx on kpi_measurements (reported_at, id)
      where status = 'reported';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
