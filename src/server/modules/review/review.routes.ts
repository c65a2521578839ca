import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, pagedQuery, PageQuery, selectPage } from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import {
  sheetLanguage,
  LangQuery,
  sendAttachment,
  sendDownload,
  sendXlsx,
  type SheetColumn,
  type SheetLanguage,
} from '../../http/spreadsheet';
import {
  ASSIGNMENT_ORIGIN,
  CONSENSUS_STATUS,
  RANKING_STATUS,
  REVIEW_STATUS,
} from '../../http/spreadsheet-labels';
import { getReviewAttachment } from './proposal-submission';
import * as schema from './review.schema';
import { solveAssignment } from '../assignment/solve-assignment';
import { AssignmentInstanceSchema, AssignmentResultSchema } from '../assignment/assignment.schema';
import { rankProposals } from '../ranking/rank-proposals';
import { RankingInputSchema, RankingResultSchema } from '../ranking/ranking.schema';
import {
  answerInvitation,
  DECLARATION,
  expertPoolQuery,
  findExpertPool,
  withExpertProfiles,
  findMyInvitations,
  inviteExperts,
  saveExpertProfile,
} from '../experts/experts';
import {
  addOfficerConflict,
  declareConflict,
  deriveConflicts,
  findCallConflicts,
  liftConflict,
} from './conflicts';
import { addManualAssignment, assignCall, removeAssignment, setRapporteur } from '../assignment/assign-call';
import {
  findMyAssignments,
  getCalibration,
  getReviewWorkspace,
  saveConsensus,
  saveReviewDraft,
  submitReview,
} from './reviews';
import { findReviewCalls, getCallOverview } from './call-overview';
import { remindExperts, saveCallReviewSettings } from './call-review-settings';
import { canOpenCallReview } from './review.policy';
import { rankCall } from '../ranking/rank-call';
import { wordRankingReason } from '../../../shared/selection-wording';
import { wordAssignmentReasons } from '../../../shared/assignment-wording';
import {
  decideProposals,
  fileObjection,
  findCallObjections,
  getEvaluationSummary,
  handleObjection,
  startBusinessNetwork,
} from '../decisions/decisions';
import { buildEvaluationSummaryPdf } from '../decisions/evaluation-summary-pdf';

const tags = ['review'];
const staff = { access: allow('officer', 'admin') };
const staffAndAnalyst = { access: allow('officer', 'admin', 'analyst') };
const expertOnly = { access: allow('expert') };
const reviewers = { access: allow('expert', 'officer', 'admin') };
const applicantsAndStaff = { access: allow('applicant', 'officer', 'admin') };
const Any = z.any();
const Done = envelope(z.object({ ok: z.boolean() }));

type Overview = Awaited<ReturnType<typeof getCallOverview>>;
type Ranked = Awaited<ReturnType<typeof rankCall>>['result']['ranking'][number];
type Calibration = Awaited<ReturnType<typeof getCalibration>>['experts'][number];

/** A ranking tie-break rule ('criterion_score:C1', 'requested_aid', 'final_rule') in words. */
function tieBreakLabel(rule: string | null, lang: SheetLanguage): string | null {
  if (!rule) return null;
  const en = lang === 'en';
  if (rule.startsWith('criterion_score:'))
    return `${en ? 'Score on criterion' : 'Score op criterium'} ${rule.slice('criterion_score:'.length)}`;
  const words: Record<string, [string, string]> = {
    sme_budget_share: ['Aandeel kmo’s in het budget', 'SME share of the budget'],
    requested_aid: ['Gevraagde steun', 'Requested aid'],
    submitted_at: ['Tijdstip van indiening', 'Submission time'],
    final_rule: ['Vroegste indiening, dan laagste id', 'Earliest submission, then lowest id'],
  };
  const found = words[rule];
  return found ? found[en ? 1 : 0] : rule;
}

const assignmentColumns: SheetColumn<
  Overview['proposals'][number] & { expert: Overview['proposals'][number]['experts'][number] }
