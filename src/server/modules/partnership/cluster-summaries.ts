import { brusselsDate } from '../../../shared/brussels-time';
import { sql } from 'kysely';
import type { Actor } from '../../http/actor';
import { keysetBatches, selectPage, type Paged, type PageRequest } from '../../http/paging';
import type { Db } from './partnership.repository';
import { toIso } from './partnership-dates';

interface ClusterLine {
  id: string;
  name: string;
  short_name: string;
}

/** The clusters the actor sees in the partnership overview, by name: all, or a manager's own. */
function visibleClustersQuery(db: Db, actor: Actor) {
  let query = db
    .selectFrom('clusters as c')
    .select(['c.id', 'c.name', 'c.short_name'])
    .orderBy('c.name')
    .orderBy('c.id');
  if (actor.role === 'manager') query = query.where('c.id', 'in', actor.clusterIds);
  return query;
}

/**
 * The partnership figures of some clusters in one statement (each a subquery on the cluster's
 * indexed rows): latest agreement, open and overdue actions, next meeting, reports to review.
 */
async function summarise(db: Db, clusters: ClusterLine[], now: Date) {
  if (clusters.length === 0) return [];
  const today = brusselsDate(now);
  const figures = await db
    .selectFrom('clusters as c')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('partnership_agreements as a')
          .select(['a.title', 'a.cluster_signed_at', 'a.agency_signed_at'])
          .whereRef('a.cluster_id', '=', 'c.id')
          .orderBy('a.period_start', 'desc')
          .orderBy('a.id')
          .limit(1)
          .as('agreement'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'agreement.title as agreement_title',
      'agreement.cluster_signed_at',
      'agreement.agency_signed_at',
      sql<number>`(select count(*)::int from partnership_actions x
        where x.cluster_id = c.id and x.status in ('open', 'in_progress'))`.as('open_actions'),
      sql<number>`(select count(*)::int from partnership_actions x
        where x.cluster_id = c.id and x.status in ('open', 'in_progress') and x.due_on < ${today})`.as(
        'overdue_actions',
      ),
      sql<Date | string | null>`(select min(m.starts_at) from partnership_meetings m
        where m.cluster_id = c.id and m.starts_at >= ${now})`.as('next_meeting_at'),
      sql<number>`(select count(*)::int from partnership_reports r
        where r.cluster_id = c.id and r.status = 'submitted')`.as('reports_to_review'),
    ])
    .where(
      'c.id',
      'in',
      clusters.map((c) => c.id),
    )
    .execute();
  const byId = new Map(figures.map((f) => [f.id, f]));
  return clusters.map((c) => {
    const f = byId.get(c.id);
    return {
      clusterId: c.id,
      clusterName: c.name,
      shortName: c.short_name,
      agreementTitle: f?.agreement_title ?? null,
      agreementSigned: Boolean(f?.cluster_signed_at && f.agency_signed_at),
      openActions: Number(f?.open_actions ?? 0),
      overdueActions: Number(f?.overdue_actions ?? 0),
      nextMeetingAt: toIso(f?.next_meeting_at),
      reportsToReview: Number(f?.reports_to_review ?? 0),
    };
  });
}
export type ClusterSummary = Awaited<ReturnType<typeof summarise>>[number];

/** One page of the partnership overview: the page of clusters, then their figures (two statements). */
export async function findClusterSummaryPage(
  db: Db,
  actor: Actor,
  now: Date,
  p: PageRequest,
): Promise<Paged<ClusterSummary>> {
  if (actor.role === 'manager' && actor.clusterIds.length === 0) return { rows: [], total: 0 };
  const page = await selectPage(visibleClustersQuery(db, actor), p);
  return { rows: await summarise(db, page.rows, now), total: page.total };
}

/** The whole overview for an export, read a batch at a time by (name, id), never all at once. */
export async function* clusterSummaryBatches(
  db: Db,
  actor: Actor,
  now: Date,
): AsyncGenerator<ClusterSummary[]> {
  if (actor.role === 'manager' && actor.clusterIds.length === 0) return;
  const read = (after: ClusterLine | null, size: number) => {
    let query = visibleClustersQuery(db, actor);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('c.name', '>', after.name),
          eb.and([eb('c.name', '=', after.name), eb('c.id', '>', after.id)]),
        ]),
      );
    return query.limit(size).execute();
  };
  for await (const rows of keysetBatches(read)) yield await summarise(db, rows, now);
}
