import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { presentPeriod } from './kpis.presenter';

export interface CreatePeriodOptions {
  code: string;
  label: string;
  startsOn: string;
  endsOn: string;
}

/** Creates a reporting period (planned); codes are unique and periods never overlap. */
export async function createPeriod(ctx: StepContext, options: CreatePeriodOptions) {
  if (options.endsOn < options.startsOn) throw new AppError('VALIDATION_FAILED');
  return ctx.db.transaction().execute(async (tx) => {
    const clash = await tx
      .selectFrom('reporting_periods')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('code', '=', options.code),
          eb.and([eb('starts_on', '<=', options.endsOn), eb('ends_on', '>=', options.startsOn)]),
        ]),
      )
      .executeTakeFirst();
    if (clash) throw new AppError('KPI_PERIOD_CONFLICT');
    const row = await tx
      .insertInto('reporting_periods')
      .values({
        code: options.code,
        label: options.label,
        starts_on: options.startsOn,
        ends_on: options.endsOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'kpi.period_created',
        entityType: 'reporting_period',
        entityId: row.id,
        after: presentPeriod(row),
      },
      ctx.requestId,
    );
    return row;
  });
}
