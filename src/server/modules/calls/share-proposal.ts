import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import { actorOf, type StepContext } from '../../http/request-context';
import { findProposalForViewer } from './proposal-visibility';

/** The owner shares the proposal with another applicant account, to view or to edit. */
export async function addCollaborator(
  ctx: StepContext,
  proposalId: string,
  input: { email: string; access: 'edit' | 'view' },
) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    if (proposal.my_access !== 'owner') throw new AppError('PROPOSAL_READ_ONLY');
    const user = await tx
      .selectFrom('users')
      .select(['id', 'role', 'is_active'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (!user || user.role !== 'applicant' || !user.is_active || user.id === actor.userId)
      throw new AppError('COLLABORATOR_UNKNOWN');
    await tx
      .insertInto('proposal_collaborators')
      .values({ proposal_id: proposalId, user_id: user.id, access: input.access, added_by: actor.userId })
      .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doUpdateSet({ access: input.access }))
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.collaborator_added',
        entityType: 'proposal',
        entityId: proposalId,
        after: { userId: user.id, access: input.access },
      },
      ctx.requestId,
    );
    await queueNotification(tx, {
      userId: user.id,
      kind: 'proposal.shared',
      params: { reference: proposal.reference },
      link: `/proposals/${proposalId}`,
    });
  });
}

export async function removeCollaborator(ctx: StepContext, proposalId: string, userId: string) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    if (proposal.my_access !== 'owner') throw new AppError('PROPOSAL_READ_ONLY');
    const removed = await tx
      .deleteFrom('proposal_collaborators')
      .where('proposal_id', '=', proposalId)
      .where('user_id', '=', userId)
      .where('access', '!=', 'owner')
      .returning('access')
      .executeTakeFirst();
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.collaborator_removed',
        entityType: 'proposal',
        entityId: proposalId,
        before: { userId, access: removed.access },
      },
      ctx.requestId,
    );
  });
}
