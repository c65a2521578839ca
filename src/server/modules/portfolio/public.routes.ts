import { brusselsToday } from '../../../shared/brussels-time';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '../../http/access';
import { AbilitiesSchema, envelope, ok } from '../../http/envelope';
import {
  isUsualPage,
  keysetBatches,
  offsetOf,
  okPage,
  pagedEnvelope,
  PageInfoSchema,
  PageQuery,
  type PageRequest,
} from '../../http/paging';
import { contextOf, type StepContext } from '../../http/request-context';
import { csvChunks, sendTextStream, type SheetColumn } from '../../http/spreadsheet';
import { AppError } from '../../errors/app-error';
import { cachedByRevision, portfolioRevision, sendCachedJson } from '../../db/revision-cache';
import { CATALOGUE_PATH, naceUri, OPEN_DATA_LICENCE, resourceUri } from '../opendata/linked-data';
import { listClusters, presentClusterRows } from './clusters.routes';
import {
  countClusters,
  countClustersByKind,
  findClusters,
  findMemberStats,
  type ClusterFilters,
  type ClusterRow,
} from './clusters.repository';
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
  paging?: Parameters<typeof listClusters>[2],
) {
  const clusters = await listClusters({ ...ctx, actor: null }, filters, paging);
  return clusters.map((c) => presentOpenCluster(c, ctx.config.publicUrl));
}

/** The open clusters a batch at a time (keyset), for the downloads: never all at once. */
async function* openClusterBatches(ctx: StepContext) {
  const read = (after: ClusterRow | null, limit: number) => findClusters(ctx.db, {}, { after, limit });
  for await (const rows of keysetBatches(read)) yield await presentOpenClusters(ctx, rows);
}

async function presentOpenClusters(ctx: StepContext, rows: ClusterRow[]) {
  const clusters = await presentClusterRows({ ...ctx, actor: null }, rows);
  return clusters.map((c) => presentOpenCluster(c, ctx.config.publicUrl));
}

/**
 * The open-data portfolio apart from its clusters: licence, catalogue, totals over all clusters
 * and the themes (a taxonomy of a few dozen), cached per portfolio revision and day.
 */
function openPortfolioFrame(ctx: StepContext) {
  const today = brusselsToday(ctx.now());
  return cachedByRevision(ctx.db, `open-portfolio|${ctx.config.publicUrl}`, today, async () => {
    const [themes, kinds, stats] = await Promise.all([
      findThemes(ctx.db),
      countClustersByKind(ctx.db),
      findMemberStats(ctx.db, today),
    ]);
    const clustersOf = (kind: string) => kinds.find((k) => k.kind === kind)?.clusters ?? 0;
    return {
      generatedOn: today,
      licence: OPEN_DATA_LICENCE.name,
      licenceUri: OPEN_DATA_LICENCE.uri,
      catalogue: `${ctx.config.publicUrl}${CATALOGUE_PATH}`,
      totals: {
        clusters: kinds.reduce((sum, k) => sum + k.clusters, 0),
        spearheads: clustersOf('spearhead'),
        businessNetworks: clustersOf('business_network'),
        members: stats.reduce((sum, row) => sum + row.members, 0),
      },
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
  });
}

/**
 * One page of the open-data view of the portfolio: clusters, their themes and transitions, and
 * member counts by helix category and size class (no people, no individual organisations), with
 * the totals over all clusters.
 */
async function readPortfolioPage(ctx: StepContext, p: PageRequest) {
  const [frame, clusters] = await Promise.all([
    openPortfolioFrame(ctx),
    openClusters(ctx, {}, { offset: offsetOf(p), limit: p.pageSize }),
  ]);
  const page = { page: p.page, pageSize: p.pageSize, total: frame.totals.clusters };
  return { data: { ...frame, clusters }, abilities: {}, page };
}

/** The whole portfolio as JSON text, produced a batch of clusters at a time. */
async function* openPortfolioJson(ctx: StepContext): AsyncGenerator<string> {
  const frame = await openPortfolioFrame(ctx);
  let head = `${JSON.stringify(frame).slice(0, -1)},"clusters":[\n`;
  for await (const clusters of openClusterBatches(ctx)) {
    yield head + clusters.map((c) => JSON.stringify(c)).join(',\n');
    head = ',\n';
  }
  yield head.startsWith(',') ? '\n]}\n' : `${head}]}\n`;
}

/**
 * The public downloads are whole but cached by clients and proxies per portfolio revision: the
 * entity tag names the revision and the day, and an unchanged download answers 304 unread.
 */
async function isUnchanged(ctx: StepContext, request: FastifyRequest, reply: FastifyReply, name: string) {
  const tag = `W/"${name}-${await portfolioRevision(ctx.db)}-${brusselsToday(ctx.now())}"`;
  reply.header('cache-control', PUBLIC_CACHE).header('etag', tag);
  return request.headers['if-none-match'] === tag;
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
  totals: z
    .object({ clusters: count, spearheads: count, businessNetworks: count, members: count })
    .meta({ description: 'Over all clusters, not only this page; members summed over the clusters.' }),
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
  clusters: z.array(OpenClusterSchema).meta({ description: 'One page of clusters, spearheads first.' }),
});

