import { addDays, brusselsDate, mondayOf } from '../../../shared/brussels-time';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import type { Db } from './partnership.repository';
import { notifyPerson, wantsWeeklyDigest } from './notify';

/** Days before its due date that an action is reminded. */
export const ACTION_DUE_SOON_DAYS = 3;
/** Days before its due date that a progress report is reminded. */
export const REPORT_DUE_SOON_DAYS = 14;

export interface ReminderResult {
  date: string;
  actionDue: number;
  actionOverdue: number;
  reportDeadline: number;
  validationOpen: number;
  digests: number;
}

/** Claims (kind, item, person, day) once; false when that reminder was already sent today. */
async function claim(
  tx: Db,
  kind: string,
  itemId: string,
  userId: string,
  date: string,
  channel: 'direct' | 'digest_email' = 'direct',
): Promise<boolean> {
  const row = await tx
    .insertInto('partnership_reminders_sent')
    .values({ kind, item_id: itemId, user_id: userId, sent_on: date, channel })
    .onConflict((oc) => oc.columns(['kind', 'item_id', 'user_id', 'sent_on']).doNothing())
    .returning('item_id')
    .executeTakeFirst();
  return row !== undefined;
}

async function hasKpiMeasurements(tx: Db): Promise<boolean> {
  const row = await sql<{
    present: boolean;
  }>`select to_regclass('kpi_measurements') is not null as present`.execute(tx);
  return row.rows[0]?.present === true;
}

/**
 * Sends the partnership reminders of one day (in Brussels): actions due soon and overdue (to their
 * owner), report deadlines (to the cluster's managers), KPI values waiting for validation (to the
 * cluster's officer), and on the first run of each week the digest for those who chose it.
 * Idempotent: each reminder goes out once per item per person per day, however often it runs
 * (the claim and the message commit together).
 */
export async function runReminders(
  db: Kysely<DB>,
  options: { now: Date; auditActor: AuditActor },
): Promise<ReminderResult> {
  const today = brusselsDate(options.now);
  const result: ReminderResult = {
    date: today,
    actionDue: 0,
    actionOverdue: 0,
    reportDeadline: 0,
    validationOpen: 0,
    digests: 0,
  };
  await db.transaction().execute(async (tx) => {
    const actions = await tx
      .selectFrom('partnership_actions as a')
      .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
      .select(['a.id', 'a.title', 'a.due_on', 'a.owner_user_id', 'a.cluster_id', 'c.name as cluster_name'])
      .where('a.status', 'in', ['open', 'in_progress'])
      .where('a.due_on', '<=', addDays(today, ACTION_DUE_SOON_DAYS))
      .execute();
    for (const a of actions) {
      const overdue = a.due_on < today;
      const kind = overdue ? 'partnership.action_overdue' : 'partnership.action_due';
      if (!(await claim(tx, kind, a.id, a.owner_user_id, today))) continue;
      await notifyPerson(
        tx,
        {
          userId: a.owner_user_id,
          kind,
          params: { title: a.title, cluster: a.cluster_name, due: a.due_on },
          link: '/partnership/my-actions',
        },
        { now: options.now },
      );
      if (overdue) result.actionOverdue += 1;
      else result.actionDue += 1;
    }

    const periods = await tx
      .selectFrom('partnership_report_periods as p')
      .innerJoin('partnership_agreements as a', 'a.id', 'p.agreement_id')
      .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
      .leftJoin('partnership_reports as r', 'r.period_id', 'p.id')
      .select([
        'p.id',
        'p.label',
        'p.due_on',
        'a.cluster_id',
        'c.name as cluster_name',
        'r.status as report_status',
      ])
      .where('p.closed_at', 'is', null)
      .where('p.due_on', '<=', addDays(today, REPORT_DUE_SOON_DAYS))
      .execute();
    for (const p of periods) {
      if (p.report_status === 'submitted' || p.report_status === 'accepted') continue;
      const managers = await tx
        .selectFrom('user_clusters as uc')
        .innerJoin('users as u', 'u.id', 'uc.user_id')
        .select('u.id')
        .where('uc.cluster_id', '=', p.cluster_id)
        .where('u.role', '=', 'manager')
        .where('u.is_active', '=', true)
        .execute();
      for (const m of managers) {
        if (!(await claim(tx, 'partnership.report_deadline', p.id, m.id, today))) continue;
        await notifyPerson(
          tx,
          {
            userId: m.id,
            kind: 'partnership.report_deadline',
            params: { period: p.label, due: p.due_on, cluster: p.cluster_name },
            link: `/partnership/clusters/${p.cluster_id}?tab=reports`,
          },
          { now: options.now },
        );
        result.reportDeadline += 1;
      }
    }

    if (await hasKpiMeasurements(tx)) {
      const open = await sql<{ cluster_id: string; officer_user_id: string; name: string; n: number }>`
        select m.cluster_id, c.officer_user_id, c.name, count(*)::int as n
        from kpi_measurements m join clusters c on c.id = m.cluster_id
        where m.status = 'reported' and c.officer_user_id is not null
        group by m.cluster_id, c.officer_user_id, c.name`.execute(tx);
      for (const row of open.rows) {
        if (!(await claim(tx, 'partnership.validation_open', row.cluster_id, row.officer_user_id, today)))
          continue;
        await notifyPerson(
          tx,
          {
            userId: row.officer_user_id,
            kind: 'partnership.validation_open',
            params: { count: row.n, cluster: row.name },
            link: `/partnership/clusters/${row.cluster_id}`,
          },
          { now: options.now },
        );
        result.validationOpen += 1;
      }
    }

    result.digests = await sendWeeklyDigests(tx, today);
    // Only runs that sent something leave an audit row (the job runs hourly).
    if (
      result.actionDue +
        result.actionOverdue +
        result.reportDeadline +
        result.validationOpen +
        result.digests >
      0
    ) {
      await recordAudit(tx, options.auditActor, {
        action: 'partnership_reminders.sent',
        entityType: 'partnership_reminders',
        after: result,
      });
    }
  });
  return result;
}

