import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors/app-error';
import type { AidEntry } from './funding-rules';
import type { FundingPurpose } from './funding.tables';

type Db = Kysely<DB>;

export const DE_MINIMIS_SETTING = 'state_aid.de_minimis';
/** Regulation (EU) 2023/2831: €300,000 over any period of three years. */
export const DE_MINIMIS_DEFAULT = { ceilingCents: 30_000_000, windowYears: 3 };

export async function getDeMinimisSettings(db: Db): Promise<{ ceilingCents: number; windowYears: number }> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', DE_MINIMIS_SETTING)
    .executeTakeFirst();
  const value = (row?.value ?? {}) as Partial<typeof DE_MINIMIS_DEFAULT>;
  return {
    ceilingCents: Number.isSafeInteger(value.ceilingCents)
      ? Number(value.ceilingCents)
      : DE_MINIMIS_DEFAULT.ceilingCents,
    windowYears: Number.isSafeInteger(value.windowYears)
      ? Number(value.windowYears)
      : DE_MINIMIS_DEFAULT.windowYears,
  };
}

export interface LineRow {
  id: string;
  code: string;
  name: string;
  purpose: FundingPurpose;
  call_id: string | null;
  period_start: string;
  period_end: string;
  amount_cents: number;
  is_ring_fenced: boolean;
  own_contribution_ratio: string;
  is_example: boolean;
  clusterIds: string[];
}

export interface LineTotals {
  budgetCents: number;
  committedCents: number;
  plannedCents: number;
  paidCents: number;
  reallocatedInCents: number;
  reallocatedOutCents: number;
  interClusterCommittedCents: number;
  cofundingCents: number;
}

const lineColumns = [
  'l.id',
  'l.code',
  'l.name',
  'l.purpose',
  'l.call_id',
  'l.period_start',
  'l.period_end',
  'l.amount_cents',
  'l.is_ring_fenced',
  'l.own_contribution_ratio',
  'l.is_example',
] as const;

function linesQuery(db: Db) {
  return db.selectFrom('funding_lines as l').select([
    ...lineColumns,
    sql<
      string[]
    >`coalesce((select array_agg(lc.cluster_id::text order by lc.cluster_id) from funding_line_clusters lc
        where lc.line_id = l.id), '{}')`.as('clusterIds'),
  ]);
}

export interface LineFilters {
  q?: string;
  usableFor?: 'base_operations';
}

/** The lines matching the filters, by period and code (and id, so pages are stable). */
export function filteredLinesQuery(db: Db, filters: LineFilters) {
  let query = linesQuery(db);
  if (filters.q) {
    const like = sql`sp_fold(${`%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`})`;
    query = query.where((eb) =>
      eb.or([eb(sql`sp_fold(l.code)`, 'like', like), eb(sql`sp_fold(l.name)`, 'like', like)]),
    );
  }
  if (filters.usableFor === 'base_operations')
    query = query.where((eb) =>
      eb.or([eb('l.purpose', '=', 'base_operations'), eb('l.is_ring_fenced', '=', false)]),
    );
  return query.orderBy('l.period_start').orderBy('l.code').orderBy('l.id');
}

export function findLines(db: Db): Promise<LineRow[]> {
  return linesQuery(db).orderBy('l.period_start').orderBy('l.code').execute();
}

export function findLineById(db: Db, id: string): Promise<LineRow | undefined> {
  return linesQuery(db).where('l.id', '=', id).executeTakeFirst();
}

/**
 * Locks the line row until the transaction ends (SELECT … FOR UPDATE): two officers committing
 * on the same line queue here, and the second sees the first one's commitment in its totals.
 */
export async function lockLine(tx: Db, id: string): Promise<LineRow> {
  await tx.selectFrom('funding_lines').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const line = await findLineById(tx, id);
  if (!line) throw new AppError('NOT_FOUND');
  return line;
}

