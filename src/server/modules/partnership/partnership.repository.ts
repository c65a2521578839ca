import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../http/actor';
import { selectPage, type Paged, type PageRequest } from '../../http/paging';
import { assertSeesCluster } from './partnership.policy';

export type Db = Kysely<DB> | Transaction<DB>;

export async function getCluster(db: Db, actor: Actor, clusterId: string) {
  const cluster = await db
    .selectFrom('clusters')
    .select(['id', 'name', 'short_name', 'officer_user_id'])
    .where('id', '=', clusterId)
    .executeTakeFirst();
  if (!cluster) throw new AppError('NOT_FOUND');
  assertSeesCluster(actor, cluster.id);
  return cluster;
}

// ---------- agreements ----------
function agreementsQuery(db: Db) {
  return db
    .selectFrom('partnership_agreements as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .selectAll('a')
    .select(['c.name as cluster_name'])
    .select([
      sql<string | null>`(select name from users where id = a.cluster_signed_by)`.as('cluster_signer_name'),
      sql<string | null>`(select name from users where id = a.agency_signed_by)`.as('agency_signer_name'),
    ]);
}

export function findAgreementRow(db: Db, id: string) {
  return agreementsQuery(db).where('a.id', '=', id).executeTakeFirst();
}
export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreementRow>>>;

/** Loads an agreement the actor may see, or NOT_FOUND. */
export async function getAgreement(db: Db, actor: Actor, id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertSeesCluster(actor, row.cluster_id);
  return row;
}

/** One page of a cluster's agreements, newest period first. */
export function findAgreementsOfCluster(
  db: Db,
  clusterId: string,
  p: PageRequest,
): Promise<Paged<AgreementRow>> {
  const query = agreementsQuery(db)
    .where('a.cluster_id', '=', clusterId)
    .orderBy('a.period_start', 'desc')
    .orderBy('a.id');
  return selectPage(query, p);
}

/** The objectives of some agreements, in their position order. */
export function findObjectives(db: Db, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_objectives')
    .selectAll()
    .where('agreement_id', 'in', agreementIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The report periods of some agreements, earliest first, with their report if any. */
export function findPeriods(db: Db, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_report_periods as p')
    .leftJoin('partnership_reports as r', 'r.period_id', 'p.id')
    .selectAll('p')
    .select(['r.id as report_id', 'r.status as report_status'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.starts_on')
    .orderBy('p.id')
    .execute();
}

// ---------- meetings ----------
export async function getMeeting(db: Db, actor: Actor, id: string) {
  const row = await db.selectFrom('partnership_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  assertSeesCluster(actor, row.cluster_id);
  return row;
}
export type MeetingRow = Awaited<ReturnType<typeof getMeeting>>;

function meetingsOfClusterQuery(db: Db, clusterId: string) {
  return db
    .selectFrom('partnership_meetings')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('starts_at', 'desc')
    .orderBy('id');
}

export function findMeetingsOfCluster(db: Db, clusterId: string) {
  return meetingsOfClusterQuery(db, clusterId).execute();
}

/** One page of a cluster's meetings, newest first. */
export function findMeetingPageOfCluster(db: Db, clusterId: string, p: PageRequest) {
  return selectPage(meetingsOfClusterQuery(db, clusterId), p);
}

export function findParticipants(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_meeting_participants')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('position')
    .execute();
}

function minutesQuery(db: Db, meetingIds: string[]) {
  return db
    .selectFrom('partnership_minutes as m')
    .selectAll('m')
    .select([
      sql<string | null>`(select name from users where id = m.written_by)`.as('writer_name'),
      sql<string | null>`(select name from users where id = m.signed_off_by)`.as('signer_name'),
    ])
    .where('m.meeting_id', 'in', meetingIds)
    .orderBy('m.version', 'desc')
    .orderBy('m.id');
}

export function findMinutes(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return minutesQuery(db, meetingIds).execute();
}

/** One page of the versions of one meeting's minutes, newest first. */
export function findMinutesPage(db: Db, meetingId: string, p: PageRequest) {
  return selectPage(minutesQuery(db, [meetingId]), p);
}

export function findDecisions(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_decisions')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('position')
    .execute();
}

// ---------- actions ----------
function actionsQuery(db: Db) {
  return db
    .selectFrom('partnership_actions as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .innerJoin('users as o', 'o.id', 'a.owner_user_id')
    .selectAll('a')
    .select(['c.name as cluster_name', 'o.name as owner_name', 'o.role as owner_role']);
}
export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

export async function getAction(db: Db, actor: Actor, id: string): Promise<ActionRow> {
  const row = await actionsQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  assertSeesCluster(actor, row.cluster_id);
  return row;
}

export type ActionStatusFilter = 'open' | 'overdue' | 'done' | 'all';

/** Actions of one status group: open (open or in progress), overdue (open and due before today), done. */
function withStatus(status: ActionStatusFilter, today: string) {
  return (eb: ExpressionBuilder<DB & { a: DB['partnership_actions'] }, 'a'>) => {
    if (status === 'open') return eb('a.status', 'in', ['open', 'in_progress']);
    if (status === 'overdue')
      return eb.and([eb('a.status', 'in', ['open', 'in_progress']), eb('a.due_on', '<', today)]);
    if (status === 'done') return eb('a.status', '=', 'done');
    return eb.lit(true);
  };
}

export function findActionsOfCluster(db: Db, clusterId: string) {
  return actionsQuery(db)
    .where('a.cluster_id', '=', clusterId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export function findActionsOfOwner(db: Db, userId: string) {
  return actionsQuery(db)
    .where('a.owner_user_id', '=', userId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export interface ActionPageOptions {
  /** The actions of one cluster, or those one user owns. */
  of: { clusterId: string } | { ownerUserId: string };
  status: ActionStatusFilter;
  /** Brussels' date (YYYY-MM-DD): an open action due before it is overdue. */
  today: string;
}

/** One page of actions, by due date, filtered by status group in SQL. */
export function findActionPage(db: Db, options: ActionPageOptions, p: PageRequest) {
  const { of } = options;
  const query = actionsQuery(db)
    .where((eb) =>
      'clusterId' in of ? eb('a.cluster_id', '=', of.clusterId) : eb('a.owner_user_id', '=', of.ownerUserId),
    )
    .where(withStatus(options.status, options.today))
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .orderBy('a.id');
  return selectPage(query, p);
}

export function findComments(db: Db, actionIds: string[]) {
  if (actionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_action_comments as k')
    .leftJoin('users as u', 'u.id', 'k.author_user_id')
    .selectAll('k')
    .select('u.name as author_name')
    .where('k.action_id', 'in', actionIds)
    .orderBy('k.created_at')
    .execute();
}

function eligibleOwnersQuery(db: Db, clusterId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('user_clusters as uc', (join) =>
      join.onRef('uc.user_id', '=', 'u.id').on('uc.cluster_id', '=', clusterId),
    )
    .select(['u.id', 'u.name', 'u.role'])
    .where('u.is_active', '=', true)
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'officer'),
        eb.and([eb('u.role', '=', 'manager'), eb('uc.cluster_id', 'is not', null)]),
      ]),
    )
    .orderBy('u.name')
    .orderBy('u.id');
}

const presentPerson = (r: { id: string; name: string; role: string }) => ({
  id: r.id,
  name: r.name,
  side: r.role === 'officer' ? ('agency' as const) : ('cluster' as const),
});

/** People who may own an action for this cluster: its managers (cluster side) and active officers (agency side). */
export async function findEligibleOwners(db: Db, clusterId: string) {
  return (await eligibleOwnersQuery(db, clusterId).execute()).map(presentPerson);
}

/** One page of the people who may own an action for this cluster, by name. */
export async function findEligibleOwnerPage(db: Db, clusterId: string, p: PageRequest) {
  const page = await selectPage(eligibleOwnersQuery(db, clusterId), p);
  return { rows: page.rows.map(presentPerson), total: page.total };
}

// ---------- reports ----------
function reportsQuery(db: Db) {
  return db
    .selectFrom('partnership_reports as r')
    .innerJoin('partnership_report_periods as p', 'p.id', 'r.period_id')
    .selectAll('r')
    .select([
      'p.label as period_label',
      'p.starts_on as period_starts_on',
      'p.ends_on as period_ends_on',
      'p.due_on as period_due_on',
      'p.closed_at as period_closed_at',
      'p.agreement_id',
    ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportsQuery>['execute']>>[number];

export async function getReport(db: Db, actor: Actor, id: string): Promise<ReportRow> {
  const row = await reportsQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  assertSeesCluster(actor, row.cluster_id);
  return row;
}

function reportsOfClusterQuery(db: Db, clusterId: string) {
  return reportsQuery(db)
    .where('r.cluster_id', '=', clusterId)
    .orderBy('p.starts_on', 'desc')
    .orderBy('r.id');
}

export function findReportsOfCluster(db: Db, clusterId: string) {
  return reportsOfClusterQuery(db, clusterId).execute();
}

/** One page of a cluster's reports, latest period first. */
export function findReportPageOfCluster(db: Db, clusterId: string, p: PageRequest) {
  return selectPage(reportsOfClusterQuery(db, clusterId), p);
}

export function findSections(db: Db, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_report_sections as s')
    .innerJoin('partnership_objectives as o', 'o.id', 's.objective_id')
    .selectAll('s')
    .select(['o.title as objective_title', 'o.position'])
    .where('s.report_id', 'in', reportIds)
    .orderBy('o.position')
    .execute();
}

export function findReviews(db: Db, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_report_reviews as v')
    .leftJoin('users as u', 'u.id', 'v.reviewed_by')
    .selectAll('v')
    .select('u.name as reviewer_name')
    .where('v.report_id', 'in', reportIds)
    .orderBy('v.reviewed_at', 'desc')
    .execute();
}
