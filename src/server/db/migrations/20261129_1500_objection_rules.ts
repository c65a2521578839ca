import { sql, type Kysely } from 'kysely';

/**
 * Frozen: objections. A call states its own objection period in days (null: the platform's
 * `review.objection_days`, 30 by default), and an applicant has at most one open objection per
 * proposal, kept by a partial unique index so two filings at once cannot both stay open.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table call_review_settings
      add column objection_days integer check (objection_days between 1 and 365);
    create unique index review_objections_one_open_idx
      on review_objections (proposal_id, filed_by) where status = 'open';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
