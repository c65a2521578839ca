import { brusselsDate } from '../../../shared/brussels-time';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, anyUser, publicAccess } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, pagedQuery, PageQuery, slicePage } from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import { LangQuery, sendXlsx, sendXlsxStream, type SheetColumn } from '../../http/spreadsheet';
import {
  ACTION_STATUS,
  MEETING_KIND,
  PARTICIPANT_SIDE,
  PARTNERSHIP_REPORT_STATUS,
  TIMELINE_KIND,
} from '../../http/spreadsheet-labels';
import { canSeeConfidential, clusterAbilities } from './partnership.policy';
import {
  ActionListQuery,
  ActionSchema,
  AgreementBody,
  AgreementSchema,
  CalendarParams,
  ClusterIdParams,
  ClusterSummarySchema,
  CommentBody,
  CreateActionBody,
  CreateReportBody,
  IdParams,
  MeetingBody,
  MeetingSchema,
  MinutesBody,
  MinutesVersionSchema,
  PersonSchema,
  PreferencesBody,
  PreferencesSchema,
  ReportSchema,
  ReviewReportBody,
  TIMELINE_KINDS,
  TimelineEntrySchema,
  TimelineQuery,
  UpdateActionBody,
  UpdateReportBody,
  type TimelineKind,
} from './partnership.schema';
import {
  findActionPage,
  findActionsOfCluster,
  findActionsOfOwner,
  findAgreementsOfCluster,
  findEligibleOwnerPage,
  findMeetingPageOfCluster,
  findMeetingsOfCluster,
  findMinutesPage,
  findReportPageOfCluster,
  findReportsOfCluster,
  getAction,
  getAgreement,
  getCluster,
  getMeeting,
  getReport,
} from './partnership.repository';
import { clusterSummaryBatches, findClusterSummaryPage, type ClusterSummary } from './cluster-summaries';
import {
  presentActions,
  presentAgreement,
  presentAgreements,
  presentMeetings,
  presentReports,
} from './partnership.presenter';
import { createAgreement, signAgreement, updateAgreement } from './save-agreement';
import { createMeeting, saveMinutes, signOffMinutes, updateMeeting } from './save-meeting';
import { commentOnAction, createAction, updateAction } from './save-action';
import { closeReportPeriod, createReport, reviewReport, submitReport, updateReport } from './save-report';
import { buildTimeline, type TimelineEntry } from './build-timeline';
import { buildCalendarFeed, CALENDAR_ROLES, createCalendarToken } from './calendar-feed';
import { findPreferences, savePreferences } from './save-preferences';
import { toIso } from './partnership-dates';

const tags = ['partnership'];
const readers = { access: allow('officer', 'manager', 'analyst') };
const partners = { access: allow('officer', 'manager') };
const officers = { access: allow('officer') };

type Action = Awaited<ReturnType<typeof presentActions>>[number];
const actionColumns: SheetColumn<Action>[] = [
  { header: 'cluster', value: (a) => a.clusterName, width: 24 },
  { header: 'title', value: (a) => a.title, width: 40 },
  { header: 'owner', value: (a) => a.owner?.name ?? '', width: 28 },
  { header: 'side', value: (a) => a.ownerSide, labels: PARTICIPANT_SIDE },
  { header: 'due_on', value: (a) => a.dueOn, kind: 'date' },
  { header: 'status', value: (a) => a.status, labels: ACTION_STATUS },
  { header: 'overdue', value: (a) => a.isOverdue, kind: 'boolean' },
  { header: 'past_due_reason', value: (a) => a.pastDueReason, width: 30 },
];
type Meeting = Awaited<ReturnType<typeof presentMeetings>>[number];
const meetingColumns: SheetColumn<Meeting>[] = [
  { header: 'starts_at', value: (m) => m.startsAt, kind: 'datetime' },
  { header: 'kind', value: (m) => m.kind, labels: MEETING_KIND, width: 20 },
  { header: 'title', value: (m) => m.title, width: 40 },
  { header: 'confidential', value: (m) => m.isConfidential, kind: 'boolean' },
  { header: 'minutes_version', value: (m) => m.minutes?.version ?? null, kind: 'integer' },
  { header: 'minutes_signed_off', value: (m) => m.minutes?.signedOffAt ?? null, kind: 'datetime' },
  { header: 'decisions', value: (m) => m.decisions.map((d) => d.text).join(' | '), width: 60 },
];
type Report = Awaited<ReturnType<typeof presentReports>>[number];
const reportColumns: SheetColumn<Report>[] = [
  { header: 'period', value: (r) => r.periodLabel },
  { header: 'due_on', value: (r) => r.dueOn, kind: 'date' },
  { header: 'status', value: (r) => r.status, labels: PARTNERSHIP_REPORT_STATUS },
  { header: 'submissions', value: (r) => r.submissionCount, kind: 'integer' },
  { header: 'submitted_at', value: (r) => r.submittedAt, kind: 'datetime' },
  { header: 'feedback', value: (r) => r.feedback, width: 60 },
];
const timelineColumns: SheetColumn<TimelineEntry>[] = [
  { header: 'at', value: (e) => e.at, kind: 'datetime' },
  { header: 'kind', value: (e) => e.kind, labels: TIMELINE_KIND, width: 16 },
  { header: 'title', value: (e, lang) => e.title[lang], width: 50 },
  { header: 'detail', value: (e) => e.detail, width: 60 },
];

