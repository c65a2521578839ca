import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import type { ShortfallCode, UnderloadCode } from '../../../shared/assignment-wording';

/**
 * The expert-assignment problem as a minimum-cost flow, solved exactly.
 *
 * Network: proposal p → expert e (capacity 1, cost W − w(p,e)), expert e → sink in two tiers
 * (the first `minLoad` units cost 0, the rest up to `maxLoad` cost BIG), and every proposal →
 * an overflow node (unbounded, cost M) that stands for a review nobody can give. Each unit of
 * flow crosses exactly one proposal→column edge, so for a fixed number of units minimising
 * the cost maximises the total affinity. With M > BIG·F + W·F and BIG > W·F (F = total
 * demand) the minimum-cost flow is lexicographically best: first as few missing reviews as
 * possible, then as many minimum-load places filled as possible, then the greatest affinity.
 *
 * Algorithm: successive shortest paths with node potentials (Dijkstra on reduced costs, one
 * unit per path, stopped as soon as the sink is settled; settled nodes' potentials move by
 * d(v) − d(sink)). All costs are integers (scores scaled by 10^6 and rounded), so the optimum
 * is exact, not approximate.
 */

export interface AssignmentProposal {
  id: string;
  demand: number;
}

export interface AssignmentExpert {
  id: string;
  maxLoad: number;
  minLoad?: number;
}

export interface AssignmentPair {
  proposal: string;
  expert: string;
}

export interface AffinityEntry extends AssignmentPair {
  score: number;
}

export interface AssignmentInstance {
  proposals: AssignmentProposal[];
  experts: AssignmentExpert[];
  /** Pairs not listed score 0. */
  affinity?: AffinityEntry[];
  conflicts?: AssignmentPair[];
  forced?: AssignmentPair[];
}

export interface ProposalShortfall {
  proposal: string;
  missing: number;
  /** Why, as a code with its numbers: worded once, at the edge (API, CLI, web), by shared/assignment-wording.ts. */
  code: ShortfallCode;
  params: Record<string, number>;
}

export interface ExpertUnderload {
  expert: string;
  missing: number;
  code: UnderloadCode;
  params: Record<string, number>;
}

export interface AssignmentResult {
  feasible: boolean;
  /** Total affinity of all assigned pairs (forced pairs included). */
  objective: number;
  assignments: AssignmentPair[];
  shortfall: ProposalShortfall[];
  /** Only present when some expert's minimum load cannot be met. */
  underloaded?: ExpertUnderload[];
}

/** Scores are rounded to this many decimals; all arithmetic happens on the scaled integers. */
export const SCORE_DECIMALS = 6;
const SCALE = 10 ** SCORE_DECIMALS;
/** Dense cost matrix limit (proposals × experts), about 200 MB of memory at the limit. */
export const MAX_PAIRS = 25_000_000;
const SAFE = Number.MAX_SAFE_INTEGER / 8;

const pairKey = (p: number, e: number, experts: number) => p * experts + e;

