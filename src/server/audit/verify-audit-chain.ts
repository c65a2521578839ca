import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { computeAuditHash, GENESIS_HASH } from './record-audit';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose link is broken, and why. */
  brokenAt?: { id: number; reason: string };
}

const BATCH = 2000;

/** Walks the chain in order and recomputes every hash; stops at the first broken link. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerification> {
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
        return { ok: false, checked, brokenAt: { id: expectedId, reason: `row ${expectedId} is missing` } };
      if (row.prev_hash !== prevHash)
        return {
          ok: false,
          checked,
          brokenAt: { id: row.id, reason: 'prev_hash does not match the previous row' },
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
        return { ok: false, checked, brokenAt: { id: row.id, reason: 'content does not match its hash' } };
      prevHash = row.hash;
      expectedId += 1;
      checked += 1;
    }
  }
}
