import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { queueNotification } from '../../notifications/queue-notification';
import { getCallForStaff } from './review.policy';
import { getReviewSettings } from './review-settings';

type Db = StepContext['db'];

export interface CallReviewSettings {
  reviewDeadline: string | null;
  showReviewerIdentities: boolean;
  /** The call's own objection period in days; null: the platform's `review.objection_days`. */
  objectionDays: number | null;
}

export async function getCallReviewSettings(db: Db, callId: string): Promise<CallReviewSettings> {
  const row = await db
    .selectFrom('call_review_settings')
    .selectAll()
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return {
    reviewDeadline: row?.review_deadline ? row.review_deadline.toISOString() : null,
    showReviewerIdentities: row?.show_reviewer_identities ?? false,
    objectionDays: row?.objection_days ?? null,
  };
}

/** Days an applicant has to object to a decision in this call: the call's own period, else the platform's. */
export async function objectionDaysOf(db: Db, callId: string): Promise<number> {
  const own = (await getCallReviewSettings(db, callId)).objectionDays;
  return own ?? (await getReviewSettings(db)).objectionDays;
}

/** Refuses review writes after the call's review deadline (when one is set). */
export async function assertBeforeReviewDeadline(ctx: StepContext, callId: string): Promise<void> {
  const settings = await getCallReviewSettings(ctx.db, callId);
  if (settings.reviewDeadline && ctx.now() > new Date(settings.reviewDeadline))
    throw new AppError('REVIEW_DEADLINE_PASSED');
}

/**
 * Sets the call's review deadline (an instant; entered in Europe/Brussels by the UI), whether experts
 * see reviewer names, and the call's objection period (days after a decision; null: the platform's).
 */
export async function saveCallReviewSettings(
  ctx: StepContext,
  options: { callId: string } & Omit<CallReviewSettings, 'objectionDays'> & { objectionDays?: number | null },
): Promise<CallReviewSettings> {
  const call = await getCallForStaff(ctx.db, options.callId);
  const before = await getCallReviewSettings(ctx.db, call.id);
  const values = {
    review_deadline: options.reviewDeadline,
    show_reviewer_identities: options.showReviewerIdentities,
    objection_days: options.objectionDays === undefined ? before.objectionDays : options.objectionDays,
    updated_by: actorOf(ctx).userId,
    updated_at: ctx.now(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('call_review_settings')
      .values({ call_id: call.id, ...values })
      .onConflict((oc) => oc.column('call_id').doUpdateSet(values))
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'review.settings_saved', entityType: 'call', entityId: call.id, before, after: options },
      ctx.requestId,
    );
  });
  return getCallReviewSettings(ctx.db, call.id);
}

/**
 * Reminds every expert with reviews not yet submitted (in-app and e-mail), naming the deadline. Returns how
 * many were reminded.
 */
export async function remindExperts(ctx: StepContext, callId: string): Promise<number> {
  const call = await getCallForStaff(ctx.db, callId);
  const settings = await getCallReviewSettings(ctx.db, call.id);
  const open = await ctx.db
    .selectFrom('review_assignments as a')
    .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
    .select(['a.expert_user_id', sql<number>`count(*)::int`.as('n')])
    .where('a.call_id', '=', call.id)
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '=', 'draft')]))
    .groupBy('a.expert_user_id')
    .execute();
  await ctx.db.transaction().execute(async (tx) => {
    for (const row of open) {
      await queueNotification(tx, {
        userId: row.expert_user_id,
        kind: 'review.reminder',
        params: {
          count: row.n,
          call: call.code,
          deadline: settings.reviewDeadline,
          context: settings.reviewDeadline ? undefined : 'nodeadline',
        },
        link: '/review/my',
      });
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.reminders_sent',
        entityType: 'call',
        entityId: call.id,
        after: { experts: open.length },
      },
      ctx.requestId,
    );
  });
  return open.length;
}
