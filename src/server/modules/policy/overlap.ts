import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
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

export interface OverlapResult {
  clusters: { id: string; shortName: string; name: string; members: number; themes: number }[];
  pairs: OverlapPair[];
  closest: OverlapPair | null;
  /** Pairs of clusters in all; `pairs` lists every one up to MAX_ALL_PAIRS_CLUSTERS clusters, else the most similar. */
  totalPairs: number;
}

export function jaccard(a: Set<string>, b: Set<string>): { shared: number; union: number; value: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { shared, union, value: union === 0 ? 0 : shared / union };
}

/** Up to this many clusters every pair is listed; above it only the most similar MAX_LISTED_PAIRS. */
export const MAX_ALL_PAIRS_CLUSTERS = 200;
export const MAX_LISTED_PAIRS = 500;

/**
 * Counts in SQL: each cluster's current members, the members each pair of clusters shares
 * (only pairs sharing someone; a self-join through each organisation's few memberships) and
 * the projects they share; Jaccard values from those counts (|A ∪ B| = |A| + |B| − |A ∩ B|).
 */
export async function computeOverlap(db: Kysely<DB>, today: string): Promise<OverlapResult> {
  const clusters = await db
    .selectFrom('clusters')
    .select(['id', 'short_name', 'name'])
    .where('status', '!=', 'ended')
    .orderBy('kind', 'desc')
    .orderBy('short_name')
    .execute();
  const current = sql`(select distinct m.cluster_id, m.organisation_id from memberships m
    join clusters c on c.id = m.cluster_id and c.status <> 'ended'
    where m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date))`;
  const [memberCounts, sharedMembers, themes, projectPairs] = await Promise.all([
    sql<{ cluster_id: string; members: number }>`
      select cm.cluster_id, count(*)::int as members from ${current} cm group by cm.cluster_id`.execute(db),
    sql<{ a: string; b: string; shared: number }>`
      select x.cluster_id as a, y.cluster_id as b, count(*)::int as shared
      from ${current} x join ${current} y on y.organisation_id = x.organisation_id and x.cluster_id < y.cluster_id
      group by x.cluster_id, y.cluster_id`.execute(db),
    db
      .selectFrom('cluster_themes as ct')
      .innerJoin('themes as t', 't.id', 'ct.theme_id')
      .select(['ct.cluster_id', 't.id', 't.label_nl', 't.label_en'])
      .execute(),
    sql<{ a: string; b: string; projects: string | number }>`
      select x.cluster_id as a, y.cluster_id as b, count(distinct x.project_id) as projects
      from project_clusters x join project_clusters y on y.project_id = x.project_id and x.cluster_id < y.cluster_id
      group by x.cluster_id, y.cluster_id`.execute(db),
  ]);
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const members = new Map(memberCounts.rows.map((r) => [r.cluster_id, r.members]));
  const shared = new Map(sharedMembers.rows.map((r) => [pairKey(r.a, r.b), r.shared]));
  const themeSets = new Map(clusters.map((c) => [c.id, new Set<string>()]));
  const themeLabel = new Map<string, { id: string; labelNl: string; labelEn: string }>();
  for (const t of themes) {
    themeSets.get(t.cluster_id)?.add(t.id);
    themeLabel.set(t.id, { id: t.id, labelNl: t.label_nl, labelEn: t.label_en });
  }
  const sharedProjects = new Map(projectPairs.rows.map((r) => [pairKey(r.a, r.b), Number(r.projects)]));
  const listAll = clusters.length <= MAX_ALL_PAIRS_CLUSTERS;
  const pairs: OverlapPair[] = [];
  const pairOf = (a: (typeof clusters)[number], b: (typeof clusters)[number]): OverlapPair => {
    const sharedCount = shared.get(pairKey(a.id, b.id)) ?? 0;
    const union = (members.get(a.id) ?? 0) + (members.get(b.id) ?? 0) - sharedCount;
    const memberValue = union === 0 ? 0 : sharedCount / union;
    const themeA = themeSets.get(a.id) as Set<string>;
    const themeB = themeSets.get(b.id) as Set<string>;
    const t = jaccard(themeA, themeB);
    return {
      clusterA: { id: a.id, shortName: a.short_name },
      clusterB: { id: b.id, shortName: b.short_name },
      sharedMembers: sharedCount,
      unionMembers: union,
      memberSimilarity: round4(memberValue),
      sharedThemes: [...themeA]
        .filter((id) => themeB.has(id))
        .map((id) => themeLabel.get(id) as { id: string; labelNl: string; labelEn: string }),
      unionThemes: t.union,
      themeSimilarity: round4(t.value),
      similarity: round4((memberValue + t.value) / 2),
      sharedProjects: sharedProjects.get(pairKey(a.id, b.id)) ?? 0,
    };
  };
  if (listAll) {
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) pairs.push(pairOf(clusters[i], clusters[j]));
  } else {
    // Many clusters: only pairs that share members or themes can be similar at all.
    const byId = new Map(clusters.map((c) => [c.id, c]));
    const position = new Map(clusters.map((c, i) => [c.id, i]));
    const candidates = new Set(shared.keys());
    const clustersOfTheme = new Map<string, string[]>();
    for (const t of themes)
      if (byId.has(t.cluster_id))
        clustersOfTheme.set(t.id, [...(clustersOfTheme.get(t.id) ?? []), t.cluster_id]);
    for (const list of clustersOfTheme.values())
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) candidates.add(pairKey(list[i], list[j]));
    for (const key of candidates) {
      const [x, y] = key.split('|');
      const a = byId.get(x);
      const b = byId.get(y);
      if (!a || !b) continue;
      const first = (position.get(a.id) ?? 0) < (position.get(b.id) ?? 0);
      pairs.push(first ? pairOf(a, b) : pairOf(b, a));
    }
  }
  pairs.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      y.sharedMembers - x.sharedMembers ||
      x.clusterA.shortName.localeCompare(y.clusterA.shortName),
  );
  const listed = listAll ? pairs : pairs.slice(0, MAX_LISTED_PAIRS);
  return {
    clusters: clusters.map((c) => ({
      id: c.id,
      shortName: c.short_name,
      name: c.name,
      members: members.get(c.id) ?? 0,
      themes: themeSets.get(c.id)?.size ?? 0,
    })),
    pairs: listed,
    closest: listed[0] ?? null,
    totalPairs: (clusters.length * (clusters.length - 1)) / 2,
  };
}
