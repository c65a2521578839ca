import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { actorUserColumns, type ActorUserRow } from '../users/user-columns';
import { sha256 } from './secrets';

export interface TokenActorRow extends ActorUserRow {
  tokenId: string;
  scope: 'read' | 'write';
  tokenExpiresAt: Date | string | null;
}

/** Revokes every live token of a user (password change, admin reset): a stolen token dies with the password. */
export async function revokeTokensOfUser(db: Kysely<DB>, userId: string, now: Date): Promise<number> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** The owner of a live API token (not revoked, not expired, account active). */
export async function findTokenActor(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<TokenActorRow | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id as tokenId',
      't.scope',
      't.expires_at as tokenExpiresAt',
      't.last_used_at as lastUsedAt',
      ...actorUserColumns(),
    ])
    .where('t.token_hash', '=', sha256(token))
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { lastUsedAt, ...actor } = row;
  // Written at most once a minute (like sessions): a busy integration would otherwise write a row per request.
  const lastUsed = lastUsedAt === null ? null : new Date(lastUsedAt);
  if (lastUsed === null || now.getTime() - lastUsed.getTime() >= 60_000)
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', actor.tokenId)
      .where((eb) =>
        eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', new Date(now.getTime() - 60_000))]),
      )
      .execute();
  return actor;
}
