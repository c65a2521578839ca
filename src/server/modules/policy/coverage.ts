import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { slicePage, type PageRequest } from '../../http/paging';
import { cachedByRevision } from '../../db/revision-cache';
import { findClustersNotEnded } from '../portfolio/clusters.repository';

/**
 * Coverage matrix: themes (strategic themes, technology domains, transitions) × active clusters.
 *
 * Per cell, four signals, each scaled to 0…1 by dividing by the largest value of any cell:
 *   linked   1 when the cluster declares the theme (cluster_themes), else 0;
 *   members  current members of the cluster that take part in the cluster's projects on the theme;
 *   projects the cluster's projects tagged with the theme (not stopped);
 *   budget   those projects' total budget, split equally over the project's clusters.
 * strength = (linked + members/max + projects/max + budget/max) / 4, between 0 and 1.
 * A theme's coverage is the sum of its cells' strengths; themes are ranked weakest first.
 * Candidate themes: the number of call proposals (submitted or further, not withdrawn) per theme.
 */
export const STRENGTH_WEIGHT = 0.25;

export interface CoverageTheme {
  id: string;
  code: string;
  kind: string;
  labelNl: string;
  labelEn: string;
  isExample: boolean;
}
export interface CoverageCluster {
  id: string;
  shortName: string;
  name: string;
  /** The sum of the cluster's strengths over all themes: how much of the agenda it carries. */
  strength: number;
}
export interface CoverageCell {
  themeId: string;
  clusterId: string;
  linked: boolean;
  members: number;
  projects: number;
  budgetCents: number;
  strength: number;
}
export interface ThemeCoverage extends CoverageTheme {
  coverage: number;
  clustersLinked: number;
  clustersActive: number;
  projects: number;
  proposals: number;
  /** Not declared by any cluster and no project on it. */
  isUncovered: boolean;
  isCandidate: boolean;
  /** The clusters strongest on the theme (at most STRONGEST_PER_THEME, strength > 0). */
  strongest: { id: string; shortName: string; strength: number }[];
}

export const STRONGEST_PER_THEME = 3;

export interface CoverageResult {
  themes: CoverageTheme[];
  /** Every active cluster, the strongest (summed over themes) first. */
  clusters: CoverageCluster[];
  /** Every theme × every active cluster (for the download; the route answers a page of clusters). */
  cells: CoverageCell[];
  ranking: ThemeCoverage[];
  weakest: ThemeCoverage[];
  proposalsAvailable: boolean;
}

/** Coverage counts proposals per theme: it follows the proposals revision besides the portfolio. */
export const COVERAGE_REVISIONS = ['portfolio', 'proposals'] as const;

/** The coverage, computed once per portfolio and proposals revision (and day). */
export function cachedCoverage(db: Kysely<DB>, today: string): Promise<CoverageResult> {
  return cachedByRevision(db, 'coverage', today, () => computeCoverage(db, today), COVERAGE_REVISIONS);
}

