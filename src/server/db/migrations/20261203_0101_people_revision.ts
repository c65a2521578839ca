import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a `people` revision, raised when users are added or removed or their names or roles
 * change. The cluster list shows each cluster's officer by name, so its cached JSON text is kept
 * under the portfolio and people revisions. Sign-ins and other updates of a user (last sign-in,
 * password) do not raise it: the trigger fires only for an update that sets `name` or `role`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into data_revisions (name) values ('people') on conflict (name) do nothing;
    create trigger users_people_revision after insert or delete or update of name, role on users
      for each statement execute function bump_named_revision('people');
    create trigger users_people_revision_truncate after truncate on users
      for each statement execute function bump_named_revision('people');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
