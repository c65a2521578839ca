import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { firstParticipationOn } from './first-participation.sql';
import { cachedByRevision } from '../../db/revision-cache';
import type { DB } from '../../db/types';
import type { ClusterKind, ClusterStatus, Helix } from '../../db/core.tables';
import type { SizeClass, ThemeKind } from '../../db/shared.tables';
import type { ClusterSort } from './clusters.schema';

export interface ClusterRow {
  id: string;
  name: string;
  short_name: string;
  kind: ClusterKind;
  status: ClusterStatus;
  economic_mission: string;
  legal_entity_id: string | null;
  legal_entity_name: string | null;
  officer_user_id: string | null;
  officer_name: string | null;
  mandate_start: string | null;
  mandate_end: string | null;
  is_example: boolean;
  updated_at: Date;
}

export interface ClusterFilters {
  /** One cluster (the open-data view of a single cluster). */
  id?: string;
  /** Part of the name or short name, accents and case aside. */
  q?: string;
  kind?: ClusterKind;
  status?: ClusterStatus;
  themeId?: string;
  transitionId?: string;
}

/** The lifecycle's order of a status (candidate, active, ended), for sorting by status. */
const STATUS_POSITION = sql`array_position(array['candidate', 'active', 'ended'], c.status)`;

function clustersQuery(db: Kysely<DB>) {
  return db
    .selectFrom('clusters as c')
    .leftJoin('organisations as le', 'le.id', 'c.legal_entity_id')
    .leftJoin('users as off', 'off.id', 'c.officer_user_id')
    .select([
      'c.id',
      'c.name',
      'c.short_name',
      'c.kind',
      'c.status',
      'c.economic_mission',
      'c.legal_entity_id',
      'le.name as legal_entity_name',
      'c.officer_user_id',
      'off.name as officer_name',
      'c.mandate_start',
      'c.mandate_end',
      'c.is_example',
      'c.updated_at',
    ]);
}

function clusterMatches(eb: ExpressionBuilder<DB & { c: DB['clusters'] }, 'c'>, filters: ClusterFilters) {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.id) conditions.push(eb('c.id', '=', filters.id));
  if (filters.q) {
    // A few thousand clusters at most (all of Europe's): the folded match needs no index.
    const like = sql`sp_fold(${`%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`})`;
    conditions.push(
      eb.or([eb(sql`sp_fold(c.name)`, 'like', like), eb(sql`sp_fold(c.short_name)`, 'like', like)]),
    );
  }
  if (filters.kind) conditions.push(eb('c.kind', '=', filters.kind));
  if (filters.status) conditions.push(eb('c.status', '=', filters.status));
  for (const themeId of [filters.themeId, filters.transitionId]) {
    if (themeId)
      conditions.push(
        eb.exists(
          eb
            .selectFrom('cluster_themes as ct')
            .select('ct.theme_id')
            .whereRef('ct.cluster_id', '=', 'c.id')
            .where('ct.theme_id', '=', themeId),
        ),
      );
  }
  return eb.and(conditions);
}

/** Each order of the list as SQL terms, ending on a unique key (a few thousand clusters: no index). */
const CLUSTER_ORDERS: Record<ClusterSort, RawBuilder<unknown>[]> = {
  name: [sql`c.name`, sql`c.id`],
  '-name': [sql`c.name desc`, sql`c.id desc`],
  kind: [sql`c.kind desc`, sql`c.name`, sql`c.id`],
  '-kind': [sql`c.kind`, sql`c.name`, sql`c.id`],
  status: [STATUS_POSITION, sql`c.name`, sql`c.id`],
  '-status': [sql`${STATUS_POSITION} desc`, sql`c.name`, sql`c.id`],
};

/**
 * Clusters in the order `sort` (default: spearheads first, then by name); one page when `paging`
 * is given, or the `limit` clusters after the cluster `after` in the default order (keyset, for
 * downloads read in batches; they take no `sort`).
 */