const OpenPortfolioAnswer = z.object({
  data: OpenPortfolioSchema,
  abilities: AbilitiesSchema,
  page: PageInfoSchema,
});

/** Public answers may be kept by browsers and proxies for five minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

export default async function publicPortfolioRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/portfolio',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary:
          'Open data: one page of clusters with themes and member counts by helix and size class, the ' +
          'totals and the themes (no login, no personal data)',
        querystring: PageQuery,
        response: { 200: OpenPortfolioAnswer },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const p = request.query;
      reply.header('cache-control', PUBLIC_CACHE);
      // The usual pages are sent as JSON text kept per portfolio revision and day (the same for
      // every viewer); other pages are read, so arbitrary pages cannot crowd the shared cache.
      if (!isUsualPage(p)) return readPortfolioPage(ctx, p);
      return sendCachedJson(request, reply, {
        db: ctx.db,
        name: `open-portfolio|${ctx.config.publicUrl}|${p.page}|${p.pageSize}`,
        day: brusselsToday(ctx.now()),
        schema: OpenPortfolioAnswer,
        answer: () => readPortfolioPage(ctx, p),
      });
    },
  );
  r.get(
    '/api/public/portfolio.json',
    {
      config: { access: publicAccess },
      schema: { tags, summary: 'Open data as a JSON download (every cluster, streamed)' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (await isUnchanged(ctx, request, reply, 'portfolio.json')) return reply.status(304).send();
      const text = openPortfolioJson(ctx);
      return sendTextStream(
        request,
        reply,
        'speerpunt-portfolio.json',
        'application/json; charset=utf-8',
        text,
      );
    },
  );
  r.get(
    '/api/public/portfolio.csv',
    {
      config: { access: publicAccess },
      schema: { tags, summary: 'Open data as CSV (one row per cluster, streamed)' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (await isUnchanged(ctx, request, reply, 'portfolio.csv')) return reply.status(304).send();
      const text = csvChunks(portfolioColumns, openClusterBatches(ctx));
      return sendTextStream(request, reply, 'speerpunt-portfolio.csv', 'text/csv; charset=utf-8', text);
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
        summary: 'Open data: clusters as CSV with URIs and NACE concepts (one row per cluster, streamed)',
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (await isUnchanged(ctx, request, reply, 'clusters.csv')) return reply.status(304).send();
      const text = csvChunks(clusterColumns, openClusterBatches(ctx));
      return sendTextStream(request, reply, 'speerpunt-clusters.csv', 'text/csv; charset=utf-8', text);
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
