import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types';
import type { ClusterKind } from '../../db/core.tables';
import { selectPage, type PageRequest } from '../../http/paging';
import type { KpiDefinitionsTable, KpiMeasurementsTable, ReportingPeriodsTable } from './kpis.tables';

export type KpiDefinitionRow = Selectable<KpiDefinitionsTable>;
export type PeriodRow = Selectable<ReportingPeriodsTable>;
export type MeasurementRow = Selectable<KpiMeasurementsTable>;

export interface TargetRow {
  id: string;
  definition_id: string;
  cluster_id: string | null;
  baseline_value: string | null;
  baseline_date: string | null;
  end_target_value: string | null;
  end_target_date: string | null;
  version: number;
  periodTargets: Record<string, string>;
}

export const toNumber = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

export function findDefinitions(
  db: Kysely<DB>,
  options: { clusterIds?: string[] | 'all'; includeProposals?: boolean } = {},
) {
  let query = db.selectFrom('kpi_definitions').selectAll().orderBy('sort_order').orderBy('code');
  const clusterIds = options.clusterIds ?? 'all';
  if (clusterIds !== 'all') {
    query = query.where((eb) =>
      clusterIds.length > 0
        ? eb.or([eb('cluster_id', 'is', null), eb('cluster_id', 'in', clusterIds)])
        : eb('cluster_id', 'is', null),
    );
  }
  if (!options.includeProposals)
    query = query.where('approval_status', '=', 'approved').where('is_active', '=', true);
  return query.execute();
}

/** The definitions that apply to one cluster: the approved standard library and its own approved KPIs. */
export function findApplicableDefinitions(db: Kysely<DB>, clusterId: string) {
  return findDefinitions(db, { clusterIds: [clusterId] });
}

