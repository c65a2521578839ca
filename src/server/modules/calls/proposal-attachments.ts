import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { storeFile } from '../../files/store-file';
import { actorOf, type StepContext } from '../../http/request-context';
import { findProposalForViewer } from './proposal-visibility';
import { assertEditableWindow, assertMayEdit } from './save-proposal-draft';

export type AttachmentKind = 'annex' | 'budget' | 'letter_of_support' | 'other';

/** Adds an attachment (type checked on content, size against the call's limit, SHA-256 kept). */
export async function addProposalAttachment(
  ctx: StepContext,
  proposalId: string,
  input: { filename: string; buffer: Buffer; kind: AttachmentKind },
) {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    assertEditableWindow(proposal, ctx.now());
    if (proposal.status !== 'draft' && proposal.status !== 'submitted')
      throw new AppError('PROPOSAL_STATUS_INVALID');
    const stored = await storeFile(tx, {
      purpose: 'proposal_attachment',
      filename: input.filename,
      buffer: input.buffer,
      uploadedBy: actor.userId,
      maxBytes: proposal.call_max_attachment_bytes,
    });
    const { id } = await tx
      .insertInto('proposal_attachments')
      .values({
        proposal_id: proposalId,
        stored_file_id: stored.id,
        kind: input.kind,
        uploaded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.attachment_added',
        entityType: 'proposal',
        entityId: proposalId,
        after: {
          attachmentId: id,
          fileId: stored.id,
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
          contentType: stored.contentType,
          kind: input.kind,
        },
      },
      ctx.requestId,
    );
    return {
      attachmentId: id,
      fileId: stored.id,
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      contentType: stored.contentType,
    };
  });
}

/** Removes an attachment from the working copy; submitted versions keep the file they list. */
export async function removeProposalAttachment(ctx: StepContext, proposalId: string, attachmentId: string) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    assertEditableWindow(proposal, ctx.now());
    const deleted = await tx
      .deleteFrom('proposal_attachments')
      .where('id', '=', attachmentId)
      .where('proposal_id', '=', proposalId)
      .returning(['stored_file_id'])
      .executeTakeFirst();
    if (!deleted) throw new AppError('NOT_FOUND');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.attachment_removed',
        entityType: 'proposal',
        entityId: proposalId,
        before: { attachmentId, fileId: deleted.stored_file_id },
      },
      ctx.requestId,
    );
  });
}
