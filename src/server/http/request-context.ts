import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Config } from '../../config';
import type { Actor } from './actor';
import { auditActorOf } from './actor';
import type { AuditActor } from '../audit/record-audit';
import { AppError } from '../errors/app-error';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** A session cookie or token was sent but did not resolve to a live session. */
    credentialProblem: 'session' | 'token' | null;
  }
  interface FastifyInstance {
    db: Kysely<DB>;
    config: Config;
    clock: () => Date;
  }
}

/** What every workflow step receives: the database, who acts, and the request's identity. */
export interface StepContext {
  db: Kysely<DB>;
  actor: Actor | null;
  auditActor: AuditActor;
  requestId: string | null;
  now: () => Date;
  config: Config;
}

export function contextOf(request: FastifyRequest): StepContext {
  const app = request.server;
  return {
    db: app.db,
    actor: request.actor,
    auditActor: auditActorOf(request.actor),
    requestId: request.id,
    now: app.clock,
    config: app.config,
  };
}

/** The actor of a step that needs one; routes already refused anonymous callers. */
export function actorOf(ctx: StepContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
