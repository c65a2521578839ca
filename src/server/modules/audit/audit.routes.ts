import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { contextOf } from '../../http/request-context';
import { AUDIT_BREAKS, verifyAuditChain } from '../../audit/verify-audit-chain';
import { listAuditEvents } from './list-audit-events';

const tags = ['audit'];

const AuditEventSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** A row about a proposal still sealed (deadline not passed): before and after are withheld. */
  sealed: z.boolean(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

const AuditQuery = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  /** Page backwards: events with an id below this one. */
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export default async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      config: { access: allow('admin', 'officer') },
      schema: {
        tags,
        summary: 'The audit trail, newest first',
        querystring: AuditQuery,
        response: { 200: envelope(z.array(AuditEventSchema)) },
      },
    },
    async (request) => ok(await listAuditEvents(contextOf(request), request.query)),
  );

  r.get(
    '/api/audit/verify',
    {
      config: { access: allow('admin') },
      schema: {
        tags,
        summary: 'Recompute the hash chain',
        response: {
          200: envelope(
            z.object({
              ok: z.boolean(),
              checked: z.number(),
              brokenAt: z
                .object({ id: z.number(), kind: z.enum(AUDIT_BREAKS), reason: z.string() })
                .optional(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return ok(await verifyAuditChain(ctx.db, { checkpointFile: ctx.config.auditCheckpointFile }));
    },
  );
}
