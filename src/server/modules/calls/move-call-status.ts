import { AppError } from '../../errors/app-error';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { CallStatus } from './calls.tables';
import { findCallDetail } from './calls.repository';

const NEXT: Partial<Record<CallStatus, CallStatus>> = {
  open: 'closed',
  closed: 'in_evaluation',
  in_evaluation: 'decided',
};

/**
 * An officer moves a call one step: open → closed (early close, before the deadline, needs a
 * motivation), closed → in_evaluation, in_evaluation → decided.
 */
export async function moveCallStatus(
  ctx: StepContext,
  callId: string,
  input: { status: 'closed' | 'in_evaluation' | 'decided'; motivation: string },
) {
  await closeExpiredCalls(ctx.db, ctx.now(), { userId: null, label: 'clock' });
  return ctx.db.transaction().execute(async (tx) => {
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute();
    const detail = await findCallDetail(tx, callId);
    if (!detail) throw new AppError('NOT_FOUND');
    const from = detail.call.status;
    if (NEXT[from] !== input.status) throw new AppError('CALL_STATUS_INVALID');
    if (input.status === 'closed' && input.motivation.length < 3) throw new AppError('CALL_STATUS_INVALID');
    await tx
      .updateTable('calls')
      .set({ status: input.status, updated_at: ctx.now() })
      .where('id', '=', callId)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: `call.${input.status}`,
        entityType: 'call',
        entityId: callId,
        before: { status: from },
        after: { status: input.status, motivation: input.motivation || null },
      },
      ctx.requestId,
    );
    const after = await findCallDetail(tx, callId);
    if (!after) throw new AppError('INTERNAL_ERROR');
    return after;
  });
}

/**
 * The clock's move: every open call whose deadline has passed becomes closed, with an audit row
 * by the actor 'clock'. Runs before reads and writes of calls and proposals, so the status is
 * right by the server's clock without a scheduler.
 */
export async function closeExpiredCalls(db: Kysely<DB>, now: Date, actor: AuditActor): Promise<number> {
  const due = await db
    .selectFrom('calls')
    .select('id')
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .execute();
  if (due.length === 0) return 0;
  return db.transaction().execute(async (tx) => {
    const closed = await tx
      .updateTable('calls')
      .set({ status: 'closed', updated_at: now })
      .where('status', '=', 'open')
      .where('closes_at', '<=', now)
      .returning(['id', 'closes_at'])
      .execute();
    for (const row of closed) {
      await recordAudit(tx, actor, {
        action: 'call.closed',
        entityType: 'call',
        entityId: row.id,
        before: { status: 'open' },
        after: { status: 'closed', reason: 'deadline', closesAt: row.closes_at?.toISOString() ?? null },
      });
    }
    return closed.length;
  });
}