/** Validation plus the dense pair index of each affinity entry (so ids are looked up once). */
function indexAssignmentInstance(instance: AssignmentInstance): {
  problems: ErrorDetail[];
  affinityKeys: Int32Array;
} {
  const problems: ErrorDetail[] = [];
  const affinityKeys = new Int32Array((instance.affinity ?? []).length);
  const proposalIndex = new Map<string, number>();
  const expertIndex = new Map<string, number>();
  instance.proposals.forEach((p, i) => {
    if (proposalIndex.has(p.id))
      problems.push(
        detail(
          `proposals.${i}.id`,
          'duplicate_id',
          `Dubbel voorstel-id "${p.id}".`,
          `Duplicate proposal id "${p.id}".`,
        ),
      );
    else proposalIndex.set(p.id, i);
    if (!Number.isInteger(p.demand) || p.demand < 0) {
      problems.push(
        detail(
          `proposals.${i}.demand`,
          'negative_demand',
          `De vraag van "${p.id}" moet een geheel getal ≥ 0 zijn (nu ${p.demand}).`,
          `The demand of "${p.id}" must be a whole number ≥ 0 (got ${p.demand}).`,
        ),
      );
    }
  });
  instance.experts.forEach((e, i) => {
    if (expertIndex.has(e.id))
      problems.push(
        detail(
          `experts.${i}.id`,
          'duplicate_id',
          `Dubbel expert-id "${e.id}".`,
          `Duplicate expert id "${e.id}".`,
        ),
      );
    else expertIndex.set(e.id, i);
    const min = e.minLoad ?? 0;
    if (!Number.isInteger(e.maxLoad) || e.maxLoad < 0)
      problems.push(
        detail(
          `experts.${i}.maxLoad`,
          'invalid_load',
          `De maximale belasting van "${e.id}" moet een geheel getal ≥ 0 zijn.`,
          `The maximum load of "${e.id}" must be a whole number ≥ 0.`,
        ),
      );
    if (!Number.isInteger(min) || min < 0)
      problems.push(
        detail(
          `experts.${i}.minLoad`,
          'invalid_load',
          `De minimale belasting van "${e.id}" moet een geheel getal ≥ 0 zijn.`,
          `The minimum load of "${e.id}" must be a whole number ≥ 0.`,
        ),
      );
    else if (min > e.maxLoad)
      problems.push(
        detail(
          `experts.${i}.minLoad`,
          'min_above_max',
          `De minimale belasting van "${e.id}" is groter dan de maximale.`,
          `The minimum load of "${e.id}" exceeds its maximum load.`,
        ),
      );
  });
  const nE = instance.experts.length;
  const pairs = instance.proposals.length * nE;
  if (pairs > MAX_PAIRS) return { problems, affinityKeys }; // the solver refuses the size itself
  /** The dense index of a known pair, or -1 after recording what is unknown. */
  const pairIndex = (list: string, pair: AssignmentPair, i: number): number => {
    const p = proposalIndex.get(pair.proposal);
    const e = expertIndex.get(pair.expert);
    if (p === undefined)
      problems.push(
        detail(
          `${list}.${i}.proposal`,
          'unknown_id',
          `Onbekend voorstel "${pair.proposal}".`,
          `Unknown proposal "${pair.proposal}".`,
        ),
      );
    if (e === undefined)
      problems.push(
        detail(
          `${list}.${i}.expert`,
          'unknown_id',
          `Onbekende expert "${pair.expert}".`,
          `Unknown expert "${pair.expert}".`,
        ),
      );
    return p === undefined || e === undefined ? -1 : p * nE + e;
  };
  const seenAffinity = new Uint8Array(pairs);
  (instance.affinity ?? []).forEach((a, i) => {
    const k = pairIndex('affinity', a, i);
    if (k < 0) return;
    if (seenAffinity[k])
      problems.push(
        detail(
          `affinity.${i}`,
          'duplicate_pair',
          `Dubbele affiniteit voor ${a.proposal}/${a.expert}.`,
          `Duplicate affinity for ${a.proposal}/${a.expert}.`,
        ),
      );
    seenAffinity[k] = 1;
    affinityKeys[i] = k;
    if (!Number.isFinite(a.score) || Math.abs(a.score) > 1_000_000) {
      problems.push(
        detail(
          `affinity.${i}.score`,
          'invalid_score',
          'Een score moet een eindig getal tussen -1 000 000 en 1 000 000 zijn.',
          'A score must be a finite number between -1,000,000 and 1,000,000.',
        ),
      );
    }
  });
  const conflicted = new Uint8Array(pairs);
  (instance.conflicts ?? []).forEach((c, i) => {
    const k = pairIndex('conflicts', c, i);
    if (k >= 0) conflicted[k] = 1;
  });
  const forcedSeen = new Uint8Array(pairs);
  const forcedPerProposal = new Int32Array(instance.proposals.length);
  const forcedPerExpert = new Int32Array(nE);
  (instance.forced ?? []).forEach((f, i) => {
    const k = pairIndex('forced', f, i);
    if (k < 0) return;
    if (forcedSeen[k]) {
      problems.push(
        detail(
          `forced.${i}`,
          'duplicate_pair',
          `Het koppel ${f.proposal}/${f.expert} is twee keer opgelegd.`,
          `The pair ${f.proposal}/${f.expert} is forced twice.`,
        ),
      );
      return;
    }
    forcedSeen[k] = 1;
    if (conflicted[k])
      problems.push(
        detail(
          `forced.${i}`,
          'forced_conflict',
          `Het opgelegde koppel ${f.proposal}/${f.expert} heeft een belangenconflict.`,
          `The forced pair ${f.proposal}/${f.expert} has a conflict of interest.`,
        ),
      );
    forcedPerProposal[Math.floor(k / nE)]++;
    forcedPerExpert[k % nE]++;
  });
  instance.proposals.forEach((p, i) => {
    const count = forcedPerProposal[i];
    if (count > 0 && Number.isInteger(p.demand) && count > p.demand) {
      problems.push(
        detail(
          `forced`,
          'forced_above_demand',
          `${count} opgelegde experts voor "${p.id}", maar de vraag is ${p.demand}.`,
          `${count} forced experts for "${p.id}", but its demand is ${p.demand}.`,
        ),
      );
    }
  });
  instance.experts.forEach((e, i) => {
    const count = forcedPerExpert[i];
    if (count > 0 && Number.isInteger(e.maxLoad) && count > e.maxLoad) {
      problems.push(
        detail(
          `forced`,
          'forced_above_load',
          `${count} opgelegde voorstellen voor expert "${e.id}", maar de maximale belasting is ${e.maxLoad}.`,
          `${count} forced proposals for expert "${e.id}", but its maximum load is ${e.maxLoad}.`,
        ),
      );
    }
  });
  return { problems, affinityKeys };
}