export function findClusters(
  db: Kysely<DB>,
  filters: ClusterFilters & { sort?: ClusterSort },
  paging?: { offset: number; limit: number } | { after: ClusterRow | null; limit: number },
): Promise<ClusterRow[]> {
  let query = clustersQuery(db)
    .where((eb) => clusterMatches(eb, filters))
    .orderBy(sql.join(CLUSTER_ORDERS[filters.sort ?? 'kind']));
  if (!paging) return query.execute();
  if ('offset' in paging) return query.limit(paging.limit).offset(paging.offset).execute();
  if (filters.sort && filters.sort !== 'kind')
    throw new Error('Clusters are read by keyset in the default order only.');
  const after = paging.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('c.kind', '<', after.kind),
        eb.and([
          eb('c.kind', '=', after.kind),
          eb(eb.refTuple('c.name', 'c.id'), '>', eb.tuple(after.name, after.id)),
        ]),
      ]),
    );
  return query.limit(paging.limit).execute();
}

export async function countClusters(db: Kysely<DB>, filters: ClusterFilters): Promise<number> {
  const row = await db
    .selectFrom('clusters as c')
    .select(sql<string>`count(*)`.as('n'))
    .where((eb) => clusterMatches(eb, filters))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Clusters that have not ended (the policy analyses' columns): spearheads first, then by short name. */
export function findClustersNotEnded(db: Kysely<DB>) {
  return db
    .selectFrom('clusters')
    .select(['id', 'short_name', 'name'])
    .where('status', '!=', 'ended')
    .orderBy('kind', 'desc')
    .orderBy('short_name')
    .execute();
}

/** Clusters of each kind (all of them: the open data's totals). */
export function countClustersByKind(db: Kysely<DB>): Promise<{ kind: ClusterKind; clusters: number }[]> {
  return db
    .selectFrom('clusters')
    .select(['kind', sql<number>`count(*)::int`.as('clusters')])
    .groupBy('kind')
    .execute();
}

export function findClusterById(db: Kysely<DB>, id: string): Promise<ClusterRow | undefined> {
  return clustersQuery(db).where('c.id', '=', id).executeTakeFirst();
}

/**
 * One cluster with its themes, goals, history and managers, in one statement (the detail page
 * read them in five).
 */
export function findClusterDetail(db: Kysely<DB>, id: string) {
  return clustersQuery(db)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('cluster_themes as ct')
          .innerJoin('themes as t', 't.id', 'ct.theme_id')
          .select(['ct.cluster_id', 't.id', 't.kind', 't.code', 't.label_nl', 't.label_en', 't.is_example'])
          .whereRef('ct.cluster_id', '=', 'c.id')
          .orderBy('t.kind')
          .orderBy('t.code'),
      ).as('themes'),
      jsonArrayFrom(
        eb
          .selectFrom('cluster_goals as g')
          .select(['g.id', 'g.position', 'g.title', 'g.description', 'g.target_year'])
          .whereRef('g.cluster_id', '=', 'c.id')
          .orderBy('g.position'),
      ).as('goals'),
      jsonArrayFrom(
        eb
          .selectFrom('cluster_events as e')
          .leftJoin('users as u', 'u.id', 'e.recorded_by')
          .select([
            'e.id',
            'e.event',
            'e.from_status',
            'e.to_status',
            'e.from_kind',
            'e.to_kind',
            'e.effective_on',
            'e.motivation',
            'e.recorded_at',
            'u.name as recorded_by_name',
          ])
          .whereRef('e.cluster_id', '=', 'c.id')
          .orderBy('e.recorded_at')
          .orderBy('e.effective_on'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('user_clusters as uc')
          .innerJoin('users as u', 'u.id', 'uc.user_id')
          .select(['u.id', 'u.name'])
          .whereRef('uc.cluster_id', '=', 'c.id')
          .where('u.role', '=', 'manager')
          .orderBy('u.name'),
      ).as('managers'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export interface ClusterThemeRow {
  cluster_id: string;
  id: string;
  kind: ThemeKind;
  code: string;
  label_nl: string;
  label_en: string;
  is_example: boolean;
}

export function findThemesOfClusters(db: Kysely<DB>, clusterIds: string[]): Promise<ClusterThemeRow[]> {
  if (clusterIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cluster_themes as ct')
    .innerJoin('themes as t', 't.id', 'ct.theme_id')
    .select(['ct.cluster_id', 't.id', 't.kind', 't.code', 't.label_nl', 't.label_en', 't.is_example'])
    .where('ct.cluster_id', 'in', clusterIds)
    .orderBy('t.kind')
    .orderBy('t.code')
    .execute();
}

export interface MemberStatsRow {
  cluster_id: string;
  helix: Helix;
  size_class: SizeClass;
  members: number;
}

/**
 * Current members (on `today`) of each cluster, counted by helix category and size class. For
 * the clusters asked for (a page, a detail) it counts their memberships alone, through the
 * memberships' cluster index: tens of milliseconds for a page of Europe's largest clusters,
 * where the aggregate over all clusters takes a second or more after each change of the
 * portfolio. The whole portfolio (open data) is aggregated once and cached until memberships or
 * organisations change (db/revision-cache.ts).
 */
export async function findMemberStats(
  db: Kysely<DB>,
  today: string,
  clusterIds?: string[],
): Promise<MemberStatsRow[]> {
  const aggregate = (clusters: RawBuilder<unknown>) =>
    sql<MemberStatsRow>`
      select cm.cluster_id, o.helix, o.size_class, count(*)::int as members
      from (select distinct m.cluster_id, m.organisation_id
            from memberships m
            where ${clusters} and m.valid_from <= ${today}::date
              and (m.valid_to is null or m.valid_to >= ${today}::date)) cm
      join organisations o on o.id = cm.organisation_id
      group by cm.cluster_id, o.helix, o.size_class`.execute(db);
  if (clusterIds) {
    if (clusterIds.length === 0) return [];
    return (await aggregate(sql`m.cluster_id = any(${clusterIds}::uuid[])`)).rows;
  }
  return cachedByRevision(db, 'member-stats', today, async () => (await aggregate(sql`true`)).rows);
}

export function findClusterGoals(db: Kysely<DB>, clusterId: string) {
  return db
    .selectFrom('cluster_goals')
    .select(['id', 'position', 'title', 'description', 'target_year'])
    .where('cluster_id', '=', clusterId)
    .orderBy('position')
    .execute();
}

export function findClusterManagers(db: Kysely<DB>, clusterId: string) {
  return db
    .selectFrom('user_clusters as uc')
    .innerJoin('users as u', 'u.id', 'uc.user_id')
    .select(['u.id', 'u.name'])
    .where('uc.cluster_id', '=', clusterId)
    .where('u.role', '=', 'manager')
    .orderBy('u.name')
    .execute();
}

export interface MemberRow {
  id: string;
  organisation_id: string;
  name: string;
  enterprise_number: string | null;
  country: string;
  foreign_identifier: string | null;
  helix: Helix;
  size_class: SizeClass;
  founded_on: string | null;
  membership_type: string;
  valid_from: string;
  valid_to: string | null;
  first_participation_on: string | null;
  is_example: boolean;
}

export async function countMembers(db: Kysely<DB>, clusterId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select(sql<string>`count(*)`.as('n'))
    .where('cluster_id', '=', clusterId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A cluster's memberships (all periods) by organisation name; one page when `paging` is given, or
 * the `limit` rows after the row `after` (keyset, for exports read in batches).
 */
export function findMembers(
  db: Kysely<DB>,
  clusterId: string,
  paging?: { offset: number; limit: number } | { after: MemberRow | null; limit: number },
): Promise<MemberRow[]> {
  // The cluster's memberships first (a materialised CTE), then their organisations: left to
  // itself PostgreSQL walked every organisation in name order looking for the cluster's members
  // (296 ms for a page of the largest Europe-scale cluster; 15 ms this way).
  let query = db
    .with(
      (cte) => cte('cm').materialized(),
      (q) => q.selectFrom('memberships').selectAll().where('cluster_id', '=', clusterId),
    )
    .selectFrom('cm as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.organisation_id',
      'o.name',
      'o.enterprise_number',
      'o.country',
      'o.foreign_identifier',
      'o.helix',
      'o.size_class',
      'o.founded_on',
      'm.membership_type',
      'm.valid_from',
      'm.valid_to',
      'o.is_example',
      firstParticipationOn().as('first_participation_on'),
    ])
    .orderBy('o.name')
    .orderBy('m.valid_from')
    .orderBy('m.id');
  if (!paging) return query.execute();
  if ('offset' in paging) return query.limit(paging.limit).offset(paging.offset).execute();
  const after = paging.after;
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple('o.name', 'm.valid_from', 'm.id'),
        '>',
        eb.tuple(after.name, after.valid_from, after.id),
      ),
    );
  return query.limit(paging.limit).execute();
}
