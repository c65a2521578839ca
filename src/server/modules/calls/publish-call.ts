import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { findCallDetail } from './calls.repository';
import { definitionOf } from './calls.presenter';
import { validateCallDefinition } from './validate-call-definition';

/** draft → open: the call gets its public page; from now on its rules change only by amendment. */
export async function publishCall(ctx: StepContext, callId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute();
    const detail = await findCallDetail(tx, callId);
    if (!detail) throw new AppError('NOT_FOUND');
    if (detail.call.status !== 'draft') throw new AppError('CALL_STATUS_INVALID');
    const problems = validateCallDefinition(definitionOf(detail), { forPublishing: true, now: ctx.now() });
    if (problems.length > 0) throw new AppError('CALL_DEFINITION_INVALID', { details: problems });
    const now = ctx.now();
    await tx
      .updateTable('calls')
      .set({ status: 'open', published_at: now, updated_at: now })
      .where('id', '=', callId)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'call.published',
        entityType: 'call',
        entityId: callId,
        before: { status: 'draft' },
        after: { status: 'open', publishedAt: now.toISOString(), definition: definitionOf(detail) },
      },
      ctx.requestId,
    );
    const after = await findCallDetail(tx, callId);
    if (!after) throw new AppError('INTERNAL_ERROR');
    return after;
  });
}
