import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';

/**
 * The officer accepts a submitted report (unlocking its tranches) or returns it with a comment. An accepted
 * final report completes its project.
 */
export async function decideReport(
  ctx: StepContext,
  options: { reportId: string; decision: 'accepted' | 'returned'; comment: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const report = await tx
      .selectFrom('funding_reports')
      .selectAll()
      .where('id', '=', options.reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw new AppError('NOT_FOUND');
    if (report.status !== 'submitted') throw new AppError('FUNDING_INVALID_STATE');
    await tx
      .updateTable('funding_reports')
      .set({
        status: options.decision,
        decided_by: ctx.actor?.userId ?? null,
        decided_at: ctx.now(),
        decision_comment: options.comment,
      })
      .where('id', '=', report.id)
      .execute();
    if (options.decision === 'accepted' && report.kind === 'final' && report.project_id) {
      await tx
        .updateTable('projects')
        .set({ status: 'completed', updated_at: ctx.now() })
        .where('id', '=', report.project_id)
        .where('status', 'in', ['planned', 'running'])
        .execute();
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: `report.${options.decision}`,
        entityType: 'funding_report',
        entityId: report.id,
        before: { status: report.status },
        after: { status: options.decision, comment: options.comment },
      },
      ctx.requestId,
    );
  });
}
