import { brusselsDate } from '../../../shared/brussels-time';
import { AppError, detail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertEditsCluster } from './partnership.policy';
import {
  findEligibleOwners,
  getAgreement,
  getCluster,
  getMeeting,
  type Db,
  type MeetingRow,
} from './partnership.repository';
import type { MeetingInput } from './partnership.schema';
import { instantFromBrusselsLocal } from '../../http/brussels-local-input';
import { takeStatusSnapshot } from './status-snapshot';

const MEETING_START = { nl: 'Begin van de vergadering', en: 'Start of the meeting' };

/** A participant linked to an account must be a person of either side (the cluster's managers, officers). */
async function checkParticipants(db: Db, clusterId: string, input: MeetingInput): Promise<void> {
  const linked = input.participants.map((p, index) => ({ index, userId: p.userId })).filter((p) => p.userId);
  if (linked.length === 0) return;
  const people = new Set((await findEligibleOwners(db, clusterId)).map((p) => p.id));
  const wrong = linked.filter((p) => !people.has(p.userId as string));
  if (wrong.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      details: wrong.map((p) =>
        detail(
          `body.participants.${p.index}.userId`,
          'not_a_partner',
          'Deze persoon hoort niet bij de cluster of VLAIO.',
          'This person is not on the cluster or agency side.',
        ),
      ),
    });
  }
}

async function writeParticipants(tx: Db, meetingId: string, input: MeetingInput): Promise<void> {
  await tx.deleteFrom('partnership_meeting_participants').where('meeting_id', '=', meetingId).execute();
  if (input.participants.length === 0) return;
  await tx
    .insertInto('partnership_meeting_participants')
    .values(
      input.participants.map((p, index) => ({
        meeting_id: meetingId,
        side: p.side,
        user_id: p.userId ?? null,
        name: p.name,
        position: index,
      })),
    )
    .execute();
}

async function checkAgreement(
  ctx: StepContext,
  clusterId: string,
  agreementId: string | undefined,
): Promise<void> {
  if (!agreementId) return;
  const agreement = await getAgreement(ctx.db, actorOf(ctx), agreementId);
  if (agreement.cluster_id !== clusterId) throw new AppError('NOT_FOUND');
}

/**
 * Plans or records a follow-up meeting. The cluster's KPI status and budget status on the meeting
 * date are attached at once as a snapshot (refreshed when the minutes are first written).
 */
export async function createMeeting(
  ctx: StepContext,
  options: { clusterId: string; input: MeetingInput; isExample?: boolean },
): Promise<MeetingRow> {
  const actor = actorOf(ctx);
  await getCluster(ctx.db, actor, options.clusterId);
  assertEditsCluster(actor, options.clusterId);
  const { input } = options;
  await checkAgreement(ctx, options.clusterId, input.agreementId);
  await checkParticipants(ctx.db, options.clusterId, input);
  const startsAt = instantFromBrusselsLocal(input.startsAtLocal, 'body.startsAtLocal', MEETING_START);
  const snapshot = await takeStatusSnapshot(
    ctx.db,
    options.clusterId,
    brusselsDate(startsAt),
    brusselsDate(ctx.now()),
  );
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('partnership_meetings')
      .values({
        cluster_id: options.clusterId,
        agreement_id: input.agreementId ?? null,
        kind: input.kind,
        title: input.title,
        starts_at: startsAt,
        location: input.location,
        agenda: input.agenda,
        is_confidential: input.isConfidential,
        kpi_snapshot: JSON.stringify(snapshot.kpi),
        budget_snapshot: JSON.stringify(snapshot.budget),
        snapshot_taken_at: ctx.now(),
        created_by: actor.userId,
        is_example: options.isExample ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeParticipants(tx, row.id, input);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_meeting.created',
        entityType: 'partnership_meeting',
        entityId: row.id,
        after: {
          clusterId: row.cluster_id,
          kind: row.kind,
          title: row.title,
          startsAt: startsAt.toISOString(),
          isConfidential: row.is_confidential,
        },
      },
      ctx.requestId,
    );
    return row;
  });
}

export async function updateMeeting(
  ctx: StepContext,
  options: { meetingId: string; input: MeetingInput },
): Promise<MeetingRow> {
  const actor = actorOf(ctx);
  const before = await getMeeting(ctx.db, actor, options.meetingId);
  assertEditsCluster(actor, before.cluster_id);
  const { input } = options;
  await checkAgreement(ctx, before.cluster_id, input.agreementId);
  await checkParticipants(ctx.db, before.cluster_id, input);
  const startsAt = instantFromBrusselsLocal(input.startsAtLocal, 'body.startsAtLocal', MEETING_START);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('partnership_meetings')
      .set({
        agreement_id: input.agreementId ?? null,
        kind: input.kind,
        title: input.title,
        starts_at: startsAt,
        location: input.location,
        agenda: input.agenda,
        is_confidential: input.isConfidential,
        updated_at: ctx.now(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeParticipants(tx, row.id, input);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_meeting.updated',
        entityType: 'partnership_meeting',
        entityId: row.id,
        before: {
          clusterId: before.cluster_id,
          kind: before.kind,
          title: before.title,
          startsAt: new Date(before.starts_at).toISOString(),
          isConfidential: before.is_confidential,
        },
        after: {
          clusterId: row.cluster_id,
          kind: row.kind,
          title: row.title,
          startsAt: startsAt.toISOString(),
          isConfidential: row.is_confidential,
        },
      },
      ctx.requestId,
    );
    return row;
  });
}

