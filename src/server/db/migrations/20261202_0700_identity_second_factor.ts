import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a provider identity linked to a local account that has a confirmed second factor waits
 * for that factor once (true until the account's code is given in a session of that provider).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table oidc_identities add column second_factor_pending boolean not null default false;
  `.execute(db);
}
