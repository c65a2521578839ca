import { brusselsDate } from '../../../shared/brussels-time';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertEditsCluster } from './partnership.policy';
import {
  findEligibleOwners,
  getAction,
  getCluster,
  getMeeting,
  type ActionRow,
  type Db,
} from './partnership.repository';
import type { CreateActionInput } from './partnership.schema';
import { notifyPerson } from './notify';

async function assertOwnerEligible(db: Db, clusterId: string, ownerUserId: string): Promise<void> {
  const owners = await findEligibleOwners(db, clusterId);
  if (!owners.some((o) => o.id === ownerUserId)) throw new AppError('PARTNERSHIP_OWNER_NOT_ELIGIBLE');
}

function auditAction(row: {
  cluster_id: string;
  title: string;
  owner_user_id: string;
  due_on: string;
  status: string;
  past_due_reason: string | null;
  meeting_id: string | null;
}) {
  return {
    clusterId: row.cluster_id,
    title: row.title,
    ownerUserId: row.owner_user_id,
    dueOn: row.due_on,
    status: row.status,
    pastDueReason: row.past_due_reason,
    meetingId: row.meeting_id,
  };
}

async function loadAction(tx: Db, id: string): Promise<ActionRow> {
  const row = await tx
    .selectFrom('partnership_actions as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .innerJoin('users as o', 'o.id', 'a.owner_user_id')
    .selectAll('a')
    .select(['c.name as cluster_name', 'o.name as owner_name', 'o.role as owner_role'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('INTERNAL_ERROR');
  return row;
}

async function notifyOwner(tx: Db, ctx: StepContext, row: ActionRow): Promise<void> {
  if (row.owner_user_id === ctx.actor?.userId) return;
  await notifyPerson(
    tx,
    {
      userId: row.owner_user_id,
      kind: 'partnership.action_assigned',
      params: { title: row.title, cluster: row.cluster_name, due: row.due_on },
      link: `/partnership/clusters/${row.cluster_id}?tab=actions`,
    },
    { now: ctx.now() },
  );
}

/**
 * Creates an action item, from a meeting or stand-alone. The owner is a person on either side.
 * A due date already past is refused with PARTNERSHIP_DUE_DATE_IN_PAST unless a reason is given
 * (the UI warns and asks for it); the reason is kept with the action.
 */
export async function createAction(
  ctx: StepContext,
  options: { clusterId: string; input: CreateActionInput; isExample?: boolean },
): Promise<ActionRow> {
  const actor = actorOf(ctx);
  await getCluster(ctx.db, actor, options.clusterId);
  assertEditsCluster(actor, options.clusterId);
  const { input } = options;
  if (input.meetingId) {
    const meeting = await getMeeting(ctx.db, actor, input.meetingId);
    if (meeting.cluster_id !== options.clusterId) throw new AppError('NOT_FOUND');
  }
  await assertOwnerEligible(ctx.db, options.clusterId, input.ownerUserId);
  const today = brusselsDate(ctx.now());
  const reason = input.pastDueReason?.trim() || null;
  if (input.dueOn < today && !reason)
    throw new AppError('PARTNERSHIP_DUE_DATE_IN_PAST', { context: { dueOn: input.dueOn, today } });
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('partnership_actions')
      .values({
        cluster_id: options.clusterId,
        meeting_id: input.meetingId ?? null,
        title: input.title,
        description: input.description,
        owner_user_id: input.ownerUserId,
        due_on: input.dueOn,
        past_due_reason: input.dueOn < today ? reason : null,
        created_by: actor.userId,
        is_example: options.isExample ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await loadAction(tx, id);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_action.created',
        entityType: 'partnership_action',
        entityId: id,
        after: auditAction(row),
      },
      ctx.requestId,
    );
    await notifyOwner(tx, ctx, row);
    return row;
  });
}

export interface UpdateActionOptions {
  actionId: string;
  title?: string;
  description?: string;
  ownerUserId?: string;
  dueOn?: string;
  status?: 'open' | 'in_progress' | 'done' | 'cancelled';
  pastDueReason?: string;
}

/** Changes an action (status, owner, due date...). Moving the due date into the past needs a reason too. */
export async function updateAction(ctx: StepContext, options: UpdateActionOptions): Promise<ActionRow> {
  const actor = actorOf(ctx);
  const before = await getAction(ctx.db, actor, options.actionId);
  assertEditsCluster(actor, before.cluster_id);
  if (options.ownerUserId && options.ownerUserId !== before.owner_user_id)
    await assertOwnerEligible(ctx.db, before.cluster_id, options.ownerUserId);
  const today = brusselsDate(ctx.now());
  const reason = options.pastDueReason?.trim() || null;
  if (options.dueOn && options.dueOn !== before.due_on && options.dueOn < today && !reason)
    throw new AppError('PARTNERSHIP_DUE_DATE_IN_PAST', { context: { dueOn: options.dueOn, today } });
  const status = options.status ?? before.status;
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partnership_actions')
      .set({
        title: options.title ?? before.title,
        description: options.description ?? before.description,
        owner_user_id: options.ownerUserId ?? before.owner_user_id,
        due_on: options.dueOn ?? before.due_on,
        status,
        completed_at: status === 'done' ? (before.completed_at ?? ctx.now()) : null,
        ...(options.dueOn && options.dueOn !== before.due_on && options.dueOn < today
          ? { past_due_reason: reason }
          : {}),
        updated_at: ctx.now(),
      })
      .where('id', '=', before.id)
      .execute();
    const after = await loadAction(tx, before.id);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: status !== before.status ? `partnership_action.${status}` : 'partnership_action.updated',
        entityType: 'partnership_action',
        entityId: before.id,
        before: auditAction(before),
        after: auditAction(after),
      },
      ctx.requestId,
    );
    if (after.owner_user_id !== before.owner_user_id) await notifyOwner(tx, ctx, after);
    return after;
  });
}

/** Adds a comment to an action; both partners can comment. */
export async function commentOnAction(
  ctx: StepContext,
  options: { actionId: string; body: string },
): Promise<ActionRow> {
  const actor = actorOf(ctx);
  const action = await getAction(ctx.db, actor, options.actionId);
  assertEditsCluster(actor, action.cluster_id);
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('partnership_action_comments')
      .values({
        action_id: action.id,
        author_user_id: actor.userId,
        body: options.body,
        created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_action.commented',
        entityType: 'partnership_action',
        entityId: action.id,
        after: { clusterId: action.cluster_id, commentId: id },
      },
      ctx.requestId,
    );
    return action;
  });
}
