import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { slicePage, type PageRequest } from '../../http/paging';
import { cachedByRevision } from '../../db/revision-cache';
import { findClustersNotEnded } from '../portfolio/clusters.repository';
import { round4 } from './coverage';

/**
 * Overlap between clusters. For each pair: the Jaccard similarity of their current member sets
 * (|A ∩ B| / |A ∪ B|) and of their declared theme sets, combined as the plain mean
 * similarity = (J_members + J_themes) / 2. High values point at duplication or at natural
 * partners for inter-cluster projects. The closest pair is the one with the highest combined
 * similarity (ties: more shared members first).
 */
export interface OverlapPair {
  clusterA: { id: string; shortName: string };
  clusterB: { id: string; shortName: string };
  sharedMembers: number;
  unionMembers: number;
  memberSimilarity: number;
  sharedThemes: { id: string; labelNl: string; labelEn: string }[];
  unionThemes: number;
  themeSimilarity: number;
  similarity: number;
  sharedProjects: number;
}

export interface OverlapCluster {
  id: string;
  shortName: string;
  name: string;
  members: number;
  themes: number;
}

export interface OverlapResult {
  /** The ranked pairs: every pair up to MAX_ALL_PAIRS_CLUSTERS clusters, else the MAX_LISTED_PAIRS most similar. */
  pairs: OverlapPair[];
  closest: OverlapPair | null;
  /** Pairs of clusters in all. */
  totalPairs: number;
  /** The heatmap: the clusters of the most similar pairs (at most HEATMAP_CLUSTERS) and every pair among them. */
  heatmap: { clusters: OverlapCluster[]; cells: { a: string; b: string; similarity: number }[] };
}

export function jaccard(a: Set<string>, b: Set<string>): { shared: number; union: number; value: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { shared, union, value: union === 0 ? 0 : shared / union };
}

/** Up to this many clusters every pair is listed; above it only the most similar MAX_LISTED_PAIRS. */
export const MAX_ALL_PAIRS_CLUSTERS = 200;
export const MAX_LISTED_PAIRS = 5000;
export const HEATMAP_CLUSTERS = 30;

const SCORE_STEPS = 10_000;

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Counts in SQL, in one pass over the current memberships: each organisation's clusters (as
 * positions in the cluster list), then per pair of clusters the organisations they share and per
 * cluster its members. Theme sets are bit sets in memory; every pair's similarity is a few word
 * operations, and only the listed pairs (bounded) become objects. Pairs are ranked by similarity
 * rounded to 4 decimals with a counting pass (no sort of all pairs), then by shared members.
 */
/** The overlap, computed once per portfolio revision (and day). */
export function cachedOverlap(db: Kysely<DB>, today: string): Promise<OverlapResult> {
  return cachedByRevision(db, 'overlap', today, () => computeOverlap(db, today));
}

async function computeOverlap(db: Kysely<DB>, today: string): Promise<OverlapResult> {
  return db.transaction().execute(async (trx) => {
    // The pair count is one large aggregate: JIT compilation costs more than it saves, and the
    // default work_mem sends its hash tables to disk.
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(trx);
    const clusters = await findClustersNotEnded(trx);
    const ids = clusters.map((c) => c.id);
    // Positions are 1-based in SQL (ordinality); b = 0 carries the members of cluster a.
    const counts = await sql<{ a: number; b: number; shared: number }>`
      with cl as (select id, i::int as i from unnest(cast(${ids} as uuid[])) with ordinality as u(id, i)),
      per_org as materialized (
        select array_agg(distinct cl.i) as cs from memberships m join cl on cl.id = m.cluster_id
        where m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date)
        group by m.organisation_id)
      select x.a, y.b, count(*)::int as shared
      from per_org, unnest(per_org.cs) as x(a), unnest(per_org.cs) as y(b) where x.a < y.b group by x.a, y.b
      union all
      select x.a, 0, count(*)::int from per_org, unnest(per_org.cs) as x(a) group by x.a`.execute(trx);
    const themes = await trx
      .selectFrom('cluster_themes as ct')
      .innerJoin('themes as t', 't.id', 'ct.theme_id')
      .select(['ct.cluster_id', 't.id', 't.label_nl', 't.label_en'])
      .execute();
    const projectPairs = await sql<{ a: string; b: string; projects: string | number }>`
      select x.cluster_id as a, y.cluster_id as b, count(distinct x.project_id) as projects
      from project_clusters x join project_clusters y on y.project_id = x.project_id and x.cluster_id < y.cluster_id
      group by x.cluster_id, y.cluster_id`.execute(trx);
    return rankPairs(clusters, counts.rows, themes, projectPairs.rows);
  });
}

