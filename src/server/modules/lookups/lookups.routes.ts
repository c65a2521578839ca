import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyUser } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
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
        summary: 'Cluster names for pickers',
        response: { 200: envelope(z.array(ClusterOption)) },
      },
    },
    async (request) => {
      const rows = await contextOf(request)
        .db.selectFrom('clusters')
        .select(['id', 'name', 'short_name', 'kind'])
        .orderBy('name')
        .execute();
      return ok(rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, kind: r.kind })));
    },
  );
}
