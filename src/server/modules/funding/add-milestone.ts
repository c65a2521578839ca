import { recordAudit } from '../../audit/record-audit';
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
