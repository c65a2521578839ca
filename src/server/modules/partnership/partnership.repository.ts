import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../http/actor';
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
export function findAgreementRow(db: Db, id: string) {
  return db
    .selectFrom('partnership_agreements as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .selectAll('a')
    .select(['c.name as cluster_name'])
    .select([
      sql<string | null>`(select name from users where id = a.cluster_signed_by)`.as('cluster_signer_name'),
      sql<string | null>`(select name from users where id = a.agency_signed_by)`.as('agency_signer_name'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreementRow>>>;

/** Loads an agreement the actor may see, or NOT_FOUND. */
export async function getAgreement(db: Db, actor: Actor, id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertSeesCluster(actor, row.cluster_id);
  return row;
}

export async function findAgreementIdsOfCluster(db: Db, clusterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partnership_agreements')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .orderBy('period_start', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

export function findObjectives(db: Db, agreementId: string) {
  return db
    .selectFrom('partnership_objectives')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .execute();
}

export function findPeriods(db: Db, agreementId: string) {
  return db
    .selectFrom('partnership_report_periods as p')
    .leftJoin('partnership_reports as r', 'r.period_id', 'p.id')
    .selectAll('p')
    .select(['r.id as report_id', 'r.status as report_status'])
    .where('p.agreement_id', '=', agreementId)
    .orderBy('p.starts_on')
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

export function findMeetingsOfCluster(db: Db, clusterId: string) {
  return db
    .selectFrom('partnership_meetings')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('starts_at', 'desc')
    .execute();
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

export function findMinutes(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partnership_minutes as m')
    .selectAll('m')
    .select([
      sql<string | null>`(select name from users where id = m.written_by)`.as('writer_name'),
      sql<string | null>`(select name from users where id = m.signed_off_by)`.as('signer_name'),
    ])
    .where('m.meeting_id', 'in', meetingIds)
    .orderBy('m.version', 'desc')
    .execute();
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

export function findActionsOfCluster(db: Db, clusterId: string) {
  return actionsQuery(db)
    .where('a.cluster_id', '=', clusterId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .execute();
}

export function findActionsOfOwner(db: Db, userId: string) {
  return actionsQuery(db)
    .where('a.owner_user_id', '=', userId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .execute();
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

/** People who may own an action for this cluster: its managers (cluster side) and active officers (agency side). */
export async function findEligibleOwners(db: Db, clusterId: string) {
  const rows = await db
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
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    side: r.role === 'officer' ? ('agency' as const) : ('cluster' as const),
  }));
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

export function findReportsOfCluster(db: Db, clusterId: string) {
  return reportsQuery(db).where('r.cluster_id', '=', clusterId).orderBy('p.starts_on', 'desc').execute();
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

/** Clusters the actor sees in the partnership overview. */
export function findVisibleClusters(db: Db, actor: Actor) {
  let query = db.selectFrom('clusters').select(['id', 'name', 'short_name']).orderBy('name');
  if (actor.role === 'manager') {
    if (actor.clusterIds.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', actor.clusterIds);
  }
  return query.execute();
}
