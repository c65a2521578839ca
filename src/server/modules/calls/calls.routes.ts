import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, anyUser, publicAccess } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, pagedQuery, selectPage } from '../../http/paging';
import { contextOf } from '../../http/request-context';
import { systemActor } from '../../http/actor';
import { AppError } from '../../errors/app-error';
import { buildCsv, LangQuery, sendDownload, sendXlsx, type SheetColumn } from '../../http/spreadsheet';
import { resourceUri } from '../opendata/linked-data';
import { CALL_KIND, CALL_STATUS } from '../../http/spreadsheet-labels';
import {
  AmendCallBody,
  CallDefinitionBody,
  CallIdParams,
  CallListQuery,
  CallSchema,
  PublicCallListQuery,
  CallSummarySchema,
  MoveCallBody,
} from './calls.schema';
import { callsQuery, findCallDetail, findCalls, findPublicCallDetail } from './calls.repository';
import { presentCall, presentCallSummary } from './calls.presenter';
import { callAbilities, maySeeDraftCalls } from './calls.policy';
import { createCall } from './create-call';
import { updateCall } from './update-call';
import { publishCall } from './publish-call';
import { amendCall } from './amend-call';
import { closeExpiredCalls, moveCallStatus } from './move-call-status';
import proposalsRoutes from './proposals.routes';

const officer = { access: allow('officer') };
const tags = ['calls'];

type Summary = ReturnType<typeof presentCallSummary>;
const callColumns: SheetColumn<Summary>[] = [
  { header: 'code', value: (c) => c.code },
  { header: 'kind', value: (c) => c.kind, labels: CALL_KIND, width: 26 },
  { header: 'status', value: (c) => c.status, labels: CALL_STATUS, withCode: true },
  { header: 'title', value: (c, lang) => (lang === 'en' ? c.titleEn || c.titleNl : c.titleNl), width: 50 },
  { header: 'budget_envelope_eur', value: (c) => c.budgetEnvelopeCents, kind: 'money' },
  { header: 'opens_at', value: (c) => c.opensAt, kind: 'datetime' },
  { header: 'closes_at', value: (c) => c.closesAt, kind: 'datetime' },
  { header: 'proposals', value: (c) => c.proposalCount, kind: 'integer' },
];

const uriField = z.string().meta({ description: 'The stable URI of the call, `<PUBLIC_URL>/id/call/<id>`.' });
/** A call in a list, public or signed in: with its stable URI. */
const CallSummaryWithUriSchema = CallSummarySchema.extend({ uri: uriField });
const PublicCallSchema = CallSchema.extend({ uri: uriField });

/** The open calls as CSV, for machines: codes, ISO 8601 instants (UTC), the budget in euros. */
function publicCallColumns(publicUrl: string): SheetColumn<Summary>[] {
  return [
    { header: 'uri', value: (c) => resourceUri(publicUrl, 'call', c.id) },
    { header: 'code', value: (c) => c.code },
    { header: 'kind', value: (c) => c.kind },
    { header: 'status', value: (c) => c.status },
    { header: 'title_nl', value: (c) => c.titleNl },
    { header: 'title_en', value: (c) => c.titleEn },
    { header: 'budget_envelope_eur', value: (c) => c.budgetEnvelopeCents, kind: 'money' },
    { header: 'opens_at', value: (c) => c.opensAt },
    { header: 'closes_at', value: (c) => c.closesAt },
  ];
}

