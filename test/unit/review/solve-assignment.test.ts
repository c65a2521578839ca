import { beforeAll, describe, expect, it } from 'vitest';
import loadHighs, { type Highs } from 'highs';
import {
  solveAssignment,
  type AssignmentInstance,
  type AssignmentResult,
} from '../../../src/server/modules/assignment/solve-assignment';
import { AppError } from '../../../src/server/errors/app-error';
import { wordShortfall } from '../../../src/shared/assignment-wording';
import { randomGenerator, randomInstance, referenceOptimum } from '../../../bench/assignment-highs';

/** Checks every hard rule of a result against its instance; returns the problems found. */
function checkResult(instance: AssignmentInstance, result: AssignmentResult): string[] {
  const problems: string[] = [];
  const key = (p: string, e: string) => `${p}|${e}`;
  const pairs = new Set<string>();
  const perProposal = new Map<string, number>();
  const perExpert = new Map<string, number>();
  for (const a of result.assignments) {
    if (pairs.has(key(a.proposal, a.expert))) problems.push(`duplicate ${a.proposal}/${a.expert}`);
    pairs.add(key(a.proposal, a.expert));
    perProposal.set(a.proposal, (perProposal.get(a.proposal) ?? 0) + 1);
    perExpert.set(a.expert, (perExpert.get(a.expert) ?? 0) + 1);
  }
  for (const c of instance.conflicts ?? [])
    if (pairs.has(key(c.proposal, c.expert))) problems.push(`conflict used ${c.proposal}/${c.expert}`);
  for (const f of instance.forced ?? [])
    if (!pairs.has(key(f.proposal, f.expert))) problems.push(`forced dropped ${f.proposal}/${f.expert}`);
  const missing = new Map(result.shortfall.map((s) => [s.proposal, s.missing]));
  for (const p of instance.proposals) {
    if ((perProposal.get(p.id) ?? 0) + (missing.get(p.id) ?? 0) !== p.demand)
      problems.push(`demand of ${p.id} not accounted for`);
  }
  for (const e of instance.experts)
    if ((perExpert.get(e.id) ?? 0) > e.maxLoad) problems.push(`load of ${e.id} exceeded`);
  const under = new Map((result.underloaded ?? []).map((u) => [u.expert, u.missing]));
  for (const e of instance.experts) {
    const gap = Math.max(0, (e.minLoad ?? 0) - (perExpert.get(e.id) ?? 0));
    if (gap !== (under.get(e.id) ?? 0)) problems.push(`minimum load of ${e.id} misreported`);
  }
  if (result.feasible !== (result.shortfall.length === 0 && !result.underloaded))
    problems.push('feasible flag wrong');
  return problems;
}

