import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the organisation search without folding at query time. `name_folded` keeps
 * `sp_fold(name)` (generated, stored), with the trigram index moved onto it: a search that walks
 * the name index compares stored text instead of calling unaccent for every name it passes, and a
 * trigram bitmap's recheck reads the stored text too. Enterprise numbers get a trigram index so a
 * search by part of a number (`or enterprise_number like '%…%'`) is a bitmap, not a scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations add column name_folded text generated always as (sp_fold(name)) stored;
    drop index organisations_name_trgm_idx;
    create index organisations_name_folded_trgm_idx on organisations using gin (name_folded gin_trgm_ops);
    create index organisations_enterprise_number_trgm_idx on organisations
      using gin (enterprise_number gin_trgm_ops);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
