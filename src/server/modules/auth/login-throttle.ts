import { sql, type Kysely } from 'kysely';
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
        attempts: sql<number>`case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
        window_start: sql<Date>`case when login_throttle.window_start < ${windowStart} then ${now} else login_throttle.window_start end`,
      }),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts <= THROTTLE_MAX_ATTEMPTS;
}