function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.details.map((d) => d.code);
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('solveAssignment', () => {
  it('solves the example of the issue and reports the objective', () => {
    const instance: AssignmentInstance = {
      proposals: [{ id: 'p1', demand: 2 }],
      experts: [
        { id: 'e1', maxLoad: 6, minLoad: 0 },
        { id: 'e2', maxLoad: 6 },
        { id: 'e3', maxLoad: 6 },
      ],
      affinity: [
        { proposal: 'p1', expert: 'e1', score: 0.8 },
        { proposal: 'p1', expert: 'e2', score: 0.9 },
      ],
      conflicts: [{ proposal: 'p1', expert: 'e2' }],
      forced: [{ proposal: 'p1', expert: 'e3' }],
    };
    const result = solveAssignment(instance);
    expect(result).toEqual({
      feasible: true,
      objective: 0.8,
      assignments: [
        { proposal: 'p1', expert: 'e1' },
        { proposal: 'p1', expert: 'e3' },
      ],
      shortfall: [],
    });
  });

  it('finds the optimum where a greedy choice fails', () => {
    // Greedy gives e1 to p1 (0.9) and leaves p2 with e2 (0.1): 1.0. The optimum is 0.8 + 0.8 = 1.6.
    const result = solveAssignment({
      proposals: [
        { id: 'p1', demand: 1 },
        { id: 'p2', demand: 1 },
      ],
      experts: [
        { id: 'e1', maxLoad: 1 },
        { id: 'e2', maxLoad: 1 },
      ],
      affinity: [
        { proposal: 'p1', expert: 'e1', score: 0.9 },
        { proposal: 'p1', expert: 'e2', score: 0.8 },
        { proposal: 'p2', expert: 'e1', score: 0.8 },
        { proposal: 'p2', expert: 'e2', score: 0.1 },
      ],
    });
    expect(result.objective).toBeCloseTo(1.6, 9);
    expect(result.assignments).toEqual([
      { proposal: 'p1', expert: 'e2' },
      { proposal: 'p2', expert: 'e1' },
    ]);
  });

  it('keeps the exact sum of decimal scores (integer arithmetic)', () => {
    const experts = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, maxLoad: 1 }));
    const result = solveAssignment({
      proposals: [{ id: 'p', demand: 10 }],
      experts,
      affinity: experts.map((e) => ({ proposal: 'p', expert: e.id, score: 0.1 })),
    });
    expect(result.objective).toBe(1);
  });

  it('never assigns silently fewer: a proposal with too few conflict-free experts is reported', () => {
    const instance: AssignmentInstance = {
      proposals: [
        { id: 'p1', demand: 3 },
        { id: 'p2', demand: 1 },
      ],
      experts: [
        { id: 'e1', maxLoad: 5 },
        { id: 'e2', maxLoad: 5 },
        { id: 'e3', maxLoad: 5 },
      ],
      conflicts: [{ proposal: 'p1', expert: 'e3' }],
    };
    const result = solveAssignment(instance);
    expect(result.feasible).toBe(false);
    expect(result.shortfall).toHaveLength(1);
    expect(result.shortfall[0]).toMatchObject({ proposal: 'p1', missing: 1 });
    // The solver gives the code and its numbers only; the edge words them once, in the reader's language.
    expect(result.shortfall[0]).not.toHaveProperty('reason');
    expect(result.shortfall[0].params).toEqual({ available: 2, demand: 3, conflicted: 1 });
    expect(wordShortfall(result.shortfall[0], 'en')).toContain(
      'only 2 expert(s) without a conflict of interest',
    );
    expect(checkResult(instance, result)).toEqual([]);
  });

  it('explains loads that are too tight with the competing group and its numbers', () => {
    const instance: AssignmentInstance = {
      proposals: [
        { id: 'p1', demand: 2 },
        { id: 'p2', demand: 2 },
        { id: 'p3', demand: 2 },
      ],
      experts: [
        { id: 'e1', maxLoad: 2 },
        { id: 'e2', maxLoad: 2 },
        { id: 'e3', maxLoad: 1 },
      ],
    };
    const result = solveAssignment(instance);
    expect(result.feasible).toBe(false);
    expect(result.shortfall.reduce((sum, s) => sum + s.missing, 0)).toBe(1);
    expect(wordShortfall(result.shortfall[0], 'en')).toMatch(
      /Loads too tight: .* need 6 review\(s\) but at most 5 can be given/,
    );
    expect(checkResult(instance, result)).toEqual([]);
  });

  it('meets minimum loads before affinity, and reports minimums that cannot be met', () => {
    const instance: AssignmentInstance = {
      proposals: [
        { id: 'p1', demand: 1 },
        { id: 'p2', demand: 1 },
      ],
      experts: [
        { id: 'e1', maxLoad: 2 },
        { id: 'e2', maxLoad: 2, minLoad: 1 },
      ],
      affinity: [
        { proposal: 'p1', expert: 'e1', score: 1 },
        { proposal: 'p2', expert: 'e1', score: 1 },
      ],
    };
    const result = solveAssignment(instance);
    expect(result.feasible).toBe(true);
    expect(result.assignments.filter((a) => a.expert === 'e2')).toHaveLength(1);
    expect(result.objective).toBe(1);

    const tooMuch = solveAssignment({
      ...instance,
      experts: [
        { id: 'e1', maxLoad: 2, minLoad: 2 },
        { id: 'e2', maxLoad: 2, minLoad: 1 },
      ],
    });
    expect(tooMuch.feasible).toBe(false);
    expect(tooMuch.shortfall).toEqual([]);
    expect(tooMuch.underloaded?.reduce((sum, u) => sum + u.missing, 0)).toBe(1);
  });

  it('refuses inconsistent input with one detail per problem and writes nothing', () => {
    expect(
      codesOf(() =>
        solveAssignment({ proposals: [{ id: 'p1', demand: -1 }], experts: [{ id: 'e1', maxLoad: 1 }] }),
      ),
    ).toEqual(['negative_demand']);
    expect(
      codesOf(() =>
        solveAssignment({
          proposals: [{ id: 'p1', demand: 1 }],
          experts: [{ id: 'e1', maxLoad: 1 }],
          affinity: [{ proposal: 'p9', expert: 'e1', score: 1 }],
          conflicts: [{ proposal: 'p1', expert: 'e9' }],
        }),
      ),
    ).toEqual(['unknown_id', 'unknown_id']);
    expect(
      codesOf(() =>
        solveAssignment({
          proposals: [
            { id: 'p1', demand: 1 },
            { id: 'p2', demand: 1 },
          ],
          experts: [{ id: 'e1', maxLoad: 1 }],
          forced: [
            { proposal: 'p1', expert: 'e1' },
            { proposal: 'p2', expert: 'e1' },
          ],
        }),
      ),
    ).toEqual(['forced_above_load']);
    expect(
      codesOf(() =>
        solveAssignment({
          proposals: [
            { id: 'p1', demand: 1 },
            { id: 'p1', demand: 1 },
          ],
          experts: [
            { id: 'e1', maxLoad: 2, minLoad: 3 },
            { id: 'e2', maxLoad: 2 },
          ],
          conflicts: [{ proposal: 'p1', expert: 'e2' }],
          forced: [{ proposal: 'p1', expert: 'e2' }],
        }),
      ),
    ).toEqual(['duplicate_id', 'min_above_max', 'forced_conflict']);
    expect(
      codesOf(() =>
        solveAssignment({
          proposals: [{ id: 'p1', demand: 1 }],
          experts: [
            { id: 'e1', maxLoad: 1 },
            { id: 'e2', maxLoad: 1 },
          ],
          forced: [
            { proposal: 'p1', expert: 'e1' },
            { proposal: 'p1', expert: 'e2' },
          ],
        }),
      ),
    ).toEqual(['forced_above_demand']);
  });

  it('handles empty instances and zero demand', () => {
    expect(solveAssignment({ proposals: [], experts: [] })).toEqual({
      feasible: true,
      objective: 0,
      assignments: [],
      shortfall: [],
    });
    expect(
      solveAssignment({ proposals: [{ id: 'p', demand: 0 }], experts: [{ id: 'e', maxLoad: 0 }] }).feasible,
    ).toBe(true);
  });
});

