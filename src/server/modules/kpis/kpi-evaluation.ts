import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { evaluateFormula, type FormulaDefinition, type FormulaValue } from './kpi-formula';
import {
  caseKey,
  runComputedQuery,
  runComputedQueryBatch,
  type ComputedCase,
  type ComputedResult,
} from './kpi-queries';
import { expectedValue, kpiStatus, outlierCheck, type KpiStatus } from './kpi-status';
import type { MeasurementStatus } from './kpis.tables';
import {
  findApplicableDefinitions,
  findDefinitions,
  findMeasurementValues,
  findTargets,
  toNumber,
  type KpiDefinitionRow,
  type KpiSettings,
  type MeasurementValueRow,
  type PeriodRow,
  type TargetRow,
} from './kpis.repository';

export interface EvaluatedCell {
  definitionId: string;
  code: string;
  periodId: string;
  /** Null when not computable or not (yet) reported; see `reason`. */
  value: number | null;
  reason: string | null;
  /** Where the value comes from: frozen at period close, computed live, reported by the cluster, or nothing yet. */
  origin: 'frozen' | 'live' | 'reported' | 'none';
  measurementId: string | null;
  measurementStatus: MeasurementStatus | null;
  expected: number | null;
  status: KpiStatus;
  zScore: number | null;
  isOutlier: boolean;
}

export interface ClusterEvaluation {
  clusterId: string;
  definitions: KpiDefinitionRow[];
  targets: TargetRow[];
  cells: EvaluatedCell[];
}

export type PrecomputedValues = Map<string, Map<string, ComputedResult>>;

/** What `evaluateCluster` reads, loaded beforehand for many clusters (the portfolio). */
export interface EvaluationInputs {
  definitions: KpiDefinitionRow[];
  targets: TargetRow[];
  measurements: MeasurementValueRow[];
  precomputed: PrecomputedValues;
}

export function formulaOf(definition: KpiDefinitionRow): FormulaDefinition {
  return {
    code: definition.code,
    source: definition.source,
    numeratorCode: definition.numerator_code,
    denominatorCode: definition.denominator_code,
    factor: Number(definition.factor),
  };
}

/** The values of one cluster in one period, computed and formula ones included (nothing is stored). */
export async function valuesForPeriod(
  db: Kysely<DB>,
  clusterId: string,
  period: PeriodRow,
  definitions: KpiDefinitionRow[],
  measurements: MeasurementValueRow[],
  /** Computed KPIs run beforehand for many clusters at once (by computed key, then cluster|period). */
  precomputed?: PrecomputedValues,
): Promise<
  Map<
    string,
    { value: FormulaValue; origin: EvaluatedCell['origin']; measurement: MeasurementValueRow | null }
  >
> {
  const stored = new Map(
    measurements.filter((m) => m.period_id === period.id).map((m) => [m.definition_id, m]),
  );
  const result = new Map<
    string,
    { value: FormulaValue; origin: EvaluatedCell['origin']; measurement: MeasurementValueRow | null }
  >();
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const definition of definitions) {
    const measurement = stored.get(definition.id) ?? null;
    if (measurement && measurement.frozen_at !== null) {
      result.set(definition.code, {
        value: {
          value: toNumber(measurement.value),
          reason: measurement.not_computable_reason as FormulaValue['reason'],
        },
        origin: 'frozen',
        measurement,
      });
    } else if (definition.source === 'reported') {
      const counts = measurement && (measurement.status === 'reported' || measurement.status === 'validated');
      result.set(definition.code, {
        value: { value: counts ? toNumber(measurement.value) : null, reason: null },
        origin: measurement ? 'reported' : 'none',
        measurement,
      });
    } else if (definition.source === 'computed' && definition.computed_key) {
      const computed =
        precomputed?.get(definition.computed_key)?.get(caseKey(clusterId, period.id)) ??
        (await runComputedQuery(db, definition.computed_key, clusterId, period.starts_on, period.ends_on));
      result.set(definition.code, {
        value: {
          value: computed.value,
          reason:
            computed.reason === 'division_by_zero'
              ? 'division_by_zero'
              : computed.reason
                ? 'missing_operand'
                : null,
        },
        origin: 'live',
        measurement: null,
      });
    }
  }
  const resolve = (code: string, trail: string[]): FormulaValue => {
    const known = result.get(code);
    if (known) return known.value;
    const definition = byCode.get(code);
    if (!definition) return { value: null, reason: 'missing_operand' };
    if (definition.source === 'formula') return evaluateFormula(formulaOf(definition), resolve, trail);
    return { value: null, reason: null };
  };
  for (const definition of definitions) {
    if (definition.source === 'formula' && !result.has(definition.code)) {
      result.set(definition.code, {
        value: evaluateFormula(formulaOf(definition), resolve),
        origin: 'live',
        measurement: null,
      });
    }
  }
  return result;
}

