import { brusselsToday } from '../../../shared/brussels-time';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { contextOf, type StepContext } from '../../http/request-context';
import { buildCsv, sendDownload, type SheetColumn } from '../../http/spreadsheet';
import { listClusters } from './clusters.routes';
import { findThemes } from './themes';

const tags = ['open data'];

/**
 * The open-data view of the portfolio: clusters, their themes and transitions, and member
 * counts by helix category and size class. No people, no individual organisations.
 */
async function openPortfolio(ctx: StepContext) {
  const clusters = await listClusters({ ...ctx, actor: null }, {});
  const themes = await findThemes(ctx.db);
  return {
    generatedOn: brusselsToday(ctx.now()),
    licence: 'Modellicentie Gratis Hergebruik Vlaanderen v1.0',
    clusters: clusters.map((c) => ({
      name: c.name,
      shortName: c.shortName,
      kind: c.kind,
      status: c.status,
      mandateStart: c.mandateStart,
      mandateEnd: c.mandateEnd,
      economicMission: c.economicMission,
      isExample: c.isExample,
      transitions: c.transitions.map((t) => t.code),
      themes: c.themes.map((t) => ({ kind: t.kind, code: t.code })),
      members: c.memberSummary.members,
      membersByHelix: c.memberSummary.byHelix,
      companiesBySize: c.memberSummary.companiesBySize,
      smeShare: c.memberSummary.smeShare,
    })),
    themes: themes.map((t) => ({
      kind: t.kind,
      code: t.code,
      labelNl: t.label_nl,
      labelEn: t.label_en,
      parentCode: themes.find((p) => p.id === t.parent_id)?.code ?? null,
      isExample: t.is_example,
    })),
  };
}

type OpenCluster = Awaited<ReturnType<typeof openPortfolio>>['clusters'][number];
const csvColumns: SheetColumn<OpenCluster>[] = [
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

const count = z.number();
const OpenPortfolioSchema = z.object({
  generatedOn: z.string(),
  licence: z.string(),
  clusters: z.array(
    z.object({
      name: z.string(),
      shortName: z.string(),
      kind: z.string(),
      status: z.string(),
      mandateStart: z.string().nullable(),
      mandateEnd: z.string().nullable(),
      economicMission: z.string(),
      isExample: z.boolean(),
      transitions: z.array(z.string()),
      themes: z.array(z.object({ kind: z.string(), code: z.string() })),
      members: count,
      membersByHelix: z.record(z.string(), count),
      companiesBySize: z.record(z.string(), count),
      smeShare: z.number().nullable(),
    }),
  ),
  themes: z.array(
    z.object({
      kind: z.string(),
      code: z.string(),
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
      reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');
      return ok(await openPortfolio(contextOf(request)));
    },
  );
  r.get(
    '/api/public/portfolio.json',
    { config: { access: publicAccess }, schema: { tags, summary: 'Open data as a JSON download' } },
    async (request, reply) => {
      const data = await openPortfolio(contextOf(request));
      return sendDownload(
        reply.header('access-control-allow-origin', '*'),
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
        reply.header('access-control-allow-origin', '*'),
        'speerpunt-portfolio.csv',
        'text/csv; charset=utf-8',
        buildCsv(csvColumns, data.clusters),
      );
    },
  );
}
