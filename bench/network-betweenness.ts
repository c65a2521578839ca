/**
 * Betweenness of the organisation network: the hand-written Brandes in policy/network.ts beside
 * graphology-metrics' `betweenness` (exact Brandes only), on the same seeded clustered graphs, in
 * the same run:
 *   - a medium graph both compute exactly (n·m within the exact budget): time and the largest
 *     difference of the normalised scores;
 *   - a large graph where network.ts samples pivots and graphology-metrics stays exact: time and
 *     how many of the ten best bridges agree.
 *
 *   npx tsx bench/network-betweenness.ts [--medium 1500] [--large 2500]
 */
import os from 'node:os';
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { betweenness } from '../src/server/modules/policy/network';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Organisations in clusters of about 60: dense inside a cluster, a few links between clusters. */
function clusteredGraph(nodes: number, seed: number): Graph {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < nodes; i++) graph.addNode(`o${i}`);
  const size = 60;
  for (let i = 0; i < nodes; i++) {
    const cluster = Math.floor(i / size);
    for (let k = 0; k < 12; k++) {
      const inside = random() < 0.92;
      const j = inside
        ? Math.min(nodes - 1, cluster * size + Math.floor(random() * size))
        : Math.floor(random() * nodes);
      if (j !== i && !graph.hasEdge(`o${i}`, `o${j}`)) graph.addEdge(`o${i}`, `o${j}`);
    }
  }
  return graph;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

function normalised(scores: Map<string, number>): Map<string, number> {
  const max = Math.max(...scores.values(), Number.MIN_VALUE);
  return new Map([...scores].map(([k, v]) => [k, v / max]));
}

function top(scores: Map<string, number>, count: number): Set<string> {
  return new Set(
    [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k]) => k),
  );
}

console.log(`network betweenness (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)})`);
for (const [label, nodes] of [
  ['medium', argument('medium', 1500)],
  ['large', argument('large', 2500)],
] as const) {
  const graph = clusteredGraph(nodes, 42);
  const ours = timed(() => betweenness(graph));
  const library = timed(() => new Map(Object.entries(betweennessCentrality(graph))));
  const a = normalised(ours.value.scores);
  const b = normalised(library.value);
  const largestDifference = Math.max(...[...a].map(([k, v]) => Math.abs(v - (b.get(k) ?? 0))));
  const bestOurs = top(ours.value.scores, 10);
  const agree = [...top(library.value, 10)].filter((k) => bestOurs.has(k)).length;
  console.log(
    `  ${label}: ${graph.order} nodes, ${graph.size} edges; network.ts ${ours.ms.toFixed(0)} ms ` +
      `(${ours.value.isApproximate ? 'sampled pivots' : 'exact'}), graphology-metrics ` +
      `${library.ms.toFixed(0)} ms (exact); ratio ${(library.ms / ours.ms).toFixed(2)}x; ` +
      `largest normalised difference ${largestDifference.toFixed(4)}; top 10 agree ${agree}/10`,
  );
}
