import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import { findClusterById, type ClusterRow } from './clusters.repository';

export interface PromoteClusterOptions {
  clusterId: string;
  effectiveOn: string;
  motivation: string;
  mandateEnd?: string | null;
}

/**
 * Promotes a business network (IBN) to a spearhead cluster (officers): same cluster record, so
 * its members and history stay; the promotion is a dated history entry with its motivation.
 */
export async function promoteCluster(ctx: StepContext, options: PromoteClusterOptions): Promise<ClusterRow> {
  const actor = actorOf(ctx);
  const before = await findClusterById(ctx.db, options.clusterId);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.kind !== 'business_network' || before.status === 'ended')
    throw new AppError('CLUSTER_NOT_PROMOTABLE');
  if (options.mandateEnd && options.mandateEnd < options.effectiveOn)
    throw new AppError('CLUSTER_MANDATE_INVALID');
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('clusters')
      .set({
        kind: 'spearhead',
        status: 'active',
        mandate_start: options.effectiveOn,
        ...(options.mandateEnd !== undefined ? { mandate_end: options.mandateEnd } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .where('kind', '=', 'business_network')
      .execute();
    await tx
      .insertInto('cluster_events')
      .values({
        cluster_id: before.id,
        event: 'promoted',
        from_status: before.status,
        to_status: 'active',
        from_kind: 'business_network',
        to_kind: 'spearhead',
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
        action: 'cluster.promoted',
        entityType: 'cluster',
        entityId: before.id,
        before: { kind: before.kind, status: before.status, mandateStart: before.mandate_start },
        after: {
          kind: after.kind,
          status: after.status,
          mandateStart: after.mandate_start,
          effectiveOn: options.effectiveOn,
          motivation: options.motivation,
        },
      },
      ctx.requestId,
    );
    return after;
  });
}
