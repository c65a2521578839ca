import { AppError, detail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { isUniqueViolation } from '../../http/database-errors';
import { queueNotification } from '../../notifications/queue-notification';
import type { DecisionOutcome } from '../review/review.tables';
import { getDecidedProposalForApplicant } from '../review/review.policy';
import { objectionDaysOf } from '../review/call-review-settings';
import { findCriteria, getConsensus } from '../review/reviews';
import { buildCallRankingInput } from '../ranking/rank-call';
import { rankProposals } from '../ranking/rank-proposals';
import { wordRankingReason, type RankingReasonLike } from '../../../shared/selection-wording';
import { formatMoney } from '../../../shared/money';
import { formatDate } from '../../../shared/brussels-time';

const OUTCOME_NL: Record<DecisionOutcome, string> = {
  funded: 'Toegekend',
  reserve: 'Op de reservelijst',
  rejected: 'Niet toegekend',
};
const OUTCOME_EN: Record<DecisionOutcome, string> = {
  funded: 'Funded',
  reserve: 'On the reserve list',
  rejected: 'Not funded',
};

/** A ranking reason as stored in a decision's basis (older decisions carry an English `message` too). */
type StoredReason = RankingReasonLike & { message?: string };

export interface DecisionInput {
  proposalId: string;
  outcome: DecisionOutcome;
  amountCents?: number | null;
  conditions?: string;
  motivation: string;
}

/**
 * Records decisions in one batch (one transaction): each with a motivation and its formal basis
 * (criteria, consensus scores, thresholds, weighted total, rank and the ranking's own reasons,
 * the budget) frozen as JSON. The applicant gets a notification and an e-mail; the objection
 * period (`review.objection_days`) starts.
 */
export async function decideProposals(
  ctx: StepContext,
  options: { callId: string; decisions: DecisionInput[] },
) {
  const actor = actorOf(ctx);
  const { call, input } = await buildCallRankingInput(ctx.db, options.callId);
  const ranking = rankProposals(input);
  const criteria = await findCriteria(ctx.db, call.id);
  const problems = options.decisions.flatMap((d, i) => {
    const entry = ranking.ranking.find((r) => r.id === d.proposalId);
    if (!entry)
      return [
        detail(
          `body.decisions.${i}.proposalId`,
          'no_consensus',
          'Dit voorstel heeft geen vastgelegde consensus in deze oproep.',
          'This proposal has no agreed consensus in this call.',
        ),
      ];
    if (d.outcome === 'funded' && (d.amountCents === undefined || d.amountCents === null))
      return [
        detail(
          `body.decisions.${i}.amountCents`,
          'amount_required',
          'Een toekenning heeft een bedrag nodig.',
          'Funding needs an amount.',
        ),
      ];
    return [];
  });
  if (problems.length) throw new AppError('DECISION_NOT_READY', { details: problems });
  const ids = options.decisions.map((d) => d.proposalId);
  const deadline = new Date(ctx.now().getTime() + (await objectionDaysOf(ctx.db, call.id)) * 86_400_000);
  await ctx.db.transaction().execute(async (tx) => {
    // The proposals' row locks (in one order, so two batches cannot deadlock) serialise decisions:
    // a second decision on the same proposal waits, then finds the first and answers 409.
    if (ids.length)
      await tx
        .selectFrom('proposals')
        .select('id')
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute();
    const already = ids.length
      ? await tx
          .selectFrom('review_decisions')
          .select('proposal_id')
          .where('proposal_id', 'in', ids)
          .execute()
      : [];
    if (already.length)
      throw new AppError('DECISION_EXISTS', {
        details: already.map((a) =>
          detail(
            'body.decisions',
            'decided',
            `Al beslist: ${a.proposal_id}.`,
            `Already decided: ${a.proposal_id}.`,
          ),
        ),
      });
    for (const d of options.decisions) {
      const entry = ranking.ranking.find((r) => r.id === d.proposalId);
      if (!entry) continue;
      const basis = {
        rank: entry.rank,
        total: entry.total,
        suggestedStatus: entry.status,
        reasons: entry.reasons,
        // The reasons as issued, in Dutch: the formal decision keeps this text whatever changes later.
        reasonsNl: entry.reasons.map((r) => wordRankingReason(r, 'nl')),
        tieBreak: entry.tieBreak,
        requestedCents: entry.requestedCents,
        budgetCents: ranking.budgetCents,
        budgetRule: ranking.budgetRule,
        overallThreshold: input.overallThreshold ?? null,
        criteria: criteria.map((c) => ({
          code: c.code,
          name: c.name,
          weight: c.weight,
          threshold: c.threshold,
          scaleMin: c.scaleMin,
          scaleMax: c.scaleMax,
          score: entry.scores[c.code] ?? null,
        })),
      };
      await tx
        .insertInto('review_decisions')
        .values({
          proposal_id: d.proposalId,
          call_id: call.id,
          outcome: d.outcome,
          amount_cents: d.outcome === 'funded' ? (d.amountCents ?? null) : null,
          conditions: d.conditions ?? '',
          motivation: d.motivation,
          basis: JSON.stringify(basis),
          objection_deadline: deadline,
          decided_by: actor.userId,
          decided_at: ctx.now(),
        })
        .execute();
      const proposal = await tx
        .updateTable('proposals')
        .set({ status: d.outcome, status_changed_at: ctx.now() })
        .where('id', '=', d.proposalId)
        .returning(['owner_user_id', 'reference', 'title'])
        .executeTakeFirstOrThrow();
      await queueNotification(tx, {
        userId: proposal.owner_user_id,
        kind: 'review.decision',
        title: {
          nl: `Beslissing over ${proposal.reference}: evaluatieverslag beschikbaar`,
          en: `Decision on ${proposal.reference}: evaluation summary available`,
        },
        body: {
          nl:
            `${OUTCOME_NL[d.outcome]}` +
            `${d.outcome === 'funded' && d.amountCents ? ` (${formatMoney(d.amountCents, 'nl')})` : ''}. ` +
            `${entry.reasons.map((r) => wordRankingReason(r, 'nl')).join(' ')} Het ` +
            `evaluatieverslag van ‘${proposal.title}’ staat klaar. Bezwaar is mogelijk ` +
            `tot ${formatDate(deadline, 'nl', 'long')}.`,
          en:
            `${OUTCOME_EN[d.outcome]}` +
            `${d.outcome === 'funded' && d.amountCents ? ` (${formatMoney(d.amountCents, 'en')})` : ''}. ` +
            `${entry.reasons.map((r) => wordRankingReason(r, 'en')).join(' ')} The ` +
            `evaluation summary of “${proposal.title}” is ready. You can object ` +
            `until ${formatDate(deadline, 'en', 'long')}.`,
        },
        link: `/review/summaries/${d.proposalId}`,
      });
      await recordAudit(
        tx,
        ctx.auditActor,
        { action: 'review.decided', entityType: 'proposal', entityId: d.proposalId, after: { ...d, basis } },
        ctx.requestId,
      );
    }
    const open = await tx
      .selectFrom('proposals')
      .select('id')
      .where('call_id', '=', call.id)
      .where('status', 'in', ['eligible', 'under_review', 'ranked'])
      .executeTakeFirst();
    if (!open && call.status === 'in_evaluation')
      await tx
        .updateTable('calls')
        .set({ status: 'decided', updated_at: ctx.now() })
        .where('id', '=', call.id)
        .execute();
  });
  return { decided: options.decisions.length, objectionDeadline: deadline.toISOString() };
}

/**
 * The evaluation summary an applicant gets: consensus scores and comments per criterion, outcome,
 * motivation, objection route.
 */
export async function getEvaluationSummary(ctx: StepContext, proposalId: string) {
  const actor = actorOf(ctx);
  const { proposal, decision, isStaff } = await getDecidedProposalForApplicant(ctx.db, actor, proposalId);
  const call = await ctx.db
    .selectFrom('calls')
    .select(['id', 'code', 'title_nl', 'title_en', 'kind'])
    .where('id', '=', proposal.call_id)
    .executeTakeFirstOrThrow();
  const criteria = await findCriteria(ctx.db, call.id);
  const consensus = await getConsensus(ctx.db, proposal.id);
  const basis = (typeof decision.basis === 'string' ? JSON.parse(decision.basis) : decision.basis) as {
    rank: number | null;
    total: number;
    overallThreshold: number | null;
    reasons: StoredReason[];
    reasonsNl?: string[];
    budgetRule?: string;
  };
  const objections = await ctx.db
    .selectFrom('review_objections')
    .selectAll()
    .where('proposal_id', '=', proposal.id)
    .orderBy('filed_at')
    .execute();
  const deadline = new Date(decision.objection_deadline);
  // One rule, said the same way everywhere: within the period, one open objection at a time.
  const hasOpenObjection = objections.some(
    (o) => o.status === 'open' && (isStaff || o.filed_by === actor.userId),
  );
  const objectionState: 'possible' | 'pending' | 'ended' = hasOpenObjection
    ? 'pending'
    : ctx.now() <= deadline
      ? 'possible'
      : 'ended';
  const canObject = !isStaff && objectionState === 'possible';
  return {
    data: {
      proposal: { id: proposal.id, reference: proposal.reference, title: proposal.title },
      call: { code: call.code, title: call.title_nl, titleEn: call.title_en, kind: call.kind },
      criteria: criteria.map((c) => {
        const s = consensus?.scores.find((x) => x.criterionId === c.id);
        return {
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          weight: c.weight,
          threshold: c.threshold,
          scaleMin: c.scaleMin,
          scaleMax: c.scaleMax,
          score: s?.score ?? null,
          comment: s?.comment ?? '',
        };
      }),
      total: basis.total,
      overallThreshold: basis.overallThreshold,
      rank: basis.rank,
      reasons: basis.reasons.map((r) => ({ code: r.code, params: r.params })),
      reasonsAsIssued: basis.reasonsNl ?? basis.reasons.map((r) => wordRankingReason(r, 'nl')),
      budgetRule: basis.budgetRule ?? 'stop_at_first_misfit',
      minorityView: consensus?.minorityView ?? '',
      outcome: decision.outcome,
      amountCents: decision.amount_cents,
      conditions: decision.conditions,
      motivation: decision.motivation,
      decidedAt: new Date(decision.decided_at).toISOString(),
      objectionDeadline: deadline.toISOString(),
      objectionState,
      networkClusterId: decision.network_cluster_id,
      objections: objections.map((o) => ({
        id: o.id,
        filedAt: new Date(o.filed_at).toISOString(),
        grounds: o.grounds,
        status: o.status,
        outcomeMotivation: o.outcome_motivation,
        handledAt: o.handled_at ? o.handled_at.toISOString() : null,
      })),
    },
    abilities: {
      object: canObject,
      handleObjection: isStaff,
      startNetwork:
        isStaff &&
        decision.outcome === 'funded' &&
        call.kind === 'new_strategic_theme' &&
        !decision.network_cluster_id,
    },
  };
}

/** The applicant objects within the period; officers are notified. */
export async function fileObjection(ctx: StepContext, options: { proposalId: string; grounds: string }) {
  const actor = actorOf(ctx);
  const { proposal, decision, isStaff } = await getDecidedProposalForApplicant(
    ctx.db,
    actor,
    options.proposalId,
  );
  if (isStaff) throw new AppError('FORBIDDEN');
  if (ctx.now() > new Date(decision.objection_deadline)) throw new AppError('OBJECTION_PERIOD_ENDED');
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      // Under the proposal's row lock, at most one open objection per proposal and applicant; the
      // partial unique index keeps the rule even for a writer that skips this step.
      await tx.selectFrom('proposals').select('id').where('id', '=', proposal.id).forUpdate().execute();
      const open = await tx
        .selectFrom('review_objections')
        .select('id')
        .where('proposal_id', '=', proposal.id)
        .where('filed_by', '=', actor.userId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (open) throw new AppError('OBJECTION_ALREADY_OPEN');
      const row = await tx
        .insertInto('review_objections')
        .values({
          proposal_id: proposal.id,
          filed_by: actor.userId,
          grounds: options.grounds,
          filed_at: ctx.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (decision.decided_by) {
        await queueNotification(tx, {
          userId: decision.decided_by,
          kind: 'review.objection',
          title: {
            nl: `Bezwaar tegen de beslissing over ${proposal.reference}`,
            en: `Objection to the decision on ${proposal.reference}`,
          },
          link: `/review/summaries/${proposal.id}`,
        });
      }
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'review.objection_filed',
          entityType: 'review_objection',
          entityId: row.id,
          after: options,
        },
        ctx.requestId,
      );
      return row.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('OBJECTION_ALREADY_OPEN');
      throw error;
    });
}

