import type { ClusterStatus } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import { findClusterById, type ClusterRow } from './clusters.repository';

/** The lifecycle: candidate → active → ended; a candidate may also end without starting. */
const NEXT: Record<ClusterStatus, ClusterStatus[]> = {
  candidate: ['active', 'ended'],
  active: ['ended'],
  ended: [],
};

export interface ChangeClusterStatusOptions {
  clusterId: string;
  status: ClusterStatus;
  effectiveOn: string;
  motivation: string;
}

/** Moves a cluster along its lifecycle (officers) and keeps the dated history. */
export async function changeClusterStatus(
  ctx: StepContext,
  options: ChangeClusterStatusOptions,
): Promise<ClusterRow> {
  const actor = actorOf(ctx);
  const before = await findClusterById(ctx.db, options.clusterId);
  if (!before) throw new AppError('NOT_FOUND');
  if (!NEXT[before.status].includes(options.status))
    throw new AppError('CLUSTER_STATUS_TRANSITION_INVALID', {
      context: { from: before.status, to: options.status },
    });
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('clusters')
      .set({ status: options.status, updated_at: new Date() })
      .where('id', '=', before.id)
      .where('status', '=', before.status)
      .execute();
    await tx
      .insertInto('cluster_events')
      .values({
        cluster_id: before.id,
        event: 'status_changed',
        from_status: before.status,
        to_status: options.status,
        from_kind: before.kind,
        to_kind: before.kind,
        effective_on: options.effectiveOn,
        motivation: options.motivation,
        recorded_by: actor.userId,
      })
      .execute();
    const after = await findClusterById(tx, before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'cluster.status_changed',
        entityType: 'cluster',
        entityId: before.id,
        before: { status: before.status },
        after: { status: after.status, effectiveOn: options.effectiveOn, motivation: options.motivation },
      },
      ctx.requestId,
    );
    return after;
  });
}
