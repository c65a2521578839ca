import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a partnership objective may carry an English title next to the Dutch one (null: none
 * given; the English UI then shows the Dutch title).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table partnership_objectives add column title_en text;
  `.execute(db);
}
