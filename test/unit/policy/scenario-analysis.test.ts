import { describe, expect, it } from 'vitest';
import {
  compareScenarios,
  median,
  normaliseWeights,
  totalsAtWeight,
  type CriterionInput,
  type ScoreInput,
} from '../../../src/server/modules/policy/scenario-analysis';
import { Rational } from '../../../src/server/modules/policy/rational';

const criteria = (weights: (string | number)[]): CriterionInput[] =>
  weights.map((weight, i) => ({ id: `c${i}`, position: i, weight }));
const scenarios = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, position: i }));

/** One stakeholder per row: scores[scenario][criterion]. */
function scoresOf(table: number[][][]): ScoreInput[] {
  const out: ScoreInput[] = [];
  table.forEach((byScenario, stakeholder) =>
    byScenario.forEach((byCriterion, scenario) =>
      byCriterion.forEach((score, criterion) =>
        out.push({
          stakeholderId: `k${stakeholder}`,
          scenarioId: `s${scenario}`,
          criterionId: `c${criterion}`,
          score,
        }),
      ),
    ),
  );
  return out;
}

function leaderAt(
  criterionId: string,
  t: Rational,
  result: ReturnType<typeof compareScenarios>,
  cs: CriterionInput[],
): string {
  const ranked = result.ranking.map((id) => result.scenarios.find((s) => s.scenarioId === id)!);
  const totals = totalsAtWeight(criterionId, t, cs, result.weights, ranked);
  let best = ranked[0].scenarioId;
  for (const r of ranked)
    if ((totals.get(r.scenarioId) as Rational).compare(totals.get(best) as Rational) > 0) best = r.scenarioId;
  return best;
}

describe('weights', () => {
  it('normalises weights that do not sum to 1, and says so', () => {
    const w = normaliseWeights(criteria([2, 1, 1]));
    expect(w.note).toBe('normalised');
    expect(w.weights.get('c0')!.toString()).toBe('1/2');
    expect(normaliseWeights(criteria(['0.5', '0.25', '0.25'])).note).toBeNull();
    const zero = normaliseWeights(criteria([0, 0]));
    expect(zero.note).toBe('all_zero_equalised');
    expect(zero.weights.get('c1')!.toString()).toBe('1/2');
  });

  it('takes the median of an even number of scores as the mean of the middle two', () => {
    expect(median([1, 5, 2, 4])!.toString()).toBe('3');
    expect(median([1, 2])!.toString()).toBe('3/2');
    expect(median([])).toBeNull();
  });
});

describe('ranking', () => {
  it('ranks by the weighted sum of stakeholder medians; a scenario without scores is not ranked', () => {
    const cs = criteria(['0.6', '0.4']);
    const scores = scoresOf([
      [
        [5, 1],
        [3, 3],
      ],
      [
        [4, 2],
        [3, 4],
      ],
      [
        [5, 2],
        [2, 3],
      ],
    ]);
    const result = compareScenarios(scenarios(3), cs, scores);
    // s0 medians (5, 2) → 0.6·5 + 0.4·2 = 3.8; s1 medians (3, 3) → 3.
    expect(result.ranking).toEqual(['s0', 's1']);
    expect(result.scenarios[0].total!.toString()).toBe('19/5');
    expect(result.scenarios[2].status).toBe('no_scores');
    expect(result.scenarios[2].rank).toBeNull();
    // stakeholder totals for s0: 3.4, 3.2, 3.8 → median 3.4
    expect(result.scenarios[0].medianOfStakeholderTotals!.toString()).toBe('17/5');
  });

  it('marks a scenario with a criterion nobody scored as incomplete', () => {
    const scores: ScoreInput[] = [{ stakeholderId: 'k', scenarioId: 's0', criterionId: 'c0', score: 4 }];
    const result = compareScenarios(scenarios(1), criteria([1, 1]), scores);
    expect(result.scenarios[0].status).toBe('incomplete');
    expect(result.sensitivityNote).toBe('too_few_ranked');
  });
});

