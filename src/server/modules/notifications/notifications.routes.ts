import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyUser } from '../../http/access';
import { pagedAnswer, pagedEnvelope, pagedQuery, selectPage } from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.object({ nl: z.string(), en: z.string() }),
  body: z.object({ nl: z.string(), en: z.string() }),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const tags = ['notifications'];

/** A user's own in-app notifications; nobody reads another's. */
export default async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/notifications',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Your notifications, newest first, one page',
        querystring: pagedQuery({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: pagedEnvelope(NotificationSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      let query = ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', actorOf(ctx).userId)
        .orderBy('created_at', 'desc')
        .orderBy('id');
      if (request.query.unread === 'true') query = query.where('read_at', 'is', null);
      return pagedAnswer(await selectPage(query, request.query), request.query, (n) => ({
        id: n.id,
        kind: n.kind,
        title: { nl: n.title_nl, en: n.title_en },
        body: { nl: n.body_nl, en: n.body_en },
        link: n.link,
        createdAt: new Date(n.created_at).toISOString(),
        readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
      }));
    },
  );

  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Mark one as read',
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await ctx.db
        .updateTable('notifications')
        .set({ read_at: ctx.now() })
        .where('id', '=', request.params.id)
        .where('user_id', '=', actorOf(ctx).userId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
      return reply.status(204).send(null);
    },
  );
}