describe('solveAssignment against HiGHS on random instances', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('matches the LP optimum (reviews, minimum-load deficit, affinity) on 150 instances', () => {
    let infeasible = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const random = randomGenerator(seed);
      const instance = randomInstance(random, {
        proposals: 2 + Math.floor(random() * 14),
        experts: 2 + Math.floor(random() * 9),
        demand: 1 + Math.floor(random() * 3),
        maxLoad: [0, 6],
        minLoad: seed % 3 === 0 ? [0, 3] : undefined,
        conflictRate: 0.2,
        forcedCount: Math.floor(random() * 4),
        density: 0.8,
      });
      const result = solveAssignment(instance);
      expect(checkResult(instance, result), `seed ${seed}`).toEqual([]);
      const reference = referenceOptimum(highs, instance);
      if (!result.feasible) infeasible++;
      expect(result.assignments.length, `seed ${seed} reviews`).toBe(reference.reviews);
      expect(
        (result.underloaded ?? []).reduce((sum, u) => sum + u.missing, 0),
        `seed ${seed} deficit`,
      ).toBe(reference.minimumDeficit);
      expect(Math.abs(result.objective - reference.objective), `seed ${seed} objective`).toBeLessThan(1e-6);
    }
    // The sample must exercise both kinds of outcome.
    expect(infeasible).toBeGreaterThan(10);
    expect(infeasible).toBeLessThan(140);
  });
});