/** The SQL behind every line total (kept as a snapshot in test/unit/funding/__sql__). */
export function lineTotalsSql(lineId?: string) {
  return sql<{
    id: string;
    amount_cents: number;
    realloc_in: number;
    realloc_out: number;
    committed: number;
    inter: number;
    cofunding: number;
    planned: number;
    paid: number;
  }>`
    select l.id, l.amount_cents,
      coalesce((select sum(r.amount_cents) from funding_reallocations r where r.to_line_id = l.id),
        0)::bigint as realloc_in,
      coalesce((select sum(r.amount_cents) from funding_reallocations r where r.from_line_id = l.id),
        0)::bigint as realloc_out,
      coalesce((select sum(c.amount_cents) from funding_commitments c where c.line_id = l.id), 0)::bigint as committed,
      coalesce((select sum(c.amount_cents) from funding_commitments c join projects p on p.id = c.project_id
        where c.line_id = l.id and p.kind = 'inter_cluster_project'), 0)::bigint as inter,
      coalesce((select sum(c.cofunding_cents) from funding_commitments c where c.line_id = l.id), 0)::bigint
        as cofunding,
      coalesce((select sum(p.amount_cents) from funding_payments p where p.line_id = l.id), 0)::bigint as planned,
      coalesce((select sum(p.amount_cents) from funding_payments p where p.line_id = l.id and p.status =
        'released'), 0)::bigint as paid
    from funding_lines l
    ${lineId ? sql`where l.id = ${lineId}` : sql``}
  `;
}

/** Totals of every line (or one), summed from the rows; the dashboard and the guards use these. */
export async function findLineTotals(db: Db, lineId?: string): Promise<Map<string, LineTotals>> {
  const result = await lineTotalsSql(lineId).execute(db);
  return new Map(result.rows.map((r) => [r.id, toTotals(r)]));
}

type TotalsRow = Awaited<ReturnType<ReturnType<typeof lineTotalsSql>['execute']>>['rows'][number];

function toTotals(r: TotalsRow): LineTotals {
  return {
    budgetCents: Number(r.amount_cents) + Number(r.realloc_in) - Number(r.realloc_out),
    committedCents: Number(r.committed),
    plannedCents: Number(r.planned),
    paidCents: Number(r.paid),
    reallocatedInCents: Number(r.realloc_in),
    reallocatedOutCents: Number(r.realloc_out),
    interClusterCommittedCents: Number(r.inter),
    cofundingCents: Number(r.cofunding),
  };
}

/** Totals of the given lines only (a page of them): the same SQL, its rows narrowed by id. */
export async function findLineTotalsOf(db: Db, ids: readonly string[]): Promise<Map<string, LineTotals>> {
  if (ids.length === 0) return new Map();
  const narrowed = sql<Parameters<typeof toTotals>[0]>`select t.* from (${lineTotalsSql()}) t
    where t.id = any(${[...ids]}::uuid[])`;
  return new Map((await narrowed.execute(db)).rows.map((r) => [r.id, toTotals(r)]));
}

export async function getLineTotals(db: Db, lineId: string): Promise<LineTotals> {
  const totals = (await findLineTotals(db, lineId)).get(lineId);
  if (!totals) throw new AppError('NOT_FOUND');
  return totals;
}

/**
 * The "single undertaking" of an organisation for de minimis (Regulation (EU) 2023/2831, art. 2(2)):
 * the organisation plus the enterprises linked to it that the platform knows, from the SME inputs
 * of the portfolio module (`organisation_related_enterprises`: a holding above 50 % or control by
 * other means), in both directions, matched on enterprise number. One hop: links of links are not
 * followed.
 */
export async function findUndertakingIds(db: Db, organisationId: string): Promise<string[]> {
  const linked = await sql<{ id: string }>`
    select o2.id from organisation_related_enterprises r
      join organisations o2 on o2.enterprise_number = r.enterprise_number
      where r.organisation_id = ${organisationId} and (r.holding_share > 50 or r.is_controlled)
    union
    select r.organisation_id as id from organisation_related_enterprises r
      join organisations o on o.id = ${organisationId} and o.enterprise_number = r.enterprise_number
      where r.holding_share > 50 or r.is_controlled`.execute(db);
  return [
    organisationId,
    ...[...new Set(linked.rows.map((r) => r.id))].filter((id) => id !== organisationId).sort(),
  ];
}

