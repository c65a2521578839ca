import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
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
/** Work budget (nodes + edges per pivot) of the sampled betweenness on large graphs. */
const PIVOT_WORK = 10_000_000;
const BETWEENNESS_PIVOTS = 300;
const MIN_PIVOTS = 20;
const SME_CLASSES = new Set(['micro', 'small', 'medium']);

export interface NodeAttributes {
  name: string;
  helix: string;
  sizeClass: string;
  clusters: string[];
  /** A cluster node (bipartite mode only); every other node is an organisation. */
  isCluster?: boolean;
}
export interface CollaborationFigures {
  collaborations: number;
  crossHelix: number;
  crossCluster: number;
  withSme: number;
}
export interface NetworkGraphAttributes {
  [key: string]: unknown;
  mode: NetworkMode;
  /** Set when the graph holds only part of the collaborations: the figures over all of them. */
  collaborationFigures: CollaborationFigures | null;
}
export type NetworkGraph = Graph<NodeAttributes, EdgeAttributes, NetworkGraphAttributes>;
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

/**
 * Above this many pairs of co-members (summed over clusters) the membership links are drawn as
 * organisation–cluster links (a bipartite graph, `mode: 'bipartite'`) instead of a link for every
 * pair of members: the pairs grow with the square of a cluster's size (a portfolio of Europe's
 * clusters has tens of millions) while the bipartite graph grows with the memberships.
 */
export const MAX_MEMBER_PAIRS = 300_000;
/** Collaboration links kept per organisation (strongest first) when there are more pairs than this. */
export const MAX_COLLABORATION_PAIRS = 200_000;
export const COLLABORATIONS_PER_NODE = 50;

export type NetworkMode = 'member_pairs' | 'bipartite';

/** The collaboration network of the organisations taking part or members on `today`, built in SQL. */
export async function buildNetwork(
  db: Kysely<DB>,
  today: string,
  limits: { maxMemberPairs?: number; maxCollaborationPairs?: number } = {},
): Promise<NetworkGraph> {
  const maxMemberPairs = limits.maxMemberPairs ?? MAX_MEMBER_PAIRS;
  const maxCollaborationPairs = limits.maxCollaborationPairs ?? MAX_COLLABORATION_PAIRS;
  const current = sql`(select distinct m.cluster_id, m.organisation_id from memberships m
    where m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date))`;
  const sizes = await sql<{ member_pairs: string | null; collaboration_pairs: string | null }>`
    select (select sum(k * (k - 1) / 2) from (select count(*) as k from ${current} cm group by cm.cluster_id) s)
             as member_pairs,
           (select sum(n * (n - 1) / 2) from (select count(*) as n from project_participants group by project_id) p)
             as collaboration_pairs`.execute(db);
  const memberPairs = Number(sizes.rows[0]?.member_pairs ?? 0);
  const collaborationPairs = Number(sizes.rows[0]?.collaboration_pairs ?? 0);
  const mode: NetworkMode = memberPairs > maxMemberPairs ? 'bipartite' : 'member_pairs';

  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['m.organisation_id', 'c.id as cluster_id', 'c.short_name', 'c.name'])
    .distinct()
    .where('m.valid_from', '<=', today)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', today)]))
    .execute();
  const organisations = await sql<{ id: string; name: string; helix: string; size_class: string }>`
    select o.id, o.name, o.helix, o.size_class from organisations o
    where exists (select 1 from project_participants pp where pp.organisation_id = o.id)
       or exists (select 1 from memberships m where m.organisation_id = o.id and m.valid_from <=
         ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date))
    order by o.name`.execute(db);
  // Pairs of organisations sharing projects; above the bound only each organisation's strongest.
  const projectPairs =
    collaborationPairs <= maxCollaborationPairs
      ? await sql<{ a: string; b: string; projects: string | number }>`
    select x.organisation_id as a, y.organisation_id as b, count(distinct x.project_id) as projects
    from project_participants x join project_participants y on y.project_id = x.project_id and
      x.organisation_id < y.organisation_id
    group by x.organisation_id, y.organisation_id`.execute(db)
      : await sql<{ a: string; b: string; projects: string | number }>`
    with pairs as (
      select x.organisation_id as a, y.organisation_id as b, count(distinct x.project_id) as projects
      from project_participants x join project_participants y on y.project_id = x.project_id and
        x.organisation_id < y.organisation_id
      group by x.organisation_id, y.organisation_id),
    ranked as (
      select a, b, projects,
             row_number() over (partition by a order by projects desc, b) as ra,
             row_number() over (partition by b order by projects desc, a) as rb
      from pairs)
    select a, b, projects from ranked where ra <= ${COLLABORATIONS_PER_NODE} or rb <=
      ${COLLABORATIONS_PER_NODE}`.execute(db);

  const clustersOf = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = clustersOf.get(m.organisation_id) ?? new Set<string>();
    set.add(m.short_name);
    clustersOf.set(m.organisation_id, set);
  }
  const graph: NetworkGraph = new Graph<NodeAttributes, EdgeAttributes, NetworkGraphAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  graph.replaceAttributes({ mode, collaborationFigures: null });
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
  if (mode === 'member_pairs') {
    const pairs = await sql<{ a: string; b: string; clusters: string | number }>`
      select x.organisation_id as a, y.organisation_id as b, count(*) as clusters
      from ${current} x join ${current} y on y.cluster_id = x.cluster_id and x.organisation_id < y.organisation_id
      group by x.organisation_id, y.organisation_id`.execute(db);
    for (const p of pairs.rows) {
      const clusters = Number(p.clusters);
      const edge = graph.edge(p.a, p.b);
      if (edge) graph.setEdgeAttribute(edge, 'clusters', clusters);
      else graph.addEdge(p.a, p.b, { projects: 0, clusters });
    }
  } else {
    for (const m of memberships) {
      const node = `cluster:${m.cluster_id}`;
      if (!graph.hasNode(node))
        graph.addNode(node, {
          name: m.name,
          helix: 'cluster',
          sizeClass: 'unknown',
          clusters: [m.short_name],
          isCluster: true,
        });
      if (graph.hasNode(m.organisation_id) && !graph.hasEdge(node, m.organisation_id))
        graph.addEdge(node, m.organisation_id, { projects: 0, clusters: 1 });
    }
  }
  if (collaborationPairs > maxCollaborationPairs || mode === 'bipartite')
    graph.setAttribute('collaborationFigures', await collaborationFiguresInSql(db, today));
  return graph;
}