>[] = [
  { header: 'reference', value: (r) => r.reference, width: 16 },
  { header: 'title', value: (r) => r.title, width: 40 },
  { header: 'expert', value: (r) => r.expert.name, width: 28 },
  { header: 'origin', value: (r) => r.expert.origin, labels: ASSIGNMENT_ORIGIN },
  { header: 'forced', value: (r) => r.expert.isForced, kind: 'boolean' },
  { header: 'rapporteur', value: (r) => r.expert.isRapporteur, kind: 'boolean' },
  { header: 'fit', value: (r) => r.expert.affinity, kind: 'number', numberFormat: '0.000' },
  { header: 'review', value: (r) => r.expert.reviewStatus, labels: REVIEW_STATUS },
  { header: 'consensus', value: (r) => r.consensusStatus, labels: CONSENSUS_STATUS },
];
const rankingColumns: SheetColumn<Ranked>[] = [
  { header: 'rank', value: (r) => r.rank, kind: 'integer' },
  { header: 'proposal', value: (r) => r.title ?? r.id, width: 44 },
  { header: 'total', value: (r) => r.total, kind: 'number', numberFormat: '0.0000' },
  { header: 'status', value: (r) => r.status, labels: RANKING_STATUS, withCode: true },
  { header: 'requested_eur', value: (r) => r.requestedCents, kind: 'money' },
  { header: 'cumulative_eur', value: (r) => r.cumulativeCents, kind: 'money' },
  { header: 'tie_break', value: (r, lang) => tieBreakLabel(r.tieBreak?.rule ?? null, lang), width: 30 },
  {
    header: 'reasons',
    value: (r, lang) => r.reasons.map((x) => wordRankingReason(x, lang)).join(' | '),
    width: 80,
  },
];
const calibrationColumns: SheetColumn<Calibration>[] = [
  { header: 'expert', value: (r) => r.name, width: 28 },
  { header: 'reviews', value: (r) => r.reviews, kind: 'integer' },
  { header: 'mean', value: (r) => r.mean, kind: 'number', numberFormat: '0.000' },
  { header: 'spread', value: (r) => r.spread, kind: 'number', numberFormat: '0.000' },
  { header: 'panel_mean', value: (r) => r.panelMean, kind: 'number', numberFormat: '0.000' },
  { header: 'difference', value: (r) => r.difference, kind: 'number', numberFormat: '0.000' },
  { header: 'normalised', value: (r) => r.normalisedScore, kind: 'number', numberFormat: '0.00' },
];
type PoolEntry = Awaited<ReturnType<typeof findExpertPool>>[number];
const poolColumns: SheetColumn<PoolEntry>[] = [
  { header: 'name', value: (r) => r.name, width: 28 },
  { header: 'email', value: (r) => r.email, width: 30 },
  { header: 'headline', value: (r) => r.headline, width: 30 },
  { header: 'keywords', value: (r) => r.keywords.join(', '), width: 30 },
  { header: 'max_load', value: (r) => r.maxLoad, kind: 'integer' },
  { header: 'min_load', value: (r) => r.minLoad, kind: 'integer' },
  { header: 'available', value: (r) => r.isAvailable, kind: 'boolean' },
  {
    header: 'affiliations',
    value: (r) => r.affiliations.map((a) => a.organisationName).join(', '),
    width: 40,
  },
];

