import Graph from 'graphology';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { round4 } from './coverage';

/**
 * The collaboration network: organisations are nodes; two organisations are linked when they
 * take part in the same project (a *collaboration*) or are current members of the same cluster
 * (a *membership link*). Figures over collaborations (pairs sharing at least one project):
 *   crossHelix   the two organisations have different helix categories;
 *   crossCluster the two organisations share no current cluster membership;
 *   withSme      at least one of the two is an SME (size class micro, small or medium).
 * Bridging organisations: betweenness centrality (Brandes, unweighted) on the whole graph,
 * normalised by (n − 1)(n − 2) / 2; above MAX_EXACT_WORK it uses 20–300 evenly spread sources
 * (deterministic) and says so.
 */
export const MAX_DRAWN_NODES = 1500;
export const MAX_DRAWN_EDGES = 20_000;
const MAX_EXACT_WORK = 40_000_000;
const BETWEENNESS_PIVOTS = 300;
const MIN_PIVOTS = 20;
const SME_CLASSES = new Set(['micro', 'small', 'medium']);

export interface NodeAttributes {
  name: string;
  helix: string;
  sizeClass: string;
  clusters: string[];
}
export interface EdgeAttributes {
  projects: number;
  clusters: number;
}

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

export async function buildNetwork(
  db: Kysely<DB>,
  today: string,
): Promise<Graph<NodeAttributes, EdgeAttributes>> {
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['m.organisation_id', 'c.short_name'])
    .where('m.valid_from', '<=', today)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', today)]))
    .execute();
  const organisations = await sql<{ id: string; name: string; helix: string; size_class: string }>`
    select o.id, o.name, o.helix, o.size_class from organisations o
    where exists (select 1 from project_participants pp where pp.organisation_id = o.id)
       or exists (select 1 from memberships m where m.organisation_id = o.id and m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date))
    order by o.name`.execute(db);
  const projectPairs = await sql<{ a: string; b: string; projects: string | number }>`
    select x.organisation_id as a, y.organisation_id as b, count(distinct x.project_id) as projects
    from project_participants x join project_participants y on y.project_id = x.project_id and x.organisation_id < y.organisation_id
    group by x.organisation_id, y.organisation_id`.execute(db);

  const clustersOf = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = clustersOf.get(m.organisation_id) ?? new Set<string>();
    set.add(m.short_name);
    clustersOf.set(m.organisation_id, set);
  }
  const graph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const o of organisations.rows)
    graph.addNode(o.id, {
      name: o.name,
      helix: o.helix,
      sizeClass: o.size_class,
      clusters: [...(clustersOf.get(o.id) ?? [])].sort(),
    });
  for (const p of projectPairs.rows) {
    if (graph.hasNode(p.a) && graph.hasNode(p.b))
      graph.addEdge(p.a, p.b, { projects: Number(p.projects), clusters: 0 });
  }
  const membersByCluster = new Map<string, string[]>();
  for (const m of memberships)
    membersByCluster.set(m.short_name, [...(membersByCluster.get(m.short_name) ?? []), m.organisation_id]);
  for (const members of membersByCluster.values()) {
    const unique = [...new Set(members)];
    for (let i = 0; i < unique.length; i++) {
      for (let j = i + 1; j < unique.length; j++) {
        const edge = graph.edge(unique[i], unique[j]);
        if (edge) graph.updateEdgeAttribute(edge, 'clusters', (n) => (n ?? 0) + 1);
        else graph.addEdge(unique[i], unique[j], { projects: 0, clusters: 1 });
      }
    }
  }
  return graph;
}

/** Connected components, largest first. */
export function componentsOf(graph: Graph): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const component: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const node = queue.pop() as string;
      component.push(node);
      graph.forEachNeighbor(node, (neighbour) => {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          queue.push(neighbour);
        }
      });
    }
    components.push(component);
  });
  return components.sort((a, b) => b.length - a.length);
}

export function networkFigures(graph: Graph<NodeAttributes, EdgeAttributes>): NetworkFigures {
  let collaborations = 0;
  let membershipLinks = 0;
  let crossHelix = 0;
  let crossCluster = 0;
  let withSme = 0;
  graph.forEachEdge((_edge, attributes, source, target, a, b) => {
    if (attributes.clusters > 0) membershipLinks++;
    if (attributes.projects === 0) return;
    collaborations++;
    if (a.helix !== b.helix) crossHelix++;
    if (!a.clusters.some((c) => b.clusters.includes(c))) crossCluster++;
    if (SME_CLASSES.has(a.sizeClass) || SME_CLASSES.has(b.sizeClass)) withSme++;
  });
  const components = componentsOf(graph);
  return {
    organisations: graph.order,
    links: graph.size,
    collaborations,
    membershipLinks,
    crossHelix,
    crossCluster,
    withSme,
    components: components.length,
    largestComponent: components[0]?.length ?? 0,
  };
}

