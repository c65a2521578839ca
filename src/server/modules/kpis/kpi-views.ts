import { brusselsDate } from '../../../shared/brussels-time';
import { keysetBatches, selectPage, type PageRequest } from '../../http/paging';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../http/actor';
import { seesPersonalData } from '../../http/personal-data';
import { evaluateCluster, evaluateClusters } from './kpi-evaluation';
import { DEFAULT_PAGE_SIZE } from '../../http/paging';
import { assertSeesCluster, canSeeCluster } from './kpis.policy';
import { presentDefinition, presentPeriod } from './kpis.presenter';
import {
  findClusterById,
  findClusterIdsWithTransition,
  findClusters,
  findDefinitionById,
  findDefinitions,
  findEvidence,
  findMeasurementById,
  findMeasurementHistory,
  findPeriodById,
  findPeriods,
  readKpiSettings,
  toNumber,
  type PeriodRow,
  type TargetRow,
} from './kpis.repository';

const showSql = (actor: Actor) => actor.role !== 'manager';

function presentTarget(target: TargetRow | undefined) {
  if (!target) return null;
  return {
    baselineValue: toNumber(target.baseline_value),
    baselineDate: target.baseline_date,
    endTargetValue: toNumber(target.end_target_value),
    endTargetDate: target.end_target_date,
    periodTargets: Object.fromEntries(Object.entries(target.periodTargets).map(([k, v]) => [k, Number(v)])),
    version: target.version,
  };
}

function presentCluster(row: { id: string; name: string; short_name: string; kind: string }) {
  return { id: row.id, name: row.name, shortName: row.short_name, kind: row.kind };
}