/** An officer handles an objection with a recorded outcome and motivation; the applicant is told. */
export async function handleObjection(
  ctx: StepContext,
  options: { objectionId: string; status: 'upheld' | 'dismissed'; motivation: string },
) {
  const before = await ctx.db
    .selectFrom('review_objections')
    .selectAll()
    .where('id', '=', options.objectionId)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  if (before.status !== 'open') throw new AppError('OBJECTION_ALREADY_HANDLED');
  await ctx.db.transaction().execute(async (tx) => {
    // Guard and write in one statement: of two officers handling it at once, one records the
    // outcome (and the applicant hears once); the other gets OBJECTION_ALREADY_HANDLED.
    const objection = await tx
      .updateTable('review_objections')
      .set({
        status: options.status,
        outcome_motivation: options.motivation,
        handled_by: actorOf(ctx).userId,
        handled_at: ctx.now(),
      })
      .where('id', '=', before.id)
      .where('status', '=', 'open')
      .returning(['id', 'proposal_id', 'filed_by'])
      .executeTakeFirst();
    if (!objection) throw new AppError('OBJECTION_ALREADY_HANDLED');
    await queueNotification(tx, {
      userId: objection.filed_by,
      kind: 'review.objection_handled',
      title: {
        nl:
          options.status === 'upheld'
            ? 'Je bezwaar is gegrond verklaard'
            : 'Je bezwaar is ongegrond verklaard',
        en: options.status === 'upheld' ? 'Your objection was upheld' : 'Your objection was dismissed',
      },
      body: { nl: options.motivation, en: options.motivation },
      link: `/review/summaries/${objection.proposal_id}`,
    });
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.objection_handled',
        entityType: 'review_objection',
        entityId: objection.id,
        before,
        after: options,
      },
      ctx.requestId,
    );
  });
}

