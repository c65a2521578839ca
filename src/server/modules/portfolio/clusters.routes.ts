import { brusselsToday } from '../../../shared/brussels-time';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, ok } from '../../http/envelope';
import { isUsualPage, keysetBatches, offsetOf, okPage, pagedEnvelope, PageQuery } from '../../http/paging';
import { sendCachedJson } from '../../db/revision-cache';
import { contextOf, type StepContext } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import {
  buildCsv,
  LangQuery,
  sendDownload,
  sendXlsx,
  sendXlsxStream,
  sendTextStream,
  csvChunks,
  type SheetColumn,
} from '../../http/spreadsheet';
import {
  CLUSTER_KIND,
  CLUSTER_STATUS,
  HELIX,
  MEMBERSHIP_TYPE,
  SIZE_CLASS,
  labelOf,
} from '../../http/spreadsheet-labels';
import { formatEnterpriseNumber } from '../../../shared/enterprise-number';
import {
  AddMemberBody,
  ChangeStatusBody,
  ClusterDetailSchema,
  ClusterIdParams,
  ClusterListQuery,
  ClusterPageQuery,
  ClusterSchema,
  CreateClusterBody,
  MemberParams,
  MemberSchema,
  PromoteBody,
  UpdateClusterBody,
  UpdateMemberBody,
} from './clusters.schema';
import {
  findClusterById,
  findClusterDetail,
  findClusters,
  findMembers,
  countClusters,
  countMembers,
  findMemberStats,
  findThemesOfClusters,
  type ClusterFilters,
  type ClusterRow,
  type MemberRow,
} from './clusters.repository';
import { presentCluster, type PresentedCluster } from './clusters.presenter';
import {
  canEditCluster,
  canSeePeople,
  isOfficer,
  officers,
  portfolioEditors,
  portfolioReaders,
} from './portfolio.policy';
import { createCluster } from './create-cluster';
import { updateCluster } from './update-cluster';
import { changeClusterStatus } from './change-cluster-status';
import { promoteCluster } from './promote-cluster';
import { addMember, updateMember } from './add-member';
import { pioneerStatus } from './pioneer';
import { findPioneerYears } from './organisations.repository';
import { commitMemberImport, previewMemberImport } from './import-members';

const tags = ['clusters'];

export async function listClusters(
  ctx: StepContext,
  filters: ClusterFilters,
  paging?: Parameters<typeof findClusters>[2],
): Promise<PresentedCluster[]> {
  return presentClusterRows(ctx, await findClusters(ctx.db, filters, paging));
}

/** Clusters with their themes and member statistics (one statement each for all of them). */
export async function presentClusterRows(ctx: StepContext, rows: ClusterRow[]): Promise<PresentedCluster[]> {
  const ids = rows.map((r) => r.id);
  const [themes, stats] = await Promise.all([
    findThemesOfClusters(ctx.db, ids),
    findMemberStats(ctx.db, brusselsToday(ctx.now()), ids),
  ]);
  const seePeople = canSeePeople(ctx.actor);
  // Grouped once, so presenting many clusters stays linear.
  const groupBy = <T extends { cluster_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.cluster_id, [...(map.get(item.cluster_id) ?? []), item]);
    return map;
  };
  const themesBy = groupBy(themes);
  const statsBy = groupBy(stats);
  return rows.map((r) => presentCluster(r, themesBy.get(r.id) ?? [], statsBy.get(r.id) ?? [], seePeople));
}

async function clusterDetail(ctx: StepContext, id: string) {
  const [row, stats] = await Promise.all([
    findClusterDetail(ctx.db, id),
    findMemberStats(ctx.db, brusselsToday(ctx.now()), [id]),
  ]);
  if (!row) throw new AppError('NOT_FOUND');
  const { themes, goals, events, managers } = row;
  const seePeople = canSeePeople(ctx.actor);
  return {
    ...presentCluster(row, themes, stats, seePeople),
    officerUserId: seePeople ? row.officer_user_id : null,
    managers: seePeople ? managers : [],
    goals: goals.map((g) => ({
      id: g.id,
      position: g.position,
      title: g.title,
      description: g.description,
      targetYear: g.target_year,
    })),
    history: events.map((e) => ({
      id: e.id,
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      fromKind: e.from_kind,
      toKind: e.to_kind,
      effectiveOn: e.effective_on,
      motivation: e.motivation,
      recordedBy: seePeople ? e.recorded_by_name : null,
      recordedAt: new Date(e.recorded_at).toISOString(),
    })),
  };
}