/** One cluster's KPIs over every period: baseline, targets, values, trajectory and status. */
export async function buildClusterDashboard(db: Kysely<DB>, actor: Actor, clusterId: string, now: Date) {
  assertSeesCluster(actor, clusterId);
  const cluster = await findClusterById(db, clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  const periods = await findPeriods(db);
  const evaluation = await evaluateCluster(
    db,
    clusterId,
    periods,
    await readKpiSettings(db),
    brusselsDate(now),
  );
  const targets = new Map(evaluation.targets.map((t) => [t.definition_id, t]));
  return {
    cluster: presentCluster(cluster),
    periods: periods.map(presentPeriod),
    kpis: evaluation.definitions.map((definition) => ({
      definition: presentDefinition(definition, { showSql: showSql(actor) }),
      target: presentTarget(targets.get(definition.id)),
      values: evaluation.cells
        .filter((c) => c.definitionId === definition.id)
        .map(({ definitionId: _d, code: _c, ...cell }) => cell),
    })),
  };
}

export function pickPeriod(periods: PeriodRow[], periodId: string | undefined): PeriodRow | null {
  if (periodId) return periods.find((p) => p.id === periodId) ?? null;
  return (
    periods.find((p) => p.status === 'open') ??
    periods.filter((p) => p.status === 'closed').at(-1) ??
    periods[0] ??
    null
  );
}

/**
 * Clusters × standard KPIs for one period, coloured by status; filters by lens, cluster kind and
 * transition. One page of clusters at a time, evaluated together in a fixed number of statements.
 */
export async function buildPortfolio(
  db: Kysely<DB>,
  actor: Actor,
  options: {
    periodId?: string;
    lens?: 'economic' | 'transition' | 'both';
    kind?: 'spearhead' | 'business_network';
    transitionId?: string;
    page?: number;
    pageSize?: number;
  },
  now: Date,
) {
  const periods = await findPeriods(db);
  const period = pickPeriod(periods, options.periodId);
  if (options.periodId && !period) throw new AppError('NOT_FOUND');
  let clusters = (await findClusters(db, 'all')).filter((c) => canSeeCluster(actor, c.id));
  if (options.kind) clusters = clusters.filter((c) => c.kind === options.kind);
  if (options.transitionId) {
    const linked = new Set(await findClusterIdsWithTransition(db, options.transitionId));
    clusters = clusters.filter((c) => linked.has(c.id));
  }
  const total = clusters.length;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = options.page ?? 1;
  clusters = clusters.slice((page - 1) * pageSize, page * pageSize);
  let kpis = await findDefinitions(db, { clusterIds: [] });
  if (options.lens && options.lens !== 'both')
    kpis = kpis.filter((k) => k.lens === options.lens || k.lens === 'both');
  const shownKpis = new Set(kpis.map((k) => k.id));
  const settings = await readKpiSettings(db);
  const cells = [];
  if (period) {
    const upTo = periods.filter((p) => p.starts_on <= period.starts_on);
    const evaluations = await evaluateClusters(
      db,
      clusters.map((c) => c.id),
      upTo,
      settings,
      brusselsDate(now),
    );
    for (const cluster of clusters) {
      for (const cell of evaluations.get(cluster.id)?.cells ?? []) {
        if (cell.periodId !== period.id || !shownKpis.has(cell.definitionId)) continue;
        const { code: _code, ...rest } = cell;
        cells.push({ ...rest, clusterId: cluster.id });
      }
    }
  }
  const transitions = await db
    .selectFrom('themes')
    .select(['id', 'label_nl', 'label_en'])
    .where('kind', '=', 'transition')
    .orderBy('label_nl')
    .execute();
  return {
    period: period ? presentPeriod(period) : null,
    periods: periods.map(presentPeriod),
    clusters: clusters.map(presentCluster),
    kpis: kpis.map((k) => presentDefinition(k, { showSql: showSql(actor) })),
    cells,
    transitions: transitions.map((t) => ({ id: t.id, labelNl: t.label_nl, labelEn: t.label_en })),
    page: { page, pageSize, total },
  };
}

/** A measurement with its evidence and history (drill-down), for viewers of its cluster. */
export async function buildMeasurementDetail(db: Kysely<DB>, actor: Actor, measurementId: string) {
  const row = await findMeasurementById(db, measurementId);
  if (!row || !row.cluster_id || !canSeeCluster(actor, row.cluster_id)) throw new AppError('NOT_FOUND');
  const [definition, period, cluster, evidence, history] = await Promise.all([
    findDefinitionById(db, row.definition_id),
    findPeriodById(db, row.period_id),
    findClusterById(db, row.cluster_id),
    findEvidence(db, [row.id]),
    findMeasurementHistory(db, row.id),
  ]);
  if (!definition || !period) throw new AppError('NOT_FOUND');
  return {
    id: row.id,
    clusterId: row.cluster_id,
    clusterName: cluster?.name ?? null,
    definition: presentDefinition(definition, { showSql: showSql(actor) }),
    period: presentPeriod(period),
    value: toNumber(row.value),
    reason: row.not_computable_reason,
    status: row.status,
    comment: row.comment,
    reviewComment: row.review_comment,
    frozenAt: row.frozen_at ? new Date(row.frozen_at).toISOString() : null,
    version: row.version,
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      url: e.url,
      body: e.body,
      filename: e.filename ?? null,
      sizeBytes: e.size_bytes ?? null,
    })),
    history: history.map((h) => ({
      version: h.version,
      action: h.action,
      status: h.status,
      value: toNumber(h.value),
      comment: h.comment,
      // Analysts see the role, never the person.
      actorName: seesPersonalData(actor) ? (h.actor_name ?? null) : (h.actor_role ?? null),
      occurredAt: new Date(h.occurred_at).toISOString(),
    })),
  };
}