function timelineFilter(query: z.infer<typeof TimelineQuery>) {
  const kinds = query.kinds
    ? (query.kinds
        .split(',')
        .filter((k) => (TIMELINE_KINDS as readonly string[]).includes(k)) as TimelineKind[])
    : undefined;
  return { kinds, from: query.from, to: query.to };
}

const summaryColumns: SheetColumn<ClusterSummary>[] = [
  { header: 'cluster', value: (c) => c.clusterName, width: 28 },
  { header: 'agreement', value: (c) => c.agreementTitle ?? '', width: 50 },
  { header: 'signed', value: (c) => c.agreementSigned, kind: 'boolean' },
  { header: 'open_actions', value: (c) => c.openActions, kind: 'integer' },
  { header: 'overdue_actions', value: (c) => c.overdueActions, kind: 'integer' },
  { header: 'next_meeting', value: (c) => c.nextMeetingAt, kind: 'datetime' },
  { header: 'reports_to_review', value: (c) => c.reportsToReview, kind: 'integer' },
];

/** Partnership and follow-up between the agency and each cluster (issue 8). */
export default async function partnershipRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---------- overview ----------
  r.get(
    '/api/partnership/clusters',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Clusters with their partnership status, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ClusterSummarySchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const summaries = await findClusterSummaryPage(ctx.db, actorOf(ctx), ctx.now(), request.query);
      return pagedAnswer(summaries, request.query, (x) => x);
    },
  );

  r.get(
    '/api/partnership/clusters.xlsx',
    { config: readers, schema: { tags, summary: 'Partnership overview as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      return sendXlsxStream(request, reply, 'speerpunt-partnerships.xlsx', {
        name: { nl: 'Partnerschappen', en: 'Partnerships' },
        columns: summaryColumns,
        batches: clusterSummaryBatches(ctx.db, actorOf(ctx), ctx.now()),
      });
    },
  );

  r.get(
    '/api/partnership/clusters/:clusterId/people',
    {
      config: partners,
      schema: {
        tags,
        summary: 'People on either side who can own actions or take part in meetings',
        params: ClusterIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(PersonSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await getCluster(ctx.db, actorOf(ctx), request.params.clusterId);
      const people = await findEligibleOwnerPage(ctx.db, request.params.clusterId, request.query);
      return pagedAnswer(people, request.query, (x) => x);
    },
  );

  // ---------- agreements ----------
  r.get(
    '/api/partnership/clusters/:clusterId/agreements',
    {
      config: readers,
      schema: {
        tags,
        summary: "A cluster's partnership agreements, newest period first",
        params: ClusterIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(AgreementSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const agreements = await findAgreementsOfCluster(ctx.db, request.params.clusterId, request.query);
      return pagedAnswer(
        { rows: await presentAgreements(ctx.db, agreements.rows, actor), total: agreements.total },
        request.query,
        (x) => x,
        clusterAbilities(actor, request.params.clusterId),
      );
    },
  );

  r.post(
    '/api/partnership/clusters/:clusterId/agreements',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Create a partnership agreement',
        params: ClusterIdParams,
        body: AgreementBody,
        response: { 201: envelope(AgreementSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createAgreement(ctx, { clusterId: request.params.clusterId, input: request.body });
      return reply
        .status(201)
        .send(
          ok(
            await presentAgreement(ctx.db, row, actorOf(ctx)),
            clusterAbilities(actorOf(ctx), row.cluster_id),
          ),
        );
    },
  );

  r.get(
    '/api/partnership/agreements/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'One agreement',
        params: IdParams,
        response: { 200: envelope(AgreementSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const row = await getAgreement(ctx.db, actor, request.params.id);
      return ok(await presentAgreement(ctx.db, row, actor), clusterAbilities(actor, row.cluster_id));
    },
  );

  r.put(
    '/api/partnership/agreements/:id',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Change an agreement (a signed one becomes an amendment to sign again)',
        params: IdParams,
        body: AgreementBody,
        response: { 200: envelope(AgreementSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await updateAgreement(ctx, { agreementId: request.params.id, input: request.body });
      return ok(
        await presentAgreement(ctx.db, row, actorOf(ctx)),
        clusterAbilities(actorOf(ctx), row.cluster_id),
      );
    },
  );

  r.post(
    '/api/partnership/agreements/:id/sign',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Sign for your side (cluster manager or officer)',
        params: IdParams,
        body: z.strictObject({}),
        response: { 200: envelope(AgreementSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await signAgreement(ctx, { agreementId: request.params.id });
      return ok(
        await presentAgreement(ctx.db, row, actorOf(ctx)),
        clusterAbilities(actorOf(ctx), row.cluster_id),
      );
    },
  );

  r.post(
    '/api/partnership/periods/:id/close',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Close a reporting period (officer)',
        params: IdParams,
        body: z.strictObject({}),
        response: { 200: envelope(AgreementSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const agreementId = await closeReportPeriod(ctx, { periodId: request.params.id });
      const row = await getAgreement(ctx.db, actorOf(ctx), agreementId);
      return ok(
        await presentAgreement(ctx.db, row, actorOf(ctx)),
        clusterAbilities(actorOf(ctx), row.cluster_id),
      );
    },
  );

  // ---------- meetings ----------
  r.get(
    '/api/partnership/clusters/:clusterId/meetings',
    {
      config: readers,
      schema: {
        tags,
        summary: "A cluster's follow-up meetings, newest first",
        params: ClusterIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(MeetingSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const meetings = await findMeetingPageOfCluster(ctx.db, request.params.clusterId, request.query);
      return pagedAnswer(
        { rows: await presentMeetings(ctx.db, meetings.rows, actor), total: meetings.total },
        request.query,
        (x) => x,
        clusterAbilities(actor, request.params.clusterId),
      );
    },
  );

  r.get(
    '/api/partnership/clusters/:clusterId/meetings.xlsx',
    {
      config: readers,
      schema: { tags, summary: 'Meetings as XLSX', params: ClusterIdParams, querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const rows = await presentMeetings(
        ctx.db,
        await findMeetingsOfCluster(ctx.db, request.params.clusterId),
        actor,
      );
      return sendXlsx(request, reply, 'speerpunt-meetings.xlsx', {
        name: { nl: 'Vergaderingen', en: 'Meetings' },
        columns: meetingColumns,
        rows: rows,
      });
    },
  );

  r.post(
    '/api/partnership/clusters/:clusterId/meetings',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Plan or record a meeting (KPI and budget status attached as a snapshot)',
        params: ClusterIdParams,
        body: MeetingBody,
        response: { 201: envelope(MeetingSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createMeeting(ctx, { clusterId: request.params.clusterId, input: request.body });
      const [meeting] = await presentMeetings(ctx.db, [row], actorOf(ctx));
      return reply.status(201).send(ok(meeting, clusterAbilities(actorOf(ctx), row.cluster_id)));
    },
  );

  r.get(
    '/api/partnership/meetings/:id',
    {
      config: readers,
      schema: { tags, summary: 'One meeting', params: IdParams, response: { 200: envelope(MeetingSchema) } },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const row = await getMeeting(ctx.db, actor, request.params.id);
      const [meeting] = await presentMeetings(ctx.db, [row], actor);
      return ok(meeting, clusterAbilities(actor, row.cluster_id));
    },
  );

  r.put(
    '/api/partnership/meetings/:id',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Change a meeting',
        params: IdParams,
        body: MeetingBody,
        response: { 200: envelope(MeetingSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await updateMeeting(ctx, { meetingId: request.params.id, input: request.body });
      const [meeting] = await presentMeetings(ctx.db, [row], actorOf(ctx));
      return ok(meeting, clusterAbilities(actorOf(ctx), row.cluster_id));
    },
  );

  r.put(
    '/api/partnership/meetings/:id/minutes',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Write the minutes and decisions (after sign-off: a new version)',
        params: IdParams,
        body: MinutesBody,
        response: { 200: envelope(MeetingSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const result = await saveMinutes(ctx, {
        meetingId: request.params.id,
        body: request.body.body,
        decisions: request.body.decisions,
      });
      const [meeting] = await presentMeetings(ctx.db, [result.meeting], actorOf(ctx));
      return ok(meeting, {
        ...clusterAbilities(actorOf(ctx), result.meeting.cluster_id),
        newVersion: result.isNewVersion,
      });
    },
  );

  r.post(
    '/api/partnership/meetings/:id/minutes/sign-off',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Sign off the current minutes',
        params: IdParams,
        body: z.strictObject({}),
        response: { 200: envelope(MeetingSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await signOffMinutes(ctx, { meetingId: request.params.id });
      const [meeting] = await presentMeetings(ctx.db, [row], actorOf(ctx));
      return ok(meeting, clusterAbilities(actorOf(ctx), row.cluster_id));
    },
  );

  r.get(
    '/api/partnership/meetings/:id/minutes/versions',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Every version of the minutes, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(MinutesVersionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const meeting = await getMeeting(ctx.db, actor, request.params.id);
      // A confidential meeting's minutes are withheld as presentMeetings redacts them.
      if (meeting.is_confidential && !canSeeConfidential(actor))
        return pagedAnswer({ rows: [], total: 0 }, request.query, (x) => x);
      const people = actor.role !== 'analyst';
      const rows = await findMinutesPage(ctx.db, meeting.id, request.query);
      return pagedAnswer(rows, request.query, (m) => ({
        version: m.version,
        body: m.body,
        writtenAt: new Date(m.written_at).toISOString(),
        writtenBy: people ? m.writer_name : null,
        signedOffAt: toIso(m.signed_off_at),
        signedOffBy: people ? m.signer_name : null,
      }));
    },
  );

  // ---------- actions ----------
  r.get(
    '/api/partnership/clusters/:clusterId/actions',
    {
      config: readers,
      schema: {
        tags,
        summary: "A cluster's action items (overdue flagged)",
        params: ClusterIdParams,
        querystring: pagedQuery(ActionListQuery.shape),
        response: { 200: pagedEnvelope(ActionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const today = brusselsDate(ctx.now());
      const { status } = request.query;
      const page = await findActionPage(
        ctx.db,
        { of: { clusterId: request.params.clusterId }, status, today },
        request.query,
      );
      return pagedAnswer(
        { rows: await presentActions(ctx.db, page.rows, actor, today, true), total: page.total },
        request.query,
        (x) => x,
        clusterAbilities(actor, request.params.clusterId),
      );
    },
  );

  r.get(
    '/api/partnership/clusters/:clusterId/actions.xlsx',
    {
      config: readers,
      schema: { tags, summary: 'Actions as XLSX', params: ClusterIdParams, querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const rows = await presentActions(
        ctx.db,
        await findActionsOfCluster(ctx.db, request.params.clusterId),
        actor,
        brusselsDate(ctx.now()),
      );
      return sendXlsx(request, reply, 'speerpunt-actions.xlsx', {
        name: { nl: 'Acties', en: 'Actions' },
        columns: actionColumns,
        rows: rows,
      });
    },
  );

  r.post(
    '/api/partnership/clusters/:clusterId/actions',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Create an action item (a past due date needs pastDueReason)',
        params: ClusterIdParams,
        body: CreateActionBody,
        response: { 201: envelope(ActionSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createAction(ctx, { clusterId: request.params.clusterId, input: request.body });
      const [action] = await presentActions(ctx.db, [row], actorOf(ctx), brusselsDate(ctx.now()), true);
      return reply.status(201).send(ok(action, clusterAbilities(actorOf(ctx), row.cluster_id)));
    },
  );

  r.get(
    '/api/partnership/actions/mine',
    {
      config: partners,
      schema: {
        tags,
        summary: 'My actions, on any cluster',
        querystring: pagedQuery(ActionListQuery.shape),
        response: { 200: pagedEnvelope(ActionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const today = brusselsDate(ctx.now());
      const { status } = request.query;
      const page = await findActionPage(
        ctx.db,
        { of: { ownerUserId: actor.userId }, status, today },
        request.query,
      );
      return pagedAnswer(
        { rows: await presentActions(ctx.db, page.rows, actor, today, true), total: page.total },
        request.query,
        (x) => x,
      );
    },
  );

  r.get(
    '/api/partnership/actions/mine.xlsx',
    { config: partners, schema: { tags, summary: 'My actions as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const rows = await presentActions(
        ctx.db,
        await findActionsOfOwner(ctx.db, actor.userId),
        actor,
        brusselsDate(ctx.now()),
      );
      return sendXlsx(request, reply, 'speerpunt-my-actions.xlsx', {
        name: { nl: 'Mijn acties', en: 'My actions' },
        columns: actionColumns,
        rows: rows,
      });
    },
  );

  r.get(
    '/api/partnership/actions/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'One action with its comments',
        params: IdParams,
        response: { 200: envelope(ActionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const row = await getAction(ctx.db, actor, request.params.id);
      const [action] = await presentActions(ctx.db, [row], actor, brusselsDate(ctx.now()), true);
      return ok(action, clusterAbilities(actor, row.cluster_id));
    },
  );

  r.patch(
    '/api/partnership/actions/:id',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Change an action (status, owner, due date...)',
        params: IdParams,
        body: UpdateActionBody,
        response: { 200: envelope(ActionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await updateAction(ctx, { actionId: request.params.id, ...request.body });
      const [action] = await presentActions(ctx.db, [row], actorOf(ctx), brusselsDate(ctx.now()), true);
      return ok(action, clusterAbilities(actorOf(ctx), row.cluster_id));
    },
  );

  r.post(
    '/api/partnership/actions/:id/comments',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Comment on an action',
        params: IdParams,
        body: CommentBody,
        response: { 201: envelope(ActionSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await commentOnAction(ctx, { actionId: request.params.id, body: request.body.body });
      const [action] = await presentActions(ctx.db, [row], actorOf(ctx), brusselsDate(ctx.now()), true);
      return reply.status(201).send(ok(action, clusterAbilities(actorOf(ctx), row.cluster_id)));
    },
  );

  // ---------- reports ----------
  r.get(
    '/api/partnership/clusters/:clusterId/reports',
    {
      config: readers,
      schema: {
        tags,
        summary: "A cluster's progress reports",
        params: ClusterIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ReportSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const reports = await findReportPageOfCluster(ctx.db, request.params.clusterId, request.query);
      return pagedAnswer(
        { rows: await presentReports(ctx.db, reports.rows, actor), total: reports.total },
        request.query,
        (x) => x,
        clusterAbilities(actor, request.params.clusterId),
      );
    },
  );

  r.get(
    '/api/partnership/clusters/:clusterId/reports.xlsx',
    {
      config: readers,
      schema: { tags, summary: 'Reports as XLSX', params: ClusterIdParams, querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const rows = await presentReports(
        ctx.db,
        await findReportsOfCluster(ctx.db, request.params.clusterId),
        actor,
      );
      return sendXlsx(request, reply, 'speerpunt-reports.xlsx', {
        name: { nl: 'Voortgangsrapporten', en: 'Progress reports' },
        columns: reportColumns,
        rows: rows,
      });
    },
  );

  r.post(
    '/api/partnership/clusters/:clusterId/reports',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Start the progress report of a period (refused for a closed period)',
        params: ClusterIdParams,
        body: CreateReportBody,
        response: { 201: envelope(ReportSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createReport(ctx, {
        clusterId: request.params.clusterId,
        periodId: request.body.periodId,
      });
      const [report] = await presentReports(ctx.db, [row], actorOf(ctx));
      return reply.status(201).send(ok(report, clusterAbilities(actorOf(ctx), row.cluster_id)));
    },
  );

  r.get(
    '/api/partnership/reports/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'One progress report',
        params: IdParams,
        response: { 200: envelope(ReportSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const row = await getReport(ctx.db, actor, request.params.id);
      const [report] = await presentReports(ctx.db, [row], actor);
      return ok(report, clusterAbilities(actor, row.cluster_id));
    },
  );

  r.put(
    '/api/partnership/reports/:id',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Edit a draft or returned report',
        params: IdParams,
        body: UpdateReportBody,
        response: { 200: envelope(ReportSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await updateReport(ctx, { reportId: request.params.id, ...request.body });
      const [report] = await presentReports(ctx.db, [row], actorOf(ctx));
      return ok(report, clusterAbilities(actorOf(ctx), row.cluster_id));
    },
  );

  r.post(
    '/api/partnership/reports/:id/submit',
    {
      config: partners,
      schema: {
        tags,
        summary: 'Submit or resubmit a report',
        params: IdParams,
        body: z.strictObject({}),
        response: { 200: envelope(ReportSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await submitReport(ctx, { reportId: request.params.id });
      const [report] = await presentReports(ctx.db, [row], actorOf(ctx));
      return ok(report, clusterAbilities(actorOf(ctx), row.cluster_id));
    },
  );

  r.post(
    '/api/partnership/reports/:id/review',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Accept a report or return it to revise, with feedback (officer)',
        params: IdParams,
        body: ReviewReportBody,
        response: { 200: envelope(ReportSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await reviewReport(ctx, { reportId: request.params.id, ...request.body });
      const [report] = await presentReports(ctx.db, [row], actorOf(ctx));
      return ok(report, clusterAbilities(actorOf(ctx), row.cluster_id));
    },
  );

  // ---------- timeline ----------
  r.get(
    '/api/partnership/clusters/:clusterId/timeline',
    {
      config: readers,
      schema: {
        tags,
        summary: "A cluster's partnership timeline, newest first, filterable by kind and date",
        params: ClusterIdParams,
        querystring: pagedQuery(TimelineQuery.shape),
        response: { 200: pagedEnvelope(TimelineEntrySchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const timeline = await buildTimeline(
        ctx.db,
        actor,
        request.params.clusterId,
        timelineFilter(request.query),
      );
      // Merged from several sources in memory, each read bounded (TIMELINE_SOURCE_LIMIT), then paged.
      return pagedAnswer(slicePage(timeline, request.query), request.query, (x) => x);
    },
  );

  r.get(
    '/api/partnership/clusters/:clusterId/timeline.xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Timeline as XLSX',
        params: ClusterIdParams,
        querystring: TimelineQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      await getCluster(ctx.db, actor, request.params.clusterId);
      const rows = await buildTimeline(
        ctx.db,
        actor,
        request.params.clusterId,
        timelineFilter(request.query),
      );
      return sendXlsx(request, reply, 'speerpunt-timeline.xlsx', {
        name: { nl: 'Tijdlijn', en: 'Timeline' },
        columns: timelineColumns,
        rows: rows,
      });
    },
  );

  // ---------- notifications and calendar ----------
  r.get(
    '/api/partnership/preferences',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Your partnership notification choices',
        response: { 200: envelope(PreferencesSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return ok(await findPreferences(ctx.db, actorOf(ctx).userId));
    },
  );

  r.put(
    '/api/partnership/preferences',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Choose per kind: in the app, by e-mail; and the weekly digest',
        body: PreferencesBody,
        response: { 200: envelope(PreferencesSchema) },
      },
    },
    async (request) => {
      return ok(await savePreferences(contextOf(request), request.body));
    },
  );

  r.post(
    '/api/partnership/calendar-token',
    {
      config: { access: allow(...CALENDAR_ROLES) },
      schema: {
        tags,
        summary: 'Create (or replace) your calendar subscription URL; shown once',
        body: z.strictObject({}),
        response: { 201: envelope(z.object({ url: z.string() })) },
      },
    },
    async (request, reply) => {
      const token = await createCalendarToken(contextOf(request));
      return reply
        .status(201)
        .send(ok({ url: `${request.server.config.publicUrl}/api/partnership/calendar/${token}.ics` }));
    },
  );

  // Calendar apps cannot log in: the secret token in the URL is the credential.
  r.get(
    '/api/partnership/calendar/:file',
    {
      config: { access: publicAccess, download: ['ics'] },
      schema: { tags, summary: 'Your iCalendar feed (token URL)', params: CalendarParams },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '');
      const ics = await buildCalendarFeed(contextOf(request).db, token, request.server.clock(), {
        publicUrl: request.server.config.publicUrl,
        domain: request.server.config.calendarDomain,
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .send(ics);
    },
  );
}
