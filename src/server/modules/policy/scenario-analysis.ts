import { Rational, sumOf } from './rational';

/**
 * The scenario comparison, as pure functions (unit-tested in test/unit/policy).
 *
 * Aggregation: for each scenario and criterion the **median** of the stakeholders' scores; the
 * scenario's total is the **weighted sum** of those medians with the normalised weights. As a
 * second view, each stakeholder's own weighted total and the median of those totals.
 *
 * Sensitivity: move one criterion's weight to t (0…1) and rescale the others proportionally so
 * that they keep summing to 1 − t. Every total is then linear in t:
 *   S_i(t) = t·a_i + (1 − t)·b_i, with a_i = median_i,k and b_i = Σ_{j≠k} w_j·median_i,j / (1 − w_k),
 * so the top scenario only changes where its line crosses another: t = (b_T − b_i) / (s_i − s_T),
 * s = a − b. The first crossing above and below the current weight are the breakpoints (the top
 * changes beyond them), computed exactly with fractions. A crossing exactly at 0 or 1 is only a
 * tie at the end of the range, not a change. Ties in the ranking itself follow scenario position.
 */

export interface ScenarioInput {
  id: string;
  position: number;
}
export interface CriterionInput {
  id: string;
  position: number;
  weight: string | number;
}
export interface ScoreInput {
  stakeholderId: string;
  scenarioId: string;
  criterionId: string;
  score: number;
}

export type WeightNote = 'normalised' | 'all_zero_equalised' | null;

export interface NormalisedWeights {
  raw: Map<string, Rational>;
  weights: Map<string, Rational>;
  rawSum: Rational;
  note: WeightNote;
}

/** Weights that do not sum to 1 are divided by their sum; all-zero weights become equal ones. */
export function normaliseWeights(criteria: CriterionInput[]): NormalisedWeights {
  const raw = new Map(criteria.map((c) => [c.id, Rational.parse(c.weight)]));
  const rawSum = sumOf([...raw.values()]);
  if (criteria.length === 0) return { raw, weights: new Map(), rawSum, note: null };
  if (rawSum.isZero()) {
    const equal = Rational.of(1, criteria.length);
    return { raw, weights: new Map(criteria.map((c) => [c.id, equal])), rawSum, note: 'all_zero_equalised' };
  }
  const weights = new Map([...raw].map(([id, w]) => [id, w.div(rawSum)]));
  return { raw, weights, rawSum, note: rawSum.compare(Rational.ONE) === 0 ? null : 'normalised' };
}

export function median(values: number[]): Rational | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return Rational.of(sorted[middle]);
  return Rational.of(sorted[middle - 1] + sorted[middle], 2);
}

export type ScenarioStatus = 'complete' | 'incomplete' | 'no_scores';

export interface ScenarioResult {
  scenarioId: string;
  status: ScenarioStatus;
  /** Criterion id → median score (null: nobody scored it). */
  medians: Map<string, Rational | null>;
  stakeholderCount: number;
  /** Weighted sum of the medians; null unless every criterion has a score. */
  total: Rational | null;
  /** Median over stakeholders who scored every criterion of their own weighted total. */
  medianOfStakeholderTotals: Rational | null;
  rank: number | null;
  /** True when the total equals the next or previous one (order then follows position). */
  isTied: boolean;
}

export interface SensitivityBreak {
  /** The normalised weight at which another scenario catches up with the top one. */
  weight: Rational;
  delta: Rational;
  newTopScenarioId: string;
}

export interface CriterionSensitivity {
  criterionId: string;
  currentWeight: Rational;
  topScenarioId: string;
  up: SensitivityBreak | null;
  down: SensitivityBreak | null;
}

export interface ComparisonResult {
  weights: NormalisedWeights;
  scenarios: ScenarioResult[];
  ranking: string[];
  sensitivity: CriterionSensitivity[];
  /** Why no sensitivity could be computed, if none was. */
  sensitivityNote: 'too_few_ranked' | 'single_criterion' | null;
}

