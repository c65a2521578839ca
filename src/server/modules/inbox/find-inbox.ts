import { actorOf, type StepContext } from '../../http/request-context';
import { addDays, brusselsToday } from '../../../shared/brussels-time';
import * as q from './inbox.repository';
import { toItem, type WaitingRow } from './inbox.repository';
import type { Inbox, InboxItem } from './inbox.schema';

const DAY = 86_400_000;
/** Calls closing, meetings and payments this far ahead are "waiting"; further ones are not yet. */
const HORIZON_DAYS = 30;
/** The analyst's "what changed" looks back this far. */
const LOOKBACK_DAYS = 90;

/** Nearest deadline first; items without a deadline after those with one, in their given order. */
function byNearestDue(items: (InboxItem | null)[]): InboxItem[] {
  const present = items.filter((i): i is InboxItem => i !== null);
  const key = (i: InboxItem) =>
    i.due === null
      ? Number.POSITIVE_INFINITY
      : Date.parse(i.dueKind === 'date' ? `${i.due}T12:00:00Z` : i.due);
  return present
    .map((item, index) => ({ item, index }))
    .sort((a, b) => key(a.item) - key(b.item) || a.index - b.index)
    .map((x) => x.item);
}

type Rows = Promise<WaitingRow[]>;
const instant = (kind: string, rows: WaitingRow[], link: string, entryLink: (r: WaitingRow) => string) =>
  toItem(kind, rows, { dueKind: 'instant', link, entryLink });
const date = (kind: string, rows: WaitingRow[], link: string, entryLink: (r: WaitingRow) => string) =>
  toItem(kind, rows, { dueKind: 'date', link, entryLink });

/**
 * What is waiting for the signed-in person, by role: each kind of work with its count, its
 * nearest deadline and the first few entries, each with a link into the app. One bounded,
 * set-based query per kind (the first entries and the total in one window query), run in
 * parallel; the manager sees only their own clusters, the applicant only their own proposals,
 * the expert only their assignments, the analyst only counts without personal data.
 */
