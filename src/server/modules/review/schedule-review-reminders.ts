import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Config } from '../../../config';
import { systemActor } from '../../http/actor';
import type { StepContext } from '../../http/request-context';
import { remindExperts } from './call-review-settings';

/** How close a review deadline must be before experts with open reviews are reminded. */
export const REMIND_WITHIN_MS = 3 * 86_400_000;
/** A call's experts are reminded by the scheduler at most once in this span. */
export const REMIND_EVERY_MS = 20 * 3_600_000;
const SCHEDULER = 'review-scheduler';

/**
 * Reminds the experts of every call whose review deadline falls within the next three days,
 * at most once a day per call (the last reminder is read from the audit trail, so several
 * server processes agree). Returns the number of calls whose experts were reminded.
 */
export async function runReviewReminders(ctx: StepContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db
    .selectFrom('call_review_settings')
    .select('call_id')
    .where('review_deadline', '>', now)
    .where('review_deadline', '<=', new Date(now.getTime() + REMIND_WITHIN_MS))
    .execute();
  let reminded = 0;
  for (const { call_id: callId } of due) {
    const recent = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'review.reminders_sent')
      .where('entity_id', '=', callId)
      .where('actor_label', '=', SCHEDULER)
      .where('occurred_at', '>', new Date(now.getTime() - REMIND_EVERY_MS))
      .limit(1)
      .executeTakeFirst();
    if (recent) continue;
    if ((await remindExperts(ctx, callId)) > 0) reminded += 1;
  }
  return reminded;
}

/** Runs the review reminders a minute after start and then hourly; returns a stop function. */
export function startReviewReminderSchedule(
  db: Kysely<DB>,
  config: Config,
  log: { warn: (obj: unknown, msg: string) => void },
  intervalMs = 3_600_000,
): () => void {
  const ctx: StepContext = {
    db,
    actor: null,
    auditActor: systemActor(SCHEDULER),
    requestId: null,
    now: () => new Date(),
    config,
  };
  const run = () =>
    void runReviewReminders(ctx).catch((error: unknown) =>
      log.warn({ err: error }, 'review reminders failed'),
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