/** Ranks the pairs from the counts (exported for a test above MAX_ALL_PAIRS_CLUSTERS clusters). */
export function rankPairs(
  clusters: { id: string; short_name: string; name: string }[],
  counts: { a: number; b: number; shared: number }[],
  themes: { cluster_id: string; id: string; label_nl: string; label_en: string }[],
  projectPairs: { a: string; b: string; projects: string | number }[],
): OverlapResult {
  const n = clusters.length;
  const position = new Map(clusters.map((c, i) => [c.id, i]));
  // Shared members per pair as rows of a sparse matrix (CSR): for cluster i, the clusters j > i it
  // shares members with, ascending, and how many. Built with a counting pass, no Map of pairs.
  const members = new Int32Array(n);
  const rowStart = new Int32Array(n + 1);
  for (const row of counts) {
    if (row.b === 0) members[row.a - 1] = row.shared;
    else rowStart[row.a]++;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  // Column and count in one number (column · 2³² + count), so each row sorts as numbers.
  const entries = new Float64Array(rowStart[n]);
  const fill = rowStart.slice(0, n);
  for (const row of counts) if (row.b !== 0) entries[fill[row.a - 1]++] = (row.b - 1) * 2 ** 32 + row.shared;
  for (let i = 0; i < n; i++) entries.subarray(rowStart[i], rowStart[i + 1]).sort();
  const columnAt = (k: number) => Math.floor(entries[k] / 2 ** 32);
  const countAt = (k: number) => entries[k] % 2 ** 32;
  const sharedOf = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    let low = rowStart[i];
    let high = rowStart[i + 1] - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const column = columnAt(middle);
      if (column === j) return countAt(middle);
      if (column < j) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  };

  // Theme sets as bit sets: one word per 32 themes.
  const themeIndex = new Map<string, number>();
  const themeLabels: { id: string; labelNl: string; labelEn: string }[] = [];
  for (const t of themes)
    if (!themeIndex.has(t.id)) {
      themeIndex.set(t.id, themeLabels.length);
      themeLabels.push({ id: t.id, labelNl: t.label_nl, labelEn: t.label_en });
    }
  const words = Math.max(1, Math.ceil(themeLabels.length / 32));
  const bits = new Uint32Array(n * words);
  for (const t of themes) {
    const i = position.get(t.cluster_id);
    const k = themeIndex.get(t.id) as number;
    if (i !== undefined) bits[i * words + (k >>> 5)] |= 1 << (k & 31);
  }
  const themeCount = new Int32Array(n);
  for (let i = 0; i < n; i++) for (let w = 0; w < words; w++) themeCount[i] += popcount(bits[i * words + w]);
  const sharedThemesOf = (i: number, j: number) => {
    let count = 0;
    for (let w = 0; w < words; w++) count += popcount(bits[i * words + w] & bits[j * words + w]);
    return count;
  };
  /** Similarity in steps of 1/SCORE_STEPS (the rounding the answer shows), and its parts. */
  const measure = (i: number, j: number) => {
    const sharedMembers = sharedOf(i, j);
    const unionMembers = members[i] + members[j] - sharedMembers;
    const memberValue = unionMembers === 0 ? 0 : sharedMembers / unionMembers;
    const sharedThemes = sharedThemesOf(i, j);
    const unionThemes = themeCount[i] + themeCount[j] - sharedThemes;
    const themeValue = unionThemes === 0 ? 0 : sharedThemes / unionThemes;
    return { sharedMembers, unionMembers, memberValue, unionThemes, themeValue };
  };
  const scoreOf = (i: number, j: number) => {
    const m = measure(i, j);
    return Math.round(((m.memberValue + m.themeValue) / 2) * SCORE_STEPS);
  };

  /** Visits every pair i < j with its score and shared members, walking each CSR row once. */
  const eachPair = (visit: (i: number, j: number, score: number, sharedMembers: number) => void) => {
    for (let i = 0; i < n; i++) {
      let k = rowStart[i];
      const end = rowStart[i + 1];
      for (let j = i + 1; j < n; j++) {
        while (k < end && columnAt(k) < j) k++;
        const sharedMembers = k < end && columnAt(k) === j ? countAt(k) : 0;
        const unionMembers = members[i] + members[j] - sharedMembers;
        let sharedThemes = 0;
        for (let w = 0; w < words; w++) sharedThemes += popcount(bits[i * words + w] & bits[j * words + w]);
        const unionThemes = themeCount[i] + themeCount[j] - sharedThemes;
        const memberValue = unionMembers === 0 ? 0 : sharedMembers / unionMembers;
        const themeValue = unionThemes === 0 ? 0 : sharedThemes / unionThemes;
        visit(i, j, Math.round(((memberValue + themeValue) / 2) * SCORE_STEPS), sharedMembers);
      }
    }
  };

  // Which pairs are listed: all of them for a small portfolio; else the MAX_LISTED_PAIRS best,
  // found with a histogram of the scores (two passes over the pairs, no sort of all of them).
  const listAll = n <= MAX_ALL_PAIRS_CLUSTERS;
  let threshold = 0;
  if (!listAll) {
    const histogram = new Float64Array(SCORE_STEPS + 1);
    eachPair((_i, _j, score) => histogram[score]++);
    let seen = 0;
    threshold = SCORE_STEPS;
    while (threshold > 1 && seen + histogram[threshold] < MAX_LISTED_PAIRS) seen += histogram[threshold--];
  }
  const chosen: { i: number; j: number; score: number; sharedMembers: number }[] = [];
  eachPair((i, j, score, sharedMembers) => {
    if (listAll || score >= threshold) chosen.push({ i, j, score, sharedMembers });
  });
  chosen.sort(
    (x, y) =>
      y.score - x.score ||
      y.sharedMembers - x.sharedMembers ||
      clusters[x.i].short_name.localeCompare(clusters[y.i].short_name),
  );

  const sharedProjects = new Map(projectPairs.map((r) => [`${r.a}|${r.b}`, Number(r.projects)]));
  const pairOf = (i: number, j: number): OverlapPair => {
    const a = clusters[i];
    const b = clusters[j];
    const m = measure(i, j);
    const sharedThemes = themeLabels.filter((_, k) => {
      const word = k >>> 5;
      const bit = 1 << (k & 31);
      return (bits[i * words + word] & bit) !== 0 && (bits[j * words + word] & bit) !== 0;
    });
    return {
      clusterA: { id: a.id, shortName: a.short_name },
      clusterB: { id: b.id, shortName: b.short_name },
      sharedMembers: m.sharedMembers,
      unionMembers: m.unionMembers,
      memberSimilarity: round4(m.memberValue),
      sharedThemes,
      unionThemes: m.unionThemes,
      themeSimilarity: round4(m.themeValue),
      similarity: round4((m.memberValue + m.themeValue) / 2),
      sharedProjects: sharedProjects.get(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`) ?? 0,
    };
  };
  const pairs = chosen.slice(0, listAll ? chosen.length : MAX_LISTED_PAIRS).map((p) => pairOf(p.i, p.j));

  // The heatmap: the clusters of the most similar pairs, in the list's order of clusters.
  const drawn = new Set<number>();
  for (const p of chosen) {
    if (drawn.size >= HEATMAP_CLUSTERS) break;
    for (const k of [p.i, p.j]) if (drawn.size < HEATMAP_CLUSTERS) drawn.add(k);
  }
  const shown = [...drawn].sort((x, y) => x - y);
  const cells = shown.flatMap((i, x) =>
    shown
      .slice(x + 1)
      .map((j) => ({ a: clusters[i].id, b: clusters[j].id, similarity: scoreOf(i, j) / SCORE_STEPS })),
  );
  return {
    pairs,
    closest: pairs[0] ?? null,
    totalPairs: (n * (n - 1)) / 2,
    heatmap: {
      clusters: shown.map((i) => ({
        id: clusters[i].id,
        shortName: clusters[i].short_name,
        name: clusters[i].name,
        members: members[i],
        themes: themeCount[i],
      })),
      cells,
    },
  };
}

/**
 * What the overlap page reads: the closest pair, one page of the ranked pairs (`page.total` is
 * how many are listed, `totalPairs` how many pairs there are) and the heatmap's bounded set of
 * clusters with the similarity of every pair among them.
 */
export function presentOverlapPage(result: OverlapResult, p: PageRequest) {
  const pairs = slicePage(result.pairs, p);
  return {
    clusters: result.heatmap.clusters,
    cells: result.heatmap.cells,
    pairs: pairs.rows,
    closest: result.closest,
    totalPairs: result.totalPairs,
    page: { page: p.page, pageSize: p.pageSize, total: pairs.total },
  };
}
