import { describe, expect, it } from 'vitest';
import {
  HEATMAP_CLUSTERS,
  jaccard,
  MAX_ALL_PAIRS_CLUSTERS,
  MAX_LISTED_PAIRS,
  rankPairs,
} from '../../../src/server/modules/policy/overlap';

/** A seeded portfolio of `n` clusters: members drawn from a pool, two or three themes each of 12. */
function portfolio(n: number) {
  let state = 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const clusters = Array.from({ length: n }, (_, i) => ({
    id: `c${String(i).padStart(4, '0')}`,
    short_name: `C${i}`,
    name: `Cluster ${i}`,
  }));
  const members = clusters.map(() => {
    const set = new Set<string>();
    const size = 5 + Math.floor(random() * 30);
    while (set.size < size) set.add(`o${Math.floor(random() * 2000)}`);
    return set;
  });
  const themeSets = clusters.map(() => {
    const set = new Set<string>();
    const size = 2 + Math.floor(random() * 2);
    while (set.size < size) set.add(`t${Math.floor(random() * 12)}`);
    return set;
  });
  // The counts as the SQL answers them: 1-based positions, b = 0 for a cluster's own members.
  const counts: { a: number; b: number; shared: number }[] = members.map((m, i) => ({
    a: i + 1,
    b: 0,
    shared: m.size,
  }));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const shared = jaccard(members[i], members[j]).shared;
      if (shared > 0) counts.push({ a: i + 1, b: j + 1, shared });
    }
  const themes = clusters.flatMap((c, i) =>
    [...themeSets[i]].map((t) => ({ cluster_id: c.id, id: t, label_nl: `${t} nl`, label_en: `${t} en` })),
  );
  return { clusters, members, themeSets, counts, themes };
}

describe('overlap ranking', () => {
  it('lists the most similar pairs above 200 clusters, as a plain recount of every pair ranks them', () => {
    const n = MAX_ALL_PAIRS_CLUSTERS + 60;
    const p = portfolio(n);
    const result = rankPairs(p.clusters, p.counts, p.themes, [{ a: 'c0000', b: 'c0001', projects: 2 }]);
    const all: { key: string; similarity: number; shared: number }[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const m = jaccard(p.members[i], p.members[j]);
        const t = jaccard(p.themeSets[i], p.themeSets[j]);
        const similarity = Math.round(((m.value + t.value) / 2) * 10_000) / 10_000;
        all.push({ key: `${p.clusters[i].id}|${p.clusters[j].id}`, similarity, shared: m.shared });
      }
    all.sort((x, y) => y.similarity - x.similarity || y.shared - x.shared);
    expect(result.totalPairs).toBe((n * (n - 1)) / 2);
    expect(result.pairs).toHaveLength(MAX_LISTED_PAIRS);
    expect(result.pairs.map((pair) => pair.similarity)).toEqual(
      all.slice(0, MAX_LISTED_PAIRS).map((pair) => pair.similarity),
    );
    expect(result.pairs.map((pair) => pair.sharedMembers)).toEqual(
      all.slice(0, MAX_LISTED_PAIRS).map((pair) => pair.shared),
    );
    const closest = result.closest;
    expect(closest?.similarity).toBe(all[0].similarity);
    // Each pair's figures are its own.
    for (const pair of result.pairs.slice(0, 50)) {
      const i = Number(pair.clusterA.id.slice(1));
      const j = Number(pair.clusterB.id.slice(1));
      expect(pair.sharedMembers).toBe(jaccard(p.members[i], p.members[j]).shared);
      expect(pair.unionMembers).toBe(jaccard(p.members[i], p.members[j]).union);
      expect(pair.sharedThemes.map((t) => t.id).sort()).toEqual(
        [...p.themeSets[i]].filter((t) => p.themeSets[j].has(t)).sort(),
      );
    }
    expect(result.heatmap.clusters).toHaveLength(HEATMAP_CLUSTERS);
    expect(result.heatmap.cells).toHaveLength((HEATMAP_CLUSTERS * (HEATMAP_CLUSTERS - 1)) / 2);
  });

  it('lists every pair of a small portfolio', () => {
    const p = portfolio(12);
    const result = rankPairs(p.clusters, p.counts, p.themes, []);
    expect(result.pairs).toHaveLength(66);
    expect(result.heatmap.clusters).toHaveLength(12);
  });
});
