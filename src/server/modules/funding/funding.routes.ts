import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, pagedQuery, PageQuery, selectPage } from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import {
  buildXlsx,
  LangQuery,
  sendDownload,
  sendXlsx,
  type SheetColumn,
  sheetLanguage,
  XLSX_TYPE,
} from '../../http/spreadsheet';
import {
  FUNDING_PURPOSE,
  PAYMENT_CONDITION,
  PAYMENT_STATUS,
  REPORT_KIND,
  TRANCHE,
  WORK_STATUS,
} from '../../http/spreadsheet-labels';
import {
  BaseOperationSchema,
  BaseOperationsBody,
  CommitBody,
  CommitmentSchema,
  CostsReportBody,
  CreateLineBody,
  DashboardSchema,
  DashboardXlsxQuery,
  DecisionBody,
  IdParams,
  LineListQuery,
  LineSchema,
  PaymentSchema,
  PlanPaymentBody,
  PreviewQuery,
  PreviewSchema,
  ReallocateBody,
  ReallocationSchema,
  ReportSchema,
} from './funding.schema';
import {
  baseOperationsQuery,
  commitmentsQuery,
  findLineById,
  findLines,
  findLineTotals,
  findLineTotalsOf,
  filteredLinesQuery,
  reallocationsQuery,
  paymentsQuery,
} from './funding.repository';
import {
  presentBaseOperation,
  presentCommitment,
  presentLine,
  presentPayment,
  presentReport,
} from './funding.presenter';
import { computeDashboard, type DashboardFigures } from './compute-dashboard';
import { createFundingLine } from './create-funding-line';
import { reallocateFunds } from './reallocate-funds';
import { grantBaseOperations } from './grant-base-operations';
import { commitProjectGrant, previewCommitment } from './commit-project-grant';
import { planPayment } from './plan-payment';
import { releasePayment } from './release-payment';
import { submitReport } from './submit-report';
import { decideReport } from './decide-report';
import { fundingPolicy } from './funding.policy';

const tags = ['funding'];
const READERS = allow('officer', 'admin', 'analyst');
const READERS_AND_MANAGERS = allow('officer', 'admin', 'analyst', 'manager');
const OFFICER = allow('officer');
const OFFICER_AND_MANAGERS = allow('officer', 'manager');
const LineFilter = z.strictObject({ lineId: z.uuid().optional() });
const LinePageQuery = pagedQuery(LineFilter.shape);
const LineExportQuery = LineFilter.extend(LangQuery.shape);

const figureColumns = <T extends DashboardFigures>(): SheetColumn<T>[] => [
  { header: 'budget_eur', value: (r) => r.budgetCents, kind: 'money' },
  { header: 'committed_eur', value: (r) => r.committedCents, kind: 'money' },
  { header: 'paid_eur', value: (r) => r.paidCents, kind: 'money' },
  { header: 'remaining_eur', value: (r) => r.remainingCents, kind: 'money' },
  {
    header: 'inter_cluster_committed_eur',
    value: (r) => r.interClusterCommittedCents,
    kind: 'money',
  },
  { header: 'inter_cluster_share', value: (r) => r.interClusterShare, kind: 'percent' },
  { header: 'cofunding_eur', value: (r) => r.cofundingCents, kind: 'money' },
  { header: 'cofunding_ratio', value: (r) => r.cofundingRatio, kind: 'number', numberFormat: '0.00' },
];