/** A binary min-heap of (key, node) on typed arrays; stale entries are skipped by the caller. */
class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the smallest entry; read `topKey`/`topNode` before calling. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const key = this.keys[last];
    const node = this.nodes[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  get topKey(): number {
    return this.keys[0];
  }

  get topNode(): number {
    return this.nodes[0];
  }
}

/**
 * Assigns experts to proposals: every proposal gets exactly its demand, no expert exceeds its
 * maximum load (and, where possible, each reaches its minimum), no conflicted pair is used,
 * forced pairs are kept, and the total affinity is maximal. When no full assignment exists the
 * result is the best partial one with `feasible: false` and, per proposal that falls short, the
 * number of missing reviews and why. Throws `ASSIGNMENT_INPUT_INVALID` for inconsistent input.
 */
export function solveAssignment(instance: AssignmentInstance): AssignmentResult {
  const nP = instance.proposals.length;
  const nE = instance.experts.length;
  if (nP * nE > MAX_PAIRS) throw new AppError('ASSIGNMENT_TOO_LARGE');
  const { problems, affinityKeys } = indexAssignmentInstance(instance);
  if (problems.length > 0) throw new AppError('ASSIGNMENT_INPUT_INVALID', { details: problems });
  const proposalIndex = new Map(instance.proposals.map((p, i) => [p.id, i]));
  const expertIndex = new Map(instance.experts.map((e, i) => [e.id, i]));
  const indexOf = (pair: AssignmentPair): [number, number] => [
    proposalIndex.get(pair.proposal) ?? -1,
    expertIndex.get(pair.expert) ?? -1,
  ];

  // Scaled integer affinities (dense) and the pairs the network may use.
  const weight = new Float64Array(nP * nE);
  (instance.affinity ?? []).forEach((a, i) => {
    weight[affinityKeys[i]] = Math.round(a.score * SCALE);
  });
  const allowed = new Uint8Array(nP * nE).fill(1);
  for (const c of instance.conflicts ?? []) {
    const [p, e] = indexOf(c);
    allowed[pairKey(p, e, nE)] = 0;
  }
  const conflictFree = Uint8Array.from(allowed);
  const remaining = new Int32Array(nP);
  instance.proposals.forEach((p, i) => (remaining[i] = p.demand));
  const capacity = new Int32Array(nE);
  const mandatory = new Int32Array(nE);
  instance.experts.forEach((e, i) => {
    capacity[i] = e.maxLoad;
    mandatory[i] = e.minLoad ?? 0;
  });
  const forcedPairs: [number, number][] = [];
  for (const f of instance.forced ?? []) {
    const [p, e] = indexOf(f);
    forcedPairs.push([p, e]);
    allowed[pairKey(p, e, nE)] = 0; // already placed; the network must not place it again
    remaining[p]--;
    capacity[e]--;
    mandatory[e] = Math.max(0, mandatory[e] - 1);
  }

  let flowTotal = 0;
  for (let p = 0; p < nP; p++) flowTotal += remaining[p];
  let wMax = 0;
  let wMin = 0;
  for (let k = 0; k < weight.length; k++) {
    if (!allowed[k]) continue;
    if (weight[k] > wMax) wMax = weight[k];
    if (weight[k] < wMin) wMin = weight[k];
  }
  const range = wMax - wMin;
  const hasMinimums = mandatory.some((m) => m > 0);
  const big = hasMinimums ? range * flowTotal + 1 : 0;
  const overflowCost = (big + range) * flowTotal + 1;
  if (!Number.isSafeInteger(overflowCost) || overflowCost + 2 * big + 2 * (nP + nE + 2) * range > SAFE)
    throw new AppError('ASSIGNMENT_TOO_LARGE');

  const cost = new Float64Array(nP * nE);
  for (let k = 0; k < cost.length; k++) cost[k] = wMax - weight[k];

  // Flow state.
  const nC = nE + 1; // columns: experts, then the overflow node
  const overflow = nE;
  const assigned = new Uint8Array(nP * nE);
  const members: number[][] = Array.from({ length: nE }, () => []);
  const load = new Int32Array(nE);
  const overflowUnits = new Int32Array(nP);
  const overflowMembers = new Set<number>();

  // Nodes: proposals 0..nP-1, columns nP..nP+nC-1, sink nP+nC. Columns are few (experts + 1),
  // so their tentative distances live in a dense array scanned for the minimum; proposals
  // (reached back through assigned pairs) go through a heap.
  const sink = nP + nC;
  const nodeCount = sink + 1;
  const potential = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const pred = new Int32Array(nodeCount);
  const seen = new Int32Array(nodeCount);
  const done = new Int32Array(nodeCount);
  const settledList = new Int32Array(nodeCount);
  const columnDist = new Float64Array(nC);
  const heap = new MinHeap();
  let stamp = 0;

  const reachProposal = (q: number, d: number, from: number) => {
    if (done[q] === stamp) return;
    if (seen[q] !== stamp || d < dist[q]) {
      seen[q] = stamp;
      dist[q] = d;
      pred[q] = from;
      heap.push(d, q);
    }
  };

  const augmentFrom = (source: number) => {
    stamp++;
    heap.clear();
    columnDist.fill(Infinity);
    let sinkDistance = Infinity;
    let sinkFrom = -1;
    let settledCount = 0;
    let node = source;
    let d = 0;
    seen[source] = stamp;
    dist[source] = 0;
    for (;;) {
      done[node] = stamp;
      settledList[settledCount++] = node;
      const pi = potential[node];
      if (node < nP) {
        const row = node * nE;
        for (let e = 0; e < nE; e++) {
          const k = row + e;
          if (!allowed[k] || assigned[k]) continue;
          const column = nP + e;
          if (done[column] === stamp) continue;
          const candidate = d + cost[k] + pi - potential[column];
          if (candidate < columnDist[e]) {
            columnDist[e] = candidate;
            pred[column] = node;
          }
        }
        const column = nP + overflow;
        if (done[column] !== stamp) {
          const candidate = d + overflowCost + pi - potential[column];
          if (candidate < columnDist[overflow]) {
            columnDist[overflow] = candidate;
            pred[column] = node;
          }
        }
      } else {
        const c = node - nP;
        let toSink = Infinity;
        if (c === overflow) {
          for (const q of overflowMembers) reachProposal(q, d - overflowCost + pi - potential[q], node);
          toSink = d + pi - potential[sink];
        } else {
          for (const q of members[c]) reachProposal(q, d - cost[q * nE + c] + pi - potential[q], node);
          if (load[c] < capacity[c]) toSink = d + (load[c] < mandatory[c] ? 0 : big) + pi - potential[sink];
        }
        if (toSink < sinkDistance) {
          sinkDistance = toSink;
          sinkFrom = node;
        }
      }
      // Next node: the nearest of the open columns, the proposal heap and the sink.
      let bestColumn = -1;
      let bestColumnDistance = Infinity;
      for (let c = 0; c < nC; c++) {
        if (columnDist[c] < bestColumnDistance && done[nP + c] !== stamp) {
          bestColumnDistance = columnDist[c];
          bestColumn = c;
        }
      }
      while (heap.size > 0 && (done[heap.topNode] === stamp || heap.topKey > dist[heap.topNode])) heap.pop();
      const proposalDistance = heap.size > 0 ? heap.topKey : Infinity;
      if (sinkDistance <= bestColumnDistance && sinkDistance <= proposalDistance) break;
      if (bestColumnDistance <= proposalDistance) {
        node = nP + bestColumn;
        d = bestColumnDistance;
        dist[node] = d;
      } else {
        node = heap.topNode;
        d = proposalDistance;
        heap.pop();
      }
    }
    for (let i = 0; i < settledCount; i++) {
      const v = settledList[i];
      potential[v] += dist[v] - sinkDistance;
    }
    // Walk the path back from the sink: column ← proposal (assign) ← column (unassign) ← …
    let column = sinkFrom - nP;
    if (column !== overflow) load[column]++;
    for (;;) {
      const p = pred[nP + column];
      if (column === overflow) {
        overflowUnits[p]++;
        overflowMembers.add(p);
      } else {
        assigned[p * nE + column] = 1;
        members[column].push(p);
      }
      if (p === source) break;
      const previous = pred[p] - nP;
      if (previous === overflow) {
        if (--overflowUnits[p] === 0) overflowMembers.delete(p);
      } else {
        assigned[p * nE + previous] = 0;
        const list = members[previous];
        list.splice(list.indexOf(p), 1);
      }
      column = previous;
    }
  };

  for (let p = 0; p < nP; p++) {
    for (let unit = 0; unit < remaining[p]; unit++) augmentFrom(p);
  }

  // Results, in input order.
  const assignments: AssignmentPair[] = [];
  const forcedSet = new Set(forcedPairs.map(([p, e]) => pairKey(p, e, nE)));
  let objectiveScaled = 0;
  for (let p = 0; p < nP; p++) {
    for (let e = 0; e < nE; e++) {
      const k = pairKey(p, e, nE);
      if (assigned[k] || forcedSet.has(k)) {
        assignments.push({ proposal: instance.proposals[p].id, expert: instance.experts[e].id });
        objectiveScaled += weight[k];
      }
    }
  }

  const shortfall: ProposalShortfall[] = [];
  for (let p = 0; p < nP; p++) {
    if (overflowUnits[p] === 0) continue;
    shortfall.push({ proposal: instance.proposals[p].id, missing: overflowUnits[p], ...explainShortfall(p) });
  }

  function explainShortfall(p: number): { code: ShortfallCode; params: Record<string, number> } {
    const demand = instance.proposals[p].demand;
    let eligible = 0;
    let conflictedCount = 0;
    for (let e = 0; e < nE; e++) {
      if (!conflictFree[pairKey(p, e, nE)]) conflictedCount++;
      else if (instance.experts[e].maxLoad > 0) eligible++;
    }
    if (eligible < demand)
      return {
        code: 'too_few_experts',
        params: { available: eligible, demand, conflicted: conflictedCount },
      };
    // The group of proposals competing for the same full experts (a Hall-type certificate).
    const groupProposals = new Set<number>([p]);
    const groupExperts = new Set<number>();
    const queue = [p];
    while (queue.length > 0) {
      const q = queue.pop() as number;
      for (let e = 0; e < nE; e++) {
        const k = pairKey(q, e, nE);
        if (!allowed[k] || assigned[k] || groupExperts.has(e)) continue;
        groupExperts.add(e);
        for (const r of members[e]) {
          if (!groupProposals.has(r)) {
            groupProposals.add(r);
            queue.push(r);
          }
        }
      }
    }
    let needed = 0;
    let places = 0;
    for (const q of groupProposals) {
      needed += remaining[q];
      for (let e = 0; e < nE; e++) if (assigned[pairKey(q, e, nE)] && !groupExperts.has(e)) places++;
    }
    for (const e of groupExperts) places += capacity[e];
    return {
      code: 'loads_too_tight',
      params: {
        experts: groupExperts.size,
        others: groupProposals.size - 1,
        needed,
        places,
        conflicted: conflictedCount,
      },
    };
  }

  const underloaded: ExpertUnderload[] = [];
  instance.experts.forEach((expert, e) => {
    const minimum = expert.minLoad ?? 0;
    const total = load[e] + (expert.maxLoad - capacity[e]);
    if (total >= minimum) return;
    let open = 0;
    for (let p = 0; p < nP; p++)
      if (conflictFree[pairKey(p, e, nE)] && instance.proposals[p].demand > 0) open++;
    underloaded.push({
      expert: expert.id,
      missing: minimum - total,
      code: open < minimum ? 'too_few_proposals' : 'not_enough_reviews',
      params: { open, minimum },
    });
  });

  const result: AssignmentResult = {
    feasible: shortfall.length === 0 && underloaded.length === 0,
    objective: objectiveScaled / SCALE,
    assignments,
    shortfall,
  };
  if (underloaded.length > 0) result.underloaded = underloaded;
  return result;
}
