import { describe, expect, it } from 'vitest';
import { rankProposals, type RankingInput } from '../../../src/server/modules/ranking/rank-proposals';
import { AppError } from '../../../src/server/errors/app-error';
import { wordRankingReason } from '../../../src/shared/selection-wording';

const base: RankingInput = {
  criteria: [
    { code: 'excellence', weight: 0.4, threshold: 3, scaleMin: 0, scaleMax: 5 },
    { code: 'impact', weight: 0.4, threshold: 3, scaleMin: 0, scaleMax: 5 },
    { code: 'implementation', weight: 0.2, scaleMin: 0, scaleMax: 5 },
  ],
  overallThreshold: 3.5,
  tieBreakRules: [
    { kind: 'criterion_score', criterion: 'excellence', direction: 'desc' },
    { kind: 'sme_budget_share', direction: 'desc' },
  ],
  budgetCents: 100_000_00,
  proposals: [
    {
      id: 'a',
      scores: { excellence: 4.5, impact: 4, implementation: 4 },
      requestedCents: 40_000_00,
      smeBudgetShare: 0.5,
    },
    {
      id: 'b',
      scores: { excellence: 4, impact: 4.5, implementation: 4 },
      requestedCents: 40_000_00,
      smeBudgetShare: 0.9,
    },
    { id: 'c', scores: { excellence: 5, impact: 2.5, implementation: 5 }, requestedCents: 10_000_00 },
    { id: 'd', scores: { excellence: 3.5, impact: 3.5, implementation: 3.5 }, requestedCents: 30_000_00 },
    { id: 'e', scores: { excellence: 3, impact: 3, implementation: 3 }, requestedCents: 5_000_00 },
    {
      id: 'f',
      scores: { excellence: 3.5, impact: 3.5, implementation: 3.5 },
      requestedCents: 10_000_00,
      submittedAt: '2026-10-01T10:00:00Z',
    },
  ],
};