/** Collaborations per pair of helix categories (for the heatmap). */
export function helixMatrix(
  graph: Graph<NodeAttributes, EdgeAttributes>,
): { a: string; b: string; collaborations: number }[] {
  const counts = new Map<string, number>();
  graph.forEachEdge((_edge, attributes, _s, _t, a, b) => {
    if (attributes.projects === 0) return;
    const key = [a.helix, b.helix].sort().join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([key, collaborations]) => {
    const [a, b] = key.split('|');
    return { a, b, collaborations };
  });
}

/**
 * Brandes' betweenness centrality (unweighted, undirected), normalised to 0…1, over integer
 * indices and typed arrays. Exact when n·m ≤ MAX_EXACT_WORK; otherwise from evenly spread pivot
 * sources (as many as fit in that budget, between 20 and 300), scaled by n / pivots.
 */
export function betweenness(graph: Graph): { scores: Map<string, number>; isApproximate: boolean } {
  const nodes = graph.nodes();
  const n = nodes.length;
  const index = new Map(nodes.map((v, i) => [v, i]));
  const neighbours: Int32Array[] = nodes.map((v) =>
    Int32Array.from(graph.neighbors(v).map((w) => index.get(w) as number)),
  );
  const work = n * Math.max(1, graph.size);
  const isApproximate = work > MAX_EXACT_WORK && n > MIN_PIVOTS;
  const pivotCount = isApproximate
    ? Math.max(MIN_PIVOTS, Math.min(BETWEENNESS_PIVOTS, Math.floor(MAX_EXACT_WORK / Math.max(1, graph.size))))
    : n;
  const sources = isApproximate
    ? Array.from({ length: pivotCount }, (_, i) => Math.floor((i * n) / pivotCount))
    : nodes.map((_, i) => i);
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    distance[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++];
      for (const w of neighbours[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v] + 1) sigma[w] += sigma[v];
      }
    }
    // Predecessors of w are its neighbours one step closer to s.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      for (const v of neighbours[w]) {
        if (distance[v] === distance[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      centrality[w] += delta[w];
    }
  }
  // Undirected: each pair counted from both ends; normalise by the number of pairs (n−1)(n−2)/2.
  const pairs = ((n - 1) * (n - 2)) / 2;
  const scale = (isApproximate ? n / sources.length : 1) / 2 / (pairs > 0 ? pairs : 1);
  return { scores: new Map(nodes.map((v, i) => [v, centrality[i] * scale])), isApproximate };
}

export interface NetworkView {
  figures: NetworkFigures;
  helix: { a: string; b: string; collaborations: number }[];
  bridging: {
    id: string;
    name: string;
    helix: string;
    sizeClass: string;
    clusters: string[];
    degree: number;
    collaborations: number;
    betweenness: number;
  }[];
  betweennessIsApproximate: boolean;
  drawing: {
    nodes: {
      id: string;
      name: string;
      helix: string;
      sizeClass: string;
      clusters: string[];
      degree: number;
    }[];
    edges: { source: string; target: string; projects: number; clusters: number }[];
    note: 'complete' | 'largest_component' | 'largest_component_top_degree';
    shownNodes: number;
    totalNodes: number;
    droppedEdges: number;
  };
}

/** The network page's data: figures, the helix crossings, bridging organisations and a drawable part. */
export function presentNetwork(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  maxDrawnNodes = MAX_DRAWN_NODES,
): NetworkView {
  const figures = networkFigures(graph);
  const { scores, isApproximate } = betweenness(graph);
  const collaborationDegree = (node: string) =>
    graph.filterEdges(node, (_e, attributes) => attributes.projects > 0).length;
  const bridging = graph
    .nodes()
    .map((id) => {
      const a = graph.getNodeAttributes(id);
      return {
        id,
        name: a.name,
        helix: a.helix,
        sizeClass: a.sizeClass,
        clusters: a.clusters,
        degree: graph.degree(id),
        collaborations: collaborationDegree(id),
        betweenness: round4(scores.get(id) ?? 0),
      };
    })
    .sort(
      (x, y) =>
        y.betweenness - x.betweenness ||
        y.clusters.length - x.clusters.length ||
        x.name.localeCompare(y.name),
    )
    .slice(0, 25);
  let shown = graph.nodes();
  let note: NetworkView['drawing']['note'] = 'complete';
  if (shown.length > maxDrawnNodes) {
    shown = componentsOf(graph)[0];
    note = 'largest_component';
    if (shown.length > maxDrawnNodes) {
      shown = [...shown].sort((a, b) => graph.degree(b) - graph.degree(a)).slice(0, maxDrawnNodes);
      note = 'largest_component_top_degree';
    }
  }
  const shownSet = new Set(shown);
  const edges: NetworkView['drawing']['edges'] = [];
  graph.forEachEdge((_e, attributes, source, target) => {
    if (shownSet.has(source) && shownSet.has(target))
      edges.push({ source, target, projects: attributes.projects, clusters: attributes.clusters });
  });
  edges.sort((a, b) => b.projects - a.projects || b.clusters - a.clusters);
  const drawnEdges = edges.slice(0, MAX_DRAWN_EDGES);
  return {
    figures,
    helix: helixMatrix(graph),
    bridging,
    betweennessIsApproximate: isApproximate,
    drawing: {
      nodes: shown.map((id) => {
        const a = graph.getNodeAttributes(id);
        return {
          id,
          name: a.name,
          helix: a.helix,
          sizeClass: a.sizeClass,
          clusters: a.clusters,
          degree: graph.degree(id),
        };
      }),
      edges: drawnEdges,
      note,
      shownNodes: shown.length,
      totalNodes: graph.order,
      droppedEdges: edges.length - drawnEdges.length,
    },
  };
}