/** The weekly digest: once per ISO week, for each person who chose it, their open and overdue actions. */
async function sendWeeklyDigests(tx: Db, today: string): Promise<number> {
  const monday = mondayOf(today);
  const people = await tx
    .selectFrom('partnership_notification_settings')
    .select('user_id')
    .where('weekly_digest', '=', true)
    .execute();
  let sent = 0;
  for (const person of people) {
    if (!(await wantsWeeklyDigest(tx, person.user_id))) continue;
    if (!(await claim(tx, 'partnership.digest', person.user_id, person.user_id, monday, 'digest_email')))
      continue;
    const actions = await tx
      .selectFrom('partnership_actions')
      .select(['title', 'due_on'])
      .where('owner_user_id', '=', person.user_id)
      .where('status', 'in', ['open', 'in_progress'])
      .orderBy('due_on')
      .execute();
    const overdue = actions.filter((a) => a.due_on < today);
    await queueNotification(tx, {
      userId: person.user_id,
      kind: 'partnership.digest',
      params: {
        count: actions.length,
        overdue: overdue.length,
        items: actions.map((a) => ({
          due: a.due_on,
          title: a.title,
          context: a.due_on < today ? 'overdue' : null,
        })),
      },
      link: '/partnership/my-actions',
    });
    sent += 1;
  }
  return sent;
}

/**
 * Runs the reminders from the server process: a minute after start, then hourly. The job is
 * idempotent per day, so several server processes (or a cron job running the CLI) may run it too.
 * Returns a function that stops the schedule.
 */
export function startReminderSchedule(
  db: Kysely<DB>,
  log: { warn: (obj: unknown, msg: string) => void },
  intervalMs = 3_600_000,
): () => void {
  const run = () =>
    void runReminders(db, { now: new Date(), auditActor: { userId: null, label: 'scheduler' } }).catch(
      (error: unknown) => log.warn({ err: error }, 'partnership reminders failed'),
    );
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
