import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the conflicts of interest of one call are read a page at a time (review routes); without
 * this index each page would scan the conflicts of every call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index review_conflicts_call_idx on review_conflicts (call_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
