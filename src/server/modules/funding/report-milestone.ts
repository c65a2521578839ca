import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { fundingPolicy } from './funding.policy';
import { getVisibleProject } from './funding.repository';

/** The cluster manager (or the officer) reports a milestone as reached; a returned one can be reported again. */
export async function reportMilestone(
  ctx: StepContext,
  options: { projectId: string; milestoneId: string },
): Promise<void> {
  const project = await getVisibleProject(ctx.db, ctx.actor, options.projectId);
  if (ctx.actor && !fundingPolicy.reportsFor(ctx.actor, project.clusterIds)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (tx) => {
    const milestone = await tx
      .selectFrom('project_milestones')
      .selectAll()
      .where('id', '=', options.milestoneId)
      .where('project_id', '=', project.id)
      .forUpdate()
      .executeTakeFirst();
    if (!milestone) throw new AppError('NOT_FOUND');
    if (milestone.status !== 'open' && milestone.status !== 'returned')
      throw new AppError('FUNDING_INVALID_STATE');
    await tx
      .updateTable('project_milestones')
      .set({ status: 'reported', reported_at: ctx.now() })
      .where('id', '=', milestone.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'milestone.reported',
        entityType: 'project_milestone',
        entityId: milestone.id,
        before: { status: milestone.status },
        after: { status: 'reported' },
      },
      ctx.requestId,
    );
  });
}