function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.details.map((d) => d.code);
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('rankProposals', () => {
  it('computes exact weighted totals and applies criterion and overall thresholds with reasons', () => {
    const result = rankProposals(base);
    const byId = new Map(result.ranking.map((r) => [r.id, r]));
    expect(byId.get('a')?.total).toBe(4.2);
    expect(byId.get('b')?.total).toBe(4.2);
    expect(byId.get('c')).toMatchObject({ status: 'rejected', rank: null, passesThresholds: false });
    expect(byId.get('c')?.reasons.map((r) => r.code)).toEqual(['below_criterion_threshold']);
    expect(byId.get('c')?.reasons[0].params).toEqual({ criterion: 'impact', score: 2.5, threshold: 3 });
    // e: 3 × (0.4 + 0.4 + 0.2) = 3.0 < 3.5, yet every criterion reaches its threshold.
    expect(byId.get('e')?.reasons.map((r) => r.code)).toEqual(['below_overall_threshold']);
  });

  it('breaks ties with the ordered rules, then the final rule, and says which rule decided', () => {
    const result = rankProposals(base);
    const passing = result.ranking.filter((r) => r.rank !== null);
    expect(passing.map((r) => r.id)).toEqual(['a', 'b', 'f', 'd']);
    // a and b tie at 4.2; a has the higher excellence score (first rule).
    expect(passing[1].tieBreak).toEqual({ above: 'a', rule: 'criterion_score:excellence' });
    // d and f tie on everything the rules look at; f was submitted (d has no instant): final rule.
    expect(passing[3].tieBreak).toEqual({ above: 'f', rule: 'final_rule' });
  });

  it('uses the second rule when the first ties', () => {
    const input: RankingInput = {
      ...base,
      proposals: [
        {
          id: 'x',
          scores: { excellence: 4, impact: 4, implementation: 4 },
          requestedCents: 1,
          smeBudgetShare: 0.2,
        },
        {
          id: 'y',
          scores: { excellence: 4, impact: 4, implementation: 4 },
          requestedCents: 1,
          smeBudgetShare: 0.7,
        },
      ],
    };
    const result = rankProposals(input);
    expect(result.ranking.map((r) => r.id)).toEqual(['y', 'x']);
    expect(result.ranking[1].tieBreak).toEqual({ above: 'y', rule: 'sme_budget_share' });
  });

  it('funds down the list while the budget allows, then reserve, then rejected (strict order, no skipping)', () => {
    const result = rankProposals({ ...base, reserveSize: 1 });
    const status = Object.fromEntries(result.ranking.map((r) => [r.id, r.status]));
    // a 40k + b 40k = 80k; f needs 10k → 90k fits; d needs 30k → does not fit: reserve 1.
    expect(status).toMatchObject({
      a: 'funded',
      b: 'funded',
      f: 'funded',
      d: 'reserve',
      c: 'rejected',
      e: 'rejected',
    });
    expect(result.fundedCents).toBe(90_000_00);
    expect(result.remainingCents).toBe(10_000_00);
    expect(result.counts).toEqual({ funded: 3, reserve: 1, rejected: 2 });
    expect(result.ranking.find((r) => r.id === 'f')?.cumulativeCents).toBe(90_000_00);
  });

  it('does not skip ahead to a cheaper proposal once the budget stops', () => {
    const result = rankProposals({ ...base, budgetCents: 85_000_00, reserveSize: 1 });
    const status = Object.fromEntries(result.ranking.map((r) => [r.id, r.status]));
    expect(status).toMatchObject({ a: 'funded', b: 'funded', f: 'reserve', d: 'rejected' });
    expect(result.budgetRule).toBe('stop_at_first_misfit');
    const f = result.ranking.find((r) => r.id === 'f');
    expect(f?.reasons).toEqual([
      {
        code: 'does_not_fit',
        params: {
          requestedCents: 10_000_00,
          remainingCents: 5_000_00,
          rule: 'stop_at_first_misfit',
          reservePosition: 1,
        },
      },
    ]);
    expect(result.ranking.find((r) => r.id === 'd')?.reasons.map((r) => r.code)).toEqual([
      'funding_stopped',
      'below_reserve_list',
    ]);
  });

  describe('the budget rule of the call', () => {
    // Ranked p1 > p2 > p3 by total; 100k: p1 70k fits, p2 40k does not (30k left), p3 20k would fit.
    const small: RankingInput = {
      criteria: [{ code: 'q', weight: 1, scaleMin: 0, scaleMax: 5 }],
      budgetCents: 100_000_00,
      proposals: [
        { id: 'p1', scores: { q: 5 }, requestedCents: 70_000_00 },
        { id: 'p2', scores: { q: 4 }, requestedCents: 40_000_00 },
        { id: 'p3', scores: { q: 3 }, requestedCents: 20_000_00 },
      ],
    };

    it('"stop at the first that does not fit": a later proposal that fits is not funded, and is told why', () => {
      const result = rankProposals({ ...small, budgetRule: 'stop_at_first_misfit' });
      expect(result.ranking.map((r) => `${r.id}:${r.status}`)).toEqual([
        'p1:funded',
        'p2:reserve',
        'p3:reserve',
      ]);
      const p3 = result.ranking[2].reasons[0];
      expect(p3).toEqual({
        code: 'funding_stopped',
        params: {
          requestedCents: 20_000_00,
          remainingCents: 30_000_00,
          stoppedAtRank: 2,
          rule: 'stop_at_first_misfit',
          reservePosition: 2,
        },
      });
      expect(wordRankingReason(p3, 'nl')).toBe(
        'Niet gefinancierd: volgens de regel ‘stop bij het eerste voorstel dat niet past’ stopte de financiering ' +
          'bij rang 2, ook al past het gevraagde bedrag (€ 20.000,00) in het resterende budget (€ 30.000,00). ' +
          'Reservelijst, positie 2.',
      );
      expect(result.fundedCents).toBe(70_000_00);
    });

    it('"skip to the next that fits": the next proposal that fits is funded', () => {
      const result = rankProposals({ ...small, budgetRule: 'skip_to_next_fit' });
      expect(result.budgetRule).toBe('skip_to_next_fit');
      expect(result.ranking.map((r) => `${r.id}:${r.status}`)).toEqual([
        'p1:funded',
        'p2:reserve',
        'p3:funded',
      ]);
      expect(result.ranking[2].cumulativeCents).toBe(90_000_00);
      expect(result.ranking[1].reasons[0].code).toBe('does_not_fit');
      expect(wordRankingReason(result.ranking[1].reasons[0], 'en')).toContain(
        'Under the rule “skip to the next proposal that fits” the next proposals that do fit are still funded.',
      );
      expect(wordRankingReason(result.ranking[2].reasons[0], 'nl')).toBe(
        'Gefinancierd binnen het budget: € 90.000,00 van € 100.000,00 gebruikt tot en met dit voorstel ' +
          '(regel: ‘ga door naar het volgende voorstel dat past’).',
      );
    });
  });

  it('answers a what-if budget without changing the input', () => {
    const copy = structuredClone(base);
    const result = rankProposals(base, { budgetCents: 200_000_00 });
    expect(result.counts.funded).toBe(4);
    expect(result.budgetCents).toBe(200_000_00);
    expect(base).toEqual(copy);
  });

  it('refuses unknown or missing criteria, scores outside the scale and bad amounts', () => {
    const bad: RankingInput = {
      ...base,
      tieBreakRules: [{ kind: 'criterion_score', criterion: 'nope', direction: 'desc' }],
      proposals: [
        { id: 'a', scores: { excellence: 6, impact: 4, novelty: 3 }, requestedCents: -5 },
        {
          id: 'a',
          scores: { excellence: 4, impact: 4, implementation: 4 },
          requestedCents: 1,
          smeBudgetShare: 2,
        },
      ],
    };
    expect(codesOf(() => rankProposals(bad))).toEqual([
      'unknown_criterion',
      'score_out_of_scale',
      'unknown_criterion',
      'missing_score',
      'invalid_amount',
      'duplicate_id',
      'invalid_share',
    ]);
    expect(codesOf(() => rankProposals(base, { budgetCents: -1 }))).toEqual(['invalid_amount']);
  });
});
