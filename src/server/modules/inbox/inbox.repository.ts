import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { InboxEntry, InboxItem } from './inbox.schema';

type Db = Kysely<DB>;

/** How many entries an item lists; the count is always the full number. */
export const ENTRIES_PER_ITEM = 5;

/** A row as the queries below return it: the first few, each with the total count (a window). */
export interface WaitingRow {
  id: string;
  title: string;
  title_en?: string | null;
  due: Date | string | null;
  link_id: string;
  total: number | string;
}

const totalOver = sql<string>`count(*) over ()`.as('total');

function dueText(due: Date | string | null): string | null {
  if (due === null) return null;
  return due instanceof Date ? due.toISOString() : String(due).slice(0, 10);
}

/** Builds one item from its rows (already ordered nearest deadline first and limited). */
export function toItem(
  kind: string,
  rows: WaitingRow[],
  options: { dueKind: 'instant' | 'date'; link: string; entryLink: (row: WaitingRow) => string },
): InboxItem | null {
  if (rows.length === 0) return null;
  const entries: InboxEntry[] = rows.map((row) => ({
    id: row.id,
    title: row.title,
    titleEn: row.title_en ?? null,
    due: dueText(row.due),
    dueKind: options.dueKind,
    link: options.entryLink(row),
  }));
  return {
    kind,
    count: Number(rows[0].total),
    due: entries.find((e) => e.due !== null)?.due ?? null,
    dueKind: options.dueKind,
    link: options.link,
    entries,
  };
}

// ---- Officer ----------------------------------------------------------------------------------

