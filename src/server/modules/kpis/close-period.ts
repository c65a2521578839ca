import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { findClusters, findPeriodById } from './kpis.repository';
import { chunksOf, loadValueInputs, valuesForPeriod } from './kpi-evaluation';
import { sql } from 'kysely';
import { presentPeriod } from './kpis.presenter';

/**
 * Closes a reporting period: every computed and formula KPI of every cluster is computed one
 * last time and stored as a frozen measurement (so later changes to memberships or projects do
 * not rewrite history); reported values can no longer be reported. One transaction; the clusters
 * are computed `CLUSTERS_PER_CHUNK` at a time, each chunk's values written by one insert.
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
    for (const chunk of chunksOf(clusters.map((c) => c.id))) {
      const inputs = await loadValueInputs(tx, chunk, [before], [before]);
      const rows: { definitionId: string; clusterId: string; value: number | null; reason: string | null }[] =
        [];
      for (const [clusterId, input] of inputs) {
        const values = await valuesForPeriod(
          tx,
          clusterId,
          before,
          input.definitions,
          input.measurements,
          input.precomputed,
        );
        for (const definition of input.definitions) {
          if (definition.source === 'reported') continue;
          const entry = values.get(definition.code);
          if (!entry || entry.origin === 'frozen') continue;
          const { value, reason } = entry.value;
          rows.push({
            definitionId: definition.id,
            clusterId,
            value,
            reason: value === null ? (reason ?? 'no_data') : null,
          });
        }
      }
      if (rows.length === 0) continue;
      // One statement per chunk, whatever its rows (arrays, not one parameter per value).
      await sql`insert into kpi_measurements
          (definition_id, cluster_id, period_id, value, not_computable_reason, status, frozen_at)
        select v.definition_id, v.cluster_id, ${periodId}::uuid, v.value, v.reason, 'computed',
          ${now}::timestamptz
        from unnest(
          ${rows.map((r) => r.definitionId)}::uuid[],
          ${rows.map((r) => r.clusterId)}::uuid[],
          ${rows.map((r) => r.value)}::numeric[],
          ${rows.map((r) => r.reason)}::text[]
        ) as v(definition_id, cluster_id, value, reason)`.execute(tx);
      frozen += rows.length;
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
