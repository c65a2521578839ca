import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types';
import { canonicalJson, normalise } from '../../shared/canonical-json';
import type { AuditAction, AuditEntityType } from '../../shared/audit-actions';

/** Who did it: a user, or a named system actor (CLI, demo loader, scheduler). */
export interface AuditActor {
  userId: string | null;
  label: string;
}

export interface AuditEntry {
  /** One of the listed codes (each has a label in both languages for the audit page). */
  action: AuditAction;
  /** One of the listed kinds (each has a label in both languages for the audit page). */
  entityType: AuditEntityType;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);
/** One advisory lock serialises appends so that the chain has one order on every backend. */
const AUDIT_CHAIN_LOCK = 7_350_001;

export interface AuditHashInput {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

export function computeAuditHash(input: AuditHashInput): string {
  const text = canonicalJson([
    input.id,
    input.occurredAt,
    input.actorUserId,
    input.actorLabel,
    input.action,
    input.entityType,
    input.entityId,
    input.before,
    input.after,
    input.requestId,
    input.prevHash,
  ]);
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Appends one audit row. Call it inside the transaction that makes the change, so that the
 * change and its audit row commit or roll back together.
 */
export async function recordAudit(
  tx: Transaction<DB> | Kysely<DB>,
  actor: AuditActor,
  entry: AuditEntry,
  requestId: string | null = null,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const id = (last?.id ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date().toISOString();
  const before = entry.before === undefined ? null : normalise(entry.before);
  const after = entry.after === undefined ? null : normalise(entry.after);
  const entityId = entry.entityId ?? null;
  const hash = computeAuditHash({
    id,
    occurredAt,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId,
    before,
    after,
    requestId,
    prevHash,
  });
  await tx
    .insertInto('audit_events')
    .values({
      id,
      occurred_at: occurredAt,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entityId,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      request_id: requestId,
      prev_hash: prevHash,
      hash,
    })
    .execute();
}