/**
 * Evaluates every applicable KPI of one cluster over the given periods (oldest first): the
 * value (frozen, reported or computed live), the expected value on the trajectory, the status
 * and the outlier flag against the earlier periods. Periods that have not started are given
 * targets only.
 */
export async function evaluateCluster(
  db: Kysely<DB>,
  clusterId: string,
  periods: PeriodRow[],
  settings: KpiSettings,
  today: string,
  inputs?: EvaluationInputs,
): Promise<ClusterEvaluation> {
  const definitions = inputs ? inputs.definitions : await findApplicableDefinitions(db, clusterId);
  const targets = inputs ? inputs.targets : await findTargets(db, [clusterId]);
  const measurements = inputs ? inputs.measurements : await findMeasurementValues(db, [clusterId]);
  const targetByDefinition = new Map(targets.map((t) => [t.definition_id, t]));
  const history = new Map<string, number[]>();
  const cells: EvaluatedCell[] = [];
  const sorted = [...periods].sort((a, b) => a.starts_on.localeCompare(b.starts_on));
  for (const period of sorted) {
    const started = period.starts_on <= today;
    const values = started
      ? await valuesForPeriod(db, clusterId, period, definitions, measurements, inputs?.precomputed)
      : (new Map() as Awaited<ReturnType<typeof valuesForPeriod>>);
    for (const definition of definitions) {
      const entry = values.get(definition.code);
      const target = targetByDefinition.get(definition.id);
      const expected = target
        ? expectedValue({
            baselineValue: toNumber(target.baseline_value),
            baselineDate: target.baseline_date,
            endTargetValue: toNumber(target.end_target_value),
            endTargetDate: target.end_target_date,
            periodTarget: toNumber(target.periodTargets[period.id]),
            periodEnd: period.ends_on,
          })
        : null;
      const value = entry?.value.value ?? null;
      const reason = entry?.value.reason ?? null;
      const earlier = history.get(definition.code) ?? [];
      const outlier = outlierCheck(value, earlier, settings.zScoreThreshold);
      cells.push({
        definitionId: definition.id,
        code: definition.code,
        periodId: period.id,
        value,
        reason,
        origin: entry?.origin ?? 'none',
        measurementId: entry?.measurement?.id ?? null,
        measurementStatus: entry?.measurement?.status ?? null,
        expected,
        status: started
          ? kpiStatus({
              value,
              isNotComputable: reason !== null,
              expected,
              baselineValue: target ? toNumber(target.baseline_value) : null,
              direction: definition.direction,
              tolerance: settings.tolerance,
            })
          : 'no_data',
        zScore: outlier.zScore,
        isOutlier: outlier.isOutlier,
      });
      if (value !== null) history.set(definition.code, [...earlier, value]);
    }
  }
  return { clusterId, definitions, targets, cells };
}

/** How many clusters the set-based paths (portfolio report, period close) evaluate per batch of statements. */
const CLUSTERS_PER_CHUNK = 100;