/**
 * Writes the minutes and decisions. Before sign-off the current version is edited in place;
 * once a version is signed off, an edit becomes a new version and the signed one stays as it was.
 */
export async function saveMinutes(
  ctx: StepContext,
  options: { meetingId: string; body: string; decisions: string[] },
): Promise<{ meeting: MeetingRow; version: number; isNewVersion: boolean }> {
  const actor = actorOf(ctx);
  const meeting = await getMeeting(ctx.db, actor, options.meetingId);
  assertEditsCluster(actor, meeting.cluster_id);
  const latest = await ctx.db
    .selectFrom('partnership_minutes')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  // The snapshot belongs to the meeting date: refresh it when the first minutes are written after the meeting.
  const refresh =
    !latest && new Date(meeting.starts_at).getTime() <= ctx.now().getTime()
      ? await takeStatusSnapshot(
          ctx.db,
          meeting.cluster_id,
          brusselsDate(new Date(meeting.starts_at)),
          brusselsDate(ctx.now()),
        )
      : null;
  return ctx.db.transaction().execute(async (tx) => {
    let version: number;
    let isNewVersion: boolean;
    if (latest && latest.signed_off_at === null) {
      await tx
        .updateTable('partnership_minutes')
        .set({ body: options.body, written_by: actor.userId, written_at: ctx.now() })
        .where('id', '=', latest.id)
        .execute();
      version = latest.version;
      isNewVersion = false;
    } else {
      version = (latest?.version ?? 0) + 1;
      await tx
        .insertInto('partnership_minutes')
        .values({
          meeting_id: meeting.id,
          version,
          body: options.body,
          written_by: actor.userId,
          written_at: ctx.now(),
        })
        .execute();
      isNewVersion = latest !== undefined;
    }
    const beforeDecisions = await tx
      .selectFrom('partnership_decisions')
      .select('text')
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .execute();
    const unchanged =
      beforeDecisions.length === options.decisions.length &&
      beforeDecisions.every((d, i) => d.text === options.decisions[i]);
    if (!unchanged) {
      await tx.deleteFrom('partnership_decisions').where('meeting_id', '=', meeting.id).execute();
      if (options.decisions.length > 0)
        await tx
          .insertInto('partnership_decisions')
          .values(
            options.decisions.map((text, index) => ({
              meeting_id: meeting.id,
              position: index + 1,
              text,
              created_at: ctx.now(),
            })),
          )
          .execute();
    }
    const updated = await tx
      .updateTable('partnership_meetings')
      .set({
        updated_at: ctx.now(),
        ...(refresh
          ? {
              kpi_snapshot: JSON.stringify(refresh.kpi),
              budget_snapshot: JSON.stringify(refresh.budget),
              snapshot_taken_at: ctx.now(),
            }
          : {}),
      })
      .where('id', '=', meeting.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: isNewVersion ? 'partnership_minutes.new_version' : 'partnership_minutes.saved',
        entityType: 'partnership_meeting',
        entityId: meeting.id,
        before: latest
          ? { version: latest.version, decisions: beforeDecisions.map((d) => d.text) }
          : undefined,
        after: { clusterId: meeting.cluster_id, version, decisions: options.decisions },
      },
      ctx.requestId,
    );
    return { meeting: updated, version, isNewVersion };
  });
}

/** Either partner signs off the current version of the minutes (who and when are kept). */
export async function signOffMinutes(ctx: StepContext, options: { meetingId: string }): Promise<MeetingRow> {
  const actor = actorOf(ctx);
  const meeting = await getMeeting(ctx.db, actor, options.meetingId);
  assertEditsCluster(actor, meeting.cluster_id);
  const latest = await ctx.db
    .selectFrom('partnership_minutes')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!latest) throw new AppError('PARTNERSHIP_MINUTES_MISSING');
  if (latest.signed_off_at !== null) throw new AppError('PARTNERSHIP_MINUTES_ALREADY_SIGNED');
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partnership_minutes')
      .set({ signed_off_at: ctx.now(), signed_off_by: actor.userId })
      .where('id', '=', latest.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_minutes.signed_off',
        entityType: 'partnership_meeting',
        entityId: meeting.id,
        after: { clusterId: meeting.cluster_id, version: latest.version },
      },
      ctx.requestId,
    );
    return meeting;
  });
}
