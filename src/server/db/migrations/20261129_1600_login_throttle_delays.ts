import { sql, type Kysely } from 'kysely';

/**
 * Frozen: login throttling by growing delays (issue 15). Each key (an account's e-mail address
 * or a client address) counts failures and carries the earliest instant of its next attempt;
 * `last_refused` is written by the same statement that counts, so one UPDATE decides atomically.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table login_throttle
      add column failures integer not null default 0,
      add column next_attempt_at timestamptz not null default now(),
      add column last_refused boolean not null default false;
  `.execute(db);
}
