import { sql, type Kysely } from 'kysely';

/**
 * Frozen: indexed, accent-insensitive organisation search and the indexes paged lists order by.
 * `sp_fold(text)` lower-cases and strips accents (unaccent with its default rules, made
 * immutable by naming the dictionary), so "Gent", "gént" and "GENT" meet; a trigram index over
 * it serves `like '%…%'` without a full scan. pg_trgm and unaccent are trusted extensions on a
 * PostgreSQL server and are loaded into PGlite when it is created (db/database.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create extension if not exists unaccent;
    create or replace function sp_fold(value text) returns text
      language sql immutable parallel safe strict
      as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
    create index organisations_name_trgm_idx on organisations using gin (sp_fold(name) gin_trgm_ops);
    create index organisations_name_order_idx on organisations (name, id);
    create index memberships_cluster_org_idx on memberships (cluster_id, organisation_id, valid_from, valid_to);
    create index proposals_call_reference_idx on proposals (call_id, reference);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
