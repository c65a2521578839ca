import { sql, type Kysely } from 'kysely';

/** Frozen: per-call review settings (review deadline, whether experts may see who wrote the other reviews). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table call_review_settings (
      call_id uuid primary key references calls(id) on delete cascade,
      review_deadline timestamptz,
      show_reviewer_identities boolean not null default false,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