export function proposalsToCheck(db: Db) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .select([
      'p.id',
      sql<string>`p.reference || ' · ' || p.title`.as('title'),
      'c.evaluation_starts_at as due',
    ])
    .select(['p.call_id as link_id', totalOver])
    .where('p.status', '=', 'submitted')
    .orderBy(sql`c.evaluation_starts_at asc nulls last`)
    .orderBy('p.reference')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function callsClosing(db: Db, now: Date, horizonDays: number) {
  return db
    .selectFrom('calls')
    .select(['id', 'closes_at as due', 'id as link_id', totalOver])
    .select(sql<string>`code || ' · ' || coalesce(title_en, title_nl)`.as('title_en'))
    .select(sql<string>`code || ' · ' || title_nl`.as('title'))
    .where('status', '=', 'open')
    .where('closes_at', '>=', now)
    .where('closes_at', '<=', new Date(now.getTime() + horizonDays * 86_400_000))
    .orderBy('closes_at')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function kpiValuesToValidate(db: Db) {
  return db
    .selectFrom('kpi_measurements as m')
    .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
    .innerJoin('reporting_periods as rp', 'rp.id', 'm.period_id')
    .leftJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select([
      'm.id',
      sql<string>`coalesce(c.short_name, '') || ' · ' || d.name_nl || ' · ' || rp.label`.as('title'),
      sql<string>`coalesce(c.short_name, '') || ' · ' || d.name_en || ' · ' || rp.label`.as('title_en'),
      'rp.ends_on as due',
      sql<string>`coalesce(m.cluster_id::text, '')`.as('link_id'),
      totalOver,
    ])
    .where('m.status', '=', 'reported')
    .orderBy('rp.ends_on')
    .orderBy('m.id')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function fundingReportsToDecide(db: Db) {
  return db
    .selectFrom('funding_reports as r')
    .select(['r.id', 'r.title', 'r.submitted_at as due', totalOver])
    .select(sql<string>`coalesce(r.project_id::text, '')`.as('link_id'))
    .where('r.status', '=', 'submitted')
    .orderBy('r.submitted_at')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function partnershipReportsToReview(db: Db) {
  return db
    .selectFrom('partnership_reports as r')
    .innerJoin('clusters as c', 'c.id', 'r.cluster_id')
    .innerJoin('partnership_report_periods as p', 'p.id', 'r.period_id')
    .select(['r.id', sql<string>`c.short_name || ' · ' || p.label`.as('title'), 'p.due_on as due'])
    .select(['r.cluster_id as link_id', totalOver])
    .where('r.status', '=', 'submitted')
    .orderBy('p.due_on')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function milestonesToDecide(db: Db) {
  return db
    .selectFrom('project_milestones as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .select(['m.id', sql<string>`p.code || ' · ' || m.title`.as('title'), 'm.due_on as due'])
    .select(['m.project_id as link_id', totalOver])
    .where('m.status', '=', 'reported')
    .orderBy('m.due_on')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function paymentsDue(db: Db, untilDate: string) {
  return db
    .selectFrom('funding_payments as pay')
    .innerJoin('funding_commitments as fc', 'fc.id', 'pay.commitment_id')
    .leftJoin('projects as p', 'p.id', 'fc.project_id')
    .select([
      'pay.id',
      sql<string>`coalesce(p.code, 'BW') || ' · ' || pay.tranche`.as('title'),
      'pay.planned_on as due',
      sql<string>`coalesce(fc.project_id::text, '')`.as('link_id'),
      totalOver,
    ])
    .where('pay.status', '=', 'planned')
    .where('pay.planned_on', '<=', untilDate)
    .orderBy('pay.planned_on')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function openObjections(db: Db) {
  return db
    .selectFrom('review_objections as o')
    .innerJoin('proposals as p', 'p.id', 'o.proposal_id')
    .select(['o.id', sql<string>`p.reference || ' · ' || p.title`.as('title'), 'o.filed_at as due'])
    .select(['o.proposal_id as link_id', totalOver])
    .where('o.status', '=', 'open')
    .orderBy('o.filed_at')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

/** Clarifications answered on proposals whose eligibility is still to be checked. */
export function clarificationsAnswered(db: Db) {
  return db
    .selectFrom('proposal_clarifications as q')
    .innerJoin('proposals as p', 'p.id', 'q.proposal_id')
    .select(['q.id', sql<string>`p.reference || ' · ' || p.title`.as('title'), 'q.answered_at as due'])
    .select(['q.proposal_id as link_id', totalOver])
    .where('q.answered_at', 'is not', null)
    .where('p.status', '=', 'submitted')
    .orderBy('q.answered_at')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

/** Calls in evaluation with agreed consensus that has no decision yet (rank and decide what is ready). */
export function proposalsReadyToDecide(db: Db) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .innerJoin('consensus_reports as cr', 'cr.proposal_id', 'p.id')
    .leftJoin('review_decisions as d', 'd.proposal_id', 'p.id')
    .select(['p.id', sql<string>`p.reference || ' · ' || p.title`.as('title'), 'c.decision_at as due'])
    .select(['p.call_id as link_id', totalOver])
    .where('cr.status', '=', 'agreed')
    .where('d.proposal_id', 'is', null)
    .where('c.status', '=', 'in_evaluation')
    .orderBy(sql`c.decision_at asc nulls last`)
    .orderBy('p.reference')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

// ---- Cluster manager (own clusters only) ------------------------------------------------------

/** Reported KPI targets of own clusters without a value in an open reporting period. */
export function kpiValuesToReport(db: Db, clusterIds: string[]) {
  return db
    .selectFrom('kpi_targets as t')
    .innerJoin('kpi_definitions as d', 'd.id', 't.definition_id')
    .innerJoin('clusters as c', 'c.id', 't.cluster_id')
    .innerJoin('reporting_periods as rp', (join) => join.on('rp.status', '=', 'open'))
    .leftJoin('kpi_measurements as m', (join) =>
      join
        .onRef('m.definition_id', '=', 't.definition_id')
        .onRef('m.cluster_id', '=', 't.cluster_id')
        .onRef('m.period_id', '=', 'rp.id'),
    )
    .select([
      sql<string>`t.id::text || ':' || rp.id::text`.as('id'),
      sql<string>`c.short_name || ' · ' || d.name_nl || ' · ' || rp.label`.as('title'),
      sql<string>`c.short_name || ' · ' || d.name_en || ' · ' || rp.label`.as('title_en'),
      'rp.ends_on as due',
      sql<string>`t.cluster_id::text`.as('link_id'),
      totalOver,
    ])
    .where('t.cluster_id', 'in', clusterIds)
    .where('d.source', '=', 'reported')
    .where('m.id', 'is', null)
    .orderBy('rp.ends_on')
    .orderBy('d.code')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function kpiValuesReturned(db: Db, clusterIds: string[]) {
  return db
    .selectFrom('kpi_measurements as m')
    .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
    .innerJoin('reporting_periods as rp', 'rp.id', 'm.period_id')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select([
      'm.id',
      sql<string>`c.short_name || ' · ' || d.name_nl || ' · ' || rp.label`.as('title'),
      sql<string>`c.short_name || ' · ' || d.name_en || ' · ' || rp.label`.as('title_en'),
      'rp.ends_on as due',
      sql<string>`m.cluster_id::text`.as('link_id'),
      totalOver,
    ])
    .where('m.cluster_id', 'in', clusterIds)
    .where('m.status', '=', 'returned')
    .orderBy('rp.ends_on')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function actionItems(db: Db, userId: string, clusterIds: string[]) {
  return db
    .selectFrom('partnership_actions as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .select(['a.id', sql<string>`c.short_name || ' · ' || a.title`.as('title'), 'a.due_on as due'])
    .select(['a.cluster_id as link_id', totalOver])
    .where((eb) => eb.or([eb('a.owner_user_id', '=', userId), eb('a.cluster_id', 'in', clusterIds)]))
    .where('a.status', 'in', ['open', 'in_progress'])
    .orderBy('a.due_on')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function upcomingMeetings(db: Db, clusterIds: string[], now: Date, horizonDays: number) {
  return db
    .selectFrom('partnership_meetings as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['m.id', sql<string>`c.short_name || ' · ' || m.title`.as('title'), 'm.starts_at as due'])
    .select(['m.cluster_id as link_id', totalOver])
    .where('m.cluster_id', 'in', clusterIds)
    .where('m.starts_at', '>=', now)
    .where('m.starts_at', '<=', new Date(now.getTime() + horizonDays * 86_400_000))
    .orderBy('m.starts_at')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

/** Progress-report periods of own clusters' agreements that are open and not yet reported (or to revise). */
export function reportsDue(db: Db, clusterIds: string[]) {
  return db
    .selectFrom('partnership_report_periods as p')
    .innerJoin('partnership_agreements as a', 'a.id', 'p.agreement_id')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .leftJoin('partnership_reports as r', (join) =>
      join.onRef('r.period_id', '=', 'p.id').onRef('r.cluster_id', '=', 'a.cluster_id'),
    )
    .select(['p.id', sql<string>`c.short_name || ' · ' || p.label`.as('title'), 'p.due_on as due'])
    .select(['a.cluster_id as link_id', totalOver])
    .where('a.cluster_id', 'in', clusterIds)
    .where('p.closed_at', 'is', null)
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', 'in', ['draft', 'to_revise'])]))
    .orderBy('p.due_on')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

// ---- Applicant (own and shared proposals) -----------------------------------------------------

function ownProposalIds(db: Db, userId: string) {
  return db
    .selectFrom('proposals')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('owner_user_id', '=', userId),
        eb(
          'id',
          'in',
          eb.selectFrom('proposal_collaborators').select('proposal_id').where('user_id', '=', userId),
        ),
      ]),
    );
}

export function drafts(db: Db, userId: string) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .select(['p.id', sql<string>`p.reference || ' · ' || p.title`.as('title'), 'c.closes_at as due'])
    .select(['p.id as link_id', totalOver])
    .where('p.id', 'in', ownProposalIds(db, userId))
    .where('p.status', '=', 'draft')
    .orderBy(sql`c.closes_at asc nulls last`)
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function clarificationRequests(db: Db, userId: string) {
  return db
    .selectFrom('proposal_clarifications as q')
    .innerJoin('proposals as p', 'p.id', 'q.proposal_id')
    .select(['q.id', sql<string>`p.reference || ' · ' || p.title`.as('title'), 'q.due_at as due'])
    .select(['q.proposal_id as link_id', totalOver])
    .where('q.proposal_id', 'in', ownProposalIds(db, userId))
    .where('q.answered_at', 'is', null)
    .orderBy('q.due_at')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

/** Decisions on own proposals; the objection deadline is the date that matters. */
export function decisions(db: Db, userId: string) {
  return db
    .selectFrom('review_decisions as d')
    .innerJoin('proposals as p', 'p.id', 'd.proposal_id')
    .select(['d.proposal_id as id', sql<string>`p.reference || ' · ' || p.title`.as('title')])
    .select(['d.objection_deadline as due', 'd.proposal_id as link_id', totalOver])
    .where('d.proposal_id', 'in', ownProposalIds(db, userId))
    .orderBy('d.objection_deadline', 'desc')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

// ---- Expert -----------------------------------------------------------------------------------

/** Calls that invited this expert and still wait for an answer or for the declaration. */
export function invitations(db: Db, userId: string) {
  return db
    .selectFrom('call_experts as ce')
    .innerJoin('calls as c', 'c.id', 'ce.call_id')
    .leftJoin('call_review_settings as s', 's.call_id', 'ce.call_id')
    .select(['ce.call_id as id', sql<string>`c.code || ' · ' || c.title_nl`.as('title')])
    .select(sql<string>`c.code || ' · ' || coalesce(c.title_en, c.title_nl)`.as('title_en'))
    .select(['s.review_deadline as due', 'ce.call_id as link_id', totalOver])
    .where('ce.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('ce.status', '=', 'invited'),
        eb.and([eb('ce.status', '=', 'accepted'), eb('ce.declaration_accepted_at', 'is', null)]),
      ]),
    )
    .orderBy(sql`s.review_deadline asc nulls last`)
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

/** Assigned, conflict-free proposals of accepted calls whose review is not submitted yet. */
export function reviewsDue(db: Db, userId: string) {
  return db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('call_experts as ce', (join) =>
      join.onRef('ce.call_id', '=', 'a.call_id').on('ce.user_id', '=', userId),
    )
    .leftJoin('call_review_settings as s', 's.call_id', 'a.call_id')
    .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
    .select(['p.id', sql<string>`p.reference || ' · ' || p.title`.as('title'), 's.review_deadline as due'])
    .select(['p.id as link_id', totalOver])
    .where('a.expert_user_id', '=', userId)
    .where('ce.status', '=', 'accepted')
    .where('ce.declaration_accepted_at', 'is not', null)
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', '=', 'draft')]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_conflicts as rc')
            .select(sql`1`.as('one'))
            .whereRef('rc.proposal_id', '=', 'p.id')
            .where('rc.expert_user_id', '=', userId)
            .where('rc.lifted_at', 'is', null),
        ),
      ),
    )
    .orderBy(sql`s.review_deadline asc nulls last`)
    .orderBy('p.reference')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

// ---- Analyst: latest figures and what changed (no personal data) ------------------------------

export async function portfolioFigures(db: Db, today: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('clusters')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', '=', 'active')
        .as('active_clusters'),
      eb
        .selectFrom('memberships')
        .select(sql<string>`count(*)`.as('n'))
        .where('valid_from', '<=', today)
        .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>=', today)]))
        .as('memberships'),
      eb
        .selectFrom('calls')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', '=', 'open')
        .as('open_calls'),
      eb
        .selectFrom('kpi_measurements')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', 'in', ['validated', 'computed'])
        .as('kpi_values'),
    ])
    .executeTakeFirstOrThrow();
  return {
    activeClusters: Number(row.active_clusters ?? 0),
    memberships: Number(row.memberships ?? 0),
    openCalls: Number(row.open_calls ?? 0),
    kpiValues: Number(row.kpi_values ?? 0),
  };
}

export function kpiValuesValidatedSince(db: Db, since: Date) {
  return db
    .selectFrom('kpi_measurements as m')
    .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
    .innerJoin('reporting_periods as rp', 'rp.id', 'm.period_id')
    .leftJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select([
      'm.id',
      sql<string>`coalesce(c.short_name, '') || ' · ' || d.name_nl || ' · ' || rp.label`.as('title'),
      sql<string>`coalesce(c.short_name, '') || ' · ' || d.name_en || ' · ' || rp.label`.as('title_en'),
      'm.reviewed_at as due',
      sql<string>`coalesce(m.cluster_id::text, '')`.as('link_id'),
      totalOver,
    ])
    .where('m.status', '=', 'validated')
    .where('m.reviewed_at', '>=', since)
    .orderBy('m.reviewed_at', 'desc')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function clusterEventsSince(db: Db, sinceDate: string) {
  return db
    .selectFrom('cluster_events as e')
    .innerJoin('clusters as c', 'c.id', 'e.cluster_id')
    .select(['e.id', sql<string>`c.short_name || ' · ' || e.to_status`.as('title'), 'e.effective_on as due'])
    .select(['e.cluster_id as link_id', totalOver])
    .where('e.effective_on', '>=', sinceDate)
    .orderBy('e.effective_on', 'desc')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}

export function callsDecidedSince(db: Db, since: Date) {
  return db
    .selectFrom('calls as c')
    .select(['c.id', sql<string>`c.code || ' · ' || c.title_nl`.as('title'), 'c.updated_at as due'])
    .select(sql<string>`c.code || ' · ' || coalesce(c.title_en, c.title_nl)`.as('title_en'))
    .select(['c.id as link_id', totalOver])
    .where('c.status', '=', 'decided')
    .where('c.updated_at', '>=', since)
    .orderBy('c.updated_at', 'desc')
    .limit(ENTRIES_PER_ITEM)
    .execute();
}