export async function findInbox(ctx: StepContext): Promise<Inbox> {
  const actor = actorOf(ctx);
  const db = ctx.db;
  const now = ctx.now();
  const today = brusselsToday(now);
  const role = actor.role;
  const all = async (parts: [Rows, (rows: WaitingRow[]) => InboxItem | null][]) => {
    const results = await Promise.all(parts.map(([rows]) => rows));
    return byNearestDue(results.map((rows, i) => parts[i][1](rows)));
  };

  if (role === 'officer') {
    const items = await all([
      [
        q.proposalsToCheck(db),
        (r) => instant('eligibility', r, '/calls', (x) => `/calls/${x.link_id}/proposals`),
      ],
      [
        q.callsClosing(db, now, HORIZON_DAYS),
        (r) => instant('callsClosing', r, '/calls', (x) => `/calls/${x.link_id}`),
      ],
      [
        q.proposalsReadyToDecide(db),
        (r) => instant('readyToDecide', r, '/review/calls', (x) => `/review/calls/${x.link_id}`),
      ],
      [
        q.kpiValuesToValidate(db),
        (r) => date('kpiToValidate', r, '/kpis/validation', () => '/kpis/validation'),
      ],
      [
        q.fundingReportsToDecide(db),
        (r) =>
          instant('fundingReports', r, '/funding/projects', (x) =>
            x.link_id ? `/funding/projects/${x.link_id}` : '/funding/base-operations',
          ),
      ],
      [
        q.partnershipReportsToReview(db),
        (r) => date('partnershipReports', r, '/partnership', (x) => `/partnership/clusters/${x.link_id}`),
      ],
      [
        q.milestonesToDecide(db),
        (r) => date('milestones', r, '/funding/projects', (x) => `/funding/projects/${x.link_id}`),
      ],
      [
        q.paymentsDue(db, addDays(today, HORIZON_DAYS)),
        (r) =>
          date('paymentsDue', r, '/funding/projects', (x) =>
            x.link_id ? `/funding/projects/${x.link_id}` : '/funding/base-operations',
          ),
      ],
      [
        q.openObjections(db),
        (r) => instant('objections', r, '/review/calls', (x) => `/review/summaries/${x.link_id}`),
      ],
      [
        q.clarificationsAnswered(db),
        (r) => instant('clarificationsAnswered', r, '/calls', (x) => `/proposals/${x.link_id}`),
      ],
    ]);
    return { role, items, figures: [] };
  }

  if (role === 'manager') {
    const clusters =
      actor.clusterIds.length > 0 ? actor.clusterIds : ['00000000-0000-0000-0000-000000000000'];
    const items = await all([
      [
        q.kpiValuesToReport(db, clusters),
        (r) => date('kpiToReport', r, '/kpis', (x) => `/kpis/clusters/${x.link_id}`),
      ],
      [
        q.kpiValuesReturned(db, clusters),
        (r) => date('kpiReturned', r, '/kpis', (x) => `/kpis/clusters/${x.link_id}`),
      ],
      [
        q.actionItems(db, actor.userId, clusters),
        (r) => date('actions', r, '/partnership/my-actions', () => '/partnership/my-actions'),
      ],
      [
        q.upcomingMeetings(db, clusters, now, HORIZON_DAYS),
        (r) => instant('meetings', r, '/partnership', (x) => `/partnership/clusters/${x.link_id}`),
      ],
      [
        q.reportsDue(db, clusters),
        (r) => date('reportsDue', r, '/partnership', (x) => `/partnership/clusters/${x.link_id}`),
      ],
    ]);
    return { role, items, figures: [] };
  }

  if (role === 'applicant') {
    const items = await all([
      [
        q.drafts(db, actor.userId),
        (r) => instant('drafts', r, '/proposals', (x) => `/proposals/${x.link_id}`),
      ],
      [
        q.clarificationRequests(db, actor.userId),
        (r) => instant('clarifications', r, '/proposals', (x) => `/proposals/${x.link_id}`),
      ],
      [
        q.decisions(db, actor.userId),
        (r) => instant('decisions', r, '/proposals', (x) => `/review/summaries/${x.link_id}`),
      ],
    ]);
    return { role, items, figures: [] };
  }

  if (role === 'expert') {
    const items = await all([
      [q.invitations(db, actor.userId), (r) => instant('invitations', r, '/review/my', () => '/review/my')],
      [
        q.reviewsDue(db, actor.userId),
        (r) => instant('reviewsDue', r, '/review/my', (x) => `/review/proposals/${x.link_id}`),
      ],
    ]);
    return { role, items, figures: [] };
  }

  if (role === 'analyst') {
    const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY);
    const [figures, ...items] = await Promise.all([
      q.portfolioFigures(db, today),
      q.kpiValuesValidatedSince(db, since),
      q.callsDecidedSince(db, since),
      q.clusterEventsSince(db, addDays(today, -LOOKBACK_DAYS)),
    ]);
    return {
      role,
      // What changed: newest first (these are past events, not deadlines).
      items: [
        instant('kpiValidated', items[0], '/kpis/portfolio', (x) =>
          x.link_id ? `/kpis/clusters/${x.link_id}` : '/kpis',
        ),
        instant('callsDecided', items[1], '/review/calls', () => '/review/calls'),
        date('clusterEvents', items[2], '/portfolio', (x) => `/portfolio/clusters/${x.link_id}`),
      ].filter((i): i is InboxItem => i !== null),
      figures: [
        { kind: 'activeClusters', value: figures.activeClusters, link: '/portfolio' },
        { kind: 'memberships', value: figures.memberships, link: '/portfolio' },
        { kind: 'openCalls', value: figures.openCalls, link: '/calls' },
        { kind: 'kpiValues', value: figures.kpiValues, link: '/kpis/portfolio' },
      ],
    };
  }

  // Admin: no queue of work. Accounts are never locked (login throttling delays attempts instead).
  return { role, items: [], figures: [] };
}
