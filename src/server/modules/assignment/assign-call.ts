import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { queueNotification } from '../../notifications/queue-notification';
import { getCallForStaff } from '../review/review.policy';
import { deriveConflicts } from '../review/conflicts';
import { solveAssignment, type AssignmentInstance, type AssignmentResult } from './solve-assignment';

type Db = StepContext['db'];

/**
 * Expertise fit of an expert for a proposal, in [0, 1]: 0.7 × the share of the proposal's
 * themes the expert covers + 0.1 per profile keyword found in the title or summary (at most 3).
 */
export function expertiseFit(
  proposalThemes: string[],
  expertThemes: Set<string>,
  text: string,
  keywords: string[],
): number {
  const themeShare =
    proposalThemes.length === 0
      ? 0
      : proposalThemes.filter((t) => expertThemes.has(t)).length / proposalThemes.length;
  const lower = text.toLowerCase();
  const hits = keywords.filter((k) => k.length > 2 && lower.includes(k.toLowerCase())).length;
  return Math.round((0.7 * themeShare + 0.1 * Math.min(3, hits)) * 1000) / 1000;
}

export interface CallAssignmentPlan {
  instance: AssignmentInstance;
  result: AssignmentResult;
  /** Pairs kept as they were (manual, forced or with a review started). */
  kept: number;
  saved: boolean;
  proposals: { id: string; reference: string; title: string }[];
  experts: { id: string; name: string }[];
}

/**
 * Builds the solver instance of a call from the database: eligible proposals, accepted experts, fits,
 * conflicts, kept pairs.
 */
export async function buildCallInstance(db: Db, callId: string) {
  const call = await getCallForStaff(db, callId);
  const proposals = await db
    .selectFrom('proposals')
    .select(['id', 'reference', 'title', 'summary'])
    .where('call_id', '=', call.id)
    .where('status', 'in', ['eligible', 'under_review'])
    .orderBy('reference')
    .execute();
  const experts = await db
    .selectFrom('call_experts as ce')
    .innerJoin('users as u', 'u.id', 'ce.user_id')
    .leftJoin('expert_profiles as p', 'p.user_id', 'ce.user_id')
    .select([
      'u.id',
      'u.name',
      'ce.max_load as call_max_load',
      'p.max_load',
      'p.min_load',
      'p.keywords',
      'p.is_available',
    ])
    .where('ce.call_id', '=', call.id)
    .where('ce.status', '=', 'accepted')
    .where('ce.declaration_accepted_at', 'is not', null)
    .where('u.is_active', '=', true)
    .orderBy('u.name')
    .execute();
  const available = experts.filter((e) => e.is_available !== false);
  const proposalIds = proposals.map((p) => p.id);
  const expertIds = available.map((e) => e.id);
  const proposalThemes = proposalIds.length
    ? await db
        .selectFrom('proposal_themes')
        .select(['proposal_id', 'theme_id'])
        .where('proposal_id', 'in', proposalIds)
        .execute()
    : [];
  const expertThemes = expertIds.length
    ? await db
        .selectFrom('expert_themes')
        .select(['user_id', 'theme_id'])
        .where('user_id', 'in', expertIds)
        .execute()
    : [];
  const conflicts = proposalIds.length
    ? await db
        .selectFrom('review_conflicts')
        .select(['proposal_id', 'expert_user_id'])
        .where('call_id', '=', call.id)
        .where('lifted_at', 'is', null)
        .execute()
    : [];
  const existing = await db
    .selectFrom('review_assignments as a')
    .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
    .select(['a.id', 'a.proposal_id', 'a.expert_user_id', 'a.origin', 'a.is_forced', 'r.id as review_id'])
    .where('a.call_id', '=', call.id)
    .execute();
  const themesOf = new Map<string, string[]>();
  for (const row of proposalThemes)
    themesOf.set(row.proposal_id, [...(themesOf.get(row.proposal_id) ?? []), row.theme_id]);
  const expertThemeSets = new Map<string, Set<string>>();
  for (const row of expertThemes)
    expertThemeSets.set(row.user_id, (expertThemeSets.get(row.user_id) ?? new Set()).add(row.theme_id));

  const inCall = new Set(proposalIds);
  const isExpert = new Set(expertIds);
  const keptRows = existing.filter(
    (a) =>
      (a.origin === 'manual' || a.is_forced || a.review_id !== null) &&
      inCall.has(a.proposal_id) &&
      isExpert.has(a.expert_user_id),
  );
  const affinity: NonNullable<AssignmentInstance['affinity']> = [];
  for (const p of proposals) {
    for (const e of available) {
      const score = expertiseFit(
        themesOf.get(p.id) ?? [],
        expertThemeSets.get(e.id) ?? new Set(),
        `${p.title} ${p.summary}`,
        e.keywords ?? [],
      );
      if (score !== 0) affinity.push({ proposal: p.id, expert: e.id, score });
    }
  }
  const instance: AssignmentInstance = {
    proposals: proposals.map((p) => ({ id: p.id, demand: call.reviews_per_proposal })),
    experts: available.map((e) => {
      const maxLoad = e.call_max_load ?? e.max_load ?? 8;
      return { id: e.id, maxLoad, minLoad: Math.min(e.min_load ?? 0, maxLoad) };
    }),
    affinity,
    conflicts: conflicts
      .filter((c) => inCall.has(c.proposal_id) && isExpert.has(c.expert_user_id))
      .map((c) => ({ proposal: c.proposal_id, expert: c.expert_user_id })),
    forced: keptRows.map((a) => ({ proposal: a.proposal_id, expert: a.expert_user_id })),
  };
  return { call, proposals, experts: available, instance, existing, keptRows, themesOf, expertThemeSets };
}

