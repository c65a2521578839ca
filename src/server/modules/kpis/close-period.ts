import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { findApplicableDefinitions, findClusters, findMeasurements, findPeriodById } from './kpis.repository';
import { valuesForPeriod } from './kpi-evaluation';
import { sql } from 'kysely';
import { presentPeriod } from './kpis.presenter';

/**
 * Closes a reporting period: every computed and formula KPI of every cluster is computed one
 * last time and stored as a frozen measurement (so later changes to memberships or projects do
 * not rewrite history); reported values can no longer be reported. One transaction.
 */
export async function closePeriod(ctx: StepContext, periodId: string) {
  const before = await findPeriodById(ctx.db, periodId);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.status === 'closed') throw new AppError('KPI_PERIOD_CLOSED');
  const clusters = await findClusters(ctx.db, 'all');
  return ctx.db.transaction().execute(async (tx) => {
    // Serialises closes: two officers cannot freeze the same period twice.
    const locked = await sql<{
      status: string;
    }>`select status from reporting_periods where id = ${periodId} for update`.execute(tx);
    if (locked.rows[0]?.status === 'closed') throw new AppError('KPI_PERIOD_CLOSED');
    const now = ctx.now();
    let frozen = 0;
    for (const cluster of clusters) {
      const definitions = await findApplicableDefinitions(tx, cluster.id);
      const measurements = (await findMeasurements(tx, [cluster.id])).filter((m) => m.period_id === periodId);
      const values = await valuesForPeriod(tx, cluster.id, before, definitions, measurements);
      for (const definition of definitions) {
        if (definition.source === 'reported') continue;
        const entry = values.get(definition.code);
        if (!entry || entry.origin === 'frozen') continue;
        const reason = entry.value.value === null ? (entry.value.reason ?? 'no_data') : null;
        await tx
          .insertInto('kpi_measurements')
          .values({
            definition_id: definition.id,
            cluster_id: cluster.id,
            period_id: periodId,
            value: entry.value.value,
            not_computable_reason: reason,
            status: 'computed',
            frozen_at: now,
          })
          .execute();
        frozen += 1;
      }
    }
    const row = await tx
      .updateTable('reporting_periods')
      .set({ status: 'closed', closed_at: now, closed_by: ctx.actor?.userId ?? null })
      .where('id', '=', periodId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'kpi.period_closed',
        entityType: 'reporting_period',
        entityId: periodId,
        before: presentPeriod(before),
        after: { ...presentPeriod(row), frozenValues: frozen },
      },
      ctx.requestId,
    );
    return row;
  });
}
