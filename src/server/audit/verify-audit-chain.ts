import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { computeAuditHash, GENESIS_HASH } from './record-audit';
import { findLatestCheckpoint } from './audit-checkpoint';

/** Why the chain is broken: a row missing, a link or a hash that does not match, rows removed from the end. */
export const AUDIT_BREAKS = [
  'row_missing',
  'link_mismatch',
  'hash_mismatch',
  'rows_removed_from_end',
] as const;

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose link is broken, why (`kind`, for the UI to word) and the details (`reason`, English). */
  brokenAt?: { id: number; kind: (typeof AUDIT_BREAKS)[number]; reason: string };
}

const BATCH = 2000;

/**
 * Walks the chain in order and recomputes every hash (stopping at the first broken link), then
 * holds the chain against the latest checkpoint (table or file): its head must still be there with
 * the same hash, so rows removed from the end are found too.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  options: { checkpointFile?: string } = {},
): Promise<AuditVerification> {
  const chain = await walkChain(db);
  if (!chain.ok) return chain;
  const checkpoint = await findLatestCheckpoint(db, options.checkpointFile);
  if (!checkpoint) return chain;
  const head = await db
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .where('id', '=', checkpoint.headId)
    .executeTakeFirst();
  if (!head || head.hash !== checkpoint.headHash || chain.checked < checkpoint.eventCount) {
    return {
      ok: false,
      checked: chain.checked,
      brokenAt: {
        id: checkpoint.headId,
        kind: 'rows_removed_from_end',
        reason:
          `events removed from the end: the checkpoint of ${checkpoint.takenAt} saw ${checkpoint.eventCount} ` +
          `events up to event ${checkpoint.headId}, the chain now holds ${chain.checked}`,
      },
    };
  }
  return chain;
}

async function walkChain(db: Kysely<DB>): Promise<AuditVerification> {
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.id !== expectedId)
        return {
          ok: false,
          checked,
          brokenAt: { id: expectedId, kind: 'row_missing', reason: `row ${expectedId} is missing` },
        };
      if (row.prev_hash !== prevHash)
        return {
          ok: false,
          checked,
          brokenAt: {
            id: row.id,
            kind: 'link_mismatch',
            reason: 'prev_hash does not match the previous row',
          },
        };
      const hash = computeAuditHash({
        id: row.id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        actorUserId: row.actor_user_id,
        actorLabel: row.actor_label,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        requestId: row.request_id,
        prevHash: row.prev_hash,
      });
      if (hash !== row.hash)
        return {
          ok: false,
          checked,
          brokenAt: { id: row.id, kind: 'hash_mismatch', reason: 'content does not match its hash' },
        };
      prevHash = row.hash;
      expectedId += 1;
      checked += 1;
    }
  }
}
