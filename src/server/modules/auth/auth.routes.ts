import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyUser, publicAccess } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, PageQuery, selectPage } from '../../http/paging';
import { contextOf, actorOf } from '../../http/request-context';
import { SESSION_COOKIE } from '../../http/guard';
import {
  ApiTokenSchema,
  ChangePasswordBody,
  CreateApiTokenBody,
  LoginBody,
  LogoutSchema,
  MeSchema,
  TokenIdParams,
} from './auth.schema';
import { presentApiToken, presentMe } from './auth.presenter';
import { login } from './login';
import { findUserById } from '../users/users.repository';
import { AppError } from '../../errors/app-error';
import { logout } from './logout';
import { changeOwnPassword } from './change-own-password';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';
import { setSessionCookie } from './session-cookie';

const tags = ['auth'];

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: envelope(MeSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const session = await login(ctx, { ...request.body, clientAddress: request.ip });
      setSessionCookie(request, reply, session.cookieValue, app.config.sessionMaxHours * 3600);
      const user = await findUserById(app.db, session.userId);
      if (!user) throw new AppError('INTERNAL_ERROR');
      return ok(
        presentMe({
          userId: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          locale: user.locale,
          clusterIds: user.clusterIds,
          via: 'session',
          csrfToken: session.csrfToken,
          signInStage: session.stage,
        }),
      );
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: anyUser, signInStages: ['second_factor', 'enrolment'] },
      schema: {
        tags,
        summary: 'Sign out',
        description:
          'Ends the session. A session from an OpenID Connect provider with an end-session endpoint answers 200 ' +
          'with `endSessionUrl`: send the browser there to end the provider session too.',
        response: {
          200: envelope(LogoutSchema),
          204: z.null(),
        },
      },
    },
    async (request, reply) => {
      const { endSessionUrl } = await logout(contextOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (endSessionUrl) return reply.status(200).send(ok({ endSessionUrl }));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: anyUser, signInStages: ['second_factor', 'enrolment'] },
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token',
        response: { 200: envelope(MeSchema) },
      },
    },
    async (request) => {
      return ok(presentMe(actorOf(contextOf(request))));
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Change your own password',
        body: ChangePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(contextOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/tokens',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Your API tokens, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(ApiTokenSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(contextOf(request));
      const query = app.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .orderBy('created_at', 'desc')
        .orderBy('id');
      return pagedAnswer(await selectPage(query, request.query), request.query, presentApiToken, {
        create: true,
      });
    },
  );

  r.post(
    '/api/auth/tokens',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: CreateApiTokenBody,
        response: { 201: envelope(ApiTokenSchema.extend({ secret: z.string() })) },
      },
    },
    async (request, reply) => {
      const { row, secret } = await createApiToken(contextOf(request), request.body);
      return reply.status(201).send(ok({ ...presentApiToken(row), secret }));
    },
  );

  r.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Revoke an API token', params: TokenIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeApiToken(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