/**
 * Runs the exact solver on a call. Manual and forced pairs and pairs whose review has started
 * are kept; other solver pairs are replaced. Derived conflicts are refreshed first. When no
 * full assignment exists, nothing is written unless `acceptShortfall` is set: the officer sees
 * which proposals fall short and why first.
 */
export async function assignCall(
  ctx: StepContext,
  options: { callId: string; dryRun: boolean; acceptShortfall: boolean },
): Promise<CallAssignmentPlan> {
  const actor = actorOf(ctx);
  const call = await getCallForStaff(ctx.db, options.callId);
  if (call.status !== 'closed' && call.status !== 'in_evaluation')
    throw new AppError('CALL_NOT_IN_EVALUATION');
  if (!options.dryRun) await deriveConflicts(ctx, call.id);
  const built = await buildCallInstance(ctx.db, call.id);
  const result = solveAssignment(built.instance);
  // Add the theme view to each shortfall reason: how many conflict-free experts share a theme.
  const conflictedOf = new Map<string, Set<string>>();
  for (const c of built.instance.conflicts ?? []) {
    const experts = conflictedOf.get(c.proposal) ?? new Set<string>();
    experts.add(c.expert);
    conflictedOf.set(c.proposal, experts);
  }
  for (const short of result.shortfall) {
    const themes = built.themesOf.get(short.proposal) ?? [];
    const conflicted = conflictedOf.get(short.proposal);
    const ofTheme = built.experts.filter(
      (e) => !conflicted?.has(e.id) && themes.some((t) => built.expertThemeSets.get(e.id)?.has(t)),
    ).length;
    short.params = { ...short.params, sharingTheme: ofTheme };
  }
  const plan: CallAssignmentPlan = {
    instance: built.instance,
    result,
    kept: built.keptRows.length,
    saved: false,
    proposals: built.proposals.map((p) => ({ id: p.id, reference: p.reference, title: p.title })),
    experts: built.experts.map((e) => ({ id: e.id, name: e.name })),
  };
  if (options.dryRun || (!result.feasible && !options.acceptShortfall)) return plan;

  const affinityOf = new Map(
    (built.instance.affinity ?? []).map((a) => [`${a.proposal}|${a.expert}`, a.score]),
  );
  const keptKeys = new Set(built.keptRows.map((a) => `${a.proposal_id}|${a.expert_user_id}`));
  await ctx.db.transaction().execute(async (tx) => {
    // One run at a time per call: under the call's row lock, the plan is saved only when the
    // assignments are still those it was computed from; a run that lost the race answers 409.
    await tx.selectFrom('calls').select('id').where('id', '=', call.id).forUpdate().executeTakeFirst();
    const current = await tx
      .selectFrom('review_assignments')
      .select('id')
      .where('call_id', '=', call.id)
      .execute();
    const computedFrom = new Set(built.existing.map((a) => a.id));
    if (current.length !== computedFrom.size || current.some((a) => !computedFrom.has(a.id)))
      throw new AppError('CONCURRENT_UPDATE');
    const replaceable = built.existing.filter(
      (a) => !keptKeys.has(`${a.proposal_id}|${a.expert_user_id}`) && a.review_id === null,
    );
    if (replaceable.length)
      await tx
        .deleteFrom('review_assignments')
        .where(
          'id',
          'in',
          replaceable.map((a) => a.id),
        )
        .execute();
    const fresh = result.assignments.filter((a) => !keptKeys.has(`${a.proposal}|${a.expert}`));
    if (fresh.length) {
      await tx
        .insertInto('review_assignments')
        .values(
          fresh.map((a) => ({
            call_id: call.id,
            proposal_id: a.proposal,
            expert_user_id: a.expert,
            origin: 'solver' as const,
            affinity: affinityOf.get(`${a.proposal}|${a.expert}`) ?? 0,
            created_by: actor.userId,
          })),
        )
        .execute();
    }
    await tx
      .updateTable('proposals')
      .set({ status: 'under_review', status_changed_at: ctx.now() })
      .where('call_id', '=', call.id)
      .where('status', '=', 'eligible')
      .execute();
    if (call.status === 'closed')
      await tx
        .updateTable('calls')
        .set({ status: 'in_evaluation', updated_at: ctx.now() })
        .where('id', '=', call.id)
        .execute();
    const perExpert = new Map<string, number>();
    for (const a of fresh) perExpert.set(a.expert, (perExpert.get(a.expert) ?? 0) + 1);
    for (const [expertId, count] of perExpert) {
      await queueNotification(tx, {
        userId: expertId,
        kind: 'review.assigned',
        params: { count, call: call.code },
        link: '/review/my',
      });
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.assignment_run',
        entityType: 'call',
        entityId: call.id,
        after: {
          feasible: result.feasible,
          objective: result.objective,
          added: fresh.length,
          removed: replaceable.length,
          kept: built.keptRows.length,
          shortfall: result.shortfall,
        },
      },
      ctx.requestId,
    );
  });
  plan.saved = true;
  return plan;
}