/** The items in consecutive chunks of at most `size`, in their order. */
export function chunksOf<T>(items: T[], size: number = CLUSTERS_PER_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What `valuesForPeriod` reads for one cluster, loaded beforehand for many (`loadValueInputs`). */
type ValueInputs = Omit<EvaluationInputs, 'targets'>;

/**
 * The definitions and stored values of many clusters in `periods`, and every computed KPI run for
 * each (cluster, period of `computedPeriods`) it is not frozen for: one query for the definitions,
 * one for the measurements and one batched statement per computed KPI, whatever the clusters.
 */
export async function loadValueInputs(
  db: Kysely<DB>,
  clusterIds: string[],
  periods: PeriodRow[],
  computedPeriods: PeriodRow[],
): Promise<Map<string, ValueInputs>> {
  const inputs = new Map<string, ValueInputs>();
  if (clusterIds.length === 0) return inputs;
  const [allDefinitions, measurements] = await Promise.all([
    findDefinitions(db, { clusterIds }),
    findMeasurementValues(
      db,
      clusterIds,
      periods.map((p) => p.id),
    ),
  ]);
  const definitionsOf = (clusterId: string) =>
    allDefinitions.filter((d) => d.cluster_id === null || d.cluster_id === clusterId);
  const frozen = new Set(
    measurements
      .filter((m) => m.frozen_at !== null)
      .map((m) => `${m.definition_id}|${m.cluster_id ?? ''}|${m.period_id}`),
  );
  const cases = new Map<string, ComputedCase[]>();
  const queued = new Set<string>();
  for (const clusterId of clusterIds) {
    for (const definition of definitionsOf(clusterId)) {
      if (definition.source !== 'computed' || !definition.computed_key) continue;
      for (const period of computedPeriods) {
        if (frozen.has(`${definition.id}|${clusterId}|${period.id}`)) continue;
        // A computed key shared by two definitions is run once per case.
        const id = `${definition.computed_key}|${clusterId}|${period.id}`;
        if (queued.has(id)) continue;
        queued.add(id);
        const list = cases.get(definition.computed_key) ?? [];
        list.push({ clusterId, periodId: period.id, startsOn: period.starts_on, endsOn: period.ends_on });
        cases.set(definition.computed_key, list);
      }
    }
  }
  const precomputed: PrecomputedValues = new Map();
  await Promise.all(
    [...cases].map(async ([key, list]) => precomputed.set(key, await runComputedQueryBatch(db, key, list))),
  );
  const measurementsBy = byCluster(measurements);
  for (const clusterId of clusterIds)
    inputs.set(clusterId, {
      definitions: definitionsOf(clusterId),
      measurements: measurementsBy.get(clusterId) ?? [],
      precomputed,
    });
  return inputs;
}

function byCluster<T extends { cluster_id: string | null }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    if (!row.cluster_id) continue;
    const list = map.get(row.cluster_id);
    if (list) list.push(row);
    else map.set(row.cluster_id, [row]);
  }
  return map;
}

/**
 * `evaluateCluster` for many clusters with a fixed number of statements: definitions, targets
 * and measurements in one query each, and each computed KPI in one batched statement for every
 * (cluster, period) it is not frozen for. The cells are exactly those of `evaluateCluster`.
 */
export async function evaluateClusters(
  db: Kysely<DB>,
  clusterIds: string[],
  periods: PeriodRow[],
  settings: KpiSettings,
  today: string,
): Promise<Map<string, ClusterEvaluation>> {
  const evaluations = new Map<string, ClusterEvaluation>();
  if (clusterIds.length === 0) return evaluations;
  const [inputs, targets] = await Promise.all([
    loadValueInputs(
      db,
      clusterIds,
      periods,
      periods.filter((p) => p.starts_on <= today),
    ),
    findTargets(db, clusterIds),
  ]);
  const targetsBy = byCluster(targets);
  for (const clusterId of clusterIds) {
    const input = inputs.get(clusterId);
    if (!input) continue;
    evaluations.set(
      clusterId,
      await evaluateCluster(db, clusterId, periods, settings, today, {
        ...input,
        targets: targetsBy.get(clusterId) ?? [],
      }),
    );
  }
  return evaluations;
}
