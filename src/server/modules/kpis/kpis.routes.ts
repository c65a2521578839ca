import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import {
  isUsualPage,
  pagedAnswer,
  pagedEnvelope,
  pagedQuery,
  PageQuery,
  selectPage,
  slicePage,
} from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { readStoredFile } from '../../files/store-file';
import {
  LangQuery,
  sendDownload,
  sendXlsx,
  sendXlsxStream,
  type SheetColumn,
  sheetLanguage,
  XLSX_TYPE,
} from '../../http/spreadsheet';
import {
  DIFFUSION_KIND,
  EU_LINK_METHOD,
  EU_ROLE,
  KPI_AGGREGATION,
  KPI_APPROVAL,
  KPI_DIRECTION,
  KPI_LENS,
  KPI_SOURCE,
  KPI_UNIT,
  PERIOD_STATUS,
} from '../../http/spreadsheet-labels';
import * as S from './kpis.schema';
import {
  KPI_READERS,
  PORTFOLIO_READERS,
  canSeeCluster,
  clusterAbilities,
  visibleClusterIds,
} from './kpis.policy';
import { findDefinitionById, findDefinitions, findPeriods, readKpiSettings } from './kpis.repository';
import { presentDefinition, presentPeriod } from './kpis.presenter';
import {
  buildClusterDashboard,
  buildMeasurementDetail,
  buildPortfolio,
  findDiffusionActivities,
  findEuParticipations,
  findValidationQueue,
  validationQueueBatches,
  type ValidationQueueItem,
} from './kpi-views';
import { createDefinition } from './create-definition';
import { decideDefinition } from './decide-definition';
import { createPeriod } from './create-period';
import { openPeriod } from './open-period';
import { closePeriod } from './close-period';
import { setTarget } from './set-target';
import { reportMeasurement } from './report-measurement';
import { validateMeasurement } from './validate-measurement';
import { returnMeasurement } from './return-measurement';
import { recordDiffusionActivity } from './record-diffusion-activity';
import { importCordis } from './import-cordis';
import { linkEuParticipation } from './link-eu-participation';
import { buildClusterReport, buildPortfolioReport } from './report-data';
import { sendCachedJson } from '../../db/revision-cache';
import { brusselsDate } from '../../../shared/brussels-time';
import { buildReportPdf, buildReportXlsx } from './evaluation-report';
import { seesPersonalData } from '../../http/personal-data';

const tags = ['kpis'];
const readers = { access: allow(...KPI_READERS) };
const portfolioReaders = { access: allow(...PORTFOLIO_READERS) };
const officer = { access: allow('officer') };
const PDF_TYPE = 'application/pdf';

type Definition = ReturnType<typeof presentDefinition>;
const definitionColumns: SheetColumn<Definition>[] = [
  { header: 'code', value: (d) => d.code, width: 28 },
  { header: 'name_nl', value: (d) => d.nameNl, width: 44 },
  { header: 'name_en', value: (d) => d.nameEn, width: 44 },
  { header: 'unit', value: (d) => d.unit, labels: KPI_UNIT },
  { header: 'direction', value: (d) => d.direction, labels: KPI_DIRECTION, width: 16 },
  { header: 'aggregation', value: (d) => d.aggregation, labels: KPI_AGGREGATION },
  { header: 'lens', value: (d) => d.lens, labels: KPI_LENS, width: 24 },
  { header: 'source', value: (d) => d.source, labels: KPI_SOURCE },
  {
    header: 'formula',
    value: (d) => (d.source === 'formula' ? `${d.numeratorCode} / ${d.denominatorCode} × ${d.factor}` : ''),
    width: 40,
  },
  { header: 'cluster_id', value: (d) => d.clusterId ?? '' },
  { header: 'approval', value: (d) => d.approvalStatus, labels: KPI_APPROVAL },
  { header: 'sql', value: (d) => d.sql ?? '', width: 80 },
];

const queueColumns: SheetColumn<ValidationQueueItem>[] = [
  { header: 'cluster', value: (q) => q.clusterName, width: 28 },
  { header: 'kpi', value: (q) => q.code, width: 26 },
  { header: 'period', value: (q) => q.periodCode },
  { header: 'value', value: (q) => q.value, kind: 'number' },
  { header: 'comment', value: (q) => q.comment, width: 40 },
  { header: 'evidence_count', value: (q) => q.evidenceCount, kind: 'integer' },
  { header: 'reported_at', value: (q) => q.reportedAt, kind: 'datetime' },
];

