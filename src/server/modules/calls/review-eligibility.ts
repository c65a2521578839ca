import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import { actorOf, type StepContext } from '../../http/request-context';
import { findProposalForViewer, hasActiveBreakGlass, isSealedFor } from './proposal-visibility';
import { setProposalStatus } from './set-proposal-status';

async function loadForOfficer(
  ctx: StepContext,
  tx: Parameters<typeof findProposalForViewer>[0],
  proposalId: string,
) {
  const actor = actorOf(ctx);
  const proposal = await findProposalForViewer(tx, actor, proposalId);
  if (!proposal) throw new AppError('NOT_FOUND');
  // Eligibility is checked after the deadline only; break-glass is for reading, not for deciding.
  if (isSealedFor(proposal, ctx.now(), false)) throw new AppError('PROPOSAL_SEALED');
  return proposal;
}

/** The officer confirms (same outcome) or overrides (other outcome) one rule, always with a motivation. */
export async function reviewEligibilityRule(
  ctx: StepContext,
  proposalId: string,
  ruleId: string,
  input: { outcome: 'passed' | 'failed'; motivation: string },
) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await loadForOfficer(ctx, tx, proposalId);
    if (proposal.status !== 'submitted') throw new AppError('PROPOSAL_STATUS_INVALID');
    const result = await tx
      .selectFrom('proposal_eligibility_results')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .where('rule_id', '=', ruleId)
      .forUpdate()
      .executeTakeFirst();
    if (!result) throw new AppError('NOT_FOUND');
    const now = ctx.now();
    await tx
      .updateTable('proposal_eligibility_results')
      .set({
        officer_outcome: input.outcome,
        officer_motivation: input.motivation,
        reviewed_by: actor.userId,
        reviewed_at: now,
      })
      .where('id', '=', result.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action:
          input.outcome === result.auto_outcome
            ? 'proposal.eligibility_rule_confirmed'
            : 'proposal.eligibility_rule_overridden',
        entityType: 'proposal',
        entityId: proposalId,
        before: { ruleId, autoOutcome: result.auto_outcome, officerOutcome: result.officer_outcome },
        after: { ruleId, officerOutcome: input.outcome, motivation: input.motivation },
      },
      ctx.requestId,
    );
  });
}

/** Final eligible / ineligible with motivation, once every rule has been confirmed or overridden. */
export async function decideEligibility(
  ctx: StepContext,
  proposalId: string,
  input: { eligible: boolean; motivation: string },
) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await loadForOfficer(ctx, tx, proposalId);
    const open = await tx
      .selectFrom('proposal_eligibility_results')
      .select('id')
      .where('proposal_id', '=', proposalId)
      .where('officer_outcome', 'is', null)
      .execute();
    if (open.length > 0)
      throw new AppError('ELIGIBILITY_NOT_REVIEWED', { context: { rulesToReview: open.length } });
    const now = ctx.now();
    await setProposalStatus(tx, ctx.auditActor, ctx.requestId, {
      proposalId,
      to: input.eligible ? 'eligible' : 'ineligible',
      from: ['submitted'],
      action: 'proposal.eligibility_decided',
      motivation: input.motivation,
    });
    await tx
      .updateTable('proposals')
      .set({
        eligibility_motivation: input.motivation,
        eligibility_decided_by: actor.userId,
        eligibility_decided_at: now,
      })
      .where('id', '=', proposalId)
      .execute();
    const recipients = await tx
      .selectFrom('proposal_collaborators')
      .select('user_id')
      .where('proposal_id', '=', proposalId)
      .execute();
    for (const { user_id } of recipients) {
      await queueNotification(tx, {
        userId: user_id,
        kind: 'proposal.eligibility',
        params: {
          reference: proposal.reference,
          motivation: input.motivation,
          context: input.eligible ? 'eligible' : 'ineligible',
        },
        link: `/proposals/${proposalId}`,
      });
    }
  });
}

/** Break-glass: an officer reads a sealed proposal before the deadline, for two hours, with a logged motivation. */
export async function openBreakGlass(ctx: StepContext, proposalId: string, input: { motivation: string }) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    const now = ctx.now();
    if (!isSealedFor(proposal, now, await hasActiveBreakGlass(tx, proposalId, actor.userId, now))) return;
    const expiresAt = new Date(now.getTime() + 2 * 3_600_000);
    await tx
      .insertInto('proposal_break_glass')
      .values({
        proposal_id: proposalId,
        user_id: actor.userId,
        motivation: input.motivation,
        opened_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.break_glass',
        entityType: 'proposal',
        entityId: proposalId,
        after: { motivation: input.motivation, expiresAt: expiresAt.toISOString() },
      },
      ctx.requestId,
    );
  });
}
