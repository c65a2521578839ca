import { sql, type Kysely } from 'kysely';

/**
 * Frozen: audit checkpoints (issue 15). Kept apart from the chain: each row records how many
 * events the chain had and its head (id and hash) at a moment, so removing rows from the end of
 * the chain (which leaves a chain that is intact in itself) is detected by `audit verify`.
 * Append-only like the chain itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_checkpoints (
      id bigint generated always as identity primary key,
      taken_at timestamptz not null default now(),
      event_count bigint not null,
      head_id bigint not null,
      head_hash text not null
    );
    create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
      for each row execute function audit_events_append_only();
    create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
      for each statement execute function audit_events_append_only();
  `.execute(db);
}
