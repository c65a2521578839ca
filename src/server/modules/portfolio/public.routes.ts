import { brusselsToday } from '../../../shared/brussels-time';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { offsetOf, okPage, pagedEnvelope, PageQuery } from '../../http/paging';
import { contextOf, type StepContext } from '../../http/request-context';
import { buildCsv, sendDownload, type SheetColumn } from '../../http/spreadsheet';
import { AppError } from '../../errors/app-error';
import { CATALOGUE_PATH, naceUri, OPEN_DATA_LICENCE, resourceUri } from '../opendata/linked-data';
import { listClusters } from './clusters.routes';
import { countClusters, type ClusterFilters } from './clusters.repository';
import type { PresentedCluster } from './clusters.presenter';
import { findThemes } from './themes';
import { ClusterIdParams } from './clusters.schema';

const tags = ['open data'];

/**
 * A cluster as open data: its stable URI, themes with their EU vocabulary URI where one exists
 * (NACE sectors), and member counts by helix category and size class. No people, no organisations.
 */
function presentOpenCluster(c: PresentedCluster, publicUrl: string) {
  return {
    id: c.id,
    uri: resourceUri(publicUrl, 'cluster', c.id),
    name: c.name,
    shortName: c.shortName,
    kind: c.kind,
    status: c.status,
    mandateStart: c.mandateStart,
    mandateEnd: c.mandateEnd,
    economicMission: c.economicMission,
    isExample: c.isExample,
    transitions: c.transitions.map((t) => t.code),
    themes: c.themes.map((t) => ({ kind: t.kind, code: t.code, uri: naceUri(t.kind, t.code) })),
    members: c.memberSummary.members,
    membersByHelix: c.memberSummary.byHelix,
    companiesBySize: c.memberSummary.companiesBySize,
    smeShare: c.memberSummary.smeShare,
  };
}

async function openClusters(
  ctx: StepContext,
  filters: ClusterFilters,
  paging?: { offset: number; limit: number },
) {
  const clusters = await listClusters({ ...ctx, actor: null }, filters, paging);
  return clusters.map((c) => presentOpenCluster(c, ctx.config.publicUrl));
}

/**
 * The open-data view of the portfolio: clusters, their themes and transitions, and member
 * counts by helix category and size class. No people, no individual organisations.
 */
async function openPortfolio(ctx: StepContext) {
  const clusters = await openClusters(ctx, {});
  const themes = await findThemes(ctx.db);
  return {
    generatedOn: brusselsToday(ctx.now()),
    licence: OPEN_DATA_LICENCE.name,
    licenceUri: OPEN_DATA_LICENCE.uri,
    catalogue: `${ctx.config.publicUrl}${CATALOGUE_PATH}`,
    clusters,
    themes: themes.map((t) => ({
      kind: t.kind,
      code: t.code,
      uri: naceUri(t.kind, t.code),
      labelNl: t.label_nl,
      labelEn: t.label_en,
      parentCode: themes.find((p) => p.id === t.parent_id)?.code ?? null,
      isExample: t.is_example,
    })),
  };
}

type OpenCluster = ReturnType<typeof presentOpenCluster>;
const portfolioColumns: SheetColumn<OpenCluster>[] = [
  { header: 'short_name', value: (c) => c.shortName },
  { header: 'name', value: (c) => c.name },
  { header: 'kind', value: (c) => c.kind },
  { header: 'status', value: (c) => c.status },
  { header: 'mandate_start', value: (c) => c.mandateStart },
  { header: 'mandate_end', value: (c) => c.mandateEnd },
  { header: 'members', value: (c) => c.members },
  { header: 'companies', value: (c) => c.membersByHelix.company },
  { header: 'knowledge_institutions', value: (c) => c.membersByHelix.knowledge_institution },
  { header: 'government', value: (c) => c.membersByHelix.government },
  { header: 'civil_society', value: (c) => c.membersByHelix.civil_society },
  { header: 'micro', value: (c) => c.companiesBySize.micro },
  { header: 'small', value: (c) => c.companiesBySize.small },
  { header: 'medium', value: (c) => c.companiesBySize.medium },
  { header: 'large', value: (c) => c.companiesBySize.large },
  { header: 'size_unknown', value: (c) => c.companiesBySize.unknown },
  { header: 'sme_share', value: (c) => c.smeShare },
  { header: 'transitions', value: (c) => c.transitions.join(' ') },
  { header: 'themes', value: (c) => c.themes.map((t) => t.code).join(' ') },
  { header: 'is_example', value: (c) => c.isExample },
];
/** The clusters dataset's CSV: the portfolio's columns with the stable URI and the NACE concepts. */
const clusterColumns: SheetColumn<OpenCluster>[] = [
  { header: 'uri', value: (c) => c.uri },
  ...portfolioColumns,
  {
    header: 'nace_uris',
    value: (c) =>
      c.themes
        .map((t) => t.uri)
        .filter((uri) => uri !== null)
        .join(' '),
  },
];

