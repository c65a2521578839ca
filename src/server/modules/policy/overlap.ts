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
}

export function jaccard(a: Set<string>, b: Set<string>): { shared: number; union: number; value: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { shared, union, value: union === 0 ? 0 : shared / union };
}

export async function computeOverlap(db: Kysely<DB>, today: string): Promise<OverlapResult> {
  const clusters = await db
    .selectFrom('clusters')
    .select(['id', 'short_name', 'name'])
    .where('status', '!=', 'ended')
    .orderBy('kind', 'desc')
    .orderBy('short_name')
    .execute();
  const members = await db
    .selectFrom('memberships')
    .select(['cluster_id', 'organisation_id'])
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .execute();
  const themes = await db
    .selectFrom('cluster_themes as ct')
    .innerJoin('themes as t', 't.id', 'ct.theme_id')
    .select(['ct.cluster_id', 't.id', 't.label_nl', 't.label_en'])
    .execute();
  const projectPairs = await sql<{ a: string; b: string; projects: string | number }>`
    select x.cluster_id as a, y.cluster_id as b, count(distinct x.project_id) as projects
    from project_clusters x join project_clusters y on y.project_id = x.project_id and x.cluster_id < y.cluster_id
    group by x.cluster_id, y.cluster_id`.execute(db);
  const memberSets = new Map(clusters.map((c) => [c.id, new Set<string>()]));
  for (const m of members) memberSets.get(m.cluster_id)?.add(m.organisation_id);
  const themeSets = new Map(clusters.map((c) => [c.id, new Set<string>()]));
  const themeLabel = new Map<string, { id: string; labelNl: string; labelEn: string }>();
  for (const t of themes) {
    themeSets.get(t.cluster_id)?.add(t.id);
    themeLabel.set(t.id, { id: t.id, labelNl: t.label_nl, labelEn: t.label_en });
  }
  const sharedProjects = new Map(
    projectPairs.rows.map((r) => [[r.a, r.b].sort().join('|'), Number(r.projects)]),
  );
  const pairs: OverlapPair[] = [];
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const a = clusters[i];
      const b = clusters[j];
      const m = jaccard(memberSets.get(a.id) as Set<string>, memberSets.get(b.id) as Set<string>);
      const themeA = themeSets.get(a.id) as Set<string>;
      const themeB = themeSets.get(b.id) as Set<string>;
      const t = jaccard(themeA, themeB);
      pairs.push({
        clusterA: { id: a.id, shortName: a.short_name },
        clusterB: { id: b.id, shortName: b.short_name },
        sharedMembers: m.shared,
        unionMembers: m.union,
        memberSimilarity: round4(m.value),
        sharedThemes: [...themeA]
          .filter((id) => themeB.has(id))
          .map((id) => themeLabel.get(id) as { id: string; labelNl: string; labelEn: string }),
        unionThemes: t.union,
        themeSimilarity: round4(t.value),
        similarity: round4((m.value + t.value) / 2),
        sharedProjects: sharedProjects.get([a.id, b.id].sort().join('|')) ?? 0,
      });
    }
  }
  pairs.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      y.sharedMembers - x.sharedMembers ||
      x.clusterA.shortName.localeCompare(y.clusterA.shortName),
  );
  return {
    clusters: clusters.map((c) => ({
      id: c.id,
      shortName: c.short_name,
      name: c.name,
      members: memberSets.get(c.id)?.size ?? 0,
      themes: themeSets.get(c.id)?.size ?? 0,
    })),
    pairs,
    closest: pairs[0] ?? null,
  };
}
