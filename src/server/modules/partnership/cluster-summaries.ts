import { brusselsDate } from '../../../shared/brussels-time';
import type { Actor } from '../../http/actor';
import { findVisibleClusters, type Db } from './partnership.repository';
import { toIso } from './partnership-dates';

/**
 * One line per visible cluster: its latest agreement, open and overdue actions, next meeting, reports
 * waiting for review.
 */
export async function findClusterSummaries(db: Db, actor: Actor, now: Date) {
  const today = brusselsDate(now);
  const clusters = await findVisibleClusters(db, actor);
  const rows = [];
  for (const c of clusters) {
    const agreement = await db
      .selectFrom('partnership_agreements')
      .select(['title', 'cluster_signed_at', 'agency_signed_at'])
      .where('cluster_id', '=', c.id)
      .orderBy('period_start', 'desc')
      .executeTakeFirst();
    const actions = await db
      .selectFrom('partnership_actions')
      .select(['due_on'])
      .where('cluster_id', '=', c.id)
      .where('status', 'in', ['open', 'in_progress'])
      .execute();
    const next = await db
      .selectFrom('partnership_meetings')
      .select('starts_at')
      .where('cluster_id', '=', c.id)
      .where('starts_at', '>=', now)
      .orderBy('starts_at')
      .executeTakeFirst();
    const toReview = await db
      .selectFrom('partnership_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cluster_id', '=', c.id)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    rows.push({
      clusterId: c.id,
      clusterName: c.name,
      shortName: c.short_name,
      agreementTitle: agreement?.title ?? null,
      agreementSigned: Boolean(agreement?.cluster_signed_at && agreement?.agency_signed_at),
      openActions: actions.length,
      overdueActions: actions.filter((a) => a.due_on < today).length,
      nextMeetingAt: toIso(next?.starts_at),
      reportsToReview: Number(toReview.n),
    });
  }
  return rows;
}