const count = z.number();
const OpenClusterSchema = z
  .object({
    id: z.string(),
    uri: z.string().meta({ description: 'The stable URI of the cluster, `<PUBLIC_URL>/id/cluster/<id>`.' }),
    name: z.string(),
    shortName: z.string(),
    kind: z.string(),
    status: z.string(),
    mandateStart: z.string().nullable(),
    mandateEnd: z.string().nullable(),
    economicMission: z.string(),
    isExample: z.boolean(),
    transitions: z.array(z.string()),
    themes: z.array(
      z.object({
        kind: z.string(),
        code: z.string(),
        uri: z
          .string()
          .nullable()
          .meta({ description: 'The NACE Rev. 2 concept (EU vocabularies), if any.' }),
      }),
    ),
    members: count,
    membersByHelix: z.record(z.string(), count),
    companiesBySize: z.record(z.string(), count),
    smeShare: z.number().nullable(),
  })
  .meta({ id: 'OpenCluster', description: 'A cluster as open data: counts only, no people.' });

const OpenPortfolioSchema = z.object({
  generatedOn: z.string(),
  licence: z.string(),
  licenceUri: z.string(),
  catalogue: z.string().meta({ description: 'The DCAT-AP catalogue (JSON-LD) that describes this data.' }),
  clusters: z.array(OpenClusterSchema),
  themes: z.array(
    z.object({
      kind: z.string(),
      code: z.string(),
      uri: z.string().nullable(),
      labelNl: z.string(),
      labelEn: z.string(),
      parentCode: z.string().nullable(),
      isExample: z.boolean(),
    }),
  ),
});

export default async function publicPortfolioRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/portfolio',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary:
          'Open data: clusters, themes, member counts by helix and size class (no login, no personal data)',
        response: { 200: envelope(OpenPortfolioSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return ok(await openPortfolio(contextOf(request)));
    },
  );
  r.get(
    '/api/public/portfolio.json',
    { config: { access: publicAccess }, schema: { tags, summary: 'Open data as a JSON download' } },
    async (request, reply) => {
      const data = await openPortfolio(contextOf(request));
      return sendDownload(
        reply,
        'speerpunt-portfolio.json',
        'application/json; charset=utf-8',
        JSON.stringify(data, null, 2),
      );
    },
  );
  r.get(
    '/api/public/portfolio.csv',
    { config: { access: publicAccess }, schema: { tags, summary: 'Open data as CSV (one row per cluster)' } },
    async (request, reply) => {
      const data = await openPortfolio(contextOf(request));
      return sendDownload(
        reply,
        'speerpunt-portfolio.csv',
        'text/csv; charset=utf-8',
        buildCsv(portfolioColumns, data.clusters),
      );
    },
  );
  r.get(
    '/api/public/clusters',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Open data: clusters with their URIs and member counts, one page (no login)',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(OpenClusterSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const p = request.query;
      const [rows, total] = await Promise.all([
        openClusters(ctx, {}, { offset: offsetOf(p), limit: p.pageSize }),
        countClusters(ctx.db, {}),
      ]);
      return okPage(rows, { page: p.page, pageSize: p.pageSize, total });
    },
  );
  r.get(
    '/api/public/clusters.csv',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Open data: clusters as CSV with URIs and NACE concepts (one row per cluster)',
      },
    },
    async (request, reply) => {
      const rows = await openClusters(contextOf(request), {});
      return sendDownload(
        reply,
        'speerpunt-clusters.csv',
        'text/csv; charset=utf-8',
        buildCsv(clusterColumns, rows),
      );
    },
  );
  r.get(
    '/api/public/clusters/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Open data: one cluster (what its URI resolves to)',
        params: ClusterIdParams,
        response: { 200: envelope(OpenClusterSchema) },
      },
    },
    async (request) => {
      const [cluster] = await openClusters(contextOf(request), { id: request.params.id });
      if (!cluster) throw new AppError('NOT_FOUND');
      return ok(cluster);
    },
  );
}