describe('sensitivity', () => {
  it('finds the exact weight at which the top scenario changes (worked example)', () => {
    // Two criteria, weights 0.5/0.5. s0 scores (5, 1) → 3; s1 scores (2, 3) → 2.5.
    // Raising c1's weight to t: s0 = 5(1−t) + t, s1 = 2(1−t) + 3t → equal at t = 3/5.
    const cs = criteria(['0.5', '0.5']);
    const result = compareScenarios(
      scenarios(2),
      cs,
      scoresOf([
        [
          [5, 1],
          [2, 3],
        ],
      ]),
    );
    const c1 = result.sensitivity.find((s) => s.criterionId === 'c1')!;
    expect(c1.topScenarioId).toBe('s0');
    expect(c1.up!.weight.toString()).toBe('3/5');
    expect(c1.up!.delta.toString()).toBe('1/10');
    expect(c1.up!.newTopScenarioId).toBe('s1');
    expect(c1.down).toBeNull();
    const c0 = result.sensitivity.find((s) => s.criterionId === 'c0')!;
    // Lowering c0 to 2/5 (= c1 at 3/5).
    expect(c0.down!.weight.toString()).toBe('2/5');
    expect(c0.up).toBeNull();
  });

  it('does not call a tie at the end of the range a change', () => {
    // s0 (4, 3) vs s1 (4, 1): on c0 alone both score 4, so raising c0 to 100 % only ties them.
    const result = compareScenarios(
      scenarios(2),
      criteria(['0.5', '0.5']),
      scoresOf([
        [
          [4, 3],
          [4, 1],
        ],
      ]),
    );
    const c0 = result.sensitivity.find((s) => s.criterionId === 'c0')!;
    expect(c0.up).toBeNull();
    expect(c0.down).toBeNull();
  });

  it('agrees with a brute-force scan on random instances', () => {
    let state = 42;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    for (let instance = 0; instance < 60; instance++) {
      const nCriteria = 2 + Math.floor(random() * 4);
      const nScenarios = 2 + Math.floor(random() * 4);
      const cs = criteria(Array.from({ length: nCriteria }, () => String(Math.floor(random() * 10))));
      if (cs.every((c) => c.weight === '0')) cs[0].weight = '1';
      const table = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: nScenarios }, () =>
          Array.from({ length: nCriteria }, () => 1 + Math.floor(random() * 5)),
        ),
      );
      const result = compareScenarios(scenarios(nScenarios), cs, scoresOf(table));
      for (const s of result.sensitivity) {
        const t0 = s.currentWeight;
        expect(leaderAt(s.criterionId, t0, result, cs)).toBe(s.topScenarioId);
        const epsilon = Rational.of(1, 1_000_000);
        if (s.up) {
          // Just past the breakpoint another scenario leads; just before (if above t0) the top holds.
          expect(leaderAt(s.criterionId, s.up.weight.add(epsilon), result, cs)).toBe(s.up.newTopScenarioId);
          if (s.up.weight.compare(t0) > 0)
            expect(leaderAt(s.criterionId, s.up.weight.sub(epsilon), result, cs)).toBe(s.topScenarioId);
        } else {
          for (let k = 0; k <= 20; k++) {
            const t = t0.add(Rational.ONE.sub(t0).mul(Rational.of(k, 20)));
            expect(leaderAt(s.criterionId, t, result, cs)).toBe(s.topScenarioId);
          }
        }
        if (s.down) {
          expect(leaderAt(s.criterionId, s.down.weight.sub(epsilon), result, cs)).toBe(
            s.down.newTopScenarioId,
          );
        } else {
          for (let k = 0; k <= 20; k++)
            expect(leaderAt(s.criterionId, t0.mul(Rational.of(k, 20)), result, cs)).toBe(s.topScenarioId);
        }
      }
    }
  });
});
