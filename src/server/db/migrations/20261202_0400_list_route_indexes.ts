import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the open-data catalogue reads the newest audit event of each kind of portfolio object
 * (a backward scan of this index instead of the whole, ever-growing audit trail).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index audit_events_entity_time_idx on audit_events (entity_type, occurred_at);
  `.execute(db);
}
