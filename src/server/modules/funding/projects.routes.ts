import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { keysetBatches, offsetOf, okPage, pagedEnvelope, PageQuery } from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import {
  buildXlsx,
  LangQuery,
  sendDownload,
  sendXlsxStream,
  type SheetColumn,
  sheetLanguage,
  XLSX_TYPE,
} from '../../http/spreadsheet';
import {
  AID_REGIME,
  CONSORTIUM_ROLE,
  HELIX,
  PROJECT_KIND,
  PROJECT_STATUS,
  REPORT_KIND,
  SIZE_CLASS,
  WORK_STATUS,
} from '../../http/spreadsheet-labels';
import {
  CreateProjectBody,
  DecisionBody,
  DeliverableStatusBody,
  IdParams,
  ProjectDetailSchema,
  ProjectItemBody,
  ProjectItemParams,
  ProjectReportBody,
  ProjectSummarySchema,
} from './funding.schema';
import {
  commitmentsQuery,
  findDeliverables,
  findMilestones,
  findParticipants,
  countProjects,
  findProjects,
  findProjectThemes,
  findReports,
  getVisibleProject,
  paymentsQuery,
  type ProjectRow,
} from './funding.repository';
import {
  presentCommitment,
  presentMilestone,
  presentPayment,
  presentProjectSummary,
  presentReport,
} from './funding.presenter';
import { projectAbilities, fundingPolicy } from './funding.policy';
import { createProject } from './create-project';
import { addProjectItem } from './add-milestone';
import { reportMilestone } from './report-milestone';
import { decideMilestone } from './decide-milestone';
import { setDeliverableStatus } from './set-deliverable-status';
import { submitReport } from './submit-report';
import { paymentColumns } from './funding.routes';

const tags = ['projects'];
const READERS_AND_MANAGERS = allow('officer', 'admin', 'analyst', 'manager');
const OFFICER = allow('officer');
const OFFICER_AND_MANAGERS = allow('officer', 'manager');

type Summary = ReturnType<typeof presentProjectSummary>;
const projectColumns: SheetColumn<Summary>[] = [
  { header: 'code', value: (p) => p.code },
  { header: 'title', value: (p) => p.title, width: 50 },
  { header: 'kind', value: (p) => p.kind, labels: PROJECT_KIND, width: 22 },
  { header: 'status', value: (p) => p.status, labels: PROJECT_STATUS },
  { header: 'clusters', value: (p) => p.clusterIds.length, kind: 'integer' },
  { header: 'starts_on', value: (p) => p.startsOn, kind: 'date' },
  { header: 'ends_on', value: (p) => p.endsOn, kind: 'date' },
  { header: 'budget_eur', value: (p) => p.totalBudgetCents, kind: 'money' },
  { header: 'aid_eur', value: (p) => p.aidCents, kind: 'money' },
  { header: 'committed_eur', value: (p) => p.committedCents, kind: 'money' },
  { header: 'paid_eur', value: (p) => p.paidCents, kind: 'money' },
  { header: 'aid_regime', value: (p) => p.aidRegime, labels: AID_REGIME },
];

const ExportQuery = z.strictObject({
  table: z.enum(['participants', 'milestones', 'deliverables', 'payments', 'reports']),
});

