import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { findSessionActor, SESSION_TOUCH_MS, touchSession } from '../modules/auth/sessions.repository';
import { findTokenActor } from '../modules/auth/api-tokens.repository';
import type { Actor } from './actor';

export const SESSION_COOKIE = 'sp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function resolveActor(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  request.actor = null;
  request.credentialProblem = null;
  const now = app.clock();
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const row = await findTokenActor(app.db, authorization.slice(7).trim(), now);
    if (!row) {
      request.credentialProblem = 'token';
      return;
    }
    const { tokenId: _tokenId, scope, tokenExpiresAt, ...user } = row;
    request.actor = {
      ...user,
      via: 'token',
      tokenScope: scope,
      ...(tokenExpiresAt ? { tokenExpiresAt: new Date(tokenExpiresAt) } : {}),
    };
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const row = await findSessionActor(app.db, cookie);
  const idleLimit = app.config.sessionIdleMinutes * 60_000;
  if (
    !row ||
    row.expiresAt.getTime() <= now.getTime() ||
    now.getTime() - row.lastSeenAt.getTime() > idleLimit
  ) {
    request.credentialProblem = 'session';
    return;
  }
  // Written at most once a minute: a session seen within the minute costs no statement.
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS)
    await touchSession(app.db, row.sessionId, now);
  const { lastSeenAt: _seen, expiresAt: _expires, ...rest } = row;
  const actor: Actor = { ...rest, via: 'session' };
  request.actor = actor;
}

/**
 * Deny by default: a route answers only if it declares `config.access`. Resolves the actor from
 * an API token or the session cookie, then checks role, token scope and CSRF token.
 */
export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('credentialProblem', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new AppError('NOT_FOUND');
    if (access.kind === 'public' && !request.url.startsWith('/api/')) return;
    await resolveActor(app, request);
    if (access.kind === 'public') return;
    const actor = request.actor;
    if (!actor) {
      if (request.credentialProblem === 'token') throw new AppError('TOKEN_INVALID');
      throw new AppError(request.credentialProblem === 'session' ? 'SESSION_INVALID' : 'UNAUTHENTICATED');
    }
    const stage = actor.signInStage ?? 'complete';
    if (stage !== 'complete' && !request.routeOptions.config.signInStages?.includes(stage))
      throw new AppError(stage === 'enrolment' ? 'TOTP_ENROLMENT_REQUIRED' : 'SECOND_FACTOR_REQUIRED');
    if (!access.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
    if (SAFE_METHODS.has(request.method)) return;
    if (actor.via === 'token') {
      if (actor.tokenScope !== 'write') throw new AppError('TOKEN_SCOPE_INSUFFICIENT');
      return;
    }
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !actor.csrfToken || !sameSecret(sent, actor.csrfToken)) {
      throw new AppError('CSRF_TOKEN_INVALID');
    }
  });
}
