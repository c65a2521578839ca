import type { Kysely } from 'kysely';
import { cachedByRevision } from '../../db/revision-cache';
import type { DB } from '../../db/types';
import { round4 } from './coverage';
import {
  adjacencyOf,
  brandes,
  buildNetwork,
  componentIndex,
  type Network,
  type NetworkMode,
} from './network';

/**
 * The network page's answer: figures over the whole network, the helix crossings, the 25 most
 * bridging organisations and a drawable part of at most MAX_DRAWN_NODES organisations and
 * MAX_DRAWN_EDGES links (a few hundred nodes is what a force layout in the browser draws legibly);
 * the answer says what the drawing leaves out.
 */
export const MAX_DRAWN_NODES = 300;
export const MAX_DRAWN_EDGES = 1_500;
const BRIDGING = 25;
/** Organisations tied at the 25th score are ordered by name; beyond this many ties, by index (name order in SQL). */
const MAX_BRIDGING_CANDIDATES = 1_000;
const SME_CLASSES = new Set(['micro', 'small', 'medium']);

export interface NetworkFigures {
  organisations: number;
  links: number;
  collaborations: number;
  membershipLinks: number;
  crossHelix: number;
  crossCluster: number;
  withSme: number;
  components: number;
  largestComponent: number;
}

interface NetworkNode {
  id: string;
  name: string;
  helix: string;
  sizeClass: string;
  clusters: string[];
  degree: number;
}

export interface NetworkView {
  /** member_pairs: a link for every pair of co-members; bipartite: organisation–cluster links (large portfolios). */
  mode: NetworkMode;
  figures: NetworkFigures;
  helix: { a: string; b: string; collaborations: number }[];
  bridging: (NetworkNode & { collaborations: number; betweenness: number })[];
  betweennessIsApproximate: boolean;
  drawing: {
    nodes: NetworkNode[];
    /**
     * Between drawn organisations, by their position in `nodes` (an id is 36 characters; a
     * position is a few): shared projects and shared current clusters.
     */
    edges: { source: number; target: number; projects: number; clusters: number }[];
    note: 'complete' | 'largest_component' | 'largest_component_bridging';
    shownNodes: number;
    totalNodes: number;
    droppedEdges: number;
  };
}

/** How many current clusters organisations a and b share (their cluster lists are ascending). */
function sharedClusters(network: Network, a: number, b: number): number {
  const { clusterStart, clusterOf } = network;
  let i = clusterStart[a];
  let j = clusterStart[b];
  let shared = 0;
  while (i < clusterStart[a + 1] && j < clusterStart[b + 1]) {
    if (clusterOf[i] === clusterOf[j]) {
      shared++;
      i++;
      j++;
    } else if (clusterOf[i] < clusterOf[j]) i++;
    else j++;
  }
  return shared;
}

/** The figures over the whole network; components counted in organisations. */
function networkFigures(network: Network, organisationsPerComponent: number[]): NetworkFigures {
  const { source, target, projects, clusters, helix, sizeClass, labels } = network;
  const isSme = labels.map((label) => SME_CLASSES.has(label));
  let collaborations = 0;
  let membershipLinks = 0;
  let crossHelix = 0;
  let crossCluster = 0;
  let withSme = 0;
  for (let e = 0; e < source.length; e++) {
    if (clusters[e] > 0) membershipLinks++;
    if (projects[e] === 0) continue;
    const a = source[e];
    const b = target[e];
    collaborations++;
    if (helix[a] !== helix[b]) crossHelix++;
    if (sharedClusters(network, a, b) === 0) crossCluster++;
    if (isSme[sizeClass[a]] || isSme[sizeClass[b]]) withSme++;
  }
  const inSql = network.collaborationFigures;
  return {
    organisations: network.organisations,
    links: source.length,
    collaborations: inSql?.collaborations ?? collaborations,
    membershipLinks,
    crossHelix: inSql?.crossHelix ?? crossHelix,
    crossCluster: inSql?.crossCluster ?? crossCluster,
    withSme: inSql?.withSme ?? withSme,
    components: organisationsPerComponent.filter((size) => size > 0).length,
    largestComponent: organisationsPerComponent.reduce((max, size) => Math.max(max, size), 0),
  };
}

/** Collaborations per pair of helix categories (for the heatmap). */
function helixMatrix(network: Network): NetworkView['helix'] {
  const counts = new Map<string, number>();
  for (let e = 0; e < network.source.length; e++) {
    if (network.projects[e] === 0) continue;
    const a = network.labels[network.helix[network.source[e]]];
    const b = network.labels[network.helix[network.target[e]]];
    const key = [a, b].sort().join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, collaborations]) => {
    const [a, b] = key.split('|');
    return { a, b, collaborations };
  });
}

/** The current clusters (short names) of an organisation, sorted. */
function clusterNames(network: Network, o: number): string[] {
  const names = new Set<string>();
  for (let m = network.clusterStart[o]; m < network.clusterStart[o + 1]; m++)
    names.add(network.clusterShortNames[network.clusterOf[m]]);
  return [...names].sort();
}

/**
 * The organisations to draw: all of them when they fit, else the largest connected part, else its
 * most bridging organisations (betweenness, then most links, then name order): these share
 * clusters and projects with one another, where the best connected ones of a large portfolio are
 * spread over clusters that hardly meet.
 */
