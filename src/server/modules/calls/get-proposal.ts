import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import type { ProposalSnapshot } from './calls.schema';
import { findCallDetail } from './calls.repository';
import {
  findAttachments,
  findClarifications,
  findCollaborators,
  findEligibilityResults,
  findLatestVersion,
  findThemeOverlap,
  findVersions,
  loadProposalContent,
} from './proposals.repository';
import { findProposalForViewer, hasActiveBreakGlass, isSealedFor } from './proposal-visibility';
import { checkProposalCompleteness } from './check-proposal-completeness';
import { findRepresentation } from './proposal-representatives';
import { brusselsLocalForAnswer } from '../../http/brussels-local-input';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * One proposal as the viewer may see it. Applicants get the working copy with its progress;
 * the agency gets the latest submitted version, and only after the deadline (or through a live
 * break-glass, in which case every read is logged).
 */
export async function getProposal(ctx: StepContext, proposalId: string) {
  const actor = actorOf(ctx);
  const proposal = await findProposalForViewer(ctx.db, actor, proposalId);
  if (!proposal) throw new AppError('NOT_FOUND');
  const now = ctx.now();
  const isApplicant = proposal.my_access !== null;
  const breakGlass = !isApplicant && (await hasActiveBreakGlass(ctx.db, proposalId, actor.userId, now));
  const sealed = isSealedFor(proposal, now, breakGlass);
  const [versions, call] = await Promise.all([
    findVersions(ctx.db, proposalId),
    findCallDetail(ctx.db, proposal.call_id),
  ]);
  if (!call) throw new AppError('INTERNAL_ERROR');

  let content: ProposalSnapshot | null = null;
  let contentSource: 'draft' | 'submitted_version' | null = null;
  if (isApplicant) {
    content = (await loadProposalContent(ctx.db, proposalId)) ?? null;
    contentSource = 'draft';
  } else if (!sealed) {
    const latest = await findLatestVersion(ctx.db, proposalId);
    content = latest ? (latest.snapshot as ProposalSnapshot) : null;
    contentSource = latest ? 'submitted_version' : null;
    if (breakGlass && proposal.call_closes_at && now.getTime() < proposal.call_closes_at.getTime()) {
      await recordAudit(
        ctx.db,
        ctx.auditActor,
        {
          action: 'proposal.read_sealed',
          entityType: 'proposal',
          entityId: proposalId,
          after: { versionNumber: latest?.version_number ?? null },
        },
        ctx.requestId,
      );
    }
  }
  const [attachments, collaborators, eligibility, clarifications, overlap, representation] =
    await Promise.all([
      sealed ? null : findAttachments(ctx.db, proposalId),
      isApplicant ? findCollaborators(ctx.db, proposalId) : null,
      sealed ? null : findEligibilityResults(ctx.db, proposalId),
      sealed ? null : findClarifications(ctx.db, proposalId),
      !isApplicant && content ? findThemeOverlap(ctx.db, content.themeIds) : null,
      // Follows the content: nothing while it is sealed. Applicants and officers see who confirmed.
      content ? findRepresentation(ctx.db, proposalId, content.consortium, true) : null,
    ]);
  const view = {
    id: proposal.id,
    callId: proposal.call_id,
    callCode: proposal.call_code,
    callTitleNl: proposal.call_title_nl,
    reference: proposal.reference,
    status: proposal.status,
    isSealed: sealed,
    draftVersion: isApplicant ? proposal.draft_version : null,
    submittedVersion: proposal.submitted_version,
    submittedAt: iso(proposal.submitted_at),
    closesAt: iso(proposal.call_closes_at),
    content,
    contentSource,
    progress: isApplicant && content ? checkProposalCompleteness(content, call) : null,
    attachments:
      attachments?.map((a) => ({
        id: a.id,
        filename: a.filename,
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
        kind: a.kind,
        createdAt: new Date(a.created_at).toISOString(),
      })) ?? null,
    collaborators:
      collaborators?.map((c) => ({ userId: c.user_id, name: c.name, email: c.email, access: c.access })) ??
      null,
    versions: versions.map((v) => ({
      versionNumber: v.version_number,
      submittedAt: new Date(v.submitted_at).toISOString(),
      contentSha256: v.content_sha256,
    })),
    eligibility:
      eligibility?.map((r) => ({
        ruleId: r.rule_id,
        kind: r.kind,
        ruleExplanation: { nl: r.rule_explanation_nl, en: r.rule_explanation_en ?? r.rule_explanation_nl },
        versionNumber: r.version_number,
        autoOutcome: r.auto_outcome,
        observed: r.observed,
        explanation: { nl: r.explanation_nl, en: r.explanation_en },
        officerOutcome: r.officer_outcome,
        officerMotivation: r.officer_motivation,
        outcome: r.officer_outcome ?? r.auto_outcome,
        reviewedAt: iso(r.reviewed_at),
      })) ?? null,
    eligibilityMotivation: sealed ? null : proposal.eligibility_motivation,
    clarifications:
      clarifications?.map((c) => ({
        id: c.id,
        question: c.question,
        askedAt: new Date(c.asked_at).toISOString(),
        dueAt: new Date(c.due_at).toISOString(),
        dueAtLocal: brusselsLocalForAnswer(c.due_at),
        answer: c.answer,
        answeredAt: iso(c.answered_at),
        isOverdue: c.answered_at === null && now.getTime() >= new Date(c.due_at).getTime(),
      })) ?? null,
    themeOverlap: overlap,
    representation,
    myAccess: proposal.my_access,
  };
  const canEdit =
    (proposal.my_access === 'owner' || proposal.my_access === 'edit') &&
    call.call.status === 'open' &&
    proposal.call_closes_at !== null &&
    now < proposal.call_closes_at;
  const isOfficer = actor.role === 'officer';
  const abilities = {
    edit: canEdit && (proposal.status === 'draft' || proposal.status === 'submitted'),
    submit: canEdit && (proposal.status === 'draft' || proposal.status === 'submitted'),
    withdraw:
      (proposal.my_access === 'owner' || proposal.my_access === 'edit') &&
      ['draft', 'submitted', 'eligible', 'ineligible', 'under_review'].includes(proposal.status),
    reopen: canEdit && proposal.status === 'withdrawn',
    share: proposal.my_access === 'owner',
    breakGlass: isOfficer && sealed,
    reviewEligibility: isOfficer && !isSealedFor(proposal, now, false) && proposal.status === 'submitted',
    askClarification: isOfficer && !isSealedFor(proposal, now, false) && proposal.status === 'submitted',
    answerClarification: proposal.my_access === 'owner' || proposal.my_access === 'edit',
  };
  return { view, abilities };
}
