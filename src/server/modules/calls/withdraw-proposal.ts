import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import { findProposalForViewer } from './proposal-visibility';
import { assertEditableWindow, assertMayEdit } from './save-proposal-draft';
import { setProposalStatus } from './set-proposal-status';

/** The applicant withdraws a draft or a submission (also after the deadline, until ranking). */
export async function withdrawProposal(ctx: StepContext, proposalId: string, input: { reason: string }) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    await setProposalStatus(tx, ctx.auditActor, ctx.requestId, {
      proposalId,
      to: 'withdrawn',
      from: ['draft', 'submitted', 'eligible', 'ineligible', 'under_review'],
      action: 'proposal.withdrawn',
      motivation: input.reason || null,
    });
  });
}

/** A withdrawn proposal becomes a draft again while the call is open; it needs a new submission. */
export async function reopenProposal(ctx: StepContext, proposalId: string) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    assertEditableWindow(proposal, ctx.now());
    await setProposalStatus(tx, ctx.auditActor, ctx.requestId, {
      proposalId,
      to: 'draft',
      from: ['withdrawn'],
      action: 'proposal.reopened',
    });
  });
}
