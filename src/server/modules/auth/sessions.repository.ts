import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { SignInStage } from '../../db/core.tables';
import { actorUserColumns, type ActorUserRow } from '../users/user-columns';
import { randomToken, sha256 } from './secrets';

export interface SessionActorRow extends ActorUserRow {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  signInStage: SignInStage;
  mandates: string[];
}

/** What a session carries beside its user: its stage, and what an OpenID Connect sign-in brought. */
export interface SessionExtras {
  stage?: SignInStage;
  mandates?: string[];
  oidcProvider?: string;
  oidcIdToken?: string;
}

/** Creates a session; returns the cookie value (shown once) and its CSRF token. */
export async function createSession(
  db: Kysely<DB>,
  userId: string,
  now: Date,
  maxHours: number,
  extras: SessionExtras = {},
) {
  const cookieValue = randomToken();
  const csrfToken = randomToken();
  const sessionId = sha256(cookieValue);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + maxHours * 3_600_000),
      stage: extras.stage ?? 'complete',
      mandates: extras.mandates ?? [],
      oidc_provider: extras.oidcProvider ?? null,
      oidc_id_token: extras.oidcIdToken ?? null,
    })
    .execute();
  return { cookieValue, csrfToken, sessionId };
}

/** The user behind a session cookie, with the clusters a manager belongs to; undefined when unknown. */
export async function findSessionActor(
  db: Kysely<DB>,
  cookieValue: string,
): Promise<SessionActorRow | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      's.stage as signInStage',
      's.mandates',
      ...actorUserColumns(),
    ])
    .where('s.id', '=', sha256(cookieValue))
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  return row;
}

/** How often an active session's `last_seen_at` is written (at most). */
export const SESSION_TOUCH_MS = 60_000;

/** Keeps an active session alive; written at most once a minute to spare the database. */
export async function touchSession(db: Kysely<DB>, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', sessionId)
    .where('last_seen_at', '<', new Date(now.getTime() - SESSION_TOUCH_MS))
    .execute();
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