type Diffusion = Awaited<ReturnType<typeof findDiffusionActivities>>['rows'][number];
const diffusionColumns: SheetColumn<Diffusion>[] = [
  { header: 'cluster', value: (d) => d.clusterName, width: 28 },
  { header: 'kind', value: (d) => d.kind, labels: DIFFUSION_KIND },
  { header: 'title', value: (d) => d.title, width: 40 },
  { header: 'held_on', value: (d) => d.heldOn, kind: 'date' },
  { header: 'participants', value: (d) => d.participants, kind: 'integer' },
  { header: 'smes_reached', value: (d) => d.smesReached, kind: 'integer' },
  { header: 'non_members_reached', value: (d) => d.nonMemberCompaniesReached, kind: 'integer' },
  { header: 'link', value: (d) => d.link ?? '', width: 40 },
];

/** EU participations: the CORDIS fields with human headers; money as euros. */
type Participation = Awaited<ReturnType<typeof findEuParticipations>>['rows'][number];
const euColumns: SheetColumn<Participation>[] = [
  { header: 'project_id', value: (p) => p.cordisProjectId },
  { header: 'acronym', value: (p) => p.acronym },
  { header: 'framework_programme', value: (p) => p.frameworkProgramme },
  { header: 'starts_on', value: (p) => p.startsOn, kind: 'date' },
  { header: 'name', value: (p) => p.name, width: 36 },
  { header: 'vat_number', value: (p) => p.vatNumber },
  { header: 'country', value: (p) => p.country },
  { header: 'role', value: (p) => p.role, labels: EU_ROLE },
  { header: 'is_sme', value: (p) => p.isSme, kind: 'boolean' },
  { header: 'ec_contribution_eur', value: (p) => p.ecContributionCents, kind: 'money' },
  { header: 'organisation', value: (p) => p.organisationName ?? '', width: 36 },
  { header: 'link_method', value: (p) => p.linkMethod ?? 'unmatched', labels: EU_LINK_METHOD },
];

