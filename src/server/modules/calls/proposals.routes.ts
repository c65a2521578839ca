import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { actorOf, contextOf, type StepContext } from '../../http/request-context';
import { systemActor } from '../../http/actor';
import { AppError } from '../../errors/app-error';
import { readStoredFile } from '../../files/store-file';
import {
  LangQuery,
  sendAttachment,
  sendDownload,
  sendXlsxStream,
  type SheetColumn,
} from '../../http/spreadsheet';
import { PROPOSAL_STATUS } from '../../http/spreadsheet-labels';
import {
  AnswerClarificationBody,
  AskClarificationBody,
  BreakGlassBody,
  CallIdParams,
  CollaboratorBody,
  CollaboratorParams,
  EligibilityDecisionBody,
  ProposalClarificationParams,
  ProposalFileParams,
  ProposalIdParams,
  ProposalRuleParams,
  ProposalSchema,
  ProposalSummarySchema,
  ReceiptSchema,
  ReviewRuleBody,
  SaveProposalBody,
  StartProposalBody,
  SubmitProposalBody,
  WithdrawProposalBody,
} from './calls.schema';
import { countProposalSummaries, findProposalSummaries, type ProposalSummary } from './list-proposals';
import { keysetBatches, offsetOf, okPage, pagedEnvelope, PageQuery } from '../../http/paging';
import { findProposalForViewer, hasActiveBreakGlass, isSealedFor } from './proposal-visibility';
import { closeExpiredCalls } from './move-call-status';
import { startProposal } from './start-proposal';
import { saveProposalDraft } from './save-proposal-draft';
import { submitProposal } from './submit-proposal';
import { reopenProposal, withdrawProposal } from './withdraw-proposal';
import { addProposalAttachment, removeProposalAttachment, type AttachmentKind } from './proposal-attachments';
import { addCollaborator, removeCollaborator } from './share-proposal';
import { decideEligibility, openBreakGlass, reviewEligibilityRule } from './review-eligibility';
import { answerClarification, askClarification } from './clarifications';
import { getProposal } from './get-proposal';
import { buildReceiptPdf, getReceipt } from './proposal-receipt';

const tags = ['proposals'];
const applicant = { access: allow('applicant') };
const officer = { access: allow('officer') };
const applicantOrOfficer = { access: allow('applicant', 'officer') };

/** What an upload stored: the attachment, its file, and what the content was recognised as. */
const StoredAttachmentSchema = z.object({
  attachmentId: z.string(),
  fileId: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  contentType: z.string(),
});
const Ack = envelope(z.object({ ok: z.literal(true) }));

const proposalColumns: SheetColumn<ProposalSummary>[] = [
  { header: 'reference', value: (p) => p.reference, width: 18 },
  { header: 'status', value: (p) => p.status, labels: PROPOSAL_STATUS, withCode: true },
  { header: 'sealed', value: (p) => p.isSealed, kind: 'boolean' },
  { header: 'title', value: (p) => p.title, width: 50 },
  { header: 'lead_organisation', value: (p) => p.leadOrganisation, width: 36 },
  { header: 'members', value: (p) => p.memberCount, kind: 'integer' },
  { header: 'total_cost_eur', value: (p) => p.totalCostCents, kind: 'money' },
  { header: 'requested_aid_eur', value: (p) => p.requestedAidCents, kind: 'money' },
  { header: 'version', value: (p) => p.submittedVersion, kind: 'integer' },
  { header: 'submitted_at', value: (p) => p.submittedAt, kind: 'datetime' },
  { header: 'eligibility_passed', value: (p) => p.eligibilityPassed, kind: 'integer' },
  { header: 'eligibility_failed', value: (p) => p.eligibilityFailed, kind: 'integer' },
  { header: 'eligibility_to_review', value: (p) => p.eligibilityToReview, kind: 'integer' },
];

/** The proposals the viewer sees (of one call, or all), read a batch at a time by reference. */
function proposalBatches(ctx: StepContext, callId?: string): AsyncGenerator<ProposalSummary[]> {
  return keysetBatches((after: ProposalSummary | null, limit) =>
    findProposalSummaries(ctx, { callId, paging: { after, limit } }),
  );
}

