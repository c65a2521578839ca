import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a revision counter per kind of data that the portfolio analytics read (member
 * statistics, overlap, the collaboration network). Statement-level triggers raise it whenever
 * memberships, organisations, clusters, themes of clusters or project participation change, so
 * every process can cache a computed figure under (revision, day) and recompute only after a
 * change — one cheap read per request instead of an aggregate over all memberships.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_revisions (
      name text primary key,
      revision bigint not null default 0,
      changed_at timestamptz not null default now()
    );
    insert into data_revisions (name) values ('portfolio');

    create function bump_portfolio_revision() returns trigger language plpgsql as $$
    begin
      update data_revisions set revision = revision + 1, changed_at = now() where name = 'portfolio';
      return null;
    end $$;

    create trigger memberships_revision after insert or update or delete or truncate on memberships
      for each statement execute function bump_portfolio_revision();
    create trigger organisations_revision after insert or update or delete or truncate on organisations
      for each statement execute function bump_portfolio_revision();
    create trigger clusters_revision after insert or update or delete or truncate on clusters
      for each statement execute function bump_portfolio_revision();
    create trigger cluster_themes_revision after insert or update or delete or truncate on cluster_themes
      for each statement execute function bump_portfolio_revision();
    create trigger themes_revision after insert or update or delete or truncate on themes
      for each statement execute function bump_portfolio_revision();
    create trigger project_participants_revision after insert or update or delete or truncate on project_participants
      for each statement execute function bump_portfolio_revision();
    create trigger project_clusters_revision after insert or update or delete or truncate on project_clusters
      for each statement execute function bump_portfolio_revision();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
