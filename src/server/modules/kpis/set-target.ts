import { brusselsDate } from '../../../shared/brussels-time';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertSeesCluster, canManageTargets } from './kpis.policy';
import { findDefinitionById, findPeriods, toNumber } from './kpis.repository';
import { assertValueFitsUnit } from './kpi-values';

export interface SetTargetOptions {
  clusterId: string;
  definitionId: string;
  baselineValue: number | null;
  baselineDate: string | null;
  endTargetValue: number | null;
  endTargetDate: string | null;
  /** Targets per period; periods left out keep no target of their own (the trajectory applies). */
  periodTargets: { periodId: string; value: number }[];
  motivation?: string;
}

interface TargetSnapshot {
  baselineValue: number | null;
  baselineDate: string | null;
  endTargetValue: number | null;
  endTargetDate: string | null;
  periodTargets: Record<string, number>;
}

/**
 * Sets the baseline and targets of a cluster for a KPI. Targets are set before a period starts;
 * changing a target of a period that has started, or the baseline or end target once any period
 * after the baseline has started, is an **amendment** and needs a motivation. Every change is
 * kept in `kpi_target_history` (with the motivation) and in the audit trail.
 */
export async function setTarget(ctx: StepContext, options: SetTargetOptions): Promise<string> {
  const actor = actorOf(ctx);
  assertSeesCluster(actor, options.clusterId);
  const definition = await findDefinitionById(ctx.db, options.definitionId);
  if (!definition || (definition.cluster_id !== null && definition.cluster_id !== options.clusterId))
    throw new AppError('NOT_FOUND');
  if (!canManageTargets(actor)) throw new AppError('FORBIDDEN');
  const periods = await findPeriods(ctx.db);
  const periodById = new Map(periods.map((p) => [p.id, p]));
  for (const [index, target] of options.periodTargets.entries()) {
    if (!periodById.has(target.periodId)) throw new AppError('NOT_FOUND');
    assertValueFitsUnit(definition.unit, target.value, `periodTargets.${index}.value`);
  }
  if (options.baselineValue !== null)
    assertValueFitsUnit(definition.unit, options.baselineValue, 'baselineValue');
  if (options.endTargetValue !== null)
    assertValueFitsUnit(definition.unit, options.endTargetValue, 'endTargetValue');
  const today = brusselsDate(ctx.now());

  return ctx.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('kpi_targets')
      .selectAll()
      .where('definition_id', '=', definition.id)
      .where('cluster_id', '=', options.clusterId)
      .forUpdate()
      .executeTakeFirst();
    const oldPeriodTargets = existing
      ? await tx
          .selectFrom('kpi_target_periods')
          .select(['period_id', 'target_value'])
          .where('target_id', '=', existing.id)
          .execute()
      : [];
    const before: TargetSnapshot | null = existing
      ? {
          baselineValue: toNumber(existing.baseline_value),
          baselineDate: existing.baseline_date,
          endTargetValue: toNumber(existing.end_target_value),
          endTargetDate: existing.end_target_date,
          periodTargets: Object.fromEntries(
            oldPeriodTargets.map((t) => [t.period_id, Number(t.target_value)]),
          ),
        }
      : null;
    const after: TargetSnapshot = {
      baselineValue: options.baselineValue,
      baselineDate: options.baselineDate,
      endTargetValue: options.endTargetValue,
      endTargetDate: options.endTargetDate,
      periodTargets: Object.fromEntries(options.periodTargets.map((t) => [t.periodId, t.value])),
    };
    let isAmendment = false;
    if (before && existing) {
      const changedPeriods = new Set(
        [...Object.keys(before.periodTargets), ...Object.keys(after.periodTargets)].filter(
          (id) => before.periodTargets[id] !== after.periodTargets[id],
        ),
      );
      const startedChange = [...changedPeriods].some(
        (id) => (periodById.get(id)?.starts_on ?? '9999') <= today,
      );
      const frameChanged =
        before.baselineValue !== after.baselineValue ||
        before.baselineDate !== after.baselineDate ||
        before.endTargetValue !== after.endTargetValue ||
        before.endTargetDate !== after.endTargetDate;
      const anyStarted = periods.some(
        (p) => p.starts_on <= today && (before.baselineDate === null || p.starts_on > before.baselineDate),
      );
      isAmendment = startedChange || (frameChanged && anyStarted);
      if (changedPeriods.size === 0 && !frameChanged) return existing.id;
    }
    const motivation = options.motivation?.trim() || null;
    if (isAmendment && !motivation) throw new AppError('KPI_TARGET_NEEDS_MOTIVATION');
    const values = {
      baseline_value: after.baselineValue,
      baseline_date: after.baselineDate,
      end_target_value: after.endTargetValue,
      end_target_date: after.endTargetDate,
      updated_at: ctx.now(),
    };
    const row = existing
      ? await tx
          .updateTable('kpi_targets')
          .set({ ...values, version: existing.version + 1 })
          .where('id', '=', existing.id)
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('kpi_targets')
          .values({ ...values, definition_id: definition.id, cluster_id: options.clusterId })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow();
    await tx.deleteFrom('kpi_target_periods').where('target_id', '=', row.id).execute();
    if (options.periodTargets.length > 0) {
      await tx
        .insertInto('kpi_target_periods')
        .values(
          options.periodTargets.map((t) => ({
            target_id: row.id,
            period_id: t.periodId,
            target_value: t.value,
          })),
        )
        .execute();
    }
    await tx
      .insertInto('kpi_target_history')
      .values({
        target_id: row.id,
        version: row.version,
        is_amendment: isAmendment,
        motivation,
        before: before ? JSON.stringify(before) : null,
        after: JSON.stringify(after),
        changed_by: actor.userId,
      })
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: isAmendment ? 'kpi.target_amended' : existing ? 'kpi.target_changed' : 'kpi.target_set',
        entityType: 'kpi_target',
        entityId: row.id,
        before,
        after: { ...after, code: definition.code, clusterId: options.clusterId, motivation },
      },
      ctx.requestId,
    );
    return row.id;
  });
}