export async function findDeMinimisAids(db: Db, organisationIds: string[]): Promise<AidEntry[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('state_aid_awards')
    .select(['granted_on', 'amount_cents'])
    .where('organisation_id', 'in', organisationIds)
    .where('regime', '=', 'de_minimis')
    .execute();
  return rows.map((r) => ({ grantedOn: r.granted_on, amountCents: Number(r.amount_cents) }));
}

/** Locks organisations (in id order, so two transactions never wait on each other in a cycle). */
export async function lockOrganisations(tx: Db, organisationIds: string[]): Promise<void> {
  const ids = [...new Set(organisationIds)].sort();
  if (ids.length === 0) return;
  await tx
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Projects a viewer may see: everything for readers of all funding, own clusters' for managers. */
export function visibleProjectIds(db: Db, actor: Actor | null) {
  let query = db.selectFrom('projects as vp').select('vp.id');
  if (actor === null) return query; // the system (demo loader, CLI) sees everything
  if (actor.role === 'manager') {
    const clusterIds =
      actor.clusterIds.length > 0 ? actor.clusterIds : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_clusters as vpc')
          .select('vpc.project_id')
          .whereRef('vpc.project_id', '=', 'vp.id')
          .where('vpc.cluster_id', 'in', clusterIds),
      ),
    );
  } else if (!(actor.role === 'officer' || actor.role === 'admin' || actor.role === 'analyst')) {
    query = query.where(sql<boolean>`false`);
  }
  return query;
}

export interface ProjectRow {
  id: string;
  code: string;
  title: string;
  kind: 'cluster_project' | 'inter_cluster_project';
  status: string;
  lead_cluster_id: string;
  starts_on: string;
  ends_on: string;
  total_budget_cents: number;
  aid_cents: number;
  is_bottom_up: boolean;
  call_id: string | null;
  source_proposal_id: string | null;
  aid_regime: 'de_minimis' | 'block_exemption' | 'other';
  aid_legal_basis: string;
  is_example: boolean;
  clusterIds: string[];
  committedCents: number;
  paidCents: number;
}

export function projectsQuery(db: Db, actor: Actor | null) {
  return db
    .selectFrom('projects as p')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.kind',
      'p.status',
      'p.lead_cluster_id',
      'p.starts_on',
      'p.ends_on',
      'p.total_budget_cents',
      'p.aid_cents',
      'p.is_bottom_up',
      'p.call_id',
      'p.source_proposal_id',
      'p.aid_regime',
      'p.aid_legal_basis',
      'p.is_example',
      sql<
        string[]
      >`coalesce((select array_agg(pc.cluster_id::text order by pc.cluster_id) from project_clusters pc
        where pc.project_id = p.id), '{}')`.as('clusterIds'),
      sql<number>`coalesce((select sum(c.amount_cents) from funding_commitments c where c.project_id =
        p.id), 0)::bigint`.as('committedCents'),
      sql<number>`coalesce((select sum(fp.amount_cents) from funding_payments fp join funding_commitments c
        on c.id = fp.commitment_id where c.project_id = p.id and fp.status = 'released'), 0)::bigint`.as(
        'paidCents',
      ),
    ])
    .where('p.id', 'in', visibleProjectIds(db, actor));
}

/** The projects the viewer may see, by code; one page of them when `paging` is given. */
export function findProjects(
  db: Db,
  actor: Actor | null,
  paging?: { offset: number; limit: number } | { after: ProjectRow | null; limit: number },
): Promise<ProjectRow[]> {
  let query = projectsQuery(db, actor).orderBy('p.code');
  if (!paging) return query.execute();
  if ('offset' in paging) return query.limit(paging.limit).offset(paging.offset).execute();
  // Keyset (exports in batches): the code is unique.
  const after = paging.after;
  if (after) query = query.where('p.code', '>', after.code);
  return query.limit(paging.limit).execute();
}

