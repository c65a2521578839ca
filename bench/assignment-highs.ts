import type { Highs } from 'highs';
import type { AssignmentInstance } from '../src/server/modules/assignment/solve-assignment';

/**
 * The same assignment problem written as linear programmes for HiGHS, an independent solver.
 * The constraint matrix is totally unimodular (a bipartite transportation problem), so the
 * LP optimum equals the integer optimum. Three stages give the solver's lexicographic goal:
 * (1) as many reviews as possible, (2) as little minimum-load deficit as possible,
 * (3) the greatest total affinity.
 */
export interface ReferenceOptimum {
  reviews: number;
  minimumDeficit: number;
  objective: number;
}

function lines(terms: string[], perLine = 40): string {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i += perLine) out.push(`  ${terms.slice(i, i + perLine).join(' ')}`);
  return out.join('\n');
}

function signed(coefficient: number, name: string): string {
  return coefficient < 0 ? `- ${-coefficient} ${name}` : `+ ${coefficient} ${name}`;
}

export function referenceOptimum(highs: Highs, instance: AssignmentInstance): ReferenceOptimum {
  const conflicts = new Set((instance.conflicts ?? []).map((c) => `${c.proposal}\u0000${c.expert}`));
  const forced = new Set((instance.forced ?? []).map((c) => `${c.proposal}\u0000${c.expert}`));
  const weights = new Map(
    (instance.affinity ?? []).map((a) => [`${a.proposal}\u0000${a.expert}`, Math.round(a.score * 1e6) / 1e6]),
  );
  const variables: { name: string; p: number; e: number; w: number; forced: boolean }[] = [];
  instance.proposals.forEach((proposal, p) =>
    instance.experts.forEach((expert, e) => {
      const key = `${proposal.id}\u0000${expert.id}`;
      if (conflicts.has(key) || expert.maxLoad === 0) return;
      variables.push({ name: `x${p}_${e}`, p, e, w: weights.get(key) ?? 0, forced: forced.has(key) });
    }),
  );
  const byProposal = instance.proposals.map(() => [] as string[]);
  const byExpert = instance.experts.map(() => [] as string[]);
  for (const v of variables) {
    byProposal[v.p].push(`+ x${v.p}_${v.e}`);
    byExpert[v.e].push(`+ x${v.p}_${v.e}`);
  }
  const hasMinimums = instance.experts.some((e) => (e.minLoad ?? 0) > 0);

  const model = (objective: string, extraRows: string[], withDeficit: boolean) => {
    const rows: string[] = [];
    instance.proposals.forEach((proposal, p) => {
      if (byProposal[p].length > 0) rows.push(` d${p}:\n${lines(byProposal[p])} <= ${proposal.demand}`);
    });
    instance.experts.forEach((expert, e) => {
      if (byExpert[e].length === 0) return;
      rows.push(` u${e}:\n${lines(byExpert[e])} <= ${expert.maxLoad}`);
      if (withDeficit && (expert.minLoad ?? 0) > 0)
        rows.push(` l${e}:\n${lines(byExpert[e])} + s${e} >= ${expert.minLoad}`);
    });
    rows.push(...extraRows);
    const bounds = variables.map((v) => ` ${v.forced ? 1 : 0} <= ${v.name} <= 1`);
    if (withDeficit)
      instance.experts.forEach(
        (expert, e) =>
          (expert.minLoad ?? 0) > 0 &&
          byExpert[e].length > 0 &&
          bounds.push(` 0 <= s${e} <= ${expert.minLoad}`),
      );
    return `${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
  };
  const solve = (text: string) => {
    const result = highs.solve(text, { output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
    return result.ObjectiveValue;
  };
  const allX = variables.map((v) => `+ ${v.name}`);
  if (allX.length === 0) return { reviews: 0, minimumDeficit: 0, objective: 0 };

  const reviews = Math.round(solve(model(`Maximize\n obj:\n${lines(allX)}`, [], false)));
  const fixReviews = ` total:\n${lines(allX)} = ${reviews}`;
  let minimumDeficit = 0;
  const deficitTerms = instance.experts.flatMap((expert, e) =>
    (expert.minLoad ?? 0) > 0 && byExpert[e].length > 0 ? [`+ s${e}`] : [],
  );
  let deficitUnreachable = 0;
  instance.experts.forEach((expert, e) => {
    if ((expert.minLoad ?? 0) > 0 && byExpert[e].length === 0) deficitUnreachable += expert.minLoad ?? 0;
  });
  const extra = [fixReviews];
  if (hasMinimums && deficitTerms.length > 0) {
    minimumDeficit = Math.round(solve(model(`Minimize\n obj:\n${lines(deficitTerms)}`, [fixReviews], true)));
    extra.push(` deficit:\n${lines(deficitTerms)} <= ${minimumDeficit}`);
  }
  const weighted = variables.filter((v) => v.w !== 0).map((v) => signed(v.w, v.name));
  const objective =
    weighted.length === 0
      ? 0
      : solve(model(`Maximize\n obj:\n${lines(weighted)}`, extra, hasMinimums && deficitTerms.length > 0));
  return { reviews, minimumDeficit: minimumDeficit + deficitUnreachable, objective };
}

/** A reproducible pseudo-random generator (mulberry32), so failing instances can be replayed. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomInstanceOptions {
  proposals: number;
  experts: number;
  demand: number;
  maxLoad: [number, number];
  minLoad?: [number, number];
  conflictRate?: number;
  forcedCount?: number;
  /** Share of pairs with a listed affinity (the rest score 0). */
  density?: number;
}

/** A random instance: affinities with 3 decimals in [0, 1], some conflicts and forced pairs. */
export function randomInstance(random: () => number, options: RandomInstanceOptions): AssignmentInstance {
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const proposals = Array.from({ length: options.proposals }, (_, i) => ({
    id: `p${i + 1}`,
    demand: options.demand,
  }));
  const experts = Array.from({ length: options.experts }, (_, i) => {
    const maxLoad = between(options.maxLoad);
    return {
      id: `e${i + 1}`,
      maxLoad,
      minLoad: options.minLoad ? Math.min(maxLoad, between(options.minLoad)) : 0,
    };
  });
  const affinity: AssignmentInstance['affinity'] = [];
  const conflicts: AssignmentInstance['conflicts'] = [];
  const density = options.density ?? 1;
  for (const p of proposals) {
    for (const e of experts) {
      if (random() < (options.conflictRate ?? 0)) conflicts.push({ proposal: p.id, expert: e.id });
      else if (random() < density)
        affinity.push({ proposal: p.id, expert: e.id, score: Math.round(random() * 1000) / 1000 });
    }
  }
  const conflictSet = new Set(conflicts.map((c) => `${c.proposal}\u0000${c.expert}`));
  const forced: AssignmentInstance['forced'] = [];
  const forcedPerProposal = new Map<string, number>();
  const forcedPerExpert = new Map<string, number>();
  for (let tries = 0; forced.length < (options.forcedCount ?? 0) && tries < 1000; tries++) {
    const p = proposals[Math.floor(random() * proposals.length)];
    const e = experts[Math.floor(random() * experts.length)];
    const key = `${p.id}\u0000${e.id}`;
    if (conflictSet.has(key) || forced.some((f) => f.proposal === p.id && f.expert === e.id)) continue;
    if ((forcedPerProposal.get(p.id) ?? 0) >= p.demand || (forcedPerExpert.get(e.id) ?? 0) >= e.maxLoad)
      continue;
    forced.push({ proposal: p.id, expert: e.id });
    forcedPerProposal.set(p.id, (forcedPerProposal.get(p.id) ?? 0) + 1);
    forcedPerExpert.set(e.id, (forcedPerExpert.get(e.id) ?? 0) + 1);
  }
  return { proposals, experts, affinity, conflicts, forced };
}