type LineOut = ReturnType<typeof presentLine>;
const lineColumns: SheetColumn<LineOut>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'name', value: (r) => r.name, width: 40 },
  { header: 'purpose', value: (r) => r.purpose, labels: FUNDING_PURPOSE, width: 22 },
  { header: 'period_start', value: (r) => r.periodStart, kind: 'date' },
  { header: 'period_end', value: (r) => r.periodEnd, kind: 'date' },
  { header: 'ring_fenced', value: (r) => r.isRingFenced, kind: 'boolean' },
  { header: 'own_contribution_ratio', value: (r) => r.ownContributionRatio, kind: 'percent' },
  { header: 'amount_eur', value: (r) => r.amountCents, kind: 'money' },
  { header: 'reallocated_in_eur', value: (r) => r.reallocatedInCents, kind: 'money' },
  { header: 'reallocated_out_eur', value: (r) => r.reallocatedOutCents, kind: 'money' },
  { header: 'budget_eur', value: (r) => r.budgetCents, kind: 'money' },
  { header: 'committed_eur', value: (r) => r.committedCents, kind: 'money' },
  { header: 'paid_eur', value: (r) => r.paidCents, kind: 'money' },
  { header: 'remaining_eur', value: (r) => r.remainingCents, kind: 'money' },
];
type CommitmentOut = ReturnType<typeof presentCommitment>;
const commitmentColumns: SheetColumn<CommitmentOut>[] = [
  { header: 'line', value: (r) => r.lineCode },
  { header: 'project', value: (r) => r.projectCode },
  { header: 'base_operations', value: (r) => r.baseOperationLabel, width: 24 },
  { header: 'decided_on', value: (r) => r.decidedOn, kind: 'date' },
  { header: 'amount_eur', value: (r) => r.amountCents, kind: 'money' },
  { header: 'cofunding_eur', value: (r) => r.cofundingCents, kind: 'money' },
  { header: 'planned_eur', value: (r) => r.plannedCents, kind: 'money' },
  { header: 'paid_eur', value: (r) => r.paidCents, kind: 'money' },
  { header: 'de_minimis_override', value: (r) => r.deMinimisOverride, width: 30 },
];
type PaymentOut = ReturnType<typeof presentPayment>;
export const paymentColumns: SheetColumn<PaymentOut>[] = [
  { header: 'line', value: (r) => r.lineCode },
  { header: 'project', value: (r) => r.projectCode },
  { header: 'tranche', value: (r) => r.tranche, labels: TRANCHE },
  { header: 'amount_eur', value: (r) => r.amountCents, kind: 'money' },
  { header: 'condition', value: (r) => r.condition.kind, labels: PAYMENT_CONDITION },
  { header: 'condition_title', value: (r) => r.condition.title, width: 30 },
  { header: 'condition_status', value: (r) => r.condition.status, labels: WORK_STATUS },
  { header: 'planned_on', value: (r) => r.plannedOn, kind: 'date' },
  { header: 'status', value: (r) => r.status, labels: PAYMENT_STATUS },
  { header: 'released_at', value: (r) => r.releasedAt, kind: 'datetime' },
];
type BaseOut = ReturnType<typeof presentBaseOperation>;
const baseColumns: SheetColumn<BaseOut>[] = [
  { header: 'cluster', value: (r) => r.clusterName, width: 30 },
  { header: 'year', value: (r) => r.year, kind: 'integer' },
  { header: 'line', value: (r) => r.lineCode },
  { header: 'subsidy_eur', value: (r) => r.subsidyCents, kind: 'money' },
  { header: 'own_contribution_ratio', value: (r) => r.ownContributionRatio, kind: 'percent' },
  {
    header: 'required_own_contribution_eur',
    value: (r) => r.requiredOwnContributionCents,
    kind: 'money',
  },
  { header: 'reported_costs_eur', value: (r) => r.reportedCostsCents, kind: 'money' },
  {
    header: 'reported_own_contribution_eur',
    value: (r) => r.reportedOwnContributionCents,
    kind: 'money',
  },
  { header: 'meets_own_contribution', value: (r) => r.meetsOwnContribution, kind: 'boolean' },
  { header: 'paid_eur', value: (r) => r.paidCents, kind: 'money' },
];
type ReallocationOut = z.infer<typeof ReallocationSchema>;
const reallocationColumns: SheetColumn<ReallocationOut>[] = [
  { header: 'from_line', value: (r) => r.fromLineCode },
  { header: 'to_line', value: (r) => r.toLineCode },
  { header: 'amount_eur', value: (r) => r.amountCents, kind: 'money' },
  { header: 'motivation', value: (r) => r.motivation, width: 50 },
  { header: 'decided_by', value: (r) => r.decidedBy, width: 24 },
  { header: 'decided_at', value: (r) => r.decidedAt, kind: 'datetime' },
];
const ReportListSchema = ReportSchema.extend({
  projectId: z.string().nullable(),
  projectCode: z.string().nullable(),
  baseOperationId: z.string().nullable(),
  baseOperationLabel: z.string().nullable(),
});
type ReportOut = z.infer<typeof ReportListSchema>;
const reportColumns: SheetColumn<ReportOut>[] = [
  { header: 'project', value: (r) => r.projectCode },
  { header: 'base_operations', value: (r) => r.baseOperationLabel, width: 22 },
  { header: 'kind', value: (r) => r.kind, labels: REPORT_KIND },
  { header: 'title', value: (r) => r.title, width: 36 },
  { header: 'reported_costs_eur', value: (r) => r.reportedCostsCents, kind: 'money' },
  {
    header: 'reported_own_contribution_eur',
    value: (r) => r.reportedOwnContributionCents,
    kind: 'money',
  },
  { header: 'submitted_at', value: (r) => r.submittedAt, kind: 'datetime' },
  { header: 'status', value: (r) => r.status, labels: WORK_STATUS },
  { header: 'decision_comment', value: (r) => r.decisionComment, width: 36 },
];

