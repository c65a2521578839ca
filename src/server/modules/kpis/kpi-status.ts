import type { KpiDirection } from './kpis.tables';

export type KpiStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'no_data' | 'not_computable';

export interface TrajectoryInput {
  baselineValue: number | null;
  /** The date the baseline was measured (YYYY-MM-DD). */
  baselineDate: string | null;
  endTargetValue: number | null;
  /** The date the end-of-mandate target applies to (YYYY-MM-DD). */
  endTargetDate: string | null;
  /** The target set for this period, if any; it wins over the interpolated trajectory. */
  periodTarget: number | null;
  /** The end of the period being judged (YYYY-MM-DD). */
  periodEnd: string;
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The value the trajectory expects at the end of a period: the period's own target when one is
 * set, otherwise the straight line from the baseline (at its date) to the end-of-mandate target
 * (at its date), clamped to the end target after that date. Null when neither is known.
 */
export function expectedValue(input: TrajectoryInput): number | null {
  if (input.periodTarget !== null) return input.periodTarget;
  if (input.endTargetValue === null) return null;
  if (input.baselineValue === null || input.baselineDate === null || input.endTargetDate === null)
    return input.endTargetValue;
  const start = dayNumber(input.baselineDate);
  const end = dayNumber(input.endTargetDate);
  const at = dayNumber(input.periodEnd);
  if (end <= start || at >= end) return input.endTargetValue;
  if (at <= start) return input.baselineValue;
  return input.baselineValue + ((input.endTargetValue - input.baselineValue) * (at - start)) / (end - start);
}

export interface StatusInput {
  value: number | null;
  /** True when a value exists but could not be computed (e.g. a division by zero). */
  isNotComputable?: boolean;
  expected: number | null;
  baselineValue: number | null;
  direction: KpiDirection;
  /** Share of the planned progress that may be missing before a KPI is off track (setting `kpis.status_tolerance`). */
  tolerance: number;
}

/**
 * Direction-aware status against the trajectory.
 * - planned = how far the trajectory moves from the baseline to the expected value (in the good direction);
 *   achieved = how far the value moved from the baseline (in the good direction).
 * - on track: the value is at or beyond the expected value;
 * - at risk: behind, but by no more than `tolerance` × the planned progress;
 * - off track: further behind.
 * When no progress is planned (no baseline, or expected = baseline) the gap is measured against
 * `tolerance` × |expected| instead (so a zero target tolerates nothing).
 */
export function kpiStatus(input: StatusInput): KpiStatus {
  if (input.isNotComputable) return 'not_computable';
  if (input.expected === null) return 'no_target';
  if (input.value === null) return 'no_data';
  const sign = input.direction === 'higher' ? 1 : -1;
  const shortfall = sign * (input.expected - input.value);
  if (shortfall <= 0) return 'on_track';
  const planned = input.baselineValue === null ? 0 : sign * (input.expected - input.baselineValue);
  const allowed = planned > 0 ? input.tolerance * planned : input.tolerance * Math.abs(input.expected);
  return shortfall <= allowed ? 'at_risk' : 'off_track';
}

export interface OutlierResult {
  zScore: number | null;
  isOutlier: boolean;
}

/**
 * Flags a value far outside its own history (the earlier periods of the same KPI and subject):
 * |value − mean| / standard deviation above `threshold`. Needs three earlier values; with no
 * spread at all, any different value is flagged (z-score reported as null).
 */
export function outlierCheck(value: number | null, history: number[], threshold: number): OutlierResult {
  if (value === null || history.length < 3) return { zScore: null, isOutlier: false };
  const mean = history.reduce((a, b) => a + b, 0) / history.length;
  const variance = history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1);
  const deviation = Math.sqrt(variance);
  if (deviation === 0) return { zScore: null, isOutlier: value !== mean };
  const z = Math.abs(value - mean) / deviation;
  return { zScore: Math.round(z * 100) / 100, isOutlier: z > threshold };
}

/** Aggregates the values of several periods the way the definition says (mandate-to-date figures). */
export function aggregateValues(
  aggregation: 'sum' | 'average' | 'last',
  values: (number | null)[],
): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  if (aggregation === 'sum') return known.reduce((a, b) => a + b, 0);
  if (aggregation === 'average') return known.reduce((a, b) => a + b, 0) / known.length;
  return known[known.length - 1] ?? null;
}
