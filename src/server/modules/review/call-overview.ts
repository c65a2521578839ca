import { sql } from 'kysely';
import { selectPage, type PageRequest } from '../../http/paging';
import type { StepContext } from '../../http/request-context';
import { getCallForStaff } from './review.policy';
import { getReviewSettings } from './review-settings';
import { disagreements, findCriteria } from './reviews';
import { getCallReviewSettings } from './call-review-settings';

/** One page of the calls that reached review (closed and later), with their counts, for officers. */
export async function findReviewCalls(ctx: StepContext, p: PageRequest) {
  const query = ctx.db
    .selectFrom('calls')
    .select([
      'calls.id',
      'calls.code',
      'calls.title_nl',
      'calls.status',
      'calls.kind',
      'calls.budget_envelope_cents',
      'calls.reviews_per_proposal',
    ])
    .select((eb) => [
      eb
        .selectFrom('proposals')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('proposals.call_id', '=', 'calls.id')
        .where('proposals.status', 'in', [
          'eligible',
          'under_review',
          'ranked',
          'funded',
          'reserve',
          'rejected',
        ])
        .as('proposals'),
      eb
        .selectFrom('call_experts')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('call_experts.call_id', '=', 'calls.id')
        .where('call_experts.status', '=', 'accepted')
        .as('experts'),
    ])
    .where('calls.status', 'in', ['closed', 'in_evaluation', 'decided'])
    .orderBy('calls.code')
    .orderBy('calls.id');
  const { rows, total } = await selectPage(query, p);
  const presented = rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title_nl,
    status: r.status,
    kind: r.kind,
    budgetCents: Number(r.budget_envelope_cents),
    reviewsPerProposal: r.reviews_per_proposal,
    proposals: Number(r.proposals ?? 0),
    experts: Number(r.experts ?? 0),
  }));
  return { rows: presented, total };
}

/**
 * One call's review state: proposals with their experts, review progress, consensus and disagreement;
 * experts with loads.
 */
export async function getCallOverview(ctx: StepContext, callId: string) {
  const call = await getCallForStaff(ctx.db, callId);
  const settings = await getReviewSettings(ctx.db);
  const criteria = await findCriteria(ctx.db, call.id);
  const proposals = await ctx.db
    .selectFrom('proposals')
    .leftJoin('consensus_reports as cr', 'cr.proposal_id', 'proposals.id')
    .leftJoin('review_decisions as d', 'd.proposal_id', 'proposals.id')
    .select([
      'proposals.id',
      'proposals.reference',
      'proposals.title',
      'proposals.status',
      'cr.status as consensus_status',
      'd.outcome',
    ])
    .where('proposals.call_id', '=', call.id)
    .where('proposals.status', 'in', ['eligible', 'under_review', 'ranked', 'funded', 'reserve', 'rejected'])
    .orderBy('proposals.reference')
    .execute();
  const assignments = await ctx.db
    .selectFrom('review_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.expert_user_id')
    .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
    .select([
      'a.id',
      'a.proposal_id',
      'a.expert_user_id',
      'u.name',
      'a.origin',
      'a.is_forced',
      'a.is_rapporteur',
      'a.affinity',
      'r.status as review_status',
    ])
    .where('a.call_id', '=', call.id)
    .orderBy('u.name')
    .execute();
  const scores = await ctx.db
    .selectFrom('review_scores as s')
    .innerJoin('reviews as r', 'r.id', 's.review_id')
    .innerJoin('review_assignments as a', 'a.id', 'r.assignment_id')
    .select(['r.id as review_id', 'r.proposal_id', 's.criterion_id', 's.score'])
    .where('a.call_id', '=', call.id)
    .where('r.status', '=', 'submitted')
    .execute();
  const experts = await ctx.db
    .selectFrom('call_experts as ce')
    .innerJoin('users as u', 'u.id', 'ce.user_id')
    .leftJoin('expert_profiles as p', 'p.user_id', 'ce.user_id')
    .select([
      'u.id',
      'u.name',
      'ce.status',
      'ce.declaration_accepted_at',
      'ce.max_load as call_max_load',
      'p.max_load',
      'p.min_load',
    ])
    .where('ce.call_id', '=', call.id)
    .orderBy('u.name')
    .execute();
  const conflictCounts = await ctx.db
    .selectFrom('review_conflicts')
    .select(['expert_user_id', sql<number>`count(*)::int`.as('n')])
    .where('call_id', '=', call.id)
    .where('lifted_at', 'is', null)
    .groupBy('expert_user_id')
    .execute();
  return {
    call: {
      id: call.id,
      code: call.code,
      title: call.title_nl,
      status: call.status,
      kind: call.kind,
      budgetCents: Number(call.budget_envelope_cents),
      reviewsPerProposal: call.reviews_per_proposal,
    },
    settings: await getCallReviewSettings(ctx.db, call.id),
    criteria,
    proposals: proposals.map((p) => {
      const own = assignments.filter((a) => a.proposal_id === p.id);
      const byReview = new Map<string, { criterionId: string; score: number | null }[]>();
      for (const s of scores.filter((x) => x.proposal_id === p.id))
        byReview.set(s.review_id, [
          ...(byReview.get(s.review_id) ?? []),
          { criterionId: s.criterion_id, score: s.score === null ? null : Number(s.score) },
        ]);
      const flagged = disagreements(
        criteria,
        [...byReview.values()].map((list) => ({ scores: list })),
        settings.disagreementThreshold,
      );
      return {
        id: p.id,
        reference: p.reference,
        title: p.title,
        status: p.status,
        experts: own.map((a) => ({
          assignmentId: a.id,
          expertUserId: a.expert_user_id,
          name: a.name,
          origin: a.origin,
          isForced: a.is_forced,
          isRapporteur: a.is_rapporteur,
          affinity: Number(a.affinity),
          reviewStatus: a.review_status ?? 'not_started',
        })),
        reviewsSubmitted: own.filter((a) => a.review_status === 'submitted').length,
        consensusStatus: p.consensus_status ?? 'none',
        disagreement: flagged.map((f) => f.code),
        outcome: p.outcome ?? null,
      };
    }),
    experts: experts.map((e) => ({
      userId: e.id,
      name: e.name,
      status: e.status,
      declarationAccepted: e.declaration_accepted_at !== null,
      maxLoad: e.call_max_load ?? e.max_load ?? 8,
      minLoad: e.min_load ?? 0,
      assigned: assignments.filter((a) => a.expert_user_id === e.id).length,
      conflicts: Number(conflictCounts.find((c) => c.expert_user_id === e.id)?.n ?? 0),
    })),
  };
}
