import { recordAudit } from '../../audit/record-audit';
import { AppError, detail } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { getVisibleProject } from './funding.repository';

/** Adds a milestone (or, with `kind: 'deliverable'`, a deliverable) to a project. */
export async function addProjectItem(
  ctx: StepContext,
  options: {
    projectId: string;
    kind: 'milestone' | 'deliverable';
    title: string;
    dueOn: string;
    milestoneId?: string | null;
  },
): Promise<{ id: string }> {
  const project = await getVisibleProject(ctx.db, ctx.actor, options.projectId);
  if (options.milestoneId) {
    // A deliverable hangs under a milestone of the same project, never one elsewhere or nowhere.
    const milestone = await ctx.db
      .selectFrom('project_milestones')
      .select('id')
      .where('id', '=', options.milestoneId)
      .where('project_id', '=', project.id)
      .executeTakeFirst();
    if (!milestone)
      throw new AppError('REFERENCE_NOT_FOUND', {
        details: [
          detail(
            'body.milestoneId',
            'reference_not_found',
            'Deze mijlpaal bestaat niet in dit project.',
            'This milestone does not exist in this project.',
          ),
        ],
      });
  }
  return ctx.db.transaction().execute(async (tx) => {
    const row =
      options.kind === 'milestone'
        ? await tx
            .insertInto('project_milestones')
            .values({ project_id: project.id, title: options.title, due_on: options.dueOn })
            .returning('id')
            .executeTakeFirstOrThrow()
        : await tx
            .insertInto('project_deliverables')
            .values({
              project_id: project.id,
              title: options.title,
              due_on: options.dueOn,
              milestone_id: options.milestoneId ?? null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: `project.${options.kind}_added`,
        entityType: `project_${options.kind}`,
        entityId: row.id,
        after: { projectId: project.id, title: options.title, dueOn: options.dueOn },
      },
      ctx.requestId,
    );
    return row;
  });
}
