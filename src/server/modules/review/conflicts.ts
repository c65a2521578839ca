import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { selectPage, type PageRequest } from '../../http/paging';
import { actorOf, type StepContext } from '../../http/request-context';
import { getCallForStaff, getProposalForExpert, getProposalForStaff } from './review.policy';
import { getReviewSettings } from './review-settings';

/**
 * Derives conflicts of interest from the register: an expert affiliated (now, or with an
 * affiliation that ended within `review.conflict_years`) with an organisation of a proposal's
 * consortium. Idempotent: existing derived conflicts (also lifted ones) are left as they are,
 * so lifting one with a motivation sticks. Returns the number of new conflicts.
 */
export async function deriveConflicts(ctx: StepContext, callId: string): Promise<number> {
  const call = await getCallForStaff(ctx.db, callId);
  const settings = await getReviewSettings(ctx.db);
  const cutoff = new Date(ctx.now());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - settings.conflictYears);
  const cutoffDate = cutoff.toISOString().slice(0, 10);
  const pairs = await ctx.db
    .selectFrom('proposal_consortium_members as m')
    .innerJoin('proposals as p', 'p.id', 'm.proposal_id')
    .innerJoin('expert_affiliations as a', 'a.organisation_id', 'm.organisation_id')
    .innerJoin('call_experts as ce', (join) =>
      join.onRef('ce.user_id', '=', 'a.user_id').on('ce.call_id', '=', call.id),
    )
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['p.id as proposal_id', 'a.user_id', 'm.organisation_id', 'o.name', 'a.role', 'a.valid_to'])
    .where('p.call_id', '=', call.id)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', cutoffDate)]))
    .execute();
  // Organisations linked through the enterprise-number relations the register knows
  // (a consortium member's related enterprise is the expert's organisation, or the other way round).
  const linked = await ctx.db
    .selectFrom('proposal_consortium_members as m')
    .innerJoin('proposals as p', 'p.id', 'm.proposal_id')
    .innerJoin('organisations as om', 'om.id', 'm.organisation_id')
    .innerJoin('call_experts as ce', (join) => join.on('ce.call_id', '=', call.id))
    .innerJoin('expert_affiliations as a', 'a.user_id', 'ce.user_id')
    .innerJoin('organisations as oa', 'oa.id', 'a.organisation_id')
    .select([
      'p.id as proposal_id',
      'a.user_id',
      'm.organisation_id',
      'om.name',
      'oa.name as via',
      'a.role',
      'a.valid_to',
    ])
    .where('p.call_id', '=', call.id)
    .whereRef('a.organisation_id', '<>', 'm.organisation_id')
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', cutoffDate)]))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('organisation_related_enterprises as r')
            .select('r.id')
            .whereRef('r.organisation_id', '=', 'm.organisation_id')
            .whereRef('r.enterprise_number', '=', 'oa.enterprise_number'),
        ),
        eb.exists(
          eb
            .selectFrom('organisation_related_enterprises as r')
            .select('r.id')
            .whereRef('r.organisation_id', '=', 'a.organisation_id')
            .whereRef('r.enterprise_number', '=', 'om.enterprise_number'),
        ),
      ]),
    )
    .execute();
  for (const l of linked)
    pairs.push({
      ...l,
      name: `${l.name} (verbonden onderneming van ${l.via} / enterprise linked to ${l.via})`,
    });
  if (pairs.length === 0) return 0;
  return ctx.db.transaction().execute(async (tx) => {
    let created = 0;
    for (const pair of pairs) {
      const since = pair.valid_to ? `tot ${pair.valid_to}` : 'huidig';
      const inserted = await tx
        .insertInto('review_conflicts')
        .values({
          call_id: call.id,
          proposal_id: pair.proposal_id,
          expert_user_id: pair.user_id,
          source: 'derived',
          reason:
            `Affiliatie met ` +
            `consortiumlid ${pair.name}${pair.role ? ` (${pair.role})` : ''}, ${since} / affiliation ` +
            `with consortium member ${pair.name}`,
          organisation_id: pair.organisation_id,
        })
        .onConflict((oc) => oc.columns(['proposal_id', 'expert_user_id', 'source']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        created++;
        await removeUnstartedAssignment(tx, pair.proposal_id, pair.user_id);
      }
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'review.conflicts_derived', entityType: 'call', entityId: call.id, after: { created } },
      ctx.requestId,
    );
    return created;
  });
}

