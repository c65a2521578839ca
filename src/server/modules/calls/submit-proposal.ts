import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import { actorOf, type StepContext } from '../../http/request-context';
import { findCallDetail } from './calls.repository';
import { findAttachments, loadProposalContent } from './proposals.repository';
import { findProposalForViewer } from './proposal-visibility';
import { assertEditableWindow, assertMayEdit, contentHash } from './save-proposal-draft';
import { checkProposalCompleteness } from './check-proposal-completeness';
import { storeEligibility } from './store-eligibility';
import { createDraftPartners } from './create-draft-partners';
import { confirmRepresentatives } from './proposal-representatives';
import { instantToBrusselsLocal } from '../../../shared/brussels-time';
import { brusselsLocalForAnswer } from '../../http/brussels-local-input';

/**
 * Submits the working copy as the next numbered version, only before the deadline by the
 * server's clock. The version's snapshot is frozen (with its SHA-256), the eligibility rules are
 * evaluated on it, and every co-applicant gets an acknowledgement (in-app and e-mail).
 */
export async function submitProposal(ctx: StepContext, proposalId: string, input: { draftVersion: number }) {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    const now = ctx.now();
    // The deadline first: after it, the answer is always "too late", whatever else is wrong.
    assertEditableWindow(proposal, now);
    // The row lock serialises submits of one proposal; the status is read again under it.
    const locked = await tx
      .selectFrom('proposals')
      .select(['status', 'draft_version', 'submitted_version'])
      .where('id', '=', proposalId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== 'draft' && locked.status !== 'submitted')
      throw new AppError('PROPOSAL_STATUS_INVALID');
    if (locked.draft_version !== input.draftVersion)
      throw new AppError('PROPOSAL_VERSION_CONFLICT', {
        context: { currentVersion: locked.draft_version, yourVersion: input.draftVersion },
      });
    const call = await findCallDetail(tx, proposal.call_id);
    // The draft's unknown partners become organisations now (rolled back if the submission fails).
    await createDraftPartners(tx, ctx, proposalId);
    // Partners created just now can be confirmed too (the save could not: they had no organisation).
    await confirmRepresentatives(tx, ctx, actor, proposalId);
    const content = await loadProposalContent(tx, proposalId);
    if (!call || !content) throw new AppError('INTERNAL_ERROR');
    const progress = checkProposalCompleteness(content, call);
    const problems = progress.flatMap((p) =>
      p.problems.map((x) => ({ path: x.path, code: p.part, message: x.message })),
    );
    if (problems.length > 0) throw new AppError('PROPOSAL_INCOMPLETE', { details: problems });

    const attachments = await findAttachments(tx, proposalId);
    const snapshot = {
      ...content,
      attachments: attachments.map((a) => ({
        fileId: a.file_id,
        filename: a.filename,
        sha256: a.sha256,
        sizeBytes: a.size_bytes,
        kind: a.kind,
      })),
    };
    const sha256 = contentHash(snapshot);
    // Submitting the same content again (a double click, a retried request) is idempotent: the
    // receipt of the version already submitted, no second identical version, no second mail.
    const latest = locked.submitted_version
      ? await tx
          .selectFrom('proposal_versions')
          .select(['content_sha256', 'submitted_at'])
          .where('proposal_id', '=', proposalId)
          .where('version_number', '=', locked.submitted_version)
          .executeTakeFirst()
      : undefined;
    if (
      locked.status === 'submitted' &&
      latest &&
      locked.submitted_version &&
      latest.content_sha256 === sha256
    ) {
      const submittedAt = new Date(latest.submitted_at);
      return {
        reference: proposal.reference,
        versionNumber: locked.submitted_version,
        submittedAt: submittedAt.toISOString(),
        submittedAtLocal: instantToBrusselsLocal(submittedAt),
        contentSha256: sha256,
        callCode: proposal.call_code,
        title: content.title,
      };
    }
    const versionNumber = (locked.submitted_version ?? 0) + 1;
    await tx
      .insertInto('proposal_versions')
      .values({
        proposal_id: proposalId,
        version_number: versionNumber,
        snapshot: JSON.stringify(snapshot),
        content_sha256: sha256,
        submitted_by: actor.userId,
        submitted_at: now,
      })
      .execute();
    await tx
      .updateTable('proposals')
      .set({
        status: 'submitted',
        submitted_version: versionNumber,
        submitted_at: now,
        status_changed_at: now,
        updated_at: now,
      })
      .where('id', '=', proposalId)
      .execute();

    // The outcomes stay out of the audit row: it is readable before the deadline, they are content.
    await storeEligibility(tx, {
      proposalId,
      call,
      snapshot: content,
      versionNumber,
      now,
    });
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.submitted',
        entityType: 'proposal',
        entityId: proposalId,
        before: { status: proposal.status, submittedVersion: locked.submitted_version },
        after: {
          status: 'submitted',
          versionNumber,
          contentSha256: sha256,
          submittedAt: now.toISOString(),
        },
      },
      ctx.requestId,
    );
    const recipients = await tx
      .selectFrom('proposal_collaborators')
      .select('user_id')
      .where('proposal_id', '=', proposalId)
      .execute();
    for (const { user_id } of recipients) {
      await queueNotification(tx, {
        userId: user_id,
        kind: 'proposal.submitted',
        params: {
          reference: proposal.reference,
          version: versionNumber,
          submittedAt: now.toISOString(),
          sha256,
        },
        link: `/proposals/${proposalId}/receipt`,
      });
    }
    return {
      reference: proposal.reference,
      versionNumber,
      submittedAt: now.toISOString(),
      submittedAtLocal: brusselsLocalForAnswer(now),
      contentSha256: sha256,
      callCode: proposal.call_code,
      title: content.title,
    };
  });
}
