import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the organisation list sorted by founding date (`sort=foundedOn` and `-foundedOn`) walks an
 * index at Europe scale (150,000 organisations) instead of sorting them all for each page. Both
 * orders put organisations without a founding date last, so each has its own key (a missing date
 * as +infinity and as -infinity); the id ends the key as it ends the order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index organisations_founded_on_order_idx
      on organisations ((coalesce(founded_on, 'infinity'::date)), id);
    create index organisations_founded_on_desc_order_idx
      on organisations ((coalesce(founded_on, '-infinity'::date)), id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
