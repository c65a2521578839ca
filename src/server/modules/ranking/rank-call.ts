import type { StepContext } from '../../http/request-context';
import { getCallForStaff } from '../review/review.policy';
import { findCriteria } from '../review/reviews';
import { rankProposals, type RankingInput, type RankingResult } from './rank-proposals';

const SME_CLASSES = new Set(['micro', 'small', 'medium']);

/**
 * The ranking input of a call from the database: agreed consensus scores, the call's criteria
 * (weights, thresholds, scales), overall threshold, ordered tie-break rules, budget envelope,
 * requested aid and SME share (requested aid of micro/small/medium consortium members / all).
 * Proposals without agreed consensus are listed apart as pending: what is ready can be ranked and
 * decided while the rest waits (docs/review.md, "Selection that can be finished").
 */
export async function buildCallRankingInput(db: StepContext['db'], callId: string) {
  const call = await getCallForStaff(db, callId);
  const criteria = await findCriteria(db, call.id);
  const rules = await db
    .selectFrom('call_tie_break_rules')
    .selectAll()
    .where('call_id', '=', call.id)
    .orderBy('position')
    .execute();
  const proposals = await db
    .selectFrom('proposals')
    .leftJoin('consensus_reports as cr', 'cr.proposal_id', 'proposals.id')
    .select([
      'proposals.id',
      'proposals.reference',
      'proposals.title',
      'proposals.submitted_at',
      'proposals.status',
      'cr.status as consensus_status',
    ])
    .where('proposals.call_id', '=', call.id)
    .where('proposals.status', 'in', ['under_review', 'ranked', 'funded', 'reserve', 'rejected'])
    .orderBy('proposals.reference')
    .execute();
  const ids = proposals.map((p) => p.id);
  const scores = ids.length
    ? await db.selectFrom('consensus_scores').selectAll().where('proposal_id', 'in', ids).execute()
    : [];
  const lines = ids.length
    ? await db
        .selectFrom('proposal_budget_lines as l')
        .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
        .select(['l.proposal_id', 'l.requested_aid_cents', 'o.size_class'])
        .where('l.proposal_id', 'in', ids)
        .execute()
    : [];
  const agreed = proposals.filter((p) => p.consensus_status === 'agreed');
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const input: RankingInput = {
    criteria: criteria.map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn ?? undefined,
      weight: c.weight,
      threshold: c.threshold,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
    })),
    overallThreshold: call.overall_threshold === null ? null : Number(call.overall_threshold),
    tieBreakRules: rules.map((r) => ({
      kind: r.kind,
      criterion: r.criterion_id ? codeOf.get(r.criterion_id) : undefined,
      direction: r.direction,
    })),
    budgetCents: Number(call.budget_envelope_cents),
    budgetRule: call.budget_rule,
    proposals: agreed.map((p) => {
      const own = lines.filter((l) => l.proposal_id === p.id);
      const requested = own.reduce((sum, l) => sum + Number(l.requested_aid_cents), 0);
      const sme = own
        .filter((l) => l.size_class && SME_CLASSES.has(l.size_class))
        .reduce((sum, l) => sum + Number(l.requested_aid_cents), 0);
      return {
        id: p.id,
        title: `${p.reference} ${p.title}`,
        scores: Object.fromEntries(
          scores
            .filter((s) => s.proposal_id === p.id)
            .map((s) => [codeOf.get(s.criterion_id) ?? s.criterion_id, Number(s.score)]),
        ),
        requestedCents: requested,
        smeBudgetShare: requested > 0 ? sme / requested : 0,
        submittedAt: p.submitted_at ? p.submitted_at.toISOString() : null,
      };
    }),
  };
  const pending = proposals
    .filter((p) => p.consensus_status !== 'agreed')
    .map((p) => ({
      id: p.id,
      reference: p.reference,
      title: p.title,
      consensusStatus: p.consensus_status ?? 'none',
    }));
  return { call, input, pending };
}

/** The call's ranking; `budgetCents` tries another envelope without changing anything. */
export async function rankCall(
  ctx: StepContext,
  options: { callId: string; budgetCents?: number },
): Promise<{
  result: RankingResult;
  pending: { id: string; reference: string; title: string; consensusStatus: string }[];
  decided: { proposalId: string; outcome: string }[];
  envelopeCents: number;
  budgetRule: RankingResult['budgetRule'];
  tieBreakRules: RankingInput['tieBreakRules'];
}> {
  const { call, input, pending } = await buildCallRankingInput(ctx.db, options.callId);
  const result = rankProposals(input, { budgetCents: options.budgetCents });
  const decided = await ctx.db
    .selectFrom('review_decisions')
    .select(['proposal_id', 'outcome'])
    .where('call_id', '=', call.id)
    .execute();
  return {
    result,
    pending,
    decided: decided.map((d) => ({ proposalId: d.proposal_id, outcome: d.outcome })),
    envelopeCents: Number(call.budget_envelope_cents),
    budgetRule: result.budgetRule,
    tieBreakRules: input.tieBreakRules,
  };
}