/** A conflicted pair loses its assignment unless the review was already submitted (then the review stays on file). */
async function removeUnstartedAssignment(
  tx: Parameters<typeof recordAudit>[0],
  proposalId: string,
  expertUserId: string,
): Promise<void> {
  const assignment = await tx
    .selectFrom('review_assignments')
    .select('id')
    .where('proposal_id', '=', proposalId)
    .where('expert_user_id', '=', expertUserId)
    .executeTakeFirst();
  if (!assignment) return;
  const review = await tx
    .selectFrom('reviews')
    .select(['id', 'status'])
    .where('assignment_id', '=', assignment.id)
    .executeTakeFirst();
  if (review?.status === 'submitted') return;
  if (review) await tx.deleteFrom('reviews').where('id', '=', review.id).execute();
  await tx.deleteFrom('review_assignments').where('id', '=', assignment.id).execute();
}

/** An officer adds a conflict with a reason; the pair's assignment (if not submitted) goes. */
export async function addOfficerConflict(
  ctx: StepContext,
  options: { callId: string; proposalId: string; expertUserId: string; reason: string },
) {
  const call = await getCallForStaff(ctx.db, options.callId);
  const proposal = await getProposalForStaff(ctx.db, options.proposalId);
  if (proposal.call_id !== call.id) throw new AppError('NOT_FOUND');
  const expert = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('id', '=', options.expertUserId)
    .where('role', '=', 'expert')
    .executeTakeFirst();
  if (!expert) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('review_conflicts')
      .values({
        call_id: call.id,
        proposal_id: proposal.id,
        expert_user_id: expert.id,
        source: 'officer',
        reason: options.reason,
        created_by: actorOf(ctx).userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['proposal_id', 'expert_user_id', 'source'])
          .doUpdateSet({ reason: options.reason, lifted_at: null, lifted_by: null, lift_motivation: null }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await removeUnstartedAssignment(tx, proposal.id, expert.id);
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'review.conflict_added', entityType: 'review_conflict', entityId: row.id, after: options },
      ctx.requestId,
    );
    return row.id;
  });
}

/** The expert declares a conflict on a proposal assigned to them; it disappears from their list at once. */
export async function declareConflict(ctx: StepContext, options: { proposalId: string; reason: string }) {
  const actor = actorOf(ctx);
  const proposal = await getProposalForExpert(ctx.db, actor.userId, options.proposalId);
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('review_conflicts')
      .values({
        call_id: proposal.call_id,
        proposal_id: proposal.id,
        expert_user_id: actor.userId,
        source: 'declared',
        reason: options.reason,
        created_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.columns(['proposal_id', 'expert_user_id', 'source']).doUpdateSet({ reason: options.reason }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await removeUnstartedAssignment(tx, proposal.id, actor.userId);
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'review.conflict_declared', entityType: 'review_conflict', entityId: row.id, after: options },
      ctx.requestId,
    );
  });
}

/** An officer lifts a derived or officer-added conflict, only with a motivation; declared ones stay. */
export async function liftConflict(ctx: StepContext, options: { conflictId: string; motivation: string }) {
  const conflict = await ctx.db
    .selectFrom('review_conflicts')
    .selectAll()
    .where('id', '=', options.conflictId)
    .executeTakeFirst();
  if (!conflict) throw new AppError('NOT_FOUND');
  if (conflict.source === 'declared') throw new AppError('CONFLICT_NOT_LIFTABLE');
  if (conflict.lifted_at) throw new AppError('CONFLICT_ALREADY_LIFTED');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('review_conflicts')
      .set({ lifted_at: ctx.now(), lifted_by: actorOf(ctx).userId, lift_motivation: options.motivation })
      .where('id', '=', conflict.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.conflict_lifted',
        entityType: 'review_conflict',
        entityId: conflict.id,
        before: conflict,
        after: { motivation: options.motivation },
      },
      ctx.requestId,
    );
  });
}

/** One page of the conflicts of a call, for officers, by proposal reference and expert name. */
export async function findCallConflicts(ctx: StepContext, callId: string, p: PageRequest) {
  const call = await getCallForStaff(ctx.db, callId);
  const query = ctx.db
    .selectFrom('review_conflicts as c')
    .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
    .innerJoin('users as u', 'u.id', 'c.expert_user_id')
    .select([
      'c.id',
      'c.proposal_id',
      'p.reference',
      'p.title',
      'c.expert_user_id',
      'u.name as expert_name',
      'c.source',
      'c.reason',
      'c.created_at',
      'c.lifted_at',
      'c.lift_motivation',
    ])
    .where('c.call_id', '=', call.id)
    .orderBy('p.reference')
    .orderBy('u.name')
    .orderBy('c.id');
  const { rows, total } = await selectPage(query, p);
  const presented = rows.map((r) => ({
    id: r.id,
    proposalId: r.proposal_id,
    reference: r.reference,
    title: r.title,
    expertUserId: r.expert_user_id,
    expertName: r.expert_name,
    source: r.source,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    liftedAt: r.lifted_at ? r.lifted_at.toISOString() : null,
    liftMotivation: r.lift_motivation,
    isActive: r.lifted_at === null,
  }));
  return { rows: presented, total };
}
