import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the KPI portfolio reads the measurements of a page of clusters (by cluster, then
 * period); the unique index leads with the definition, so without this one it scans them all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index kpi_measurements_cluster_period_idx on kpi_measurements (cluster_id, period_id)
      where cluster_id is not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