export async function countProjects(db: Db, actor: Actor | null): Promise<number> {
  const row = await projectsQuery(db, actor)
    .clearSelect()
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One project, or NOT_FOUND when it does not exist or the viewer may not see it. */
export async function getVisibleProject(db: Db, actor: Actor | null, id: string): Promise<ProjectRow> {
  const row = await projectsQuery(db, actor).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function findParticipants(db: Db, projectId: string) {
  return db
    .selectFrom('project_participants as pp')
    .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
    .select([
      'pp.organisation_id',
      'o.name',
      'o.enterprise_number',
      'o.helix',
      'o.size_class',
      'pp.role',
      'pp.budget_cents',
      'pp.aid_cents',
    ])
    .where('pp.project_id', '=', projectId)
    .orderBy('o.name')
    .execute();
}

export function findMilestones(db: Db, projectId: string) {
  return db
    .selectFrom('project_milestones')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('due_on')
    .orderBy('title')
    .execute();
}

export function findDeliverables(db: Db, projectId: string) {
  return db
    .selectFrom('project_deliverables')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('due_on')
    .orderBy('title')
    .execute();
}

export function findReports(db: Db, filter: { projectId?: string; baseOperationId?: string }) {
  let query = db.selectFrom('funding_reports').selectAll();
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
  if (filter.baseOperationId) query = query.where('base_operation_id', '=', filter.baseOperationId);
  return query.orderBy('submitted_at').execute();
}

export function findProjectThemes(db: Db, projectId: string) {
  return db
    .selectFrom('project_themes as pt')
    .innerJoin('themes as t', 't.id', 'pt.theme_id')
    .select(['t.id', 't.kind', 't.code', 't.label_nl', 't.label_en'])
    .where('pt.project_id', '=', projectId)
    .orderBy('t.kind')
    .orderBy('t.code')
    .execute();
}

export interface CommitmentRow {
  id: string;
  line_id: string;
  line_code: string;
  project_id: string | null;
  project_code: string | null;
  base_operation_id: string | null;
  cluster_label: string | null;
  amount_cents: number;
  cofunding_cents: number;
  decided_on: string;
  motivation: string;
  de_minimis_override: string | null;
  plannedCents: number;
  paidCents: number;
}

export function commitmentsQuery(db: Db) {
  return db
    .selectFrom('funding_commitments as c')
    .innerJoin('funding_lines as l', 'l.id', 'c.line_id')
    .leftJoin('projects as p', 'p.id', 'c.project_id')
    .leftJoin('base_operation_grants as b', 'b.id', 'c.base_operation_id')
    .leftJoin('clusters as bc', 'bc.id', 'b.cluster_id')
    .select([
      'c.id',
      'c.line_id',
      'l.code as line_code',
      'c.project_id',
      'p.code as project_code',
      'c.base_operation_id',
      sql<string | null>`case when b.id is null then null else bc.short_name || ' ' || b.year end`.as(
        'cluster_label',
      ),
      'c.amount_cents',
      'c.cofunding_cents',
      'c.decided_on',
      'c.motivation',
      'c.de_minimis_override',
      sql<number>`coalesce((select sum(fp.amount_cents) from funding_payments fp where fp.commitment_id =
        c.id), 0)::bigint`.as('plannedCents'),
      sql<number>`coalesce((select sum(fp.amount_cents) from funding_payments fp where fp.commitment_id =
        c.id and fp.status = 'released'), 0)::bigint`.as('paidCents'),
    ]);
}

export interface PaymentRow {
  id: string;
  commitment_id: string;
  line_id: string;
  line_code: string;
  project_id: string | null;
  project_code: string | null;
  base_operation_id: string | null;
  tranche: 'advance' | 'interim' | 'balance';
  amount_cents: number;
  milestone_id: string | null;
  milestone_title: string | null;
  milestone_status: string | null;
  report_id: string | null;
  report_title: string | null;
  report_status: string | null;
  planned_on: string;
  status: 'planned' | 'released';
  released_at: Date | string | null;
}

export function paymentsQuery(db: Db) {
  return db
    .selectFrom('funding_payments as fp')
    .innerJoin('funding_commitments as c', 'c.id', 'fp.commitment_id')
    .innerJoin('funding_lines as l', 'l.id', 'fp.line_id')
    .leftJoin('projects as p', 'p.id', 'c.project_id')
    .leftJoin('project_milestones as m', 'm.id', 'fp.milestone_id')
    .leftJoin('funding_reports as r', 'r.id', 'fp.report_id')
    .select([
      'fp.id',
      'fp.commitment_id',
      'fp.line_id',
      'l.code as line_code',
      'c.project_id',
      'p.code as project_code',
      'c.base_operation_id',
      'fp.tranche',
      'fp.amount_cents',
      'fp.milestone_id',
      'm.title as milestone_title',
      'm.status as milestone_status',
      'fp.report_id',
      'r.title as report_title',
      'r.status as report_status',
      'fp.planned_on',
      'fp.status',
      'fp.released_at',
    ]);
}

export interface BaseOperationRow {
  id: string;
  cluster_id: string;
  cluster_name: string;
  year: number;
  line_id: string;
  line_code: string;
  subsidy_cents: number;
  own_contribution_ratio: string;
  commitment_id: string | null;
  reportedCostsCents: number | null;
  reportedOwnContributionCents: number | null;
  paidCents: number;
}

export function baseOperationsQuery(db: Db, actor: Actor | null) {
  let query = db
    .selectFrom('base_operation_grants as b')
    .innerJoin('clusters as cl', 'cl.id', 'b.cluster_id')
    .innerJoin('funding_lines as l', 'l.id', 'b.line_id')
    .select([
      'b.id',
      'b.cluster_id',
      'cl.name as cluster_name',
      'b.year',
      'b.line_id',
      'l.code as line_code',
      'b.subsidy_cents',
      'b.own_contribution_ratio',
      sql<string | null>`(select c.id::text from funding_commitments c where c.base_operation_id = b.id)`.as(
        'commitment_id',
      ),
      sql<
        number | null
      >`(select r.reported_costs_cents from funding_reports r where r.base_operation_id = b.id and r.status
        = 'accepted' order by r.decided_at desc limit 1)`.as('reportedCostsCents'),
      sql<
        number | null
      >`(select r.reported_own_contribution_cents from funding_reports r where r.base_operation_id = b.id
        and r.status = 'accepted' order by r.decided_at desc limit 1)`.as('reportedOwnContributionCents'),
      sql<number>`coalesce((select sum(fp.amount_cents) from funding_payments fp join funding_commitments c
        on c.id = fp.commitment_id where c.base_operation_id = b.id and fp.status = 'released'),
        0)::bigint`.as('paidCents'),
    ]);
  if (actor?.role === 'manager') {
    query = query.where(
      'b.cluster_id',
      'in',
      actor.clusterIds.length > 0 ? actor.clusterIds : ['00000000-0000-0000-0000-000000000000'],
    );
  }
  return query;
}

export function reallocationsQuery(db: Db) {
  return db
    .selectFrom('funding_reallocations as r')
    .innerJoin('funding_lines as f', 'f.id', 'r.from_line_id')
    .innerJoin('funding_lines as t', 't.id', 'r.to_line_id')
    .leftJoin('users as u', 'u.id', 'r.decided_by')
    .select([
      'r.id',
      'f.code as from_code',
      't.code as to_code',
      'r.amount_cents',
      'r.motivation',
      'u.name as decided_by_name',
      'r.decided_at',
    ])
    .orderBy('r.decided_at', 'desc')
    .orderBy('r.id');
}

export function aidAwardsQuery(db: Db) {
  return db
    .selectFrom('state_aid_awards as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('projects as p', 'p.id', 'a.project_id')
    .select([
      'a.id',
      'a.organisation_id',
      'o.name as organisation_name',
      'o.enterprise_number',
      'a.regime',
      'a.legal_basis',
      'a.amount_cents',
      'a.granted_on',
      'a.granted_by_authority',
      'a.description',
      'a.project_id',
      'p.code as project_code',
      'a.override_motivation',
    ])
    .orderBy('a.granted_on', 'desc')
    .orderBy('o.name');
}