export function findDefinitionById(db: Kysely<DB>, id: string) {
  return db.selectFrom('kpi_definitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPeriods(db: Kysely<DB>) {
  return db.selectFrom('reporting_periods').selectAll().orderBy('starts_on').execute();
}

export function findPeriodById(db: Kysely<DB>, id: string) {
  return db.selectFrom('reporting_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTargets(db: Kysely<DB>, clusterIds: string[]): Promise<TargetRow[]> {
  if (clusterIds.length === 0) return [];
  const rows = await db
    .selectFrom('kpi_targets as t')
    .select([
      't.id',
      't.definition_id',
      't.cluster_id',
      't.baseline_value',
      't.baseline_date',
      't.end_target_value',
      't.end_target_date',
      't.version',
      sql<Record<
        string,
        string
      > | null>`(select jsonb_object_agg(tp.period_id::text, tp.target_value::text) from kpi_target_periods
        tp where tp.target_id = t.id)`.as('periodTargets'),
    ])
    .where('t.cluster_id', 'in', clusterIds)
    .execute();
  return rows.map((r) => ({ ...r, periodTargets: r.periodTargets ?? {} }));
}

/** The columns of a measurement that an evaluation reads (`evaluateCluster`). */
export type MeasurementValueRow = Pick<
  MeasurementRow,
  | 'id'
  | 'definition_id'
  | 'cluster_id'
  | 'period_id'
  | 'value'
  | 'not_computable_reason'
  | 'status'
  | 'frozen_at'
>;

/** The stored values of some clusters in some periods (all periods without `periodIds`), for evaluations. */
export function findMeasurementValues(
  db: Kysely<DB>,
  clusterIds: string[],
  periodIds?: string[],
): Promise<MeasurementValueRow[]> {
  if (clusterIds.length === 0 || periodIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('kpi_measurements')
    .select([
      'id',
      'definition_id',
      'cluster_id',
      'period_id',
      'value',
      'not_computable_reason',
      'status',
      'frozen_at',
    ])
    .where('cluster_id', 'in', clusterIds);
  if (periodIds) query = query.where('period_id', 'in', periodIds);
  return query.execute();
}

export function findMeasurements(db: Kysely<DB>, clusterIds: string[], periodIds?: string[]) {
  if (clusterIds.length === 0 || periodIds?.length === 0) return Promise.resolve([] as MeasurementRow[]);
  let query = db.selectFrom('kpi_measurements').selectAll().where('cluster_id', 'in', clusterIds);
  if (periodIds) query = query.where('period_id', 'in', periodIds);
  return query.execute();
}

export function findMeasurementById(db: Kysely<DB>, id: string) {
  return db.selectFrom('kpi_measurements').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEvidence(db: Kysely<DB>, measurementIds: string[]) {
  if (measurementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('kpi_evidence as e')
    .leftJoin('stored_files as f', 'f.id', 'e.file_id')
    .select([
      'e.id',
      'e.measurement_id',
      'e.kind',
      'e.url',
      'e.body',
      'e.file_id',
      'f.filename',
      'f.size_bytes',
      'e.created_at',
    ])
    .where('e.measurement_id', 'in', measurementIds)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export function findMeasurementHistory(db: Kysely<DB>, measurementId: string) {
  return db
    .selectFrom('kpi_measurement_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .select([
      'h.version',
      'h.action',
      'h.status',
      'h.value',
      'h.comment',
      'h.occurred_at',
      'u.name as actor_name',
      'u.role as actor_role',
    ])
    .where('h.measurement_id', '=', measurementId)
    .orderBy('h.occurred_at')
    .orderBy('h.version')
    .execute();
}

export function findClusters(db: Kysely<DB>, clusterIds: string[] | 'all') {
  let query = db
    .selectFrom('clusters')
    .select(['id', 'name', 'short_name', 'kind', 'status', 'mandate_start', 'mandate_end'])
    .orderBy('kind', 'desc')
    .orderBy('name');
  if (clusterIds !== 'all') {
    if (clusterIds.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', clusterIds);
  }
  return query.execute();
}

export function findClusterById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('clusters')
    .select(['id', 'name', 'short_name', 'kind', 'status', 'mandate_start', 'mandate_end'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * One page of the clusters whose KPIs the portfolio shows (spearheads first, then by name), with
 * the total: `visible` is 'all' or the ids the viewer may see; `transitionId` keeps the clusters
 * linked to that transition theme (directly or through a child theme of it).
 */
export function findClusterPage(
  db: Kysely<DB>,
  filter: { visible: string[] | 'all'; kind?: ClusterKind; transitionId?: string },
  page: PageRequest,
) {
  const { visible, kind, transitionId } = filter;
  let query = db
    .selectFrom('clusters as c')
    .select(['c.id', 'c.name', 'c.short_name', 'c.kind'])
    .orderBy('c.kind', 'desc')
    .orderBy('c.name')
    .orderBy('c.id');
  if (visible !== 'all') {
    if (visible.length === 0) return Promise.resolve({ rows: [], total: 0 });
    query = query.where('c.id', 'in', visible);
  }
  if (kind) query = query.where('c.kind', '=', kind);
  if (transitionId)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cluster_themes as ct')
          .innerJoin('themes as t', 't.id', 'ct.theme_id')
          .select('ct.cluster_id')
          .whereRef('ct.cluster_id', '=', 'c.id')
          .where((eb) => eb.or([eb('t.id', '=', transitionId), eb('t.parent_id', '=', transitionId)])),
      ),
    );
  return selectPage(query, page);
}

export interface KpiSettings {
  tolerance: number;
  zScoreThreshold: number;
  evidenceMaxBytes: number;
}

export async function readKpiSettings(db: Kysely<DB>): Promise<KpiSettings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'like', 'kpis.%')
    .execute();
  const map = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const pick = (key: string, fallback: number) => {
    const value = map.get(key);
    return value !== undefined && Number.isFinite(value) ? value : fallback;
  };
  return {
    tolerance: pick('kpis.status_tolerance', 0.2),
    zScoreThreshold: pick('kpis.zscore_threshold', 2.5),
    evidenceMaxBytes: pick('kpis.evidence_max_bytes', 5 * 1024 * 1024),
  };
}

/** Managers of a cluster, to notify them. */
export async function findClusterManagerIds(db: Kysely<DB>, clusterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_clusters as uc')
    .innerJoin('users as u', 'u.id', 'uc.user_id')
    .select('u.id')
    .where('uc.cluster_id', '=', clusterId)
    .where('u.role', '=', 'manager')
    .where('u.is_active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}
