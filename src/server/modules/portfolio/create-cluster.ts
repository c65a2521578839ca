import { brusselsToday } from '../../../shared/brussels-time';
import type { ClusterKind, ClusterStatus } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import {
  assertClusterReferences,
  replaceClusterGoals,
  replaceClusterThemes,
  shortNameTaken,
} from './cluster-references';
import { findClusterById, type ClusterRow } from './clusters.repository';
import { auditCluster } from './clusters.presenter';

export interface CreateClusterOptions {
  name: string;
  shortName: string;
  kind: ClusterKind;
  status: ClusterStatus;
  economicMission: string;
  legalEntityId: string | null;
  officerUserId: string | null;
  mandateStart: string | null;
  mandateEnd: string | null;
  goals: { title: string; description: string; targetYear: number | null }[];
  themeIds: string[];
}

/** Registers a spearhead cluster or business network (officers), with its first history entry. */
export async function createCluster(ctx: StepContext, options: CreateClusterOptions): Promise<ClusterRow> {
  const actor = actorOf(ctx);
  if (options.mandateStart && options.mandateEnd && options.mandateEnd < options.mandateStart)
    throw new AppError('CLUSTER_MANDATE_INVALID');
  if (await shortNameTaken(ctx.db, options.shortName)) throw new AppError('CLUSTER_SHORT_NAME_TAKEN');
  await assertClusterReferences(ctx.db, options);
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('clusters')
      .values({
        name: options.name,
        short_name: options.shortName,
        kind: options.kind,
        status: options.status,
        economic_mission: options.economicMission,
        legal_entity_id: options.legalEntityId,
        officer_user_id: options.officerUserId,
        mandate_start: options.mandateStart,
        mandate_end: options.mandateEnd,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceClusterGoals(tx, id, options.goals);
    await replaceClusterThemes(tx, id, options.themeIds);
    await tx
      .insertInto('cluster_events')
      .values({
        cluster_id: id,
        event: 'created',
        to_status: options.status,
        to_kind: options.kind,
        effective_on: brusselsToday(ctx.now()),
        recorded_by: actor.userId,
      })
      .execute();
    const created = await findClusterById(tx, id);
    if (!created) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'cluster.created',
        entityType: 'cluster',
        entityId: id,
        after: auditCluster(created, { goals: options.goals, themeIds: options.themeIds }),
      },
      ctx.requestId,
    );
    return created;
  });
}
