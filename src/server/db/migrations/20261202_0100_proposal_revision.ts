import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a second revision counter, `proposals`, raised by statement-level triggers whenever
 * proposals or their themes change. The theme coverage counts call proposals per theme beside the
 * portfolio, so it is cached under both revisions; proposals do not raise the portfolio revision
 * (the network and KPI portfolio need not be recomputed when a draft is saved).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into data_revisions (name) values ('proposals') on conflict (name) do nothing;

    create function bump_named_revision() returns trigger language plpgsql as $$
    begin
      update data_revisions set revision = revision + 1, changed_at = now() where name = tg_argv[0];
      return null;
    end $$;

    create trigger proposals_revision after insert or update or delete or truncate on proposals
      for each statement execute function bump_named_revision('proposals');
    create trigger proposal_themes_revision after insert or update or delete or truncate on proposal_themes
      for each statement execute function bump_named_revision('proposals');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