/** The figures over all collaborations, counted in SQL (used when the graph holds only part of them). */
async function collaborationFiguresInSql(db: Kysely<DB>, today: string): Promise<CollaborationFigures> {
  const row = await sql<Record<keyof CollaborationFigures, string>>`
    with pairs as (
      select distinct x.organisation_id as a, y.organisation_id as b
      from project_participants x join project_participants y on y.project_id = x.project_id and
        x.organisation_id < y.organisation_id)
    select count(*) as collaborations,
           count(*) filter (where oa.helix <> ob.helix) as "crossHelix",
           count(*) filter (where oa.size_class in ('micro','small','medium') or ob.size_class in
             ('micro','small','medium')) as "withSme",
           count(*) filter (where not exists (
             select 1 from memberships ca join memberships cb on cb.cluster_id = ca.cluster_id
             where ca.organisation_id = pairs.a and cb.organisation_id = pairs.b
               and ca.valid_from <= ${today}::date and (ca.valid_to is null or ca.valid_to >= ${today}::date)
               and cb.valid_from <= ${today}::date and (cb.valid_to is null or cb.valid_to >=
                 ${today}::date))) as "crossCluster"
    from pairs join organisations oa on oa.id = pairs.a join organisations ob on ob.id = pairs.b`.execute(db);
  const r = row.rows[0];
  return {
    collaborations: Number(r?.collaborations ?? 0),
    crossHelix: Number(r?.crossHelix ?? 0),
    withSme: Number(r?.withSme ?? 0),
    crossCluster: Number(r?.crossCluster ?? 0),
  };
}

/** Connected components, largest first (graphology-components). */
export function componentsOf(graph: Graph): string[][] {
  return connectedComponents(graph).sort((a, b) => b.length - a.length);
}

const isOrganisation = (attributes: NodeAttributes) => attributes.isCluster !== true;

/** The graph's own attributes (graphs built in tests have none: member pairs, every collaboration). */
function graphAttributes(graph: Graph<NodeAttributes, EdgeAttributes>): NetworkGraphAttributes {
  const attributes = graph.getAttributes() as Partial<NetworkGraphAttributes>;
  return {
    mode: attributes.mode ?? 'member_pairs',
    collaborationFigures: attributes.collaborationFigures ?? null,
  };
}

