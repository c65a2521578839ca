import { sql, type Kysely } from 'kysely';

/**
 * Frozen: accounts are never locked (issue 15). Login throttling delays attempts per account and
 * per address in `login_throttle`; the lock-out counter and end on `users` were never written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column failed_logins, drop column locked_until`.execute(db);
}
