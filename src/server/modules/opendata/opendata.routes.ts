import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '../../http/access';
import { contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { buildCatalogue, DATASET_NAMES } from './catalogue';
import { CATALOGUE_PATH } from './linked-data';
import { findPublicCallRow } from '../calls/calls.repository';

const tags = ['open data'];

const SeeOther = z.null().meta({
  description: 'See Other: the `location` header names the description of the thing the URI identifies.',
});
const UuidParams = z.strictObject({ id: z.uuid() });

/** A browser (asking for HTML first) goes to the web page; a program to the JSON. */
function wantsPage(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /text\/html/.test(accept) && !/^application\/(?:ld\+)?json/.test(accept);
}

interface Resolver {
  kind: string;
  summary: string;
  /** Whether the public description of the thing exists (the rule of its open-data route). */
  exists: (db: Kysely<DB>, id: string) => Promise<boolean>;
  /** The web page a browser goes to, and the open data a program goes to. */
  page: (id: string) => string;
  data: (id: string) => string;
}

const RESOLVERS: Resolver[] = [
  {
    kind: 'cluster',
    summary: 'Resolves a cluster URI: 303 to its open data (or, for a browser, the portfolio page)',
    exists: async (db, id) =>
      (await db.selectFrom('clusters').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
    page: () => '/public/portfolio',
    data: (id) => `/api/public/clusters/${id}`,
  },
  {
    kind: 'call',
    summary: 'Resolves a call URI: 303 to its open data (or, for a browser, its public page)',
    exists: async (db, id) => (await findPublicCallRow(db, id)) !== undefined,
    page: (id) => `/public/calls/${id}`,
    data: (id) => `/api/public/calls/${id}`,
  },
];

/**
 * The DCAT-AP catalogue and the resolver of the URIs that the open data hands out
 * (`<PUBLIC_URL>/id/cluster/<id>`, `/id/call/<id>`, `/id/dataset/<name>`): each answers
 * 303 See Other to its description, as linked data does for things that are not documents.
 */
export default async function openDataRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = app.config.publicUrl;

  r.get(
    CATALOGUE_PATH,
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'The DCAT-AP catalogue of the open data (JSON-LD, context inline; no login)',
      },
    },
    async (request, reply) => {
      const catalogue = await buildCatalogue(contextOf(request));
      return reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .header('content-disposition', 'inline; filename="speerpunt-catalogue.jsonld"')
        .header('cache-control', 'public, max-age=300')
        .send(JSON.stringify(catalogue, null, 2));
    },
  );

  // One resolver per kind of thing: found by the rule of its public description, else NOT_FOUND.
  for (const resolver of RESOLVERS)
    r.get(
      `/id/${resolver.kind}/:id`,
      {
        config: { access: publicAccess },
        schema: { tags, summary: resolver.summary, params: UuidParams, response: { 303: SeeOther } },
      },
      async (request, reply) => {
        if (!(await resolver.exists(app.db, request.params.id))) throw new AppError('NOT_FOUND');
        const target = wantsPage(request)
          ? resolver.page(request.params.id)
          : resolver.data(request.params.id);
        return reply.code(303).header('location', `${base}${target}`).send(null);
      },
    );

  r.get(
    '/id/dataset/:name',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Resolves a dataset URI: 303 to the catalogue that describes it',
        params: z.strictObject({ name: z.enum(DATASET_NAMES) }),
        response: { 303: SeeOther },
      },
    },
    async (_request, reply) => reply.code(303).header('location', `${base}${CATALOGUE_PATH}`).send(null),
  );
}
