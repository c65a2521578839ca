import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import {
  assertClusterReferences,
  replaceClusterGoals,
  replaceClusterManagers,
  replaceClusterThemes,
  shortNameTaken,
} from './cluster-references';
import {
  findClusterById,
  findClusterGoals,
  findClusterManagers,
  findThemesOfClusters,
  type ClusterRow,
} from './clusters.repository';
import { auditCluster } from './clusters.presenter';
import { assertMayEditCluster, isOfficer } from './portfolio.policy';

export interface UpdateClusterOptions {
  clusterId: string;
  name?: string;
  shortName?: string;
  economicMission?: string;
  legalEntityId?: string | null;
  officerUserId?: string | null;
  mandateStart?: string | null;
  mandateEnd?: string | null;
  goals?: { title: string; description: string; targetYear: number | null }[];
  themeIds?: string[];
  managerUserIds?: string[];
}

const MANAGER_FIELDS = new Set(['clusterId', 'economicMission', 'goals', 'themeIds']);

/**
 * Edits a cluster. A cluster manager may change the mission, roadmap goals and themes of their
 * own cluster; names, legal entity, officer, mandate and managers are for officers.
 */
export async function updateCluster(ctx: StepContext, options: UpdateClusterOptions): Promise<ClusterRow> {
  const before = await findClusterById(ctx.db, options.clusterId);
  if (!before) throw new AppError('NOT_FOUND');
  assertMayEditCluster(ctx, before.id);
  const touched = Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (!isOfficer(ctx.actor) && touched.some((k) => !MANAGER_FIELDS.has(k))) throw new AppError('FORBIDDEN');
  const start = options.mandateStart !== undefined ? options.mandateStart : before.mandate_start;
  const end = options.mandateEnd !== undefined ? options.mandateEnd : before.mandate_end;
  if (start && end && end < start) throw new AppError('CLUSTER_MANDATE_INVALID');
  if (options.shortName && (await shortNameTaken(ctx.db, options.shortName, before.id)))
    throw new AppError('CLUSTER_SHORT_NAME_TAKEN');
  await assertClusterReferences(ctx.db, options);
  const [goalsBefore, themesBefore, managersBefore] = await Promise.all([
    findClusterGoals(ctx.db, before.id),
    findThemesOfClusters(ctx.db, [before.id]),
    findClusterManagers(ctx.db, before.id),
  ]);
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('clusters')
      .set({
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.shortName !== undefined ? { short_name: options.shortName } : {}),
        ...(options.economicMission !== undefined ? { economic_mission: options.economicMission } : {}),
        ...(options.legalEntityId !== undefined ? { legal_entity_id: options.legalEntityId } : {}),
        ...(options.officerUserId !== undefined ? { officer_user_id: options.officerUserId } : {}),
        ...(options.mandateStart !== undefined ? { mandate_start: options.mandateStart } : {}),
        ...(options.mandateEnd !== undefined ? { mandate_end: options.mandateEnd } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .execute();
    if (options.goals) await replaceClusterGoals(tx, before.id, options.goals);
    if (options.themeIds) await replaceClusterThemes(tx, before.id, options.themeIds);
    if (options.managerUserIds) await replaceClusterManagers(tx, before.id, options.managerUserIds);
    const after = await findClusterById(tx, before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'cluster.updated',
        entityType: 'cluster',
        entityId: before.id,
        before: auditCluster(before, {
          goals: goalsBefore.map((g) => g.title),
          themeIds: themesBefore.map((t) => t.id),
          managerUserIds: managersBefore.map((m) => m.id),
        }),
        after: auditCluster(after, {
          goals: options.goals?.map((g) => g.title),
          themeIds: options.themeIds,
          managerUserIds: options.managerUserIds,
        }),
      },
      ctx.requestId,
    );
    return after;
  });
}
