import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import type { Db } from './partnership.repository';
import { deadlineEvents, type FeedAddresses } from '../calls/calendar-deadlines';
import { buildIcs, type IcsAllDayEvent, type IcsTimedEvent } from './ics';

/** Who may subscribe: people with meetings, actions, report, call or review deadlines. */
export const CALENDAR_ROLES = ['officer', 'manager', 'applicant', 'expert'] as const;
const hasCalendar = (role: string) => (CALENDAR_ROLES as readonly string[]).includes(role);

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Creates (or replaces) the secret token of a person's calendar feed. Only its hash is stored;
 * the token is shown once, inside the subscription URL. A new token invalidates the old URL.
 */
export async function createCalendarToken(ctx: StepContext): Promise<string> {
  const actor = actorOf(ctx);
  const token = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('partnership_notification_settings')
      .values({
        user_id: actor.userId,
        calendar_token_hash: hashToken(token),
        calendar_token_created_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          calendar_token_hash: hashToken(token),
          calendar_token_created_at: ctx.now(),
          updated_at: ctx.now(),
        }),
      )
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'partnership_calendar.token_created', entityType: 'user', entityId: actor.userId },
      ctx.requestId,
    );
  });
  return token;
}

/** Which clusters' meetings and deadlines belong in a person's calendar. */
async function clustersOf(db: Db, user: { id: string; role: string }): Promise<string[] | 'all'> {
  if (user.role === 'officer') {
    const followed = await db
      .selectFrom('clusters')
      .select('id')
      .where('officer_user_id', '=', user.id)
      .execute();
    return followed.map((c) => c.id);
  }
  if (user.role === 'manager') {
    const own = await db
      .selectFrom('user_clusters')
      .select('cluster_id')
      .where('user_id', '=', user.id)
      .execute();
    return own.map((c) => c.cluster_id);
  }
  return [];
}

/**
 * The iCalendar feed behind a token: the meetings of the person's clusters (those an officer
 * follows, a manager's own), their own open actions' due dates, the report deadlines of open
 * periods, and the call and review deadlines that concern them (`calls/calendar-deadlines.ts`).
 * A confidential meeting appears with its title only (no agenda). Summaries follow the person's
 * language; UIDs are `<kind>-<id>@<domain>`, links absolute under PUBLIC_URL.
 */
export async function buildCalendarFeed(
  db: Db,
  token: string,
  now: Date,
  to: FeedAddresses,
): Promise<string> {
  const settings = await db
    .selectFrom('partnership_notification_settings as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.name', 'u.role', 'u.is_active', 'u.locale'])
    .where('s.calendar_token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!settings || !settings.is_active || !hasCalendar(settings.role))
    throw new AppError('PARTNERSHIP_CALENDAR_TOKEN_INVALID');
  const english = settings.locale === 'en';
  const baseUrl = to.publicUrl;
  const clusterIds = await clustersOf(db, settings);
  const ids = clusterIds === 'all' ? [] : clusterIds;
  const timed: IcsTimedEvent[] = [];
  const allDay: IcsAllDayEvent[] = [];
  if (ids.length > 0) {
    const meetings = await db
      .selectFrom('partnership_meetings as m')
      .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
      .select([
        'm.id',
        'm.title',
        'm.starts_at',
        'm.location',
        'm.agenda',
        'm.is_confidential',
        'm.cluster_id',
        'c.short_name',
      ])
      .where('m.cluster_id', 'in', ids)
      .execute();
    for (const m of meetings) {
      const start = new Date(m.starts_at);
      timed.push({
        uid: `meeting-${m.id}@${to.domain}`,
        summary: `${m.short_name}: ${m.title}`,
        location: m.location || undefined,
        description: m.is_confidential ? undefined : m.agenda || undefined,
        start,
        end: new Date(start.getTime() + 2 * 3_600_000),
        url: `${baseUrl}/partnership/clusters/${m.cluster_id}?tab=meetings&meeting=${m.id}`,
      });
    }
    const periods = await db
      .selectFrom('partnership_report_periods as p')
      .innerJoin('partnership_agreements as a', 'a.id', 'p.agreement_id')
      .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
      .select(['p.id', 'p.label', 'p.due_on', 'a.cluster_id', 'c.short_name'])
      .where('a.cluster_id', 'in', ids)
      .where('p.closed_at', 'is', null)
      .execute();
    for (const p of periods)
      allDay.push({
        uid: `report-deadline-${p.id}@${to.domain}`,
        summary: `${p.short_name}: ${english ? 'progress report' : 'voortgangsrapport'} ${p.label}`,
        date: p.due_on,
        url: `${baseUrl}/partnership/clusters/${p.cluster_id}?tab=reports`,
      });
  }
  const actions = await db
    .selectFrom('partnership_actions as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .select(['a.id', 'a.title', 'a.due_on', 'c.short_name'])
    .where('a.owner_user_id', '=', settings.id)
    .where('a.status', 'in', ['open', 'in_progress'])
    .execute();
  for (const a of actions)
    allDay.push({
      uid: `action-${a.id}@${to.domain}`,
      summary: `${a.short_name}: ${english ? 'action' : 'actie'} – ${a.title}`,
      date: a.due_on,
      url: `${baseUrl}/partnership/my-actions`,
    });
  timed.push(...(await deadlineEvents(db, settings, to)));
  return buildIcs({ name: `Speerpunt – ${settings.name}`, stamp: now, timed, allDay });
}