export default async function proposalsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tick = () => closeExpiredCalls(app.db, app.clock(), systemActor('clock'));

  r.get(
    '/api/calls/:id/proposals',
    {
      config: officer,
      schema: {
        tags,
        summary: "A call's proposals with eligibility (sealed until the deadline), one page",
        params: CallIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ProposalSummarySchema) },
      },
    },
    async (request) => {
      await tick();
      const ctx = contextOf(request);
      const { page, pageSize } = request.query;
      const rows = await findProposalSummaries(ctx, {
        callId: request.params.id,
        paging: { offset: offsetOf({ page, pageSize }), limit: pageSize },
      });
      const total = await countProposalSummaries(ctx, { callId: request.params.id });
      return okPage(rows, { page, pageSize, total }, { export: true });
    },
  );

  r.get(
    '/api/calls/:id/proposals.xlsx',
    {
      config: officer,
      schema: { tags, summary: "A call's proposals as XLSX", params: CallIdParams, querystring: LangQuery },
    },
    async (request, reply) => {
      await tick();
      return sendXlsxStream(request, reply, 'speerpunt-voorstellen.xlsx', {
        name: { nl: 'Voorstellen', en: 'Proposals' },
        columns: proposalColumns,
        batches: proposalBatches(contextOf(request), request.params.id),
      });
    },
  );

  r.post(
    '/api/calls/:id/proposals',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Start a proposal on an open call',
        params: CallIdParams,
        body: StartProposalBody,
        response: { 201: envelope(z.object({ id: z.string(), reference: z.string() })) },
      },
    },
    async (request, reply) => {
      const created = await startProposal(contextOf(request), request.params.id, request.body);
      return reply.status(201).send(ok(created));
    },
  );

  r.get(
    '/api/proposals',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'My proposals (own and shared), one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ProposalSummarySchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { page, pageSize } = request.query;
      const rows = await findProposalSummaries(ctx, {
        paging: { offset: offsetOf({ page, pageSize }), limit: pageSize },
      });
      return okPage(rows, { page, pageSize, total: await countProposalSummaries(ctx, {}) });
    },
  );

  r.get(
    '/api/proposals.xlsx',
    { config: applicant, schema: { tags, summary: 'My proposals as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      return sendXlsxStream(request, reply, 'speerpunt-mijn-voorstellen.xlsx', {
        name: { nl: 'Voorstellen', en: 'Proposals' },
        columns: proposalColumns,
        batches: proposalBatches(contextOf(request)),
      });
    },
  );

  r.get(
    '/api/proposals/:id',
    {
      config: applicantOrOfficer,
      schema: {
        tags,
        summary: 'One proposal (working copy for applicants, submitted version for the agency)',
        params: ProposalIdParams,
        response: { 200: envelope(ProposalSchema) },
      },
    },
    async (request) => {
      const { view, abilities } = await getProposal(contextOf(request), request.params.id);
      return ok(view, abilities);
    },
  );

  r.put(
    '/api/proposals/:id',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Save the draft (version-checked autosave)',
        params: ProposalIdParams,
        body: SaveProposalBody,
        response: { 200: envelope(z.object({ draftVersion: z.number() })) },
      },
    },
    async (request) => {
      const { draftVersion, ...content } = request.body;
      return ok(await saveProposalDraft(contextOf(request), request.params.id, { ...content, draftVersion }));
    },
  );

  r.post(
    '/api/proposals/:id/submit',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Submit (before the deadline by the server clock)',
        params: ProposalIdParams,
        body: SubmitProposalBody,
        response: { 200: envelope(ReceiptSchema) },
      },
    },
    async (request) => {
      return ok(await submitProposal(contextOf(request), request.params.id, request.body));
    },
  );

  r.get(
    '/api/proposals/:id/receipt',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Receipt of the latest submission',
        params: ProposalIdParams,
        response: { 200: envelope(ReceiptSchema) },
      },
    },
    async (request) => ok(await getReceipt(contextOf(request), request.params.id)),
  );

  r.get(
    '/api/proposals/:id/receipt.pdf',
    {
      config: applicant,
      schema: { tags, summary: 'Receipt of the latest submission as a PDF', params: ProposalIdParams },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const receipt = await getReceipt(ctx, request.params.id);
      return sendDownload(
        reply,
        `ontvangstbevestiging-${receipt.reference}.pdf`,
        'application/pdf',
        await buildReceiptPdf(receipt, actorOf(ctx).locale, ctx.now()),
      );
    },
  );

  r.post(
    '/api/proposals/:id/withdraw',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Withdraw',
        params: ProposalIdParams,
        body: WithdrawProposalBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      await withdrawProposal(contextOf(request), request.params.id, request.body);
      return ok({ ok: true as const });
    },
  );

  r.post(
    '/api/proposals/:id/reopen',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Reopen a withdrawn proposal as a draft',
        params: ProposalIdParams,
        body: z.strictObject({}),
        response: { 200: Ack },
      },
    },
    async (request) => {
      await reopenProposal(contextOf(request), request.params.id);
      return ok({ ok: true as const });
    },
  );

  r.post(
    '/api/proposals/:id/attachments',
    {
      config: { ...applicant, upload: 'file' },
      schema: {
        tags,
        summary: 'Upload an attachment (multipart, one file)',
        params: ProposalIdParams,
        querystring: z.strictObject({
          kind: z.enum(['annex', 'budget', 'letter_of_support', 'other']).default('annex'),
        }),
        response: { 201: envelope(StoredAttachmentSchema) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await request.file();
      if (!file) throw new AppError('BAD_REQUEST');
      let buffer: Buffer;
      try {
        buffer = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('FILE_TOO_LARGE');
        throw error;
      }
      const stored = await addProposalAttachment(contextOf(request), request.params.id, {
        filename: file.filename,
        buffer,
        kind: request.query.kind as AttachmentKind,
      });
      return reply.status(201).send(ok(stored));
    },
  );

  r.get(
    '/api/proposals/:id/attachments/:attachmentId',
    {
      config: { ...applicantOrOfficer, download: ['stored-file'] },
      schema: {
        tags,
        summary: 'An attachment (a PDF inline on request, for the page that shows it; else a download)',
        params: ProposalFileParams,
        querystring: z.strictObject({ inline: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const proposal = await findProposalForViewer(ctx.db, actor, request.params.id);
      if (!proposal) throw new AppError('NOT_FOUND');
      const now = ctx.now();
      const breakGlass =
        proposal.my_access === null && (await hasActiveBreakGlass(ctx.db, proposal.id, actor.userId, now));
      if (isSealedFor(proposal, now, breakGlass)) throw new AppError('NOT_FOUND');
      const attachment = await ctx.db
        .selectFrom('proposal_attachments')
        .select('stored_file_id')
        .where('id', '=', request.params.attachmentId)
        .where('proposal_id', '=', proposal.id)
        .executeTakeFirst();
      const file = attachment ? await readStoredFile(ctx.db, attachment.stored_file_id) : undefined;
      if (!file) throw new AppError('NOT_FOUND');
      return sendAttachment(
        reply,
        { filename: file.filename, contentType: file.content_type, content: file.content },
        request.query.inline === 'true',
      );
    },
  );

  r.delete(
    '/api/proposals/:id/attachments/:attachmentId',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Remove an attachment from the draft',
        params: ProposalFileParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeProposalAttachment(contextOf(request), request.params.id, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/proposals/:id/collaborators',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Share with a co-applicant (view or edit)',
        params: ProposalIdParams,
        body: CollaboratorBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      await addCollaborator(contextOf(request), request.params.id, request.body);
      return ok({ ok: true as const });
    },
  );

  r.delete(
    '/api/proposals/:id/collaborators/:userId',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Remove a co-applicant',
        params: CollaboratorParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeCollaborator(contextOf(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/proposals/:id/eligibility/:ruleId',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Confirm or override one eligibility rule',
        params: ProposalRuleParams,
        body: ReviewRuleBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      await reviewEligibilityRule(contextOf(request), request.params.id, request.params.ruleId, request.body);
      return ok({ ok: true as const });
    },
  );

  r.post(
    '/api/proposals/:id/eligibility-decision',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Decide eligible / ineligible',
        params: ProposalIdParams,
        body: EligibilityDecisionBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      await decideEligibility(contextOf(request), request.params.id, request.body);
      return ok({ ok: true as const });
    },
  );

  r.post(
    '/api/proposals/:id/clarifications',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Ask a clarification with a deadline',
        params: ProposalIdParams,
        body: AskClarificationBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(ok(await askClarification(contextOf(request), request.params.id, request.body)));
    },
  );

  r.post(
    '/api/proposals/:id/clarifications/:clarificationId/answer',
    {
      config: applicant,
      schema: {
        tags,
        summary: 'Answer a clarification before its deadline',
        params: ProposalClarificationParams,
        body: AnswerClarificationBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      await answerClarification(
        contextOf(request),
        request.params.id,
        request.params.clarificationId,
        request.body,
      );
      return ok({ ok: true as const });
    },
  );

  r.post(
    '/api/proposals/:id/break-glass',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Read a sealed proposal before the deadline (logged, with motivation)',
        params: ProposalIdParams,
        body: BreakGlassBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      await openBreakGlass(contextOf(request), request.params.id, request.body);
      return ok({ ok: true as const });
    },
  );
}