function presentMember(row: MemberRow, today: string, pioneerYears: number) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    enterpriseNumber: row.enterprise_number,
    country: row.country,
    foreignIdentifier: row.foreign_identifier,
    helix: row.helix,
    sizeClass: row.size_class,
    isPioneer: pioneerStatus(
      { helix: row.helix, foundedOn: row.founded_on, firstParticipationOn: row.first_participation_on },
      today,
      pioneerYears,
    ).isPioneer,
    membershipType: row.membership_type,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isCurrent: row.valid_from <= today && (row.valid_to === null || row.valid_to >= today),
    isExample: row.is_example,
  };
}
type PresentedMember = ReturnType<typeof presentMember>;

async function listMembers(
  ctx: StepContext,
  clusterId: string,
  paging: { offset: number; limit: number },
): Promise<PresentedMember[]> {
  const cluster = await findClusterById(ctx.db, clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  const [rows, years] = await Promise.all([findMembers(ctx.db, clusterId, paging), findPioneerYears(ctx.db)]);
  const today = brusselsToday(ctx.now());
  return rows.map((r) => presentMember(r, today, years));
}

/** A cluster's members for an export, read a batch at a time (keyset), never all at once. */
async function* memberBatches(ctx: StepContext, clusterId: string): AsyncGenerator<PresentedMember[]> {
  const cluster = await findClusterById(ctx.db, clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  const years = await findPioneerYears(ctx.db);
  const today = brusselsToday(ctx.now());
  const read = (after: MemberRow | null, limit: number) => findMembers(ctx.db, clusterId, { after, limit });
  for await (const rows of keysetBatches(read)) yield rows.map((r) => presentMember(r, today, years));
}

/** The export has the template's columns first, so an exported list can be imported again. */
const memberColumns: SheetColumn<PresentedMember>[] = [
  { header: 'name', value: (m) => m.name, width: 40 },
  {
    header: 'enterprise_number',
    value: (m) => (m.enterpriseNumber ? formatEnterpriseNumber(m.enterpriseNumber) : ''),
    width: 18,
  },
  { header: 'country', value: (m) => m.country },
  { header: 'foreign_identifier', value: (m) => m.foreignIdentifier },
  { header: 'helix', value: (m) => m.helix, labels: HELIX, width: 22 },
  { header: 'membership_type', value: (m) => m.membershipType, labels: MEMBERSHIP_TYPE, width: 20 },
  { header: 'valid_from', value: (m) => m.validFrom, kind: 'date' },
  { header: 'valid_to', value: (m) => m.validTo, kind: 'date' },
  { header: 'size_class', value: (m) => m.sizeClass, labels: SIZE_CLASS },
  { header: 'is_pioneer', value: (m) => m.isPioneer, kind: 'boolean' },
  { header: 'is_current', value: (m) => m.isCurrent, kind: 'boolean' },
];

const clusterColumns: SheetColumn<PresentedCluster>[] = [
  { header: 'name', value: (c) => c.name, width: 36 },
  { header: 'short_name', value: (c) => c.shortName },
  { header: 'kind', value: (c) => c.kind, labels: CLUSTER_KIND, width: 24 },
  { header: 'status', value: (c) => c.status, labels: CLUSTER_STATUS },
  { header: 'mandate_start', value: (c) => c.mandateStart, kind: 'date' },
  { header: 'mandate_end', value: (c) => c.mandateEnd, kind: 'date' },
  { header: 'members', value: (c) => c.memberSummary.members, kind: 'integer' },
  { header: 'companies', value: (c) => c.memberSummary.byHelix.company, kind: 'integer' },
  {
    header: 'knowledge_institutions',
    value: (c) => c.memberSummary.byHelix.knowledge_institution,
    kind: 'integer',
  },
  { header: 'government', value: (c) => c.memberSummary.byHelix.government, kind: 'integer' },
  { header: 'civil_society', value: (c) => c.memberSummary.byHelix.civil_society, kind: 'integer' },
  { header: 'sme_share', value: (c) => c.memberSummary.smeShare, kind: 'percent' },
  {
    header: 'transitions',
    value: (c, lang) => c.transitions.map((t) => (lang === 'en' ? t.labelEn : t.labelNl)).join('; '),
    width: 40,
  },
  {
    header: 'themes',
    value: (c, lang) => c.themes.map((t) => (lang === 'en' ? t.labelEn : t.labelNl)).join('; '),
    width: 40,
  },
];

const TEMPLATE_EXAMPLE = {
  name: 'Voorbeeld NV (voorbeeld)',
  enterprise_number: 'BE 0123.456.749',
  country: 'BE',
  foreign_identifier: '',
  helix: 'company',
  membership_type: 'member',
  valid_from: '2025-01-01',
  valid_to: '',
  founded_on: '2021-03-15',
};
type TemplateRow = typeof TEMPLATE_EXAMPLE;
/** The import template: human headers, dates as date cells, drop-down lists for the closed lists. */
const templateColumns: SheetColumn<TemplateRow>[] = [
  { header: 'name', value: (row) => row.name, width: 30 },
  { header: 'enterprise_number', value: (row) => row.enterprise_number, width: 20 },
  { header: 'country', value: (row) => row.country, width: 10 },
  { header: 'foreign_identifier', value: (row) => row.foreign_identifier, width: 22 },
  {
    header: 'helix',
    value: (row) => row.helix,
    labels: HELIX,
    choices: (lang) => Object.keys(HELIX).map((code) => labelOf(HELIX, code, lang)),
    width: 22,
  },
  {
    header: 'membership_type',
    value: (row) => row.membership_type,
    labels: MEMBERSHIP_TYPE,
    choices: (lang) => Object.keys(MEMBERSHIP_TYPE).map((code) => labelOf(MEMBERSHIP_TYPE, code, lang)),
    width: 22,
  },
  { header: 'valid_from', value: (row) => row.valid_from, kind: 'date' },
  { header: 'valid_to', value: (row) => row.valid_to, kind: 'date' },
  { header: 'founded_on', value: (row) => row.founded_on, kind: 'date' },
];

const FileBody = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(14_000_000),
});
const PreviewRowSchema = z.object({
  line: z.number(),
  name: z.string(),
  enterpriseNumber: z.string().nullable(),
  country: z.string(),
  foreignIdentifier: z.string().nullable(),
  helix: z.string().nullable(),
  membershipType: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  foundedOn: z.string().nullable(),
  action: z.enum(['link_existing', 'create_organisation', 'skip']),
  organisationId: z.string().nullable(),
  problems: z.array(
    z.object({ path: z.string(), code: z.string(), message: z.object({ nl: z.string(), en: z.string() }) }),
  ),
});
const PreviewSchema = z.object({
  rows: z.array(PreviewRowSchema),
  total: z.number(),
  good: z.number(),
  bad: z.number(),
});
const CommitSchema = PreviewSchema.extend({
  createdOrganisations: z.number(),
  createdMemberships: z.number(),
});

