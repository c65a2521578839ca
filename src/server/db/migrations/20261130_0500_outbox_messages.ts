import { sql, type Kysely } from 'kysely';

/**
 * Frozen: an outbox e-mail keeps its message (kind, the recipient's language, parameters, the path
 * it links to) so that the sender renders the HTML and text parts with the configured PUBLIC_URL;
 * `body_html` holds the HTML part once sent. Rows from before keep their plain text only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table outbox_emails
      add column kind text,
      add column locale text check (locale in ('nl', 'en')),
      add column params jsonb,
      add column link text,
      add column body_html text
  `.execute(db);
}