export default async function kpisRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Definitions: the standard library plus cluster-specific ones the viewer may see.
  const visibleDefinitions = async (request: Parameters<typeof contextOf>[0]) => {
    const ctx = contextOf(request);
    const actor = actorOf(ctx);
    const rows = await findDefinitions(ctx.db, {
      clusterIds: actor.role === 'manager' ? actor.clusterIds : 'all',
      includeProposals: true,
    });
    return rows.map((row) => presentDefinition(row, { showSql: actor.role !== 'manager' }));
  };

  r.get(
    '/api/kpis/definitions',
    {
      config: readers,
      schema: {
        tags,
        summary: 'KPI definitions (standard library and cluster KPIs), one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(S.DefinitionSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(contextOf(request));
      // Definitions are a configured library (tens), read whole and paged here.
      const definitions = slicePage(await visibleDefinitions(request), request.query);
      return pagedAnswer(definitions, request.query, (d) => d, {
        create: actor.role === 'officer',
        propose: actor.role === 'manager',
        decide: actor.role === 'officer',
      });
    },
  );

  r.get(
    '/api/kpis/definitions.xlsx',
    { config: readers, schema: { tags, summary: 'KPI definitions as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-kpi-definities.xlsx', {
        name: { nl: 'KPI’s', en: 'KPIs' },
        columns: definitionColumns,
        rows: await visibleDefinitions(request),
      });
    },
  );

  r.get(
    '/api/kpis/definitions/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'One KPI definition (with its SQL for officers and analysts)',
        params: S.IdParams,
        response: { 200: envelope(S.DefinitionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const row = await findDefinitionById(ctx.db, request.params.id);
      if (!row || (row.cluster_id !== null && !canSeeCluster(actor, row.cluster_id)))
        throw new AppError('NOT_FOUND');
      return ok(presentDefinition(row, { showSql: actor.role !== 'manager' }));
    },
  );

  r.post(
    '/api/kpis/definitions',
    {
      config: { access: allow('officer', 'manager') },
      schema: {
        tags,
        summary: 'Add (officer) or propose (cluster manager) a KPI',
        body: S.CreateDefinitionBody,
        response: { 201: envelope(S.DefinitionSchema) },
      },
    },
    async (request, reply) => {
      const row = await createDefinition(contextOf(request), request.body);
      return reply.status(201).send(ok(presentDefinition(row, { showSql: true })));
    },
  );

  r.post(
    '/api/kpis/definitions/:id/decision',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Approve or reject a proposed KPI',
        params: S.IdParams,
        body: S.DecideDefinitionBody,
        response: { 200: envelope(S.DefinitionSchema) },
      },
    },
    async (request) => {
      const row = await decideDefinition(contextOf(request), {
        definitionId: request.params.id,
        ...request.body,
      });
      return ok(presentDefinition(row, { showSql: true }));
    },
  );

  // Reporting periods.
  r.get(
    '/api/kpis/periods',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Reporting periods, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(S.PeriodSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      // One period a year or a semester: a few dozen in a lifetime, read whole and paged here.
      const periods = slicePage(await findPeriods(ctx.db), request.query);
      return pagedAnswer(periods, request.query, presentPeriod, { manage: actorOf(ctx).role === 'officer' });
    },
  );

  r.get(
    '/api/kpis/periods.xlsx',
    { config: readers, schema: { tags, summary: 'Reporting periods as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      const rows = (await findPeriods(contextOf(request).db)).map(presentPeriod);
      const columns: SheetColumn<(typeof rows)[number]>[] = [
        { header: 'code', value: (p) => p.code },
        { header: 'label', value: (p) => p.label, width: 24 },
        { header: 'starts_on', value: (p) => p.startsOn, kind: 'date' },
        { header: 'ends_on', value: (p) => p.endsOn, kind: 'date' },
        { header: 'status', value: (p) => p.status, labels: PERIOD_STATUS },
        { header: 'closed_at', value: (p) => p.closedAt, kind: 'datetime' },
      ];
      return sendXlsx(request, reply, 'speerpunt-rapporteringsperiodes.xlsx', {
        name: { nl: 'Rapporteringsperiodes', en: 'Reporting periods' },
        columns: columns,
        rows: rows,
      });
    },
  );

  r.post(
    '/api/kpis/periods',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Create a reporting period',
        body: S.CreatePeriodBody,
        response: { 201: envelope(S.PeriodSchema) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(presentPeriod(await createPeriod(contextOf(request), request.body))));
    },
  );

  r.post(
    '/api/kpis/periods/:id/open',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Open a period for reporting',
        params: S.IdParams,
        body: z.strictObject({}).optional(),
        response: { 200: envelope(S.PeriodSchema) },
      },
    },
    async (request) => {
      return ok(presentPeriod(await openPeriod(contextOf(request), request.params.id)));
    },
  );

  r.post(
    '/api/kpis/periods/:id/close',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Close a period; computed values are frozen',
        params: S.IdParams,
        body: z.strictObject({}).optional(),
        response: { 200: envelope(S.PeriodSchema) },
      },
    },
    async (request) => {
      return ok(presentPeriod(await closePeriod(contextOf(request), request.params.id)));
    },
  );

  // Cluster dashboard, targets and reporting.
  r.get(
    '/api/kpis/clusters/:clusterId/dashboard',
    {
      config: readers,
      schema: {
        tags,
        summary: 'A cluster’s KPIs: baseline, targets, values, trajectory, status',
        params: S.ClusterParams,
        response: { 200: envelope(S.DashboardSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      return ok(
        await buildClusterDashboard(ctx.db, actor, request.params.clusterId, ctx.now()),
        clusterAbilities(actor, request.params.clusterId),
      );
    },
  );

  r.put(
    '/api/kpis/clusters/:clusterId/targets/:definitionId',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Set or amend a cluster’s baseline and targets for a KPI',
        params: S.ClusterDefinitionParams,
        body: S.SetTargetBody,
        response: { 200: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request) => {
      const id = await setTarget(contextOf(request), {
        clusterId: request.params.clusterId,
        definitionId: request.params.definitionId,
        ...request.body,
      });
      return ok({ id });
    },
  );

  r.get(
    '/api/kpis/clusters/:clusterId/targets/:definitionId/history',
    {
      config: readers,
      schema: {
        tags,
        summary: 'The history of a target, amendments with their motivation, one page',
        params: S.ClusterDefinitionParams,
        querystring: PageQuery,
        response: {
          200: pagedEnvelope(
            z.object({
              version: z.number(),
              isAmendment: z.boolean(),
              motivation: z.string().nullable(),
              before: z.unknown(),
              after: z.unknown(),
              changedBy: z.string().nullable(),
              changedAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!canSeeCluster(actorOf(ctx), request.params.clusterId)) throw new AppError('NOT_FOUND');
      const query = ctx.db
        .selectFrom('kpi_target_history as h')
        .innerJoin('kpi_targets as t', 't.id', 'h.target_id')
        .leftJoin('users as u', 'u.id', 'h.changed_by')
        .select([
          'h.version',
          'h.is_amendment',
          'h.motivation',
          'h.before',
          'h.after',
          'u.name',
          'u.role',
          'h.changed_at',
        ])
        .where('t.cluster_id', '=', request.params.clusterId)
        .where('t.definition_id', '=', request.params.definitionId)
        .orderBy('h.version');
      return pagedAnswer(await selectPage(query, request.query), request.query, (h) => ({
        version: h.version,
        isAmendment: h.is_amendment,
        motivation: h.motivation,
        before: h.before,
        after: h.after,
        // Analysts see the role, never the person.
        changedBy: seesPersonalData(ctx.actor) ? (h.name ?? null) : (h.role ?? null),
        changedAt: new Date(h.changed_at).toISOString(),
      }));
    },
  );

  r.post(
    '/api/kpis/clusters/:clusterId/measurements',
    {
      config: { access: allow('manager') },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Report a value (with evidence) for an open period',
        params: S.ClusterParams,
        body: S.ReportBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      const id = await reportMeasurement(contextOf(request), {
        clusterId: request.params.clusterId,
        ...request.body,
      });
      return reply.status(201).send(ok({ id }));
    },
  );

  r.get(
    '/api/kpis/measurements/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'A value with its evidence and history (drill-down)',
        params: S.IdParams,
        response: { 200: envelope(S.MeasurementDetailSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const detail = await buildMeasurementDetail(ctx.db, actor, request.params.id);
      return ok(detail, {
        validate: actor.role === 'officer' && detail.status === 'reported',
        report: actor.role === 'manager' && detail.status !== 'validated' && detail.period.status === 'open',
      });
    },
  );

  r.post(
    '/api/kpis/measurements/:id/validate',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Validate a reported value',
        params: S.IdParams,
        body: S.ReviewBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await validateMeasurement(contextOf(request), {
        measurementId: request.params.id,
        comment: request.body.comment,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/kpis/measurements/:id/return',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Return a reported value to the cluster with a comment',
        params: S.IdParams,
        body: S.ReviewBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await returnMeasurement(contextOf(request), {
        measurementId: request.params.id,
        comment: request.body.comment,
      });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/kpis/evidence/:id/file',
    {
      config: { ...readers, download: ['stored-file'] },
      schema: { tags, summary: 'Download an evidence file', params: S.IdParams },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const evidence = await ctx.db
        .selectFrom('kpi_evidence as e')
        .innerJoin('kpi_measurements as m', 'm.id', 'e.measurement_id')
        .select(['e.file_id', 'm.cluster_id'])
        .where('e.id', '=', request.params.id)
        .executeTakeFirst();
      if (!evidence?.file_id || !evidence.cluster_id || !canSeeCluster(actorOf(ctx), evidence.cluster_id))
        throw new AppError('NOT_FOUND');
      const file = await readStoredFile(ctx.db, evidence.file_id);
      if (!file) throw new AppError('NOT_FOUND');
      return sendDownload(reply, file.filename, file.content_type, file.content);
    },
  );

  r.get(
    '/api/kpis/validation-queue',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Reported values waiting for validation, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(S.QueueItemSchema) },
      },
    },
    async (request) => {
      const queue = await findValidationQueue(contextOf(request).db, request.query);
      return pagedAnswer(queue, request.query, (item) => item, { validate: true });
    },
  );

  r.get(
    '/api/kpis/validation-queue.xlsx',
    { config: officer, schema: { tags, summary: 'Validation queue as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      return sendXlsxStream(request, reply, 'speerpunt-kpi-validatie.xlsx', {
        name: { nl: 'Validatie', en: 'Validation' },
        columns: queueColumns,
        batches: validationQueueBatches(contextOf(request).db),
      });
    },
  );

  // Portfolio and evaluation reports.
  r.get(
    '/api/kpis/portfolio',
    {
      config: portfolioReaders,
      schema: {
        tags,
        summary: 'Clusters × KPIs by status for a period',
        querystring: S.PortfolioQuery,
        response: { 200: envelope(S.PortfolioSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const now = ctx.now();
      // The JSON text is cached until anything a KPI value depends on changes (db/revision-cache.ts),
      // per set of clusters the viewer sees and per query (the parsed one: defaults filled in).
      const visible = visibleClusterIds(actor);
      const scope = visible === 'all' ? 'all' : [...visible].sort().join(',');
      const answer = async () => ok(await buildPortfolio(ctx.db, actor, request.query, now));
      if (!isUsualPage(request.query)) return answer();
      return sendCachedJson(request, reply, {
        db: ctx.db,
        name: `kpi-portfolio|${scope}|${JSON.stringify(request.query)}`,
        day: brusselsDate(now),
        schema: envelope(S.PortfolioSchema),
        answer,
      });
    },
  );

  r.get(
    '/api/kpis/reports/portfolio.xlsx',
    {
      config: portfolioReaders,
      schema: {
        tags,
        summary: 'Portfolio evaluation report (XLSX)',
        querystring: S.ReportQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const report = await buildPortfolioReport(ctx.db, actorOf(ctx), request.query.periodId, ctx.now());
      return sendDownload(
        reply,
        `speerpunt-evaluatie-portfolio-${report.periodCode}.xlsx`,
        XLSX_TYPE,
        await buildReportXlsx(report, sheetLanguage(request)),
      );
    },
  );

  r.get(
    '/api/kpis/reports/portfolio.pdf',
    {
      config: portfolioReaders,
      schema: { tags, summary: 'Portfolio evaluation report (PDF)', querystring: S.ReportQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const report = await buildPortfolioReport(ctx.db, actorOf(ctx), request.query.periodId, ctx.now());
      return sendDownload(
        reply,
        `speerpunt-evaluatie-portfolio-${report.periodCode}.pdf`,
        PDF_TYPE,
        await buildReportPdf(report, { mode: 'portfolio' }),
      );
    },
  );

  r.get(
    '/api/kpis/reports/clusters/:clusterId/report.xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Cluster evaluation report (XLSX)',
        params: S.ClusterParams,
        querystring: S.ReportQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const report = await buildClusterReport(
        ctx.db,
        actorOf(ctx),
        request.params.clusterId,
        request.query.periodId,
        ctx.now(),
      );
      return sendDownload(
        reply,
        `speerpunt-evaluatie-cluster-${report.periodCode}.xlsx`,
        XLSX_TYPE,
        await buildReportXlsx(report, sheetLanguage(request)),
      );
    },
  );

  r.get(
    '/api/kpis/reports/clusters/:clusterId/report.pdf',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Cluster evaluation report (PDF)',
        params: S.ClusterParams,
        querystring: S.ReportQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const report = await buildClusterReport(
        ctx.db,
        actorOf(ctx),
        request.params.clusterId,
        request.query.periodId,
        ctx.now(),
      );
      return sendDownload(
        reply,
        `speerpunt-evaluatie-cluster-${report.periodCode}.pdf`,
        PDF_TYPE,
        await buildReportPdf(report, { mode: 'cluster' }),
      );
    },
  );

  // Knowledge diffusion.
  r.get(
    '/api/kpis/diffusion-activities',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Knowledge-diffusion register, one page',
        querystring: pagedQuery(S.DiffusionQuery.shape),
        response: { 200: pagedEnvelope(S.DiffusionSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = actorOf(ctx);
      const page = await findDiffusionActivities(ctx.db, actor, request.query.clusterId, request.query);
      return pagedAnswer(page, request.query, (item) => item, {
        create: actor.role === 'officer' || actor.role === 'manager',
      });
    },
  );

  r.get(
    '/api/kpis/diffusion-activities.xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Knowledge-diffusion register as XLSX',
        querystring: S.DiffusionQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      return sendXlsx(request, reply, 'speerpunt-kennisdiffusie.xlsx', {
        name: { nl: 'Kennisdiffusie', en: 'Knowledge diffusion' },
        columns: diffusionColumns,
        rows: (await findDiffusionActivities(ctx.db, actorOf(ctx), request.query.clusterId)).rows,
      });
    },
  );

  r.post(
    '/api/kpis/diffusion-activities',
    {
      config: { access: allow('officer', 'manager') },
      schema: {
        tags,
        summary: 'Record a knowledge-diffusion activity',
        body: S.DiffusionBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      const row = await recordDiffusionActivity(contextOf(request), request.body);
      return reply.status(201).send(ok({ id: row.id }));
    },
  );

  // EU participations (CORDIS).
  r.get(
    '/api/kpis/eu-participations',
    {
      config: portfolioReaders,
      schema: {
        tags,
        summary: 'EU participations (CORDIS), optionally only the unmatched ones, one page',
        querystring: pagedQuery(S.EuQuery.shape),
        response: { 200: pagedEnvelope(S.EuParticipationSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await findEuParticipations(ctx.db, request.query.unmatched === 'true', request.query);
      return pagedAnswer(page, request.query, (item) => item, {
        import: actorOf(ctx).role === 'officer',
        link: actorOf(ctx).role === 'officer',
      });
    },
  );

  r.get(
    '/api/kpis/eu-participations.xlsx',
    {
      config: portfolioReaders,
      schema: { tags, summary: 'EU participations as XLSX', querystring: S.EuQuery.extend(LangQuery.shape) },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-eu-deelnames.xlsx', {
        name: { nl: 'EU-deelnames', en: 'EU participations' },
        columns: euColumns,
        rows: (await findEuParticipations(contextOf(request).db, request.query.unmatched === 'true')).rows,
      });
    },
  );

  r.post(
    '/api/kpis/eu-participations/import',
    {
      config: officer,
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import CORDIS project.csv and organization.csv',
        body: S.CordisImportBody,
        response: {
          200: envelope(
            z.object({
              projects: z.number(),
              participations: z.number(),
              linked: z.number(),
              unmatched: z.number(),
            }),
          ),
        },
      },
    },
    async (request) => {
      return ok(await importCordis(contextOf(request), request.body));
    },
  );

  r.put(
    '/api/kpis/eu-participations/:id/organisation',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Link an EU participant to an organisation by hand',
        params: S.IdParams,
        body: S.LinkBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await linkEuParticipation(contextOf(request), {
        participationId: request.params.id,
        organisationId: request.body.organisationId,
      });
      return reply.status(204).send(null);
    },
  );

  // Settings of the status rule.
  r.get(
    '/api/kpis/settings',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Status tolerance and outlier threshold',
        response: { 200: envelope(S.SettingsSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const role = actorOf(ctx).role;
      return ok(await readKpiSettings(ctx.db), { edit: role === 'officer' || role === 'admin' });
    },
  );

  r.put(
    '/api/kpis/settings',
    {
      config: { access: allow('officer', 'admin') },
      schema: {
        tags,
        summary: 'Change the status tolerance and outlier threshold',
        body: S.SettingsBody,
        response: { 200: envelope(S.SettingsSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const before = await readKpiSettings(ctx.db);
      await ctx.db.transaction().execute(async (tx) => {
        for (const [key, value] of [
          ['kpis.status_tolerance', request.body.tolerance],
          ['kpis.zscore_threshold', request.body.zScoreThreshold],
        ] as const) {
          await tx
            .insertInto('settings')
            .values({ key, value: JSON.stringify(value) })
            .onConflict((oc) =>
              oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: ctx.now() }),
            )
            .execute();
        }
        await recordAudit(
          tx,
          ctx.auditActor,
          {
            action: 'kpi.settings_changed',
            entityType: 'setting',
            entityId: 'kpis',
            before,
            after: request.body,
          },
          ctx.requestId,
        );
      });
      return ok(await readKpiSettings(ctx.db));
    },
  );
}
