import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a confirmed representative remembers through which identity provider the mandate came
 * (the session's OpenID Connect provider; null when it came some other way). `first_acted_at` is
 * the moment of confirmation and stays when the mandate is gone later: it is a historical fact.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table proposal_representatives add column oidc_provider text;
  `.execute(db);
}
