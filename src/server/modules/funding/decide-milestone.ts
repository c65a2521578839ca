import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { getVisibleProject } from './funding.repository';

/** The officer accepts a reported milestone (which unlocks its tranches) or returns it with a comment. */
export async function decideMilestone(
  ctx: StepContext,
  options: { projectId: string; milestoneId: string; decision: 'accepted' | 'returned'; comment: string },
): Promise<void> {
  const project = await getVisibleProject(ctx.db, ctx.actor, options.projectId);
  await ctx.db.transaction().execute(async (tx) => {
    const milestone = await tx
      .selectFrom('project_milestones')
      .selectAll()
      .where('id', '=', options.milestoneId)
      .where('project_id', '=', project.id)
      .forUpdate()
      .executeTakeFirst();
    if (!milestone) throw new AppError('NOT_FOUND');
    if (milestone.status !== 'reported') throw new AppError('FUNDING_INVALID_STATE');
    await tx
      .updateTable('project_milestones')
      .set({
        status: options.decision,
        decided_by: ctx.actor?.userId ?? null,
        decided_at: ctx.now(),
        decision_comment: options.comment,
      })
      .where('id', '=', milestone.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: `milestone.${options.decision}`,
        entityType: 'project_milestone',
        entityId: milestone.id,
        before: { status: milestone.status },
        after: { status: options.decision, comment: options.comment },
      },
      ctx.requestId,
    );
  });
}