/** An officer assigns one pair by hand (optionally forced: the solver keeps it on every re-run). */
export async function addManualAssignment(
  ctx: StepContext,
  options: { callId: string; proposalId: string; expertUserId: string; isForced: boolean },
) {
  const call = await getCallForStaff(ctx.db, options.callId);
  const proposal = await ctx.db
    .selectFrom('proposals')
    .select(['id', 'status'])
    .where('id', '=', options.proposalId)
    .where('call_id', '=', call.id)
    .where('status', 'in', ['eligible', 'under_review'])
    .executeTakeFirst();
  if (!proposal) throw new AppError('NOT_FOUND');
  const onCall = await ctx.db
    .selectFrom('call_experts')
    .select('user_id')
    .where('call_id', '=', call.id)
    .where('user_id', '=', options.expertUserId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  if (!onCall) throw new AppError('EXPERT_NOT_ON_CALL');
  const conflict = await ctx.db
    .selectFrom('review_conflicts')
    .select('id')
    .where('proposal_id', '=', proposal.id)
    .where('expert_user_id', '=', options.expertUserId)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  if (conflict) throw new AppError('REVIEW_CONFLICT_OF_INTEREST');
  return ctx.db.transaction().execute(async (tx) => {
    // Guard and write in one statement: the pair's unique key decides who assigned it first.
    const row = await tx
      .insertInto('review_assignments')
      .values({
        call_id: call.id,
        proposal_id: proposal.id,
        expert_user_id: options.expertUserId,
        origin: 'manual',
        is_forced: options.isForced,
        created_by: actorOf(ctx).userId,
      })
      .onConflict((oc) => oc.columns(['proposal_id', 'expert_user_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('ASSIGNMENT_EXISTS');
    if (proposal.status === 'eligible')
      await tx
        .updateTable('proposals')
        .set({ status: 'under_review', status_changed_at: ctx.now() })
        .where('id', '=', proposal.id)
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.assignment_added',
        entityType: 'review_assignment',
        entityId: row.id,
        after: options,
      },
      ctx.requestId,
    );
    return row.id;
  });
}

/** An officer removes a pair whose review has not started. */
export async function removeAssignment(ctx: StepContext, assignmentId: string): Promise<void> {
  const assignment = await ctx.db
    .selectFrom('review_assignments')
    .selectAll()
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  if (!assignment) throw new AppError('NOT_FOUND');
  const review = await ctx.db
    .selectFrom('reviews')
    .select('id')
    .where('assignment_id', '=', assignment.id)
    .executeTakeFirst();
  if (review) throw new AppError('ASSIGNMENT_REVIEW_STARTED');
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('review_assignments').where('id', '=', assignment.id).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.assignment_removed',
        entityType: 'review_assignment',
        entityId: assignment.id,
        before: assignment,
      },
      ctx.requestId,
    );
  });
}

/** An officer names the rapporteur of a proposal (one of its experts), or none (the officer writes consensus). */
export async function setRapporteur(
  ctx: StepContext,
  options: { proposalId: string; expertUserId: string | null },
): Promise<void> {
  const assignments = await ctx.db
    .selectFrom('review_assignments')
    .select(['id', 'expert_user_id'])
    .where('proposal_id', '=', options.proposalId)
    .execute();
  if (assignments.length === 0) throw new AppError('NOT_FOUND');
  if (options.expertUserId && !assignments.some((a) => a.expert_user_id === options.expertUserId))
    throw new AppError('EXPERT_NOT_ON_CALL');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('review_assignments')
      .set({ is_rapporteur: false })
      .where('proposal_id', '=', options.proposalId)
      .execute();
    if (options.expertUserId)
      await tx
        .updateTable('review_assignments')
        .set({ is_rapporteur: true })
        .where('proposal_id', '=', options.proposalId)
        .where('expert_user_id', '=', options.expertUserId)
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.rapporteur_set',
        entityType: 'proposal',
        entityId: options.proposalId,
        after: options,
      },
      ctx.requestId,
    );
  });
}