export default async function clustersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/clusters',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'The portfolio: clusters with member mix, SME share, themes and transitions',
        querystring: ClusterPageQuery,
        response: { 200: pagedEnvelope(ClusterSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { page, pageSize, ...filters } = request.query;
      const officer = isOfficer(ctx.actor);
      const answer = async () => {
        const [rows, total] = await Promise.all([
          listClusters(ctx, filters, { offset: offsetOf({ page, pageSize }), limit: pageSize }),
          countClusters(ctx.db, filters),
        ]);
        return okPage(rows, { page, pageSize, total }, { create: officer });
      };
      // A typed search is served fresh (each text its own answer); the usual pages of the
      // list and its filters keep their JSON text until the portfolio or a user's name changes
      // (officers are shown by name), per what the viewer may see and do.
      if (filters.q || !isUsualPage(request.query)) return answer();
      return sendCachedJson(request, reply, {
        db: ctx.db,
        name: `clusters|${canSeePeople(ctx.actor)}|${officer}|${JSON.stringify(request.query)}`,
        day: brusselsToday(ctx.now()),
        schema: pagedEnvelope(ClusterSchema),
        answer,
        revisions: ['portfolio', 'people'],
      });
    },
  );

  r.get(
    '/api/clusters.xlsx',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'The portfolio as XLSX',
        querystring: ClusterListQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const rows = await listClusters(contextOf(request), request.query);
      return sendXlsx(request, reply, 'speerpunt-portfolio.xlsx', {
        name: { nl: 'Portfolio', en: 'Portfolio' },
        columns: clusterColumns,
        rows,
      });
    },
  );

  r.get(
    '/api/clusters/:id',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'One cluster: mission, roadmap, themes, history, who follows it',
        params: ClusterIdParams,
        response: { 200: envelope(ClusterDetailSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const data = await clusterDetail(ctx, request.params.id);
      const officer = isOfficer(ctx.actor);
      return ok(data, {
        edit: canEditCluster(ctx.actor, data.id),
        editAll: officer,
        changeStatus: officer && data.status !== 'ended',
        promote: officer && data.kind === 'business_network' && data.status !== 'ended',
        editMembers: canEditCluster(ctx.actor, data.id),
      });
    },
  );

  r.post(
    '/api/clusters',
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Register a cluster or business network',
        body: CreateClusterBody,
        response: { 201: envelope(ClusterDetailSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createCluster(ctx, request.body);
      return reply.status(201).send(ok(await clusterDetail(ctx, row.id)));
    },
  );

  r.patch(
    '/api/clusters/:id',
    {
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Edit a cluster (managers: mission, roadmap and themes of their own)',
        params: ClusterIdParams,
        body: UpdateClusterBody,
        response: { 200: envelope(ClusterDetailSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await updateCluster(ctx, { clusterId: request.params.id, ...request.body });
      return ok(await clusterDetail(ctx, request.params.id));
    },
  );

  r.post(
    '/api/clusters/:id/status',
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Change the lifecycle status (dated, with motivation)',
        params: ClusterIdParams,
        body: ChangeStatusBody,
        response: { 200: envelope(ClusterDetailSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await changeClusterStatus(ctx, { clusterId: request.params.id, ...request.body });
      return ok(await clusterDetail(ctx, request.params.id));
    },
  );

  r.post(
    '/api/clusters/:id/promote',
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Promote a business network to a spearhead cluster',
        params: ClusterIdParams,
        body: PromoteBody,
        response: { 200: envelope(ClusterDetailSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await promoteCluster(ctx, { clusterId: request.params.id, ...request.body });
      return ok(await clusterDetail(ctx, request.params.id));
    },
  );

  r.get(
    '/api/clusters/:id/members',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'Members of a cluster (all periods), one page',
        params: ClusterIdParams,
        querystring: PageQuery,
        response: { 200: pagedEnvelope(MemberSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { page, pageSize } = request.query;
      const rows = await listMembers(ctx, request.params.id, {
        offset: offsetOf({ page, pageSize }),
        limit: pageSize,
      });
      return okPage(
        rows,
        { page, pageSize, total: await countMembers(ctx.db, request.params.id) },
        { edit: canEditCluster(ctx.actor, request.params.id) },
      );
    },
  );

  r.get(
    '/api/clusters/:id/members.xlsx',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'Members as XLSX (importable again)',
        params: ClusterIdParams,
        querystring: LangQuery,
      },
    },
    async (request, reply) => {
      return sendXlsxStream(request, reply, 'leden.xlsx', {
        name: { nl: 'Leden', en: 'Members' },
        columns: memberColumns,
        batches: memberBatches(contextOf(request), request.params.id),
      });
    },
  );

  r.get(
    '/api/clusters/:id/members.csv',
    {
      config: { access: portfolioReaders },
      schema: { tags, summary: 'Members as CSV (importable again)', params: ClusterIdParams },
    },
    async (request, reply) => {
      const batches = memberBatches(contextOf(request), request.params.id);
      return sendTextStream(
        request,
        reply,
        'leden.csv',
        'text/csv; charset=utf-8',
        csvChunks(memberColumns, batches, '\uFEFF'),
      );
    },
  );

  r.post(
    '/api/clusters/:id/members',
    {
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Add a member for a period',
        params: ClusterIdParams,
        body: AddMemberBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      const id = await addMember(contextOf(request), { clusterId: request.params.id, ...request.body });
      return reply.status(201).send(ok({ id }));
    },
  );

  r.patch(
    '/api/clusters/:id/members/:membershipId',
    {
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Change the type of a membership or end it',
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await updateMember(contextOf(request), {
        clusterId: request.params.id,
        membershipId: request.params.membershipId,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/clusters/:id/member-import/preview',
    {
      bodyLimit: 15_000_000,
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Check a member list (XLSX/CSV): every row with its problems; writes nothing',
        params: ClusterIdParams,
        body: FileBody,
        response: { 200: envelope(PreviewSchema) },
      },
    },
    async (request) => {
      const preview = await previewMemberImport(contextOf(request), {
        clusterId: request.params.id,
        filename: request.body.filename,
        content: Buffer.from(request.body.contentBase64, 'base64'),
      });
      return ok(preview, { commit: preview.good > 0 });
    },
  );

  r.post(
    '/api/clusters/:id/member-import/commit',
    {
      bodyLimit: 15_000_000,
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Write all good rows of a member list in one transaction',
        params: ClusterIdParams,
        body: FileBody,
        response: { 200: envelope(CommitSchema) },
      },
    },
    async (request) => {
      return ok(
        await commitMemberImport(contextOf(request), {
          clusterId: request.params.id,
          filename: request.body.filename,
          content: Buffer.from(request.body.contentBase64, 'base64'),
        }),
      );
    },
  );

  r.get(
    '/api/member-import/template.xlsx',
    {
      config: { access: portfolioEditors },
      schema: { tags, summary: 'The member-list template (XLSX)', querystring: LangQuery },
    },
    async (request, reply) => {
      return sendXlsx(request, reply, 'sjabloon-leden.xlsx', {
        name: { nl: 'Leden', en: 'Members' },
        columns: templateColumns,
        rows: [TEMPLATE_EXAMPLE],
      });
    },
  );

  r.get(
    '/api/member-import/template.csv',
    { config: { access: portfolioEditors }, schema: { tags, summary: 'The member-list template (CSV)' } },
    async (_request, reply) => {
      return sendDownload(
        reply,
        'sjabloon-leden.csv',
        'text/csv; charset=utf-8',
        buildCsv(templateColumns, [TEMPLATE_EXAMPLE]),
      );
    },
  );
}
