import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyUser } from '../../http/access';
import { pagedAnswer, pagedEnvelope, pagedQuery, selectPage } from '../../http/paging';
import { contextOf } from '../../http/request-context';

const ClusterOption = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(['spearhead', 'business_network']),
});

/** Small option lists for pickers (names of clusters are public information). */
export default async function lookupsRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/lookups/clusters',
    {
      config: { access: anyUser },
      schema: {
        tags: ['lookups'],
        summary:
          'Cluster names for pickers, one page, optionally those whose name contains `q` or with the given `ids`',
        querystring: pagedQuery({
          q: z.string().trim().max(100).optional(),
          /** Comma-separated ids (at most 100): the names of the clusters a form has chosen already. */
          ids: z
            .string()
            .regex(
              /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(,[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}){0,99}$/i,
            )
            .optional(),
        }),
        response: { 200: pagedEnvelope(ClusterOption) },
      },
    },
    async (request) => {
      let query = contextOf(request)
        .db.selectFrom('clusters')
        .select(['id', 'name', 'short_name', 'kind'])
        .orderBy('name')
        .orderBy('id');
      const ids = request.query.ids?.split(',');
      if (ids) query = query.where('id', 'in', ids);
      const q = request.query.q;
      if (q) {
        const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([eb('name', 'ilike', pattern), eb('short_name', 'ilike', pattern)]),
        );
      }
      return pagedAnswer(await selectPage(query, request.query), request.query, (r) => ({
        id: r.id,
        name: r.name,
        shortName: r.short_name,
        kind: r.kind,
      }));
    },
  );
}
