import { sql, type Kysely } from 'kysely';

/**
 * Frozen: each call states how its budget is spent down the ranking, chosen when the call is
 * made. Existing calls keep the behaviour they were ranked with: stop at the first proposal that
 * does not fit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table calls
      add column budget_rule text not null default 'stop_at_first_misfit'
        check (budget_rule in ('stop_at_first_misfit', 'skip_to_next_fit'));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