/** Open and handled objections of a call, for officers. */
export async function findCallObjections(ctx: StepContext, callId: string) {
  const rows = await ctx.db
    .selectFrom('review_objections as o')
    .innerJoin('proposals as p', 'p.id', 'o.proposal_id')
    .select([
      'o.id',
      'o.proposal_id',
      'p.reference',
      'p.title',
      'o.grounds',
      'o.status',
      'o.filed_at',
      'o.outcome_motivation',
    ])
    .where('p.call_id', '=', callId)
    .orderBy('o.filed_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    proposalId: r.proposal_id,
    reference: r.reference,
    title: r.title,
    grounds: r.grounds,
    status: r.status,
    filedAt: new Date(r.filed_at).toISOString(),
    outcomeMotivation: r.outcome_motivation,
  }));
}

/**
 * A funded new-strategic-theme proposal starts a business network: a candidate cluster record,
 * its consortium as members (from today), and the proposal's KPIs whose code the KPI catalogue
 * knows as the network's KPI targets (baseline and end target), set in advance.
 */
export async function startBusinessNetwork(ctx: StepContext, proposalId: string) {
  const actor = actorOf(ctx);
  const { proposal, decision } = await getDecidedProposalForApplicant(ctx.db, actor, proposalId);
  const call = await ctx.db
    .selectFrom('calls')
    .select(['kind'])
    .where('id', '=', proposal.call_id)
    .executeTakeFirstOrThrow();
  if (decision.outcome !== 'funded' || call.kind !== 'new_strategic_theme' || decision.network_cluster_id)
    throw new AppError('NETWORK_NOT_POSSIBLE');
  const members = await ctx.db
    .selectFrom('proposal_consortium_members')
    .select('organisation_id')
    .where('proposal_id', '=', proposal.id)
    // A partner without an organisation was added after the last submission: not in the proposal.
    .where('organisation_id', 'is not', null)
    .$narrowType<{ organisation_id: string }>()
    .execute();
  const kpis = await ctx.db
    .selectFrom('proposal_kpis as k')
    .innerJoin('kpi_definitions as d', 'd.code', 'k.kpi_code')
    .select(['d.id as definition_id', 'k.baseline_value', 'k.baseline_date', 'k.target_value'])
    .where('k.proposal_id', '=', proposal.id)
    .execute();
  const today = ctx.now().toISOString().slice(0, 10);
  return ctx.db.transaction().execute(async (tx) => {
    // The decision's row lock makes the start happen once: a second start waits, then finds the
    // network and answers NETWORK_NOT_POSSIBLE (409) instead of creating a second cluster.
    const locked = await tx
      .selectFrom('review_decisions')
      .select('network_cluster_id')
      .where('proposal_id', '=', proposal.id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked || locked.network_cluster_id) throw new AppError('NETWORK_NOT_POSSIBLE');
    const shortName = `BN-${proposal.reference}`.slice(0, 40);
    const cluster = await tx
      .insertInto('clusters')
      .values({
        name: proposal.title,
        short_name: shortName,
        kind: 'business_network',
        status: 'candidate',
        officer_user_id: actor.userId,
        mandate_start: today,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (members.length)
      await tx
        .insertInto('memberships')
        .values(
          members.map((m) => ({
            organisation_id: m.organisation_id,
            cluster_id: cluster.id,
            valid_from: today,
          })),
        )
        .execute();
    const seen = new Set<string>();
    for (const k of kpis) {
      if (seen.has(k.definition_id)) continue;
      seen.add(k.definition_id);
      await tx
        .insertInto('kpi_targets')
        .values({
          definition_id: k.definition_id,
          cluster_id: cluster.id,
          baseline_value: k.baseline_value,
          baseline_date: k.baseline_date,
          end_target_value: k.target_value,
        })
        .execute();
    }
    await tx
      .updateTable('review_decisions')
      .set({ network_cluster_id: cluster.id })
      .where('proposal_id', '=', proposal.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'review.network_started',
        entityType: 'cluster',
        entityId: cluster.id,
        after: { proposalId: proposal.id, members: members.length, kpiTargets: seen.size },
      },
      ctx.requestId,
    );
    return { clusterId: cluster.id, members: members.length, kpiTargets: seen.size };
  });
}
