import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { findPeriodById } from './kpis.repository';
import { presentPeriod } from './kpis.presenter';

/** Opens a planned period for reporting. A closed period stays closed (its computed values are frozen). */
export async function openPeriod(ctx: StepContext, periodId: string) {
  const before = await findPeriodById(ctx.db, periodId);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.status === 'closed') throw new AppError('KPI_PERIOD_CLOSED');
  if (before.status === 'open') return before;
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('reporting_periods')
      .set({ status: 'open' })
      .where('id', '=', periodId)
      .where('status', '=', 'planned')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('STALE_VERSION');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'kpi.period_opened',
        entityType: 'reporting_period',
        entityId: row.id,
        before: presentPeriod(before),
        after: presentPeriod(row),
      },
      ctx.requestId,
    );
    return row;
  });
}