export function compareScenarios(
  scenarios: ScenarioInput[],
  criteria: CriterionInput[],
  scores: ScoreInput[],
): ComparisonResult {
  const orderedCriteria = [...criteria].sort((a, b) => a.position - b.position);
  const weights = normaliseWeights(orderedCriteria);
  const results: ScenarioResult[] = [];
  for (const scenario of [...scenarios].sort((a, b) => a.position - b.position)) {
    const own = scores.filter((s) => s.scenarioId === scenario.id);
    const medians = new Map<string, Rational | null>();
    for (const criterion of orderedCriteria)
      medians.set(
        criterion.id,
        median(own.filter((s) => s.criterionId === criterion.id).map((s) => s.score)),
      );
    const stakeholders = new Set(own.map((s) => s.stakeholderId));
    const complete = orderedCriteria.length > 0 && [...medians.values()].every((m) => m !== null);
    const status: ScenarioStatus = own.length === 0 ? 'no_scores' : complete ? 'complete' : 'incomplete';
    const total = complete
      ? weightedSum(orderedCriteria.map((c) => [weightOf(weights, c.id), medians.get(c.id) as Rational]))
      : null;
    const stakeholderTotals: Rational[] = [];
    for (const stakeholderId of stakeholders) {
      const mine = new Map(
        own.filter((s) => s.stakeholderId === stakeholderId).map((s) => [s.criterionId, s.score]),
      );
      if (orderedCriteria.every((c) => mine.has(c.id))) {
        stakeholderTotals.push(
          weightedSum(
            orderedCriteria.map((c) => [weightOf(weights, c.id), Rational.of(mine.get(c.id) as number)]),
          ),
        );
      }
    }
    results.push({
      scenarioId: scenario.id,
      status,
      medians,
      stakeholderCount: stakeholders.size,
      total,
      medianOfStakeholderTotals: medianRational(stakeholderTotals),
      rank: null,
      isTied: false,
    });
  }
  const ranked = results
    .filter((r) => r.total !== null)
    .sort((a, b) => (b.total as Rational).compare(a.total as Rational));
  // sort is stable: equal totals keep scenario position order.
  ranked.forEach((r, index) => {
    r.rank = index + 1;
    const previous = ranked[index - 1];
    const next = ranked[index + 1];
    r.isTied = Boolean(
      (previous && previous.total?.compare(r.total as Rational) === 0) ||
      (next && next.total?.compare(r.total as Rational) === 0),
    );
  });
  let sensitivityNote: ComparisonResult['sensitivityNote'] = null;
  let sensitivity: CriterionSensitivity[] = [];
  if (ranked.length < 2) sensitivityNote = 'too_few_ranked';
  else if (orderedCriteria.length < 2) sensitivityNote = 'single_criterion';
  else sensitivity = orderedCriteria.map((c) => sensitivityOf(c.id, orderedCriteria, weights, ranked));
  return {
    weights,
    scenarios: results,
    ranking: ranked.map((r) => r.scenarioId),
    sensitivity,
    sensitivityNote,
  };
}

function weightOf(weights: NormalisedWeights, criterionId: string): Rational {
  return weights.weights.get(criterionId) ?? Rational.ZERO;
}

function weightedSum(pairs: [Rational, Rational][]): Rational {
  return sumOf(pairs.map(([w, v]) => w.mul(v)));
}

function medianRational(values: Rational[]): Rational | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.compare(b));
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : sorted[middle - 1].add(sorted[middle]).div(Rational.of(2));
}

interface Line {
  scenarioId: string;
  /** Total when the criterion's weight is 0 (b) and the slope a − b. */
  intercept: Rational;
  slope: Rational;
}

/**
 * The lines S_i(t) for one criterion k. When every other weight is 0 (w_k = 1), the rest is
 * shared equally among the other criteria as t falls (there is no proportion to keep).
 */
export function linesFor(
  criterionId: string,
  criteria: CriterionInput[],
  weights: NormalisedWeights,
  ranked: ScenarioResult[],
): Line[] {
  const wk = weightOf(weights, criterionId);
  const others = criteria.filter((c) => c.id !== criterionId);
  const rest = Rational.ONE.sub(wk);
  return ranked.map((r) => {
    const a = r.medians.get(criterionId) as Rational;
    const b = rest.isZero()
      ? sumOf(others.map((c) => r.medians.get(c.id) as Rational)).div(Rational.of(others.length))
      : sumOf(others.map((c) => weightOf(weights, c.id).mul(r.medians.get(c.id) as Rational))).div(rest);
    return { scenarioId: r.scenarioId, intercept: b, slope: a.sub(b) };
  });
}

export function sensitivityOf(
  criterionId: string,
  criteria: CriterionInput[],
  weights: NormalisedWeights,
  ranked: ScenarioResult[],
): CriterionSensitivity {
  const t0 = weightOf(weights, criterionId);
  const lines = linesFor(criterionId, criteria, weights, ranked);
  // The ranking's top (ties resolved by position) is the current leader.
  const top = lines[0];
  let up: { t: Rational; line: Line } | null = null;
  let down: { t: Rational; line: Line } | null = null;
  for (const line of lines.slice(1)) {
    const slopeGap = line.slope.sub(top.slope);
    if (slopeGap.isZero()) continue; // parallel: never crosses (or ties everywhere; order by position stays)
    const t = top.intercept.sub(line.intercept).div(slopeGap);
    if (slopeGap.compare(Rational.ZERO) > 0) {
      // A tie only at 100 % is no change: nothing lies beyond.
      if (t.compare(Rational.ONE) >= 0 || t.compare(t0) < 0) continue;
      if (!up || t.compare(up.t) < 0 || (t.compare(up.t) === 0 && line.slope.compare(up.line.slope) > 0))
        up = { t, line };
    } else {
      if (t.compare(Rational.ZERO) <= 0 || t.compare(t0) > 0) continue; // likewise a tie only at 0 %
      if (
        !down ||
        t.compare(down.t) > 0 ||
        (t.compare(down.t) === 0 && line.slope.compare(down.line.slope) < 0)
      )
        down = { t, line };
    }
  }
  return {
    criterionId,
    currentWeight: t0,
    topScenarioId: top.scenarioId,
    up: up ? { weight: up.t, delta: up.t.sub(t0), newTopScenarioId: up.line.scenarioId } : null,
    down: down ? { weight: down.t, delta: t0.sub(down.t), newTopScenarioId: down.line.scenarioId } : null,
  };
}

/** Totals of the ranked scenarios with criterion k's weight set to t (others rescaled): for checks and charts. */
export function totalsAtWeight(
  criterionId: string,
  t: Rational,
  criteria: CriterionInput[],
  weights: NormalisedWeights,
  ranked: ScenarioResult[],
): Map<string, Rational> {
  return new Map(
    linesFor(criterionId, criteria, weights, ranked).map((l) => [
      l.scenarioId,
      l.intercept.add(l.slope.mul(t)),
    ]),
  );
}
