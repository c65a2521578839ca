import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import { actorOf, type StepContext } from '../../http/request-context';
import { findProposalForViewer, isSealedFor } from './proposal-visibility';
import { assertMayEdit } from './save-proposal-draft';
import { instantFromBrusselsLocal } from '../../http/brussels-local-input';

/** The officer asks the applicants a question about a submitted proposal, to answer before a deadline. */
export async function askClarification(
  ctx: StepContext,
  proposalId: string,
  input: { question: string; dueAtLocal: string },
) {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    const now = ctx.now();
    if (isSealedFor(proposal, now, false)) throw new AppError('PROPOSAL_SEALED');
    if (proposal.status !== 'submitted') throw new AppError('PROPOSAL_STATUS_INVALID');
    const dueAt = instantFromBrusselsLocal(input.dueAtLocal, 'body.dueAtLocal', {
      nl: 'Antwoordtermijn',
      en: 'Answer deadline',
    });
    if (dueAt.getTime() <= now.getTime())
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            path: 'body.dueAtLocal',
            code: 'past',
            message: { nl: 'De termijn ligt in het verleden.', en: 'The deadline lies in the past.' },
          },
        ],
      });
    const { id } = await tx
      .insertInto('proposal_clarifications')
      .values({
        proposal_id: proposalId,
        question: input.question,
        asked_by: actor.userId,
        asked_at: now,
        due_at: dueAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.clarification_asked',
        entityType: 'proposal',
        entityId: proposalId,
        after: { clarificationId: id, question: input.question, dueAt: dueAt.toISOString() },
      },
      ctx.requestId,
    );
    const recipients = await tx
      .selectFrom('proposal_collaborators')
      .select('user_id')
      .where('proposal_id', '=', proposalId)
      .where('access', 'in', ['owner', 'edit'])
      .execute();
    for (const { user_id } of recipients) {
      await queueNotification(tx, {
        userId: user_id,
        kind: 'proposal.clarification_requested',
        params: { reference: proposal.reference, due: dueAt.toISOString() },
        link: `/proposals/${proposalId}`,
      });
    }
    return { id };
  });
}

/** An applicant with edit rights answers once, before the clarification's deadline (server clock). */
export async function answerClarification(
  ctx: StepContext,
  proposalId: string,
  clarificationId: string,
  input: { answer: string },
) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    const clarification = await tx
      .selectFrom('proposal_clarifications')
      .selectAll()
      .where('id', '=', clarificationId)
      .where('proposal_id', '=', proposalId)
      .forUpdate()
      .executeTakeFirst();
    if (!clarification) throw new AppError('NOT_FOUND');
    const now = ctx.now();
    if (clarification.answered_at !== null || now.getTime() >= clarification.due_at.getTime())
      throw new AppError('CLARIFICATION_CLOSED');
    await tx
      .updateTable('proposal_clarifications')
      .set({ answer: input.answer, answered_by: actor.userId, answered_at: now })
      .where('id', '=', clarificationId)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.clarification_answered',
        entityType: 'proposal',
        entityId: proposalId,
        after: { clarificationId, answer: input.answer },
      },
      ctx.requestId,
    );
    if (clarification.asked_by) {
      await queueNotification(tx, {
        userId: clarification.asked_by,
        kind: 'proposal.clarification_answered',
        params: { reference: proposal.reference },
        link: `/proposals/${proposalId}`,
        email: false,
      });
    }
  });
}