function drawnOrganisations(
  network: Network,
  component: Int32Array,
  organisationsPerComponent: number[],
  rank: { scores: Float64Array; degree: Int32Array },
  maxDrawnNodes: number,
): { shown: number[]; note: NetworkView['drawing']['note'] } {
  const all = Array.from({ length: network.organisations }, (_, i) => i);
  if (all.length <= maxDrawnNodes) return { shown: all, note: 'complete' };
  let largest = 0;
  organisationsPerComponent.forEach((size, c) => {
    if (size > organisationsPerComponent[largest]) largest = c;
  });
  const inLargest = all.filter((o) => component[o] === largest);
  if (inLargest.length <= maxDrawnNodes) return { shown: inLargest, note: 'largest_component' };
  const { scores, degree } = rank;
  inLargest.sort((a, b) => scores[b] - scores[a] || degree[b] - degree[a] || a - b);
  return { shown: inLargest.slice(0, maxDrawnNodes), note: 'largest_component_bridging' };
}

/** Links between drawn organisations, strongest first; co-membership counted when the network is bipartite. */
function drawnEdges(
  network: Network,
  shown: number[],
): { source: number; target: number; projects: number; clusters: number }[] {
  const isShown = new Uint8Array(network.nodes);
  for (const o of shown) isShown[o] = 1;
  const edges: { source: number; target: number; projects: number; clusters: number }[] = [];
  const byPair = new Map<number, number>();
  for (let e = 0; e < network.source.length; e++) {
    const a = network.source[e];
    const b = network.target[e];
    if (isShown[a] === 0 || isShown[b] === 0) continue;
    byPair.set(a * network.nodes + b, edges.length);
    edges.push({ source: a, target: b, projects: network.projects[e], clusters: network.clusters[e] });
  }
  if (network.mode === 'bipartite') {
    // The graph links organisations to cluster nodes; the drawing links co-members directly.
    const sorted = [...shown].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const clusters = sharedClusters(network, sorted[i], sorted[j]);
        if (clusters === 0) continue;
        const at = byPair.get(sorted[i] * network.nodes + sorted[j]);
        if (at === undefined) edges.push({ source: sorted[i], target: sorted[j], projects: 0, clusters });
        else edges[at].clusters = clusters;
      }
  }
  return edges.sort((a, b) => b.projects - a.projects || b.clusters - a.clusters);
}

/** The network page's data: figures, the helix crossings, bridging organisations and a drawable part. */
export function presentNetwork(network: Network, maxDrawnNodes = MAX_DRAWN_NODES): NetworkView {
  const { organisations, source, target, projects } = network;
  const { component, count } = componentIndex(network.nodes, source, target);
  const organisationsPerComponent = new Array<number>(count).fill(0);
  for (let o = 0; o < organisations; o++) organisationsPerComponent[component[o]]++;
  const degree = new Int32Array(network.nodes);
  const collaborationDegree = new Int32Array(network.nodes);
  for (let e = 0; e < source.length; e++) {
    degree[source[e]]++;
    degree[target[e]]++;
    if (projects[e] > 0) {
      collaborationDegree[source[e]]++;
      collaborationDegree[target[e]]++;
    }
  }
  const { scores, isApproximate } = brandes(adjacencyOf(network.nodes, source, target));
  const node = (o: number): NetworkNode => ({
    id: network.ids[o],
    name: network.names[o],
    helix: network.labels[network.helix[o]],
    sizeClass: network.labels[network.sizeClass[o]],
    clusters: clusterNames(network, o),
    degree: degree[o],
  });

  // The 25 most bridging: a numeric order (score, clusters), then names over the candidates that
  // can reach the top 25 (ties at the 25th score).
  const score = (o: number) => round4(scores[o]);
  const clusterCount = (o: number) => network.clusterStart[o + 1] - network.clusterStart[o];
  const ranked = Int32Array.from({ length: organisations }, (_, i) => i).sort(
    (x, y) => score(y) - score(x) || clusterCount(y) - clusterCount(x) || x - y,
  );
  const cut = organisations > 0 ? ranked[Math.min(BRIDGING - 1, organisations - 1)] : -1;
  let candidates = 0;
  while (
    candidates < Math.min(organisations, MAX_BRIDGING_CANDIDATES) &&
    (score(ranked[candidates]) > score(cut) ||
      (score(ranked[candidates]) === score(cut) && clusterCount(ranked[candidates]) >= clusterCount(cut)))
  )
    candidates++;
  const bridging = [...ranked.subarray(0, candidates)]
    .map((o) => ({ ...node(o), collaborations: collaborationDegree[o], betweenness: score(o) }))
    .sort(
      (x, y) =>
        y.betweenness - x.betweenness ||
        y.clusters.length - x.clusters.length ||
        x.name.localeCompare(y.name),
    )
    .slice(0, BRIDGING);

  const { shown, note } = drawnOrganisations(
    network,
    component,
    organisationsPerComponent,
    { scores, degree },
    maxDrawnNodes,
  );
  const edges = drawnEdges(network, shown);
  const position = new Map(shown.map((o, i) => [o, i]));
  return {
    mode: network.mode,
    figures: networkFigures(network, organisationsPerComponent),
    helix: helixMatrix(network),
    bridging,
    betweennessIsApproximate: isApproximate,
    drawing: {
      nodes: shown.map(node),
      edges: edges.slice(0, MAX_DRAWN_EDGES).map((e) => ({
        source: position.get(e.source) ?? 0,
        target: position.get(e.target) ?? 0,
        projects: e.projects,
        clusters: e.clusters,
      })),
      note,
      shownNodes: shown.length,
      totalNodes: organisations,
      droppedEdges: Math.max(0, edges.length - MAX_DRAWN_EDGES),
    },
  };
}

/** The network answer, rebuilt only after the portfolio changed (or on a new day); see db/revision-cache.ts. */
export function networkView(db: Kysely<DB>, today: string): Promise<NetworkView> {
  return cachedByRevision(db, 'network', today, async () => presentNetwork(await buildNetwork(db, today)));
}