export default async function callsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The clock closes calls whose deadline passed before anyone reads them. */
  const tick = () => closeExpiredCalls(app.db, app.clock(), systemActor('clock'));

  r.get(
    '/api/public/calls',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Published calls (no login), one page, each with its stable URI',
        querystring: pagedQuery(PublicCallListQuery.shape),
        response: { 200: pagedEnvelope(CallSummaryWithUriSchema) },
      },
    },
    async (request) => {
      await tick();
      const query = callsQuery(app.db, {
        includeDrafts: false,
        status: request.query.status,
        acceptingAt: request.query.open === 'true' ? app.clock() : undefined,
      });
      const rows = await selectPage(query, request.query);
      return pagedAnswer(rows, request.query, (row) => ({
        ...presentCallSummary(row, app.clock(), { showCounts: false }),
        uri: resourceUri(app.config.publicUrl, 'call', row.id),
      }));
    },
  );

  r.get(
    '/api/public/calls.csv',
    {
      config: { access: publicAccess },
      schema: { tags, summary: 'Published calls as CSV (open data, no login)' },
    },
    async (_request, reply) => {
      await tick();
      const rows = await findCalls(app.db, { includeDrafts: false });
      const data = rows.map((row) => presentCallSummary(row, app.clock(), { showCounts: false }));
      return sendDownload(
        reply,
        'speerpunt-calls.csv',
        'text/csv; charset=utf-8',
        buildCsv(publicCallColumns(app.config.publicUrl), data),
      );
    },
  );

  r.get(
    '/api/public/calls/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'One published call (no login); what its URI resolves to',
        params: CallIdParams,
        response: { 200: envelope(PublicCallSchema) },
      },
    },
    async (request) => {
      await tick();
      const detail = await findPublicCallDetail(app.db, request.params.id);
      if (!detail) throw new AppError('NOT_FOUND');
      return ok({
        ...presentCall(detail, app.clock()),
        uri: resourceUri(app.config.publicUrl, 'call', detail.call.id),
      });
    },
  );

  r.get(
    '/api/calls',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Calls (drafts for officers), each with its stable URI',
        querystring: pagedQuery(CallListQuery.shape),
        response: { 200: pagedEnvelope(CallSummaryWithUriSchema) },
      },
    },
    async (request) => {
      await tick();
      const ctx = contextOf(request);
      const query = callsQuery(ctx.db, {
        includeDrafts: maySeeDraftCalls(ctx.actor),
        status: request.query.status,
      });
      return pagedAnswer(
        await selectPage(query, request.query),
        request.query,
        (row) => ({
          ...presentCallSummary(row, ctx.now(), { showCounts: ctx.actor?.role === 'officer' }),
          uri: resourceUri(app.config.publicUrl, 'call', row.id),
        }),
        { create: ctx.actor?.role === 'officer' },
      );
    },
  );

  r.get(
    '/api/calls.xlsx',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Calls as XLSX', querystring: CallListQuery.extend(LangQuery.shape) },
    },
    async (request, reply) => {
      await tick();
      const ctx = contextOf(request);
      const rows = await findCalls(ctx.db, {
        includeDrafts: maySeeDraftCalls(ctx.actor),
        status: request.query.status,
      });
      const data = rows.map((row) =>
        presentCallSummary(row, ctx.now(), { showCounts: ctx.actor?.role === 'officer' }),
      );
      return sendXlsx(request, reply, 'speerpunt-oproepen.xlsx', {
        name: { nl: 'Oproepen', en: 'Calls' },
        columns: callColumns,
        rows: data,
      });
    },
  );

  r.get(
    '/api/calls/:id',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'One call', params: CallIdParams, response: { 200: envelope(CallSchema) } },
    },
    async (request) => {
      await tick();
      const ctx = contextOf(request);
      const detail = await findCallDetail(ctx.db, request.params.id);
      if (!detail || (detail.call.status === 'draft' && !maySeeDraftCalls(ctx.actor)))
        throw new AppError('NOT_FOUND');
      const view = presentCall(detail, ctx.now());
      return ok(view, callAbilities(ctx.actor, view.status, view.isAcceptingProposals));
    },
  );

  r.post(
    '/api/calls',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Create a draft call',
        body: CallDefinitionBody,
        response: { 201: envelope(CallSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const detail = await createCall(ctx, request.body);
      const view = presentCall(detail, ctx.now());
      return reply
        .status(201)
        .send(ok(view, callAbilities(ctx.actor, view.status, view.isAcceptingProposals)));
    },
  );

  r.put(
    '/api/calls/:id',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Edit a draft call',
        params: CallIdParams,
        body: CallDefinitionBody,
        response: { 200: envelope(CallSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const view = presentCall(await updateCall(ctx, request.params.id, request.body), ctx.now());
      return ok(view, callAbilities(ctx.actor, view.status, view.isAcceptingProposals));
    },
  );

  r.post(
    '/api/calls/:id/publish',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Publish a draft call',
        params: CallIdParams,
        body: z.strictObject({}),
        response: { 200: envelope(CallSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const view = presentCall(await publishCall(ctx, request.params.id), ctx.now());
      return ok(view, callAbilities(ctx.actor, view.status, view.isAcceptingProposals));
    },
  );

  r.post(
    '/api/calls/:id/amendments',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Amend an open call (logged, applicants notified)',
        params: CallIdParams,
        body: AmendCallBody,
        response: { 200: envelope(CallSchema.extend({ notified: z.number() })) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const result = await amendCall(ctx, request.params.id, request.body);
      const view = presentCall(result.detail, ctx.now());
      return ok(
        { ...view, notified: result.notified },
        callAbilities(ctx.actor, view.status, view.isAcceptingProposals),
      );
    },
  );

  r.post(
    '/api/calls/:id/status',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Move a call: closed, in_evaluation, decided',
        params: CallIdParams,
        body: MoveCallBody,
        response: { 200: envelope(CallSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const view = presentCall(await moveCallStatus(ctx, request.params.id, request.body), ctx.now());
      return ok(view, callAbilities(ctx.actor, view.status, view.isAcceptingProposals));
    },
  );

  await app.register(proposalsRoutes);
}