export function networkFigures(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  allComponents: string[][] = componentsOf(graph),
): NetworkFigures {
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
  const inSql = graphAttributes(graph).collaborationFigures;
  // Components counted in organisations (cluster nodes of a bipartite graph only connect them).
  const components = allComponents
    .map((component) => component.filter((node) => isOrganisation(graph.getNodeAttributes(node))).length)
    .filter((size) => size > 0)
    .sort((x, y) => y - x);
  return {
    organisations: graph.filterNodes((_node, attributes) => isOrganisation(attributes)).length,
    links: graph.size,
    collaborations: inSql?.collaborations ?? collaborations,
    membershipLinks,
    crossHelix: inSql?.crossHelix ?? crossHelix,
    crossCluster: inSql?.crossCluster ?? crossCluster,
    withSme: inSql?.withSme ?? withSme,
    components: components.length,
    largestComponent: components[0] ?? 0,
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
 * Kept hand-written rather than graphology-metrics' `betweenness` (2.4, exact Brandes only, O(n·m)),
 * because `bench/network-betweenness.ts` shows it faster on the same graphs in the same run: exact on
 * both sides it took 4.4 s against 5.7 s (1 500 nodes, 15 000 edges; same scores); on 2 500 nodes and
 * 25 000 edges its sampled pivots took 1.3 s against 16.7 s exact (2 cores under load, 2026-11-29).
 *
 * Brandes' betweenness centrality (unweighted, undirected), normalised to 0…1, over integer
 * indices and typed arrays. Exact when n·m ≤ MAX_EXACT_WORK; otherwise from evenly spread pivot
 * sources (as many as fit in PIVOT_WORK, between 20 and 300), scaled by n / pivots.
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
  // Each pivot is a breadth-first search over the whole graph: the budget bounds their total work.
  const pivotCount = isApproximate
    ? Math.max(MIN_PIVOTS, Math.min(BETWEENNESS_PIVOTS, Math.floor(PIVOT_WORK / Math.max(1, n + graph.size))))
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
  /** member_pairs: a link for every pair of co-members; bipartite: organisation–cluster links (large portfolios). */
  mode: NetworkMode;
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
  const components = componentsOf(graph);
  const figures = networkFigures(graph, components);
  const { scores, isApproximate } = betweenness(graph);
  const collaborationDegree = (node: string) =>
    graph.filterEdges(node, (_e, attributes) => attributes.projects > 0).length;
  const organisations = graph.filterNodes((_node, attributes) => isOrganisation(attributes));
  // The 25 most bridging: a numeric pre-selection (score, clusters), then the full order with
  // names only over the candidates that can reach the top 25 (the same list, without sorting all).
  const scored = organisations.map((id) => ({
    id,
    score: round4(scores.get(id) ?? 0),
    clusterCount: graph.getNodeAttribute(id, 'clusters').length,
  }));
  scored.sort((x, y) => y.score - x.score || y.clusterCount - x.clusterCount);
  const cut = scored[Math.min(24, scored.length - 1)];
  const candidates = cut
    ? scored.filter(
        (x) => x.score > cut.score || (x.score === cut.score && x.clusterCount >= cut.clusterCount),
      )
    : [];
  const bridging = candidates
    .map(({ id, score }) => {
      const a = graph.getNodeAttributes(id);
      return {
        id,
        name: a.name,
        helix: a.helix,
        sizeClass: a.sizeClass,
        clusters: a.clusters,
        degree: graph.degree(id),
        collaborations: collaborationDegree(id),
        betweenness: score,
      };
    })
    .sort(
      (x, y) =>
        y.betweenness - x.betweenness ||
        y.clusters.length - x.clusters.length ||
        x.name.localeCompare(y.name),
    )
    .slice(0, 25);
  let shown = organisations;
  let note: NetworkView['drawing']['note'] = 'complete';
  if (shown.length > maxDrawnNodes) {
    const largest = components
      .map((component) => component.filter((node) => isOrganisation(graph.getNodeAttributes(node))))
      .sort((x, y) => y.length - x.length)[0];
    shown = largest ?? [];
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
    mode: graphAttributes(graph).mode,
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
      totalNodes: organisations.length,
      droppedEdges: edges.length - drawnEdges.length,
    },
  };
}
