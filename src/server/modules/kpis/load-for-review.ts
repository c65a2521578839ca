import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import { canValidate } from './kpis.policy';
import { findDefinitionById, findMeasurementById, findPeriodById } from './kpis.repository';

export interface ReviewMeasurementOptions {
  measurementId: string;
  comment?: string;
}

/** Loads a reported value for the officer's review; anything but `reported` is refused. */
export async function loadForReview(ctx: StepContext, measurementId: string) {
  const actor = actorOf(ctx);
  if (!canValidate(actor)) throw new AppError('FORBIDDEN');
  const measurement = await findMeasurementById(ctx.db, measurementId);
  if (!measurement) throw new AppError('NOT_FOUND');
  if (measurement.status !== 'reported')
    throw new AppError(
      measurement.status === 'validated' ? 'KPI_MEASUREMENT_VALIDATED' : 'KPI_MEASUREMENT_NOT_REPORTED',
    );
  const definition = await findDefinitionById(ctx.db, measurement.definition_id);
  const period = await findPeriodById(ctx.db, measurement.period_id);
  if (!definition || !period) throw new AppError('NOT_FOUND');
  return { actor, measurement, definition, period };
}