export default async function projectsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const loadDetail = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const ctx = contextOf(request);
    const project = await getVisibleProject(ctx.db, actorOf(ctx), id);
    const [participants, themes, milestones, deliverables, reports, commitments, payments] =
      await Promise.all([
        findParticipants(ctx.db, project.id),
        findProjectThemes(ctx.db, project.id),
        findMilestones(ctx.db, project.id),
        findDeliverables(ctx.db, project.id),
        findReports(ctx.db, { projectId: project.id }),
        commitmentsQuery(ctx.db).where('c.project_id', '=', project.id).execute(),
        paymentsQuery(ctx.db).where('c.project_id', '=', project.id).orderBy('fp.planned_on').execute(),
      ]);
    return {
      project,
      detail: {
        ...presentProjectSummary(project),
        participants: participants.map((p) => ({
          organisationId: p.organisation_id,
          name: p.name,
          enterpriseNumber: p.enterprise_number,
          helix: p.helix,
          sizeClass: p.size_class,
          role: p.role,
          budgetCents: Number(p.budget_cents),
          aidCents: Number(p.aid_cents),
        })),
        themes: themes.map((t) => ({
          id: t.id,
          kind: t.kind,
          code: t.code,
          labelNl: t.label_nl,
          labelEn: t.label_en,
        })),
        milestones: milestones.map(presentMilestone),
        deliverables: deliverables.map((d) => ({
          id: d.id,
          title: d.title,
          dueOn: d.due_on,
          status: d.status,
          milestoneId: d.milestone_id,
        })),
        reports: reports.map(presentReport),
        commitments: commitments.map(presentCommitment),
        payments: payments.map(presentPayment),
      },
    };
  };

  r.get(
    '/api/projects',
    {
      config: { access: READERS_AND_MANAGERS },
      schema: {
        tags,
        summary: 'Projects the viewer may see, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ProjectSummarySchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { page, pageSize } = request.query;
      const [rows, total] = await Promise.all([
        findProjects(ctx.db, actorOf(ctx), { offset: offsetOf({ page, pageSize }), limit: pageSize }),
        countProjects(ctx.db, actorOf(ctx)),
      ]);
      const abilities = { create: fundingPolicy.manages(actorOf(ctx)) };
      return okPage(rows.map(presentProjectSummary), { page, pageSize, total }, abilities);
    },
  );
  r.get(
    '/api/projects.xlsx',
    {
      config: { access: READERS_AND_MANAGERS },
      schema: { tags, summary: 'Projects as XLSX', querystring: LangQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      async function* batches() {
        const read = (after: ProjectRow | null, limit: number) =>
          findProjects(ctx.db, actorOf(ctx), { after, limit });
        for await (const rows of keysetBatches(read)) yield rows.map(presentProjectSummary);
      }
      return sendXlsxStream(request, reply, 'speerpunt-projecten.xlsx', {
        name: { nl: 'Projecten', en: 'Projects' },
        columns: projectColumns,
        batches: batches(),
      });
    },
  );
  r.get(
    '/api/projects/:id',
    {
      config: { access: READERS_AND_MANAGERS },
      schema: {
        tags,
        summary: 'A project with participants, milestones, reports and payment status',
        params: IdParams,
        response: { 200: envelope(ProjectDetailSchema) },
      },
    },
    async (request) => {
      const { project, detail } = await loadDetail(request, request.params.id);
      return ok(detail, projectAbilities(actorOf(contextOf(request)), project.clusterIds));
    },
  );
  r.get(
    '/api/projects/:id/export.xlsx',
    {
      config: { access: READERS_AND_MANAGERS },
      schema: {
        tags,
        summary: "One of a project's tables as XLSX",
        params: IdParams,
        querystring: ExportQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const { detail } = await loadDetail(request, request.params.id);
      const table = request.query.table;
      const lang = sheetLanguage(request);
      type D = typeof detail;
      const body =
        table === 'participants'
          ? await buildXlsx(lang, {
              name: { nl: 'Deelnemers', en: 'Participants' },
              columns: [
                { header: 'organisation', value: (p: D['participants'][number]) => p.name, width: 40 },
                { header: 'enterprise_number', value: (p) => p.enterpriseNumber, width: 16 },
                { header: 'helix', value: (p) => p.helix, labels: HELIX },
                { header: 'size_class', value: (p) => p.sizeClass, labels: SIZE_CLASS },
                { header: 'role', value: (p) => p.role, labels: CONSORTIUM_ROLE },
                { header: 'budget_eur', value: (p) => p.budgetCents, kind: 'money' },
                { header: 'aid_eur', value: (p) => p.aidCents, kind: 'money' },
              ],
              rows: detail.participants,
            })
          : table === 'milestones'
            ? await buildXlsx(lang, {
                name: { nl: 'Mijlpalen', en: 'Milestones' },
                columns: [
                  { header: 'title', value: (m: D['milestones'][number]) => m.title, width: 40 },
                  { header: 'due_on', value: (m) => m.dueOn, kind: 'date' },
                  { header: 'status', value: (m) => m.status, labels: WORK_STATUS },
                  { header: 'reported_at', value: (m) => m.reportedAt, kind: 'datetime' },
                  { header: 'decided_at', value: (m) => m.decidedAt, kind: 'datetime' },
                  { header: 'comment', value: (m) => m.decisionComment, width: 40 },
                ],
                rows: detail.milestones,
              })
            : table === 'deliverables'
              ? await buildXlsx(lang, {
                  name: { nl: 'Deliverables', en: 'Deliverables' },
                  columns: [
                    { header: 'title', value: (d: D['deliverables'][number]) => d.title, width: 40 },
                    { header: 'due_on', value: (d) => d.dueOn, kind: 'date' },
                    { header: 'status', value: (d) => d.status, labels: WORK_STATUS },
                  ],
                  rows: detail.deliverables,
                })
              : table === 'payments'
                ? await buildXlsx(lang, {
                    name: { nl: 'Betalingen', en: 'Payments' },
                    columns: paymentColumns,
                    rows: detail.payments,
                  })
                : await buildXlsx(lang, {
                    name: { nl: 'Rapporten', en: 'Reports' },
                    columns: [
                      { header: 'kind', value: (x: D['reports'][number]) => x.kind, labels: REPORT_KIND },
                      { header: 'title', value: (x) => x.title, width: 40 },
                      { header: 'submitted_at', value: (x) => x.submittedAt, kind: 'datetime' },
                      { header: 'status', value: (x) => x.status, labels: WORK_STATUS },
                      { header: 'comment', value: (x) => x.decisionComment, width: 40 },
                    ],
                    rows: detail.reports,
                  });
      return sendDownload(reply, `speerpunt-${detail.code}-${table}.xlsx`, XLSX_TYPE, body);
    },
  );
  r.post(
    '/api/projects',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Enter a project',
        body: CreateProjectBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(await createProject(contextOf(request), request.body)));
    },
  );
  r.post(
    '/api/projects/:id/milestones',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Add a milestone',
        params: IdParams,
        body: ProjectItemBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(
        ok(
          await addProjectItem(contextOf(request), {
            projectId: request.params.id,
            kind: 'milestone',
            ...request.body,
          }),
        ),
      );
    },
  );
  r.post(
    '/api/projects/:id/deliverables',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Add a deliverable',
        params: IdParams,
        body: ProjectItemBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(
        ok(
          await addProjectItem(contextOf(request), {
            projectId: request.params.id,
            kind: 'deliverable',
            ...request.body,
          }),
        ),
      );
    },
  );
  r.post(
    '/api/projects/:id/milestones/:itemId/report',
    {
      config: { access: OFFICER_AND_MANAGERS },
      schema: {
        tags,
        summary: 'Report a milestone as reached',
        params: ProjectItemParams,
        body: z.strictObject({}).optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reportMilestone(contextOf(request), {
        projectId: request.params.id,
        milestoneId: request.params.itemId,
      });
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/projects/:id/milestones/:itemId/decision',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Accept or return a reported milestone',
        params: ProjectItemParams,
        body: DecisionBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await decideMilestone(contextOf(request), {
        projectId: request.params.id,
        milestoneId: request.params.itemId,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
  r.put(
    '/api/projects/:id/deliverables/:itemId/status',
    {
      config: { access: OFFICER_AND_MANAGERS },
      schema: {
        tags,
        summary: 'Mark a deliverable delivered (or accept it)',
        params: ProjectItemParams,
        body: DeliverableStatusBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setDeliverableStatus(contextOf(request), {
        projectId: request.params.id,
        deliverableId: request.params.itemId,
        status: request.body.status,
      });
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/projects/:id/reports',
    {
      config: { access: OFFICER_AND_MANAGERS },
      schema: {
        tags,
        summary: 'Submit a progress or final report',
        params: IdParams,
        body: ProjectReportBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(ok(await submitReport(contextOf(request), { projectId: request.params.id, ...request.body })));
    },
  );
}