/** Reported values waiting for the officer. */
function validationQueueQuery(db: Kysely<DB>) {
  return db
    .selectFrom('kpi_measurements as m')
    .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
    .innerJoin('reporting_periods as p', 'p.id', 'm.period_id')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select([
      'm.id',
      'm.cluster_id',
      'c.name as cluster_name',
      'd.code',
      'd.name_nl',
      'd.name_en',
      'd.unit',
      'p.code as period_code',
      'm.value',
      'm.comment',
      'm.reported_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('kpi_evidence as e')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('e.measurement_id', '=', 'm.id')
        .as('evidence_count'),
    )
    .where('m.status', '=', 'reported');
}
type QueueRow = Awaited<ReturnType<ReturnType<typeof validationQueueQuery>['execute']>>[number];

function presentQueueRow(r: QueueRow) {
  return {
    measurementId: r.id,
    clusterId: r.cluster_id ?? '',
    clusterName: r.cluster_name,
    code: r.code,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    unit: r.unit,
    periodCode: r.period_code,
    value: toNumber(r.value),
    comment: r.comment,
    evidenceCount: Number(r.evidence_count ?? 0),
    reportedAt: r.reported_at ? new Date(r.reported_at).toISOString() : null,
  };
}
export type ValidationQueueItem = ReturnType<typeof presentQueueRow>;

/** One page of the reported values waiting for validation, the longest waiting first. */
export async function findValidationQueue(db: Kysely<DB>, page: PageRequest) {
  const query = validationQueueQuery(db).orderBy('m.reported_at').orderBy('m.id');
  const { rows, total } = await selectPage(query, page);
  return { total, rows: rows.map(presentQueueRow) };
}

/**
 * The whole validation queue in the order of its pages, a batch at a time by keyset on
 * (reported_at, id), served by the partial index over the queue; values without a reporting time
 * come last, as in the pages. The keyset compares with the stored time of the last row (read by
 * its id), which keeps the database's microseconds that a JavaScript date would drop.
 */
export async function* validationQueueBatches(db: Kysely<DB>): AsyncGenerator<ValidationQueueItem[]> {
  const ordered = () => validationQueueQuery(db).orderBy('m.reported_at').orderBy('m.id');
  yield* keysetBatches(async (after: ValidationQueueItem | null, size) => {
    let query = ordered().where('m.reported_at', 'is not', null);
    if (after)
      query = query.where(
        sql<boolean>`(m.reported_at, m.id) > (select q.reported_at, q.id from kpi_measurements q
          where q.id = ${after.measurementId})`,
      );
    return (await query.limit(size).execute()).map(presentQueueRow);
  });
  yield* keysetBatches(async (after: ValidationQueueItem | null, size) => {
    let query = ordered().where('m.reported_at', 'is', null);
    if (after) query = query.where('m.id', '>', after.measurementId);
    return (await query.limit(size).execute()).map(presentQueueRow);
  });
}

export async function findDiffusionActivities(
  db: Kysely<DB>,
  actor: Actor,
  clusterId: string | undefined,
  page?: PageRequest,
) {
  if (clusterId) assertSeesCluster(actor, clusterId);
  let query = db
    .selectFrom('diffusion_activities as d')
    .innerJoin('clusters as c', 'c.id', 'd.cluster_id')
    .select([
      'd.id',
      'd.cluster_id',
      'c.name as cluster_name',
      'd.kind',
      'd.title',
      'd.held_on',
      'd.participants',
      'd.smes_reached',
      'd.non_member_companies_reached',
      'd.link',
    ])
    .orderBy('d.held_on', 'desc')
    .orderBy('d.id');
  if (clusterId) query = query.where('d.cluster_id', '=', clusterId);
  else if (actor.role === 'manager')
    query =
      actor.clusterIds.length > 0
        ? query.where('d.cluster_id', 'in', actor.clusterIds)
        : query.where('d.id', 'is', null);
  const { rows, total } = page ? await selectPage(query, page) : { rows: await query.execute(), total: 0 };
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      clusterId: r.cluster_id,
      clusterName: r.cluster_name,
      kind: r.kind,
      title: r.title,
      heldOn: r.held_on,
      participants: r.participants,
      smesReached: r.smes_reached,
      nonMemberCompaniesReached: r.non_member_companies_reached,
      link: r.link,
    })),
  };
}

export async function findEuParticipations(db: Kysely<DB>, unmatchedOnly: boolean, page?: PageRequest) {
  let query = db
    .selectFrom('eu_participations as ep')
    .innerJoin('eu_projects as p', 'p.id', 'ep.eu_project_id')
    .leftJoin('organisations as o', 'o.id', 'ep.organisation_id')
    .select([
      'ep.id',
      'p.cordis_project_id',
      'p.acronym',
      'p.framework_programme',
      'p.starts_on',
      'ep.name',
      'ep.vat_number',
      'ep.country',
      'ep.role',
      'ep.is_sme',
      'ep.ec_contribution_cents',
      'ep.organisation_id',
      'o.name as organisation_name',
      'ep.link_method',
    ])
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.acronym')
    .orderBy('ep.name')
    .orderBy('ep.id');
  if (unmatchedOnly) query = query.where('ep.organisation_id', 'is', null);
  const { rows, total } = page ? await selectPage(query, page) : { rows: await query.execute(), total: 0 };
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      cordisProjectId: r.cordis_project_id,
      acronym: r.acronym,
      frameworkProgramme: r.framework_programme,
      startsOn: r.starts_on,
      name: r.name,
      vatNumber: r.vat_number,
      country: r.country,
      role: r.role,
      isSme: r.is_sme,
      ecContributionCents: Number(r.ec_contribution_cents),
      organisationId: r.organisation_id,
      organisationName: r.organisation_name ?? null,
      linkMethod: r.link_method,
    })),
  };
}
