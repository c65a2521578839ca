import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import { actorOf, type StepContext } from '../../http/request-context';
import { findDefinitionById } from './kpis.repository';

/** An officer approves or rejects a KPI a cluster proposed; the proposer is notified. */
export async function decideDefinition(
  ctx: StepContext,
  options: { definitionId: string; decision: 'approved' | 'rejected'; comment?: string },
) {
  const actor = actorOf(ctx);
  const before = await findDefinitionById(ctx.db, options.definitionId);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.approval_status !== 'proposed') throw new AppError('KPI_DEFINITION_NOT_PROPOSED');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('kpi_definitions')
      .set({
        approval_status: options.decision,
        decided_by: actor.userId,
        decided_at: ctx.now(),
        decision_comment: options.comment ?? null,
        updated_at: ctx.now(),
      })
      .where('id', '=', before.id)
      .where('approval_status', '=', 'proposed')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('STALE_VERSION');
    if (before.proposed_by) {
      const approved = options.decision === 'approved';
      await queueNotification(tx, {
        userId: before.proposed_by,
        kind: 'kpi.definition_decided',
        params: {
          code: row.code,
          comment: options.comment ?? null,
          context: `${approved ? 'approved' : 'rejected'}`,
        },
        link: '/kpis/library',
      });
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: `kpi.definition_${options.decision}`,
        entityType: 'kpi_definition',
        entityId: row.id,
        before: { approvalStatus: before.approval_status },
        after: { approvalStatus: row.approval_status, comment: options.comment ?? null },
      },
      ctx.requestId,
    );
    return row;
  });
}