export default async function fundingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const loadLines = async (request: Parameters<typeof contextOf>[0]) => {
    const db = contextOf(request).db;
    const [lines, totals] = await Promise.all([findLines(db), findLineTotals(db)]);
    return lines.map((line) => presentLine(line, totals.get(line.id)));
  };
  const commitmentsOf = (request: Parameters<typeof contextOf>[0], lineId?: string) => {
    let query = commitmentsQuery(contextOf(request).db);
    if (lineId) query = query.where('c.line_id', '=', lineId);
    return query.orderBy('c.decided_on').orderBy('c.id');
  };
  const loadCommitments = async (request: Parameters<typeof contextOf>[0], lineId?: string) =>
    (await commitmentsOf(request, lineId).execute()).map(presentCommitment);
  const paymentsOf = (request: Parameters<typeof contextOf>[0], lineId?: string) => {
    let query = paymentsQuery(contextOf(request).db);
    if (lineId) query = query.where('fp.line_id', '=', lineId);
    return query.orderBy('fp.planned_on').orderBy('fp.id');
  };
  const loadPayments = async (request: Parameters<typeof contextOf>[0], lineId?: string) =>
    (await paymentsOf(request, lineId).execute()).map(presentPayment);
  const baseOperationsOf = (request: Parameters<typeof contextOf>[0]) => {
    const ctx = contextOf(request);
    return baseOperationsQuery(ctx.db, actorOf(ctx)).orderBy('b.year').orderBy('cl.name').orderBy('b.id');
  };
  const loadBaseOperations = async (request: Parameters<typeof contextOf>[0]) =>
    (await baseOperationsOf(request).execute()).map(presentBaseOperation);
  const presentReallocation = (
    x: Awaited<ReturnType<ReturnType<typeof reallocationsQuery>['execute']>>[number],
  ) => ({
    id: x.id,
    fromLineCode: x.from_code,
    toLineCode: x.to_code,
    amountCents: Number(x.amount_cents),
    motivation: x.motivation,
    decidedBy: x.decided_by_name,
    decidedAt: new Date(x.decided_at).toISOString(),
  });
  const loadReallocations = async (request: Parameters<typeof contextOf>[0]) =>
    (await reallocationsQuery(contextOf(request).db).execute()).map(presentReallocation);
  const reportsOf = (request: Parameters<typeof contextOf>[0]) =>
    contextOf(request)
      .db.selectFrom('funding_reports as r')
      .leftJoin('projects as p', 'p.id', 'r.project_id')
      .leftJoin('base_operation_grants as b', 'b.id', 'r.base_operation_id')
      .leftJoin('clusters as c', 'c.id', 'b.cluster_id')
      .selectAll('r')
      .select(['p.code as project_code', 'c.short_name as base_cluster', 'b.year as base_year'])
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id');
  const presentReportRow = (x: Awaited<ReturnType<ReturnType<typeof reportsOf>['execute']>>[number]) => ({
    ...presentReport(x),
    projectId: x.project_id,
    projectCode: x.project_code,
    baseOperationId: x.base_operation_id,
    baseOperationLabel: x.base_cluster ? `${x.base_cluster} ${x.base_year}` : null,
  });
  const loadReports = async (request: Parameters<typeof contextOf>[0]) =>
    (await reportsOf(request).execute()).map(presentReportRow);

  r.get(
    '/api/funding/dashboard',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Budget dashboard per line, cluster and year',
        response: { 200: envelope(DashboardSchema) },
      },
    },
    async (request) => {
      return ok(await computeDashboard(contextOf(request).db));
    },
  );

  r.get(
    '/api/funding/dashboard.xlsx',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Dashboard table as XLSX',
        querystring: DashboardXlsxQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const dashboard = await computeDashboard(contextOf(request).db);
      const view = request.query.view;
      const lang = sheetLanguage(request);
      const body =
        view === 'line'
          ? await buildXlsx(lang, {
              name: { nl: 'Per lijn', en: 'By line' },
              columns: [
                { header: 'line', value: (x: (typeof dashboard.byLine)[number]) => x.code },
                { header: 'name', value: (x) => x.name, width: 40 },
                { header: 'purpose', value: (x) => x.purpose, labels: FUNDING_PURPOSE },
                { header: 'year', value: (x) => x.year, kind: 'integer' },
                ...figureColumns<(typeof dashboard.byLine)[number]>(),
              ],
              rows: dashboard.byLine,
            })
          : view === 'cluster'
            ? await buildXlsx(lang, {
                name: { nl: 'Per cluster', en: 'By cluster' },
                columns: [
                  {
                    header: 'cluster',
                    value: (x: (typeof dashboard.byCluster)[number], lang) =>
                      x.clusterName || (lang === 'en' ? '(all clusters)' : '(alle clusters)'),
                    width: 24,
                  },
                  ...figureColumns<(typeof dashboard.byCluster)[number]>(),
                ],
                rows: dashboard.byCluster,
              })
            : await buildXlsx(lang, {
                name: { nl: 'Per jaar', en: 'By year' },
                columns: [
                  {
                    header: 'year',
                    value: (x: (typeof dashboard.byYear)[number]) => x.year,
                    kind: 'integer',
                  },
                  ...figureColumns<(typeof dashboard.byYear)[number]>(),
                ],
                rows: dashboard.byYear,
              });
      return sendDownload(reply, `speerpunt-budget-per-${view}.xlsx`, XLSX_TYPE, body);
    },
  );

  r.get(
    '/api/funding/lines',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Funding lines with their totals, one page; `q` searches code and name',
        querystring: pagedQuery(LineListQuery.shape),
        response: { 200: pagedEnvelope(LineSchema) },
      },
    },
    async (request) => {
      const db = contextOf(request).db;
      const page = await selectPage(filteredLinesQuery(db, request.query), request.query);
      const totals = await findLineTotalsOf(
        db,
        page.rows.map((line) => line.id),
      );
      const lines = {
        rows: page.rows.map((line) => presentLine(line, totals.get(line.id))),
        total: page.total,
      };
      return pagedAnswer(lines, request.query, (line) => line, {
        create: fundingPolicy.manages(actorOf(contextOf(request))),
        reallocate: fundingPolicy.manages(actorOf(contextOf(request))),
      });
    },
  );
  r.get(
    '/api/funding/lines.xlsx',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Funding lines as XLSX', querystring: LangQuery },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-financieringslijnen.xlsx', {
        name: { nl: 'Financieringslijnen', en: 'Funding lines' },
        columns: lineColumns,
        rows: await loadLines(request),
      });
    },
  );
  r.get(
    '/api/funding/lines/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'One funding line with its commitments and payments',
        params: IdParams,
        response: {
          200: envelope(
            z.object({
              line: LineSchema,
              commitments: z.array(CommitmentSchema),
              payments: z.array(PaymentSchema),
            }),
          ),
        },
      },
    },
    async (request) => {
      const db = contextOf(request).db;
      const line = await findLineById(db, request.params.id);
      if (!line) throw new AppError('NOT_FOUND');
      const totals = await findLineTotals(db, line.id);
      return ok(
        {
          line: presentLine(line, totals.get(line.id)),
          commitments: await loadCommitments(request, line.id),
          payments: await loadPayments(request, line.id),
        },
        { commit: fundingPolicy.manages(actorOf(contextOf(request))) },
      );
    },
  );
  r.post(
    '/api/funding/lines',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Open a funding line',
        body: CreateLineBody,
        response: { 201: envelope(LineSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const line = await createFundingLine(ctx, request.body);
      return reply
        .status(201)
        .send(ok(presentLine(line, (await findLineTotals(ctx.db, line.id)).get(line.id))));
    },
  );

  r.get(
    '/api/funding/reallocations',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Reallocations between lines, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ReallocationSchema) },
      },
    },
    async (request) =>
      pagedAnswer(
        await selectPage(reallocationsQuery(contextOf(request).db), request.query),
        request.query,
        presentReallocation,
      ),
  );
  r.get(
    '/api/funding/reallocations.xlsx',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Reallocations as XLSX', querystring: LangQuery },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-herverdelingen.xlsx', {
        name: { nl: 'Herverdelingen', en: 'Reallocations' },
        columns: reallocationColumns,
        rows: await loadReallocations(request),
      });
    },
  );
  r.post(
    '/api/funding/reallocations',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Move money between lines (motivated, audited)',
        body: ReallocateBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(await reallocateFunds(contextOf(request), request.body)));
    },
  );

  r.get(
    '/api/funding/base-operations',
    {
      config: { access: READERS_AND_MANAGERS },
      schema: {
        tags,
        summary: 'Base funding per cluster and year, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(BaseOperationSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(contextOf(request));
      const rows = await selectPage(baseOperationsOf(request), request.query);
      return pagedAnswer(rows, request.query, presentBaseOperation, {
        create: fundingPolicy.manages(actor),
        report: actor.role === 'officer' || actor.role === 'manager',
      });
    },
  );
  r.get(
    '/api/funding/base-operations.xlsx',
    {
      config: { access: READERS_AND_MANAGERS },
      schema: { tags, summary: 'Base funding as XLSX', querystring: LangQuery },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-basiswerking.xlsx', {
        name: { nl: 'Basiswerking', en: 'Base operations' },
        columns: baseColumns,
        rows: await loadBaseOperations(request),
      });
    },
  );
  r.post(
    '/api/funding/base-operations',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Grant base funding for a cluster and year (commits it on the line)',
        body: BaseOperationsBody,
        response: { 201: envelope(z.object({ id: z.string(), commitmentId: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(await grantBaseOperations(contextOf(request), request.body)));
    },
  );
  r.post(
    '/api/funding/base-operations/:id/reports',
    {
      config: { access: OFFICER_AND_MANAGERS },
      schema: {
        tags,
        summary: 'Submit a costs report for a year of base funding',
        params: IdParams,
        body: CostsReportBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(
        ok(
          await submitReport(contextOf(request), {
            baseOperationId: request.params.id,
            kind: 'costs',
            ...request.body,
          }),
        ),
      );
    },
  );

  r.get(
    '/api/funding/commitments',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Commitments, one page',
        querystring: LinePageQuery,
        response: { 200: pagedEnvelope(CommitmentSchema) },
      },
    },
    async (request) =>
      pagedAnswer(
        await selectPage(commitmentsOf(request, request.query.lineId), request.query),
        request.query,
        presentCommitment,
      ),
  );
  r.get(
    '/api/funding/commitments.xlsx',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Commitments as XLSX', querystring: LineExportQuery },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-vastleggingen.xlsx', {
        name: { nl: 'Vastleggingen', en: 'Commitments' },
        columns: commitmentColumns,
        rows: await loadCommitments(request, request.query.lineId),
      });
    },
  );
  r.get(
    '/api/funding/commitments/preview',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Before committing: remaining money on the line and de minimis headroom',
        querystring: PreviewQuery,
        response: { 200: envelope(PreviewSchema) },
      },
    },
    async (request) => {
      return ok(await previewCommitment(contextOf(request), request.query));
    },
  );
  r.post(
    '/api/funding/commitments',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: "Commit a project's grant on a line",
        body: CommitBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(await commitProjectGrant(contextOf(request), request.body)));
    },
  );

  r.get(
    '/api/funding/payments',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Payment tranches, one page',
        querystring: LinePageQuery,
        response: { 200: pagedEnvelope(PaymentSchema) },
      },
    },
    async (request) =>
      pagedAnswer(
        await selectPage(paymentsOf(request, request.query.lineId), request.query),
        request.query,
        presentPayment,
      ),
  );
  r.get(
    '/api/funding/payments.xlsx',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Payment tranches as XLSX', querystring: LineExportQuery },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-betalingen.xlsx', {
        name: { nl: 'Betalingen', en: 'Payments' },
        columns: paymentColumns,
        rows: await loadPayments(request, request.query.lineId),
      });
    },
  );
  r.post(
    '/api/funding/payments',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Plan a payment tranche',
        body: PlanPaymentBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(await planPayment(contextOf(request), request.body)));
    },
  );
  r.post(
    '/api/funding/payments/:id/release',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Release (pay) a tranche once its milestone or report is accepted',
        params: IdParams,
        body: z.strictObject({}).optional(),
        response: { 200: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request) => {
      return ok(await releasePayment(contextOf(request), { paymentId: request.params.id }));
    },
  );

  r.get(
    '/api/funding/reports',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Reports on projects and base funding, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ReportListSchema) },
      },
    },
    async (request) => {
      const rows = await selectPage(reportsOf(request), request.query);
      return pagedAnswer(rows, request.query, presentReportRow, {
        decide: fundingPolicy.manages(actorOf(contextOf(request))),
      });
    },
  );
  r.get(
    '/api/funding/reports.xlsx',
    { config: { access: READERS }, schema: { tags, summary: 'Reports as XLSX', querystring: LangQuery } },
    async (request, reply) => {
      return sendXlsx(request, reply, 'speerpunt-rapporten.xlsx', {
        name: { nl: 'Rapporten', en: 'Reports' },
        columns: reportColumns,
        rows: await loadReports(request),
      });
    },
  );
  r.post(
    '/api/funding/reports/:id/decision',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Accept or return a report',
        params: IdParams,
        body: DecisionBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await decideReport(contextOf(request), { reportId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );
}
