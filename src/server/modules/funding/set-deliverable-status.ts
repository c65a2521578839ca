import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { fundingPolicy } from './funding.policy';
import { getVisibleProject } from './funding.repository';

/** planned → delivered (manager or officer) → accepted (officer only). */
export async function setDeliverableStatus(
  ctx: StepContext,
  options: { projectId: string; deliverableId: string; status: 'delivered' | 'accepted' },
): Promise<void> {
  const project = await getVisibleProject(ctx.db, ctx.actor, options.projectId);
  if (ctx.actor && !fundingPolicy.reportsFor(ctx.actor, project.clusterIds)) throw new AppError('FORBIDDEN');
  if (options.status === 'accepted' && ctx.actor && !fundingPolicy.manages(ctx.actor))
    throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (tx) => {
    const deliverable = await tx
      .selectFrom('project_deliverables')
      .selectAll()
      .where('id', '=', options.deliverableId)
      .where('project_id', '=', project.id)
      .forUpdate()
      .executeTakeFirst();
    if (!deliverable) throw new AppError('NOT_FOUND');
    const allowed =
      options.status === 'delivered' ? deliverable.status === 'planned' : deliverable.status === 'delivered';
    if (!allowed) throw new AppError('FUNDING_INVALID_STATE');
    await tx
      .updateTable('project_deliverables')
      .set({ status: options.status, ...(options.status === 'delivered' ? { delivered_at: ctx.now() } : {}) })
      .where('id', '=', deliverable.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: `deliverable.${options.status}`,
        entityType: 'project_deliverable',
        entityId: deliverable.id,
        before: { status: deliverable.status },
        after: { status: options.status },
      },
      ctx.requestId,
    );
  });
}
