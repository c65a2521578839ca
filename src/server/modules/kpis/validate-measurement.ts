import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { auditMeasurement } from './kpis.presenter';
import { loadForReview, type ReviewMeasurementOptions } from './load-for-review';

/** The officer accepts a reported value; validated values are final and count for the status. */
export async function validateMeasurement(
  ctx: StepContext,
  options: ReviewMeasurementOptions,
): Promise<void> {
  const { actor, measurement, definition } = await loadForReview(ctx, options.measurementId);
  await ctx.db.transaction().execute(async (tx) => {
    const after = await tx
      .updateTable('kpi_measurements')
      .set({
        status: 'validated',
        review_comment: options.comment ?? null,
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
        action: 'validated',
        status: 'validated',
        value: after.value,
        comment: options.comment ?? null,
        actor_user_id: actor.userId,
      })
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'kpi.measurement_validated',
        entityType: 'kpi_measurement',
        entityId: measurement.id,
        before: auditMeasurement(measurement),
        after: { ...auditMeasurement(after), code: definition.code },
      },
      ctx.requestId,
    );
  });
}