export default async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Pure tools: the solver and the ranking rules on uploaded JSON (nothing is written).
  r.post(
    '/api/assignment/solve',
    {
      config: staffAndAnalyst,
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Solve an assignment instance (JSON as for `speerpunt assign`)',
        body: AssignmentInstanceSchema,
        response: { 200: envelope(AssignmentResultSchema) },
      },
    },
    async (request) => ok(wordAssignmentReasons(solveAssignment(request.body), sheetLanguage(request))),
  );
  r.post(
    '/api/ranking/run',
    {
      config: staffAndAnalyst,
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Rank from JSON (as for `speerpunt rank`); optional what-if budget',
        querystring: schema.RankingQuery,
        body: RankingInputSchema,
        response: { 200: envelope(RankingResultSchema) },
      },
    },
    async (request) => ok(rankProposals(request.body, { budgetCents: request.query.budgetCents })),
  );

  // Expert pool and invitations.
  r.get(
    '/api/review/experts',
    {
      config: staff,
      schema: {
        tags,
        summary: 'The expert pool, one page; `q` searches name, e-mail and headline (accents aside)',
        querystring: pagedQuery(schema.ExpertPoolQuery.shape),
        response: { 200: pagedEnvelope(Any) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await selectPage(expertPoolQuery(ctx, { q: request.query.q }), request.query);
      const entries = await withExpertProfiles(ctx, page.rows);
      return pagedAnswer({ rows: entries, total: page.total }, request.query, (x) => x, { edit: true });
    },
  );
  r.get(
    '/api/review/experts.xlsx',
    { config: staff, schema: { tags, summary: 'The expert pool as XLSX', querystring: LangQuery } },
    async (request, reply) =>
      sendXlsx(request, reply, 'speerpunt-experts.xlsx', {
        name: { nl: 'Experts', en: 'Experts' },
        columns: poolColumns,
        rows: await findExpertPool(contextOf(request)),
      }),
  );
  r.get(
    '/api/review/my/profile',
    { config: expertOnly, schema: { tags, summary: 'My expert profile', response: { 200: envelope(Any) } } },
    async (request) => {
      const ctx = contextOf(request);
      const [entry] = await findExpertPool(ctx, actorOf(ctx).userId);
      return ok(entry, { edit: true });
    },
  );
  r.put(
    '/api/review/experts/:userId',
    {
      config: { access: allow('officer', 'admin', 'expert') },
      schema: {
        tags,
        summary: 'Save an expert profile (officer, or the expert themself)',
        params: schema.UserIdParams,
        body: schema.SaveExpertBody,
        response: { 200: envelope(Any) },
      },
    },
    async (request) =>
      ok(await saveExpertProfile(contextOf(request), { userId: request.params.userId, ...request.body })),
  );
  r.post(
    '/api/review/calls/:callId/experts',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Invite experts to a call',
        params: schema.CallIdParams,
        body: schema.InviteBody,
        response: { 200: envelope(z.object({ invited: z.number() })) },
      },
    },
    async (request) =>
      ok({
        invited: await inviteExperts(contextOf(request), { callId: request.params.callId, ...request.body }),
      }),
  );
  r.get(
    '/api/review/my/invitations',
    {
      config: expertOnly,
      schema: { tags, summary: 'My calls and the declaration to accept', response: { 200: envelope(Any) } },
    },
    async (request) =>
      ok({ declaration: DECLARATION, invitations: await findMyInvitations(contextOf(request)) }),
  );
  r.post(
    '/api/review/my/invitations/:callId',
    {
      config: expertOnly,
      schema: {
        tags,
        summary: 'Accept (with the declaration) or decline a call',
        params: schema.CallIdParams,
        body: schema.InvitationAnswerBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await answerInvitation(contextOf(request), { callId: request.params.callId, ...request.body });
      return ok({ ok: true });
    },
  );

  // Conflicts of interest.
  r.get(
    '/api/review/calls/:callId/conflicts',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Conflicts of interest of a call, one page',
        params: schema.CallIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(Any) },
      },
    },
    async (request) => {
      const conflicts = await findCallConflicts(contextOf(request), request.params.callId, request.query);
      return pagedAnswer(conflicts, request.query, (x) => x, {
        add: true,
        lift: true,
      });
    },
  );
  r.post(
    '/api/review/calls/:callId/conflicts',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Add a conflict (officer)',
        params: schema.CallIdParams,
        body: schema.ConflictBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        ok({
          id: await addOfficerConflict(contextOf(request), {
            callId: request.params.callId,
            ...request.body,
          }),
        }),
      ),
  );
  r.post(
    '/api/review/calls/:callId/conflicts/derive',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Derive conflicts from affiliations with consortium organisations',
        params: schema.CallIdParams,
        response: { 200: envelope(z.object({ created: z.number() })) },
      },
    },
    async (request) => ok({ created: await deriveConflicts(contextOf(request), request.params.callId) }),
  );
  r.post(
    '/api/review/conflicts/:id/lift',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Lift a derived or officer conflict, with a motivation',
        params: schema.IdParams,
        body: schema.LiftBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await liftConflict(contextOf(request), {
        conflictId: request.params.id,
        motivation: request.body.motivation,
      });
      return ok({ ok: true });
    },
  );
  r.post(
    '/api/review/proposals/:proposalId/conflict',
    {
      config: expertOnly,
      schema: {
        tags,
        summary: 'Declare a conflict of interest (expert)',
        params: schema.ProposalIdParams,
        body: schema.DeclareConflictBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await declareConflict(contextOf(request), {
        proposalId: request.params.proposalId,
        reason: request.body.reason,
      });
      return ok({ ok: true });
    },
  );

  // Calls under review and assignment.
  r.get(
    '/api/review/calls',
    {
      config: staffAndAnalyst,
      schema: {
        tags,
        summary: 'Calls in review, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(Any) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return pagedAnswer(await findReviewCalls(ctx, request.query), request.query, (x) => x, {
        open: canOpenCallReview(ctx.actor),
      });
    },
  );
  r.get(
    '/api/review/calls/:callId',
    {
      config: staff,
      schema: {
        tags,
        summary: 'A call under review',
        params: schema.CallIdParams,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const data = await getCallOverview(contextOf(request), request.params.callId);
      const open = data.call.status === 'closed' || data.call.status === 'in_evaluation';
      return ok(data, { assign: open, invite: open, decide: data.call.status === 'in_evaluation' });
    },
  );
  r.get(
    '/api/review/calls/:callId/assignments.xlsx',
    {
      config: staff,
      schema: { tags, summary: 'Assignments as XLSX', params: schema.CallIdParams, querystring: LangQuery },
    },
    async (request, reply) => {
      const data = await getCallOverview(contextOf(request), request.params.callId);
      const rows = data.proposals.flatMap((p) => p.experts.map((expert) => ({ ...p, expert })));
      return sendXlsx(request, reply, `speerpunt-toewijzing-${data.call.code}.xlsx`, {
        name: { nl: 'Toewijzing', en: 'Assignment' },
        columns: assignmentColumns,
        rows,
      });
    },
  );
  r.post(
    '/api/review/calls/:callId/assign',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Run the optimal assignment (keeps manual, forced and started pairs)',
        params: schema.CallIdParams,
        body: schema.AssignBody,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const plan = await assignCall(contextOf(request), { callId: request.params.callId, ...request.body });
      return ok({
        result: wordAssignmentReasons(plan.result, sheetLanguage(request)),
        kept: plan.kept,
        saved: plan.saved,
        proposals: plan.proposals,
        experts: plan.experts,
      });
    },
  );
  r.post(
    '/api/review/calls/:callId/assignments',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Assign one pair by hand',
        params: schema.CallIdParams,
        body: schema.ManualAssignmentBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        ok({
          id: await addManualAssignment(contextOf(request), {
            callId: request.params.callId,
            ...request.body,
          }),
        }),
      ),
  );
  r.delete(
    '/api/review/assignments/:id',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Remove a pair whose review has not started',
        params: schema.IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeAssignment(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.put(
    '/api/review/calls/:callId/settings',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Review deadline, reviewer identities and objection period of a call',
        params: schema.CallIdParams,
        body: schema.CallSettingsBody,
        response: {
          200: envelope(
            z.object({
              reviewDeadline: z.string().nullable(),
              showReviewerIdentities: z.boolean(),
              objectionDays: z.number().int().nullable(),
            }),
          ),
        },
      },
    },
    async (request) =>
      ok(
        await saveCallReviewSettings(contextOf(request), { callId: request.params.callId, ...request.body }),
      ),
  );
  r.post(
    '/api/review/calls/:callId/remind',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Remind experts with open reviews (in-app and e-mail)',
        params: schema.CallIdParams,
        response: { 200: envelope(z.object({ reminded: z.number() })) },
      },
    },
    async (request) => ok({ reminded: await remindExperts(contextOf(request), request.params.callId) }),
  );
  r.put(
    '/api/review/proposals/:proposalId/rapporteur',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Name the rapporteur',
        params: schema.ProposalIdParams,
        body: schema.RapporteurBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await setRapporteur(contextOf(request), {
        proposalId: request.params.proposalId,
        expertUserId: request.body.expertUserId,
      });
      return ok({ ok: true });
    },
  );

  // Reviews and consensus.
  r.get(
    '/api/review/my/assignments',
    {
      config: expertOnly,
      schema: {
        tags,
        summary: 'My proposals to review, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(Any) },
      },
    },
    async (request) =>
      pagedAnswer(await findMyAssignments(contextOf(request), request.query), request.query, (x) => x),
  );
  r.get(
    '/api/review/proposals/:proposalId',
    {
      config: reviewers,
      schema: {
        tags,
        summary: 'Review workspace of a proposal',
        params: schema.ProposalIdParams,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const { data, abilities } = await getReviewWorkspace(contextOf(request), request.params.proposalId);
      return ok(data, abilities);
    },
  );
  r.get(
    '/api/review/proposals/:proposalId/attachments/:attachmentId',
    {
      config: { ...reviewers, download: ['stored-file'] },
      schema: {
        tags,
        summary: 'An attachment of a proposal under review (a PDF inline on request, else a download)',
        params: schema.ProposalAttachmentParams,
        querystring: schema.AttachmentQuery,
      },
    },
    async (request, reply) => {
      const file = await getReviewAttachment(
        contextOf(request),
        request.params.proposalId,
        request.params.attachmentId,
      );
      return sendAttachment(reply, file, request.query.inline === 'true');
    },
  );
  r.put(
    '/api/review/proposals/:proposalId/review',
    {
      config: expertOnly,
      schema: {
        tags,
        summary: 'Save my draft review',
        params: schema.ProposalIdParams,
        body: schema.SaveReviewBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await saveReviewDraft(contextOf(request), { proposalId: request.params.proposalId, ...request.body });
      return ok({ ok: true });
    },
  );
  r.post(
    '/api/review/proposals/:proposalId/review/submit',
    {
      config: expertOnly,
      schema: {
        tags,
        summary: 'Submit my review (final)',
        params: schema.ProposalIdParams,
        response: { 200: Done },
      },
    },
    async (request) => {
      await submitReview(contextOf(request), request.params.proposalId);
      return ok({ ok: true });
    },
  );
  r.put(
    '/api/review/proposals/:proposalId/consensus',
    {
      config: reviewers,
      schema: {
        tags,
        summary: 'Write (and optionally agree) the consensus',
        params: schema.ProposalIdParams,
        body: schema.ConsensusBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await saveConsensus(contextOf(request), { proposalId: request.params.proposalId, ...request.body });
      return ok({ ok: true });
    },
  );
  r.get(
    '/api/review/calls/:callId/calibration',
    {
      config: staffAndAnalyst,
      schema: {
        tags,
        summary: 'Calibration of experts against the panel',
        params: schema.CallIdParams,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await getCallOverview(ctx, request.params.callId);
      return ok(await getCalibration(ctx, request.params.callId));
    },
  );
  r.get(
    '/api/review/calls/:callId/calibration.xlsx',
    {
      config: staffAndAnalyst,
      schema: { tags, summary: 'Calibration as XLSX', params: schema.CallIdParams, querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await getCallOverview(ctx, request.params.callId);
      return sendXlsx(request, reply, 'speerpunt-kalibratie.xlsx', {
        name: { nl: 'Kalibratie', en: 'Calibration' },
        columns: calibrationColumns,
        rows: (await getCalibration(ctx, request.params.callId)).experts,
      });
    },
  );

  // Ranking and decisions.
  r.get(
    '/api/review/calls/:callId/ranking',
    {
      config: staffAndAnalyst,
      schema: {
        tags,
        summary: 'Ranking of a call; budgetCents tries another envelope (what-if, nothing changes)',
        params: schema.CallIdParams,
        querystring: schema.RankingQuery,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const data = await rankCall(contextOf(request), {
        callId: request.params.callId,
        budgetCents: request.query.budgetCents,
      });
      return ok(data, { decide: actorOf(contextOf(request)).role !== 'analyst' });
    },
  );
  r.get(
    '/api/review/calls/:callId/ranking.xlsx',
    {
      config: staffAndAnalyst,
      schema: {
        tags,
        summary: 'Ranking as XLSX',
        params: schema.CallIdParams,
        querystring: schema.RankingQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const data = await rankCall(contextOf(request), {
        callId: request.params.callId,
        budgetCents: request.query.budgetCents,
      });
      return sendXlsx(request, reply, 'speerpunt-rangschikking.xlsx', {
        name: { nl: 'Rangschikking', en: 'Ranking' },
        columns: rankingColumns,
        rows: data.result.ranking,
      });
    },
  );
  r.post(
    '/api/review/calls/:callId/decisions',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Record decisions (batch), each with a motivation',
        params: schema.CallIdParams,
        body: schema.DecisionsBody,
        response: { 200: envelope(z.object({ decided: z.number(), objectionDeadline: z.string() })) },
      },
    },
    async (request) =>
      ok(
        await decideProposals(contextOf(request), {
          callId: request.params.callId,
          decisions: request.body.decisions,
        }),
      ),
  );
  r.get(
    '/api/review/calls/:callId/objections',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Objections of a call',
        params: schema.CallIdParams,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await getCallOverview(ctx, request.params.callId);
      return ok(await findCallObjections(ctx, request.params.callId));
    },
  );
  r.post(
    '/api/review/objections/:id/handle',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Handle an objection with a recorded outcome',
        params: schema.IdParams,
        body: schema.HandleObjectionBody,
        response: { 200: Done },
      },
    },
    async (request) => {
      await handleObjection(contextOf(request), { objectionId: request.params.id, ...request.body });
      return ok({ ok: true });
    },
  );
  r.get(
    '/api/review/summaries/:proposalId',
    {
      config: applicantsAndStaff,
      schema: {
        tags,
        summary: 'Evaluation summary (applicant of the proposal, or staff)',
        params: schema.ProposalIdParams,
        response: { 200: envelope(Any) },
      },
    },
    async (request) => {
      const { data, abilities } = await getEvaluationSummary(contextOf(request), request.params.proposalId);
      return ok(data, abilities);
    },
  );
  r.get(
    '/api/review/summaries/:proposalId/pdf',
    {
      config: { ...applicantsAndStaff, download: ['pdf'] },
      schema: { tags, summary: 'Evaluation summary as PDF', params: schema.ProposalIdParams },
    },
    async (request, reply) => {
      const { data } = await getEvaluationSummary(contextOf(request), request.params.proposalId);
      return sendDownload(
        reply,
        `evaluatieverslag-${data.proposal.reference}.pdf`,
        'application/pdf',
        await buildEvaluationSummaryPdf(data, contextOf(request).now()),
      );
    },
  );
  r.post(
    '/api/review/summaries/:proposalId/objections',
    {
      config: { access: allow('applicant') },
      schema: {
        tags,
        summary: 'Object to the decision within the period',
        params: schema.ProposalIdParams,
        body: schema.ObjectionBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        ok({
          id: await fileObjection(contextOf(request), {
            proposalId: request.params.proposalId,
            grounds: request.body.grounds,
          }),
        }),
      ),
  );
  r.post(
    '/api/review/proposals/:proposalId/network',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Start a business network from a funded new-theme proposal',
        params: schema.ProposalIdParams,
        response: {
          201: envelope(z.object({ clusterId: z.string(), members: z.number(), kpiTargets: z.number() })),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(ok(await startBusinessNetwork(contextOf(request), request.params.proposalId))),
  );
}