async function computeCoverage(db: Kysely<DB>, today: string): Promise<CoverageResult> {
  const themes = await db
    .selectFrom('themes')
    .select(['id', 'code', 'kind', 'label_nl', 'label_en', 'is_example'])
    .where('kind', 'in', ['strategic_theme', 'technology_domain', 'transition'])
    .orderBy('kind')
    .orderBy('code')
    .execute();
  const clusters = await findClustersNotEnded(db);
  const links = await db.selectFrom('cluster_themes').select(['cluster_id', 'theme_id']).execute();
  const projectRows = await sql<{
    cluster_id: string;
    theme_id: string;
    projects: string | number;
    budget: string | null;
  }>`
    with pc as (select project_id, cluster_id, count(*) over (partition by project_id) as n from project_clusters)
    select pc.cluster_id, pt.theme_id, count(distinct p.id) as projects, sum(p.total_budget_cents::numeric /
      pc.n) as budget
    from pc
    join projects p on p.id = pc.project_id and p.status <> 'stopped'
    join project_themes pt on pt.project_id = p.id
    group by pc.cluster_id, pt.theme_id`.execute(db);
  const memberRows = await sql<{ cluster_id: string; theme_id: string; members: string | number }>`
    select pc.cluster_id, pt.theme_id, count(distinct pp.organisation_id) as members
    from project_clusters pc
    join projects p on p.id = pc.project_id and p.status <> 'stopped'
    join project_themes pt on pt.project_id = pc.project_id
    join project_participants pp on pp.project_id = pc.project_id
    join memberships m on m.organisation_id = pp.organisation_id and m.cluster_id = pc.cluster_id
      and m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date)
    group by pc.cluster_id, pt.theme_id`.execute(db);
  const proposals = await proposalsPerTheme(db);

  const key = (clusterId: string, themeId: string) => `${clusterId}|${themeId}`;
  const linked = new Set(links.map((l) => key(l.cluster_id, l.theme_id)));
  const projectByCell = new Map(
    projectRows.rows.map((r) => [
      key(r.cluster_id, r.theme_id),
      { projects: Number(r.projects), budget: Math.round(Number(r.budget ?? 0)) },
    ]),
  );
  const membersByCell = new Map(
    memberRows.rows.map((r) => [key(r.cluster_id, r.theme_id), Number(r.members)]),
  );
  const raw = themes.flatMap((t) =>
    clusters.map((c) => {
      const k = key(c.id, t.id);
      return {
        themeId: t.id,
        clusterId: c.id,
        linked: linked.has(k),
        members: membersByCell.get(k) ?? 0,
        projects: projectByCell.get(k)?.projects ?? 0,
        budgetCents: projectByCell.get(k)?.budget ?? 0,
      };
    }),
  );
  const maxOf = (pick: (c: (typeof raw)[number]) => number) => Math.max(0, ...raw.map(pick));
  const maxMembers = maxOf((c) => c.members);
  const maxProjects = maxOf((c) => c.projects);
  const maxBudget = maxOf((c) => c.budgetCents);
  const share = (value: number, max: number) => (max > 0 ? value / max : 0);
  const cells: CoverageCell[] = raw.map((c) => ({
    ...c,
    strength: round4(
      STRENGTH_WEIGHT *
        ((c.linked ? 1 : 0) +
          share(c.members, maxMembers) +
          share(c.projects, maxProjects) +
          share(c.budgetCents, maxBudget)),
    ),
  }));

  const projectsPerTheme = await sql<{ theme_id: string; projects: string | number }>`
    select pt.theme_id, count(distinct p.id) as projects from project_themes pt join projects p on p.id =
      pt.project_id and p.status <> 'stopped' group by pt.theme_id`.execute(db);
  const projectCount = new Map(projectsPerTheme.rows.map((r) => [r.theme_id, Number(r.projects)]));
  const presented = themes.map((t) => ({
    id: t.id,
    code: t.code,
    kind: t.kind,
    labelNl: t.label_nl,
    labelEn: t.label_en,
    isExample: t.is_example,
  }));
  const cellsOfTheme = new Map<string, CoverageCell[]>(themes.map((t) => [t.id, []]));
  for (const cell of cells) cellsOfTheme.get(cell.themeId)?.push(cell);
  const clusterStrength = new Map<string, number>();
  for (const cell of cells)
    clusterStrength.set(cell.clusterId, (clusterStrength.get(cell.clusterId) ?? 0) + cell.strength);
  const presentedClusters = clusters
    .map((c) => ({
      id: c.id,
      shortName: c.short_name,
      name: c.name,
      strength: round4(clusterStrength.get(c.id) ?? 0),
    }))
    .sort((a, b) => b.strength - a.strength);
  const shortName = new Map(clusters.map((c) => [c.id, c.short_name]));
  const ranking: ThemeCoverage[] = presented
    .map((t) => {
      const own = cellsOfTheme.get(t.id) ?? [];
      const coverage = round4(own.reduce((sum, c) => sum + c.strength, 0));
      const projects = projectCount.get(t.id) ?? 0;
      const clustersLinked = own.filter((c) => c.linked).length;
      const proposalCount = proposals.counts.get(t.id) ?? 0;
      return {
        ...t,
        coverage,
        clustersLinked,
        clustersActive: own.filter((c) => c.strength > 0).length,
        projects,
        proposals: proposalCount,
        isUncovered: clustersLinked === 0 && projects === 0,
        isCandidate: proposalCount > 0,
        strongest: own
          .filter((c) => c.strength > 0)
          .sort((a, b) => b.strength - a.strength)
          .slice(0, STRONGEST_PER_THEME)
          .map((c) => ({
            id: c.clusterId,
            shortName: shortName.get(c.clusterId) ?? '',
            strength: c.strength,
          })),
      };
    })
    .sort((a, b) => a.coverage - b.coverage || b.proposals - a.proposals || a.code.localeCompare(b.code));
  return {
    themes: presented,
    clusters: presentedClusters,
    cells,
    ranking,
    weakest: ranking.slice(0, 5),
    proposalsAvailable: proposals.available,
  };
}

/**
 * What the gaps page reads: the ranking of every theme (tens) whole, and the heatmap for one page
 * of cluster columns — the clusters carrying most of the agenda first — with only the cells that
 * carry something (strength > 0; an absent cell is 0).
 */
export function presentCoveragePage(result: CoverageResult, p: PageRequest) {
  const columns = slicePage(result.clusters, p);
  const shown = new Set(columns.rows.map((c) => c.id));
  return {
    themes: result.themes,
    ranking: result.ranking,
    weakest: result.weakest,
    proposalsAvailable: result.proposalsAvailable,
    clusters: columns.rows,
    cells: result.cells.filter((c) => c.strength > 0 && shown.has(c.clusterId)),
    page: { page: p.page, pageSize: p.pageSize, total: columns.total },
  };
}

/** Proposals per theme from the calls module's tables (absent tables: none). */
async function proposalsPerTheme(
  db: Kysely<DB>,
): Promise<{ available: boolean; counts: Map<string, number> }> {
  const exists = await sql<{
    present: boolean;
  }>`select to_regclass('proposal_themes') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return { available: false, counts: new Map() };
  const rows = await sql<{ theme_id: string; proposals: string | number }>`
    select pt.theme_id, count(distinct p.id) as proposals
    from proposal_themes pt join proposals p on p.id = pt.proposal_id
    where p.status not in ('draft', 'withdrawn')
    group by pt.theme_id`.execute(db);
  return { available: true, counts: new Map(rows.rows.map((r) => [r.theme_id, Number(r.proposals)])) };
}

export const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
