import type Graph from 'graphology';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';

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
 *
 * The graph is held as integers (Europe's portfolio: 150,000 organisations, 600,000 links): SQL
 * numbers the nodes and aggregates the pairs, and sends each list as one text column; the nodes,
 * links and memberships live in typed arrays, never as one object per node or link.
 */
const MAX_EXACT_WORK = 40_000_000;
/** Work budget (nodes + edges per pivot) of the sampled betweenness on large graphs. */
const PIVOT_WORK = 10_000_000;
const BETWEENNESS_PIVOTS = 300;
const MIN_PIVOTS = 20;

/**
 * Above this many pairs of co-members (summed over clusters) the membership links are drawn as
 * organisation–cluster links (a bipartite graph, `mode: 'bipartite'`) instead of a link for every
 * pair of members: the pairs grow with the square of a cluster's size (a portfolio of Europe's
 * clusters has tens of millions) while the bipartite graph grows with the memberships.
 */
export const MAX_MEMBER_PAIRS = 300_000;
/**
 * Collaboration links kept per organisation (strongest first) when there are more pairs than this
 * (Europe's 20,000 projects have about 230,000: 12 bytes each).
 */
export const MAX_COLLABORATION_PAIRS = 1_000_000;
export const COLLABORATIONS_PER_NODE = 50;

export type NetworkMode = 'member_pairs' | 'bipartite';

export interface CollaborationFigures {
  collaborations: number;
  crossHelix: number;
  crossCluster: number;
  withSme: number;
}

/** The collaboration network in integer form (see the module comment). */
export interface Network {
  /** member_pairs: a link for every pair of co-members; bipartite: organisation–cluster links. */
  mode: NetworkMode;
  /** Organisations are nodes 0 … organisations − 1 (by name); cluster nodes (bipartite) follow. */
  organisations: number;
  nodes: number;
  /** Id and name of each organisation. */
  ids: string[];
  names: string[];
  /** Helix category and size class of each organisation, as indices into `labels`. */
  helix: Uint8Array;
  sizeClass: Uint8Array;
  labels: string[];
  /** The current clusters of organisation i: clusterOf[clusterStart[i] … clusterStart[i + 1]), ascending. */
  clusterStart: Int32Array;
  clusterOf: Int32Array;
  clusterShortNames: string[];
  /** Links (source < target): shared projects, shared clusters (1 on an organisation–cluster link). */
  source: Int32Array;
  target: Int32Array;
  projects: Int32Array;
  clusters: Int32Array;
  /** Set when the links hold only part of the collaborations: the figures over all of them. */
  collaborationFigures: CollaborationFigures | null;
}

/** Non-negative integers written as `1,2,3` (one text column from string_agg) into a typed array. */
function integers(text: string | null): Int32Array {
  if (!text) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const values = new Int32Array(count);
  let k = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      values[k++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  values[k] = value;
  return values;
}

/** Labels as indices into one shared table. */
function coded(values: string[], labels: string[]): Uint8Array {
  const index = new Map(labels.map((label, i) => [label, i]));
  const codes = new Uint8Array(values.length);
  values.forEach((value, i) => {
    let code = index.get(value);
    if (code === undefined) {
      code = labels.push(value) - 1;
      index.set(value, code);
    }
    codes[i] = code;
  });
  return codes;
}

/** Links from pairs (any order) and co-member pairs; a pair that is both becomes one link. */
function linksOf(
  organisations: number,
  collaborations: Int32Array,
  memberPairs: Map<number, number> | null,
): Pick<Network, 'source' | 'target' | 'projects' | 'clusters'> {
  const pairCount = collaborations.length / 3;
  const extra = memberPairs ? memberPairs.size : 0;
  const source = new Int32Array(pairCount + extra);
  const target = new Int32Array(pairCount + extra);
  const projects = new Int32Array(pairCount + extra);
  const clusters = new Int32Array(pairCount + extra);
  let k = 0;
  for (let p = 0; p < pairCount; p++, k++) {
    const a = collaborations[3 * p];
    const b = collaborations[3 * p + 1];
    source[k] = Math.min(a, b);
    target[k] = Math.max(a, b);
    projects[k] = collaborations[3 * p + 2];
    const key = source[k] * organisations + target[k];
    const shared = memberPairs?.get(key);
    if (shared !== undefined) {
      clusters[k] = shared;
      memberPairs?.delete(key);
    }
  }
  for (const [key, shared] of memberPairs ?? []) {
    source[k] = Math.floor(key / organisations);
    target[k] = key % organisations;
    clusters[k++] = shared;
  }
  return {
    source: source.subarray(0, k),
    target: target.subarray(0, k),
    projects: projects.subarray(0, k),
    clusters: clusters.subarray(0, k),
  };
}

/** Pairs of co-members (a < b) and how many current clusters they share; keys a · n + b. */
function memberPairsOf(
  network: Pick<Network, 'organisations' | 'clusterStart' | 'clusterOf'>,
  clusterCount: number,
) {
  const { organisations, clusterStart, clusterOf } = network;
  // Members per cluster (ascending, as the memberships are sorted by organisation).
  const start = new Int32Array(clusterCount + 1);
  for (const c of clusterOf) start[c + 1]++;
  for (let c = 0; c < clusterCount; c++) start[c + 1] += start[c];
  const fill = start.slice(0, clusterCount);
  const members = new Int32Array(clusterOf.length);
  for (let o = 0; o < organisations; o++)
    for (let m = clusterStart[o]; m < clusterStart[o + 1]; m++) members[fill[clusterOf[m]]++] = o;
  const pairs = new Map<number, number>();
  for (let c = 0; c < clusterCount; c++)
    for (let i = start[c]; i < start[c + 1]; i++)
      for (let j = i + 1; j < start[c + 1]; j++) {
        const key = members[i] * organisations + members[j];
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  return pairs;
}

/** The collaboration network of the organisations taking part or members on `today`, built in SQL. */
export async function buildNetwork(
  db: Kysely<DB>,
  today: string,
  limits: { maxMemberPairs?: number; maxCollaborationPairs?: number } = {},
): Promise<Network> {
  const maxMemberPairs = limits.maxMemberPairs ?? MAX_MEMBER_PAIRS;
  const maxCollaborationPairs = limits.maxCollaborationPairs ?? MAX_COLLABORATION_PAIRS;
  const current = sql`(select distinct m.cluster_id, m.organisation_id from memberships m
    where m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date))`;
  const sizes = await sql<{ member_pairs: string | null; collaboration_pairs: string | null }>`
    select (select sum(k * (k - 1) / 2) from (select count(*) as k from ${current} cm group by cm.cluster_id) s)
             as member_pairs,
           (select sum(n * (n - 1) / 2) from (select count(*) as n from project_participants group by project_id) p)
             as collaboration_pairs`.execute(db);
  const memberPairCount = Number(sizes.rows[0]?.member_pairs ?? 0);
  const isCut = Number(sizes.rows[0]?.collaboration_pairs ?? 0) > maxCollaborationPairs;
  const mode: NetworkMode = memberPairCount > maxMemberPairs ? 'bipartite' : 'member_pairs';
  // Pairs of organisations sharing projects; above the bound only each organisation's strongest.
  const kept = isCut
    ? sql`(select a, b, projects from (select a, b, projects,
          row_number() over (partition by a order by projects desc, b) as ra,
          row_number() over (partition by b order by projects desc, a) as rb from pairs) r
        where ra <= ${COLLABORATIONS_PER_NODE} or rb <= ${COLLABORATIONS_PER_NODE})`
    : sql`pairs`;
  // One statement, one row: every list as one column (JSON for text, comma-separated integers).
  const { rows } = await sql<{
    ids: string[] | null;
    names: string[] | null;
    helix: string[] | null;
    size_classes: string[] | null;
    cluster_short_names: string[] | null;
    memberships: string | null;
    pairs: string | null;
  }>`
    with current_members as ${current},
    nodes as (
      select o.id, o.name, o.helix, o.size_class, (row_number() over (order by o.name, o.id) - 1)::int as i
      from organisations o
      where exists (select 1 from project_participants pp where pp.organisation_id = o.id)
         or exists (select 1 from current_members cm where cm.organisation_id = o.id)),
    cluster_nodes as (
      select c.id, c.short_name, (row_number() over (order by c.short_name, c.id) - 1)::int as i
      from clusters c where exists (select 1 from current_members cm where cm.cluster_id = c.id)),
    pairs as (
      select x.organisation_id as a, y.organisation_id as b, count(distinct x.project_id)::int as projects
      from project_participants x join project_participants y on y.project_id = x.project_id and
        x.organisation_id < y.organisation_id
      group by x.organisation_id, y.organisation_id)
    select
      (select json_agg(id order by i) from nodes) as ids,
      (select json_agg(name order by i) from nodes) as names,
      (select json_agg(helix order by i) from nodes) as helix,
      (select json_agg(size_class order by i) from nodes) as size_classes,
      (select json_agg(short_name order by i) from cluster_nodes) as cluster_short_names,
      (select string_agg(n.i || ',' || c.i, ',' order by n.i, c.i) from current_members cm
        join nodes n on n.id = cm.organisation_id join cluster_nodes c on c.id = cm.cluster_id) as memberships,
      (select string_agg(na.i || ',' || nb.i || ',' || k.projects, ',') from ${kept} k
        join nodes na on na.id = k.a join nodes nb on nb.id = k.b) as pairs`.execute(db);
  const row = rows[0];
  const ids = row?.ids ?? [];
  const organisations = ids.length;
  const clusterShortNames = row?.cluster_short_names ?? [];
  const labels: string[] = [];
  const helix = coded(row?.helix ?? [], labels);
  const sizeClass = coded(row?.size_classes ?? [], labels);
  // Memberships come sorted by organisation: counts → offsets.
  const memberships = integers(row?.memberships ?? null);
  const clusterStart = new Int32Array(organisations + 1);
  const clusterOf = new Int32Array(memberships.length / 2);
  for (let m = 0; m < clusterOf.length; m++) {
    clusterStart[memberships[2 * m] + 1]++;
    clusterOf[m] = memberships[2 * m + 1];
  }
  for (let o = 0; o < organisations; o++) clusterStart[o + 1] += clusterStart[o];
  const members = { organisations, clusterStart, clusterOf };
  const collaborationPairs = integers(row?.pairs ?? null);
  let links = linksOf(
    organisations,
    collaborationPairs,
    mode === 'member_pairs' ? memberPairsOf(members, clusterShortNames.length) : null,
  );
  if (mode === 'bipartite') {
    // Each membership is a link between its organisation and its cluster's node.
    const n = links.source.length;
    const grow = (values: Int32Array, tail: (m: number) => number) => {
      const grown = new Int32Array(n + clusterOf.length);
      grown.set(values);
      for (let m = 0; m < clusterOf.length; m++) grown[n + m] = tail(m);
      return grown;
    };
    links = {
      source: grow(links.source, (m) => memberships[2 * m]),
      target: grow(links.target, (m) => organisations + clusterOf[m]),
      projects: grow(links.projects, () => 0),
      clusters: grow(links.clusters, () => 1),
    };
  }
  return {
    mode,
    organisations,
    nodes: organisations + (mode === 'bipartite' ? clusterShortNames.length : 0),
    ids,
    names: row?.names ?? [],
    helix,
    sizeClass,
    labels,
    clusterStart,
    clusterOf,
    clusterShortNames,
    ...links,
    collaborationFigures: isCut ? await collaborationFiguresInSql(db, today) : null,
  };
}

/** The figures over all collaborations, counted in SQL (used when the links hold only part of them). */
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

/** Neighbours of node v: neighbour[start[v] … start[v + 1]) (compressed sparse rows). */
export interface Adjacency {
  nodes: number;
  links: number;
  start: Int32Array;
  neighbour: Int32Array;
}

export function adjacencyOf(nodes: number, source: Int32Array, target: Int32Array): Adjacency {
  const start = new Int32Array(nodes + 1);
  for (let e = 0; e < source.length; e++) {
    start[source[e] + 1]++;
    start[target[e] + 1]++;
  }
  for (let v = 0; v < nodes; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodes);
  const neighbour = new Int32Array(2 * source.length);
  for (let e = 0; e < source.length; e++) {
    neighbour[fill[source[e]]++] = target[e];
    neighbour[fill[target[e]]++] = source[e];
  }
  return { nodes, links: source.length, start, neighbour };
}

/** The component of every node (union–find with path halving); component ids are 0 … count − 1. */
export function componentIndex(
  nodes: number,
  source: Int32Array,
  target: Int32Array,
): { component: Int32Array; count: number } {
  const parent = Int32Array.from({ length: nodes }, (_, i) => i);
  const find = (v: number) => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let e = 0; e < source.length; e++) {
    const a = find(source[e]);
    const b = find(target[e]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const component = new Int32Array(nodes).fill(-1);
  let count = 0;
  for (let v = 0; v < nodes; v++) {
    const root = find(v);
    if (component[root] < 0) component[root] = count++;
    component[v] = component[root];
  }
  return { component, count };
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
export function brandes(adjacency: Adjacency): { scores: Float64Array; isApproximate: boolean } {
  const { nodes: n, links, start, neighbour } = adjacency;
  const work = n * Math.max(1, links);
  const isApproximate = work > MAX_EXACT_WORK && n > MIN_PIVOTS;
  // Each pivot is a breadth-first search over the whole graph: the budget bounds their total work.
  const pivotCount = isApproximate
    ? Math.max(MIN_PIVOTS, Math.min(BETWEENNESS_PIVOTS, Math.floor(PIVOT_WORK / Math.max(1, n + links))))
    : n;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let p = 0; p < pivotCount; p++) {
    const s = isApproximate ? Math.floor((p * n) / pivotCount) : p;
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
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = neighbour[k];
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
      for (let k = start[w]; k < start[w + 1]; k++) {
        const v = neighbour[k];
        if (distance[v] === distance[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      centrality[w] += delta[w];
    }
  }
  // Undirected: each pair counted from both ends; normalise by the number of pairs (n−1)(n−2)/2.
  const pairs = ((n - 1) * (n - 2)) / 2;
  const scale = (isApproximate ? n / pivotCount : 1) / 2 / (pairs > 0 ? pairs : 1);
  for (let v = 0; v < n; v++) centrality[v] *= scale;
  return { scores: centrality, isApproximate };
}

/** Nodes of a graphology graph as integers, with their links (tests and benchmarks build graphs so). */
function indexGraph(graph: Graph) {
  const keys = graph.nodes();
  const index = new Map(keys.map((key, i) => [key, i]));
  const source = new Int32Array(graph.size);
  const target = new Int32Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, _attributes, a, b) => {
    source[e] = index.get(a) ?? 0;
    target[e++] = index.get(b) ?? 0;
  });
  return { keys, source, target };
}

/** Betweenness of a graphology graph (see `brandes`), by node key. */
export function betweenness(graph: Graph): { scores: Map<string, number>; isApproximate: boolean } {
  const { keys, source, target } = indexGraph(graph);
  const { scores, isApproximate } = brandes(adjacencyOf(keys.length, source, target));
  return { scores: new Map(keys.map((key, i) => [key, scores[i]])), isApproximate };
}

/** Connected components of a graphology graph, largest first. */
export function componentsOf(graph: Graph): string[][] {
  const { keys, source, target } = indexGraph(graph);
  const { component, count } = componentIndex(keys.length, source, target);
  const groups: string[][] = Array.from({ length: count }, () => []);
  keys.forEach((key, i) => groups[component[i]].push(key));
  return groups.sort((a, b) => b.length - a.length);
}

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

/** A network from a graphology graph of organisations (member-pair mode; tests and benchmarks). */
export function networkFromGraph(graph: Graph<NodeAttributes, EdgeAttributes>): Network {
  const { keys, source, target } = indexGraph(graph);
  const projects = new Int32Array(graph.size);
  const clusters = new Int32Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, attributes) => {
    projects[e] = attributes.projects ?? 0;
    clusters[e++] = attributes.clusters ?? 0;
  });
  const attributes = keys.map((key) => graph.getNodeAttributes(key));
  const clusterShortNames = [...new Set(attributes.flatMap((a) => a.clusters ?? []))].sort();
  const clusterIndex = new Map(clusterShortNames.map((name, i) => [name, i]));
  const clusterStart = new Int32Array(keys.length + 1);
  const clusterOf: number[] = [];
  attributes.forEach((a, i) => {
    clusterOf.push(...(a.clusters ?? []).map((name) => clusterIndex.get(name) ?? 0).sort((x, y) => x - y));
    clusterStart[i + 1] = clusterOf.length;
  });
  const labels: string[] = [];
  return {
    mode: 'member_pairs',
    organisations: keys.length,
    nodes: keys.length,
    ids: keys,
    names: attributes.map((a, i) => a.name ?? keys[i]),
    helix: coded(
      attributes.map((a) => a.helix ?? 'unknown'),
      labels,
    ),
    sizeClass: coded(
      attributes.map((a) => a.sizeClass ?? 'unknown'),
      labels,
    ),
    labels,
    clusterStart,
    clusterOf: Int32Array.from(clusterOf),
    clusterShortNames,
    source,
    target,
    projects,
    clusters,
    collaborationFigures: null,
  };
}
