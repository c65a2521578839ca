import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types';

export const THROTTLE_WINDOW_MS = 10 * 60_000;
export const THROTTLE_MAX_ATTEMPTS = 30;

/**
 * Counts a login attempt for a key (the client address) in the database, so that every server
 * process sees the same count. Returns false once the window's limit is passed.
 */
export async function takeLoginAttempt(db: Kysely<DB>, key: string, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const row = await db
    .insertInto('login_throttle')
    .values({ key, window_start: now, attempts: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.window_start < ${windowStart} then 1 else
          login_throttle.attempts + 1 end`,
        window_start: sql<Date>`case when login_throttle.window_start < ${windowStart} then ${now} else
          login_throttle.window_start end`,
      }),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts <= THROTTLE_MAX_ATTEMPTS;
}

/** Failures older than this (after the last delay ended) no longer count. */
export const FORGET_AFTER_MS = 60 * 60_000;

export interface DelayRule {
  /** Failures allowed before delays begin. */
  freeFailures: number;
  /** The longest delay, in seconds. */
  maxDelaySeconds: number;
}

/** The delay after the `failures`-th failure: none while free, then 1 s, 2 s, 4 s … up to the cap. */
export function delayAfterFailures(failures: number, rule: DelayRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(2 ** Math.min(failures - rule.freeFailures, 30), rule.maxDelaySeconds);
}

/**
 * Claims one login attempt for a key in ONE statement: refused while the key's delay runs,
 * otherwise counted as a failure up front (a successful login gives it back), so parallel guesses
 * can never all be evaluated. The row lock of the upsert orders concurrent attempts.
 * Returns the seconds to wait, 0 when the attempt may proceed.
 */
export async function claimLoginAttempt(
  db: Kysely<DB>,
  key: string,
  now: Date,
  rule: DelayRule,
): Promise<number> {
  const delaySql = (failuresAfter: RawBuilder<number>) =>
    sql<Date>`${now}::timestamptz + make_interval(secs => case when ${failuresAfter} < ${rule.freeFailures}
      then 0 else least(power(2, least(${failuresAfter} - ${rule.freeFailures}, 30)), ${rule.maxDelaySeconds}) end)`;
  const firstDelay = delayAfterFailures(1, rule);
  // Failures are forgotten after a quiet hour (counted from the end of the last delay).
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const previous = sql<number>`case when login_throttle.next_attempt_at < ${forgetBefore}
    then 0 else login_throttle.failures end`;
  // A delay runs only while its end lies within the longest delay from now: an end further ahead
  // was written by a clock that has since gone back (another process's clock, or a test clock) and
  // must not lock the key out for that distance.
  const latestEnd = new Date(now.getTime() + rule.maxDelaySeconds * 1000);
  // Below the free failures no delay exists: a concurrent success may have set the end to its own,
  // slightly later, "now", which must not refuse this attempt.
  const running = sql<boolean>`(login_throttle.failures >= ${rule.freeFailures}
    and login_throttle.next_attempt_at > ${now}
    and login_throttle.next_attempt_at <= ${latestEnd})`;
  const row = await db
    .insertInto('login_throttle')
    .values({
      key,
      window_start: now,
      attempts: 0,
      failures: 1,
      next_attempt_at: new Date(now.getTime() + firstDelay * 1000),
      last_refused: false,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        last_refused: running,
        failures: sql<number>`case when ${running} then login_throttle.failures else ${previous} + 1 end`,
        next_attempt_at: sql<Date>`case when ${running}
          then login_throttle.next_attempt_at else ${delaySql(sql<number>`${previous} + 1`)} end`,
      }),
    )
    .returning(['last_refused', 'next_attempt_at'])
    .executeTakeFirstOrThrow();
  if (!row.last_refused) return 0;
  return Math.max(1, Math.ceil((new Date(row.next_attempt_at).getTime() - now.getTime()) / 1000));
}

/** A successful login: the account's failures are forgotten. */
export async function clearLoginFailures(db: Kysely<DB>, key: string, now: Date): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: 0, next_attempt_at: now, last_refused: false })
    .where('key', '=', key)
    .execute();
}

/** A successful login gives back the attempt claimed up front for the client address. */
export async function returnLoginAttempt(db: Kysely<DB>, key: string, now: Date): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`greatest(failures - 1, 0)`, next_attempt_at: now })
    .where('key', '=', key)
    .execute();
}
