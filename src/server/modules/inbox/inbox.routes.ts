import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyUser } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { contextOf } from '../../http/request-context';
import { findInbox } from './find-inbox';
import { InboxSchema } from './inbox.schema';

export default async function inboxRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/inbox',
    {
      config: { access: anyUser },
      schema: {
        tags: ['inbox'],
        summary: "What is waiting for me: my role's work with counts, links and nearest deadline first",
        response: { 200: envelope(InboxSchema) },
      },
    },
    async (request) => ok(await findInbox(contextOf(request))),
  );
}
