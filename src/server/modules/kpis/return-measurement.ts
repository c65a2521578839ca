import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import type { StepContext } from '../../http/request-context';
import { findClusterManagerIds } from './kpis.repository';
import { auditMeasurement } from './kpis.presenter';
import { loadForReview, type ReviewMeasurementOptions } from './load-for-review';

/**
 * The officer returns a reported value with a comment: it goes back to the cluster (its
 * managers are notified) and no longer counts until it is reported again. Only while the
 * period is open, since the cluster could not report again after it closed.
 */
export async function returnMeasurement(ctx: StepContext, options: ReviewMeasurementOptions): Promise<void> {
  const comment = options.comment?.trim() ?? '';
  if (comment.length === 0) throw new AppError('KPI_RETURN_NEEDS_COMMENT');
  const { actor, measurement, definition, period } = await loadForReview(ctx, options.measurementId);
  if (period.status === 'closed') throw new AppError('KPI_PERIOD_CLOSED');
  const clusterId = measurement.cluster_id;
  const managers = clusterId ? await findClusterManagerIds(ctx.db, clusterId) : [];
  await ctx.db.transaction().execute(async (tx) => {
    const after = await tx
      .updateTable('kpi_measurements')
      .set({
        status: 'returned',
        review_comment: comment,
        reviewed_by: actor.userId,
        reviewed_at: ctx.now(),
        version: measurement.version + 1,
        updated_at: ctx.now(),
      })
      .where('id', '=', measurement.id)
      .where('status', '=', 'reported')
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError('STALE_VERSION');
    await tx
      .insertInto('kpi_measurement_history')
      .values({
        measurement_id: measurement.id,
        version: after.version,
        action: 'returned',
        status: 'returned',
        value: after.value,
        comment,
        actor_user_id: actor.userId,
      })
      .execute();
    for (const userId of managers) {
      await queueNotification(tx, {
        userId,
        kind: 'kpi.measurement_returned',
        params: { code: definition.code, period: period.code, comment },
        link: `/kpis/clusters/${clusterId}`,
      });
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'kpi.measurement_returned',
        entityType: 'kpi_measurement',
        entityId: measurement.id,
        before: auditMeasurement(measurement),
        after: { ...auditMeasurement(after), code: definition.code },
      },
      ctx.requestId,
    );
  });
}
