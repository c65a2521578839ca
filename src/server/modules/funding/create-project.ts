import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import type { AidRegime } from './funding.tables';
import type { ProjectKind } from './funding-rules';

export interface CreateProjectOptions {
  code: string;
  title: string;
  kind: ProjectKind;
  leadClusterId: string;
  /** Every cluster of the project; the lead is added when missing. */
  clusterIds: string[];
  startsOn: string;
  endsOn: string;
  isBottomUp?: boolean;
  callId?: string | null;
  sourceProposalId?: string | null;
  aidRegime: AidRegime;
  aidLegalBasis?: string;
  participants: { organisationId: string; role: string; budgetCents: number; aidCents: number }[];
  themeIds: string[];
  milestones: { title: string; dueOn: string }[];
  deliverables: { title: string; dueOn: string }[];
  isExample?: boolean;
}

/**
 * Enters a project (from a funded proposal or an existing agreement) with its clusters,
 * participants, themes, milestones and deliverables. Its budget and aid are the sums of the
 * participants'. An inter-cluster project needs two or more clusters, a cluster project one.
 */
export async function createProject(
  ctx: StepContext,
  options: CreateProjectOptions,
): Promise<{ id: string }> {
  const clusterIds = [...new Set([options.leadClusterId, ...options.clusterIds])];
  if (options.kind === 'inter_cluster_project' && clusterIds.length < 2)
    throw new AppError('INTER_CLUSTER_NEEDS_TWO_CLUSTERS');
  if (options.kind === 'cluster_project' && clusterIds.length !== 1)
    throw new AppError('CLUSTER_PROJECT_ONE_CLUSTER');
  if (options.endsOn < options.startsOn) throw new AppError('VALIDATION_FAILED');
  if (options.participants.some((p) => p.aidCents > p.budgetCents)) throw new AppError('AID_EXCEEDS_BUDGET');
  const organisationIds = [...new Set(options.participants.map((p) => p.organisationId))];
  const themeIds = [...new Set(options.themeIds)];
  if (organisationIds.length !== options.participants.length) throw new AppError('VALIDATION_FAILED');
  const counts = await Promise.all([
    ctx.db.selectFrom('clusters').select('id').where('id', 'in', clusterIds).execute(),
    organisationIds.length
      ? ctx.db.selectFrom('organisations').select('id').where('id', 'in', organisationIds).execute()
      : [],
    themeIds.length ? ctx.db.selectFrom('themes').select('id').where('id', 'in', themeIds).execute() : [],
  ]);
  if (
    counts[0].length !== clusterIds.length ||
    counts[1].length !== organisationIds.length ||
    counts[2].length !== themeIds.length
  )
    throw new AppError('FUNDING_UNKNOWN_REFERENCE');
  if (await ctx.db.selectFrom('projects').select('id').where('code', '=', options.code).executeTakeFirst())
    throw new AppError('PROJECT_CODE_TAKEN');
  const totalBudget = options.participants.reduce((sum, p) => sum + p.budgetCents, 0);
  const totalAid = options.participants.reduce((sum, p) => sum + p.aidCents, 0);
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('projects')
      .values({
        code: options.code,
        title: options.title,
        kind: options.kind,
        lead_cluster_id: options.leadClusterId,
        starts_on: options.startsOn,
        ends_on: options.endsOn,
        total_budget_cents: totalBudget,
        aid_cents: totalAid,
        is_bottom_up: options.isBottomUp ?? true,
        call_id: options.callId ?? null,
        source_proposal_id: options.sourceProposalId ?? null,
        aid_regime: options.aidRegime,
        aid_legal_basis: options.aidLegalBasis ?? '',
        is_example: options.isExample ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('project_clusters')
      .values(clusterIds.map((clusterId) => ({ project_id: id, cluster_id: clusterId })))
      .execute();
    if (options.participants.length > 0) {
      await tx
        .insertInto('project_participants')
        .values(
          options.participants.map((p) => ({
            project_id: id,
            organisation_id: p.organisationId,
            role: p.role,
            budget_cents: p.budgetCents,
            aid_cents: p.aidCents,
          })),
        )
        .execute();
    }
    if (themeIds.length > 0)
      await tx
        .insertInto('project_themes')
        .values(themeIds.map((themeId) => ({ project_id: id, theme_id: themeId })))
        .execute();
    if (options.milestones.length > 0)
      await tx
        .insertInto('project_milestones')
        .values(options.milestones.map((m) => ({ project_id: id, title: m.title, due_on: m.dueOn })))
        .execute();
    if (options.deliverables.length > 0)
      await tx
        .insertInto('project_deliverables')
        .values(options.deliverables.map((d) => ({ project_id: id, title: d.title, due_on: d.dueOn })))
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'project.created',
        entityType: 'project',
        entityId: id,
        after: { ...options, clusterIds, totalBudgetCents: totalBudget, aidCents: totalAid },
      },
      ctx.requestId,
    );
    return { id };
  });
}
