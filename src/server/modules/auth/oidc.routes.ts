import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { OidcCallbackQuery, OidcProviderParams, OidcProvidersSchema, OidcStartQuery } from './auth.schema';
import { startOidcSignIn } from './start-oidc-sign-in';
import { finishOidcSignIn } from './finish-oidc-sign-in';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_MINUTES } from './oidc-client';
import { setSessionCookie } from './session-cookie';

const tags = ['auth'];
const FLOW_COOKIE_PATH = '/api/auth/oidc';

const redirectResponse = {
  303: z
    .null()
    .meta({ description: 'To the provider, back into the app, or to the login page with `?error=`.' }),
};

/** Errors of a browser navigation go to the login page, which says them in words. */
function toLoginPage(reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return reply.redirect(`/login?error=${encodeURIComponent(error.code)}`, 303);
}

/** Sign-in through OpenID Connect providers: the buttons, the redirect to the provider, its answer. */
export default async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/oidc/providers',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        operationId: 'getSignInOptions',
        summary: 'How one can sign in: the configured identity providers and whether passwords are on',
        response: { 200: envelope(OidcProvidersSchema) },
      },
    },
    async () =>
      ok({
        localLogin: app.config.localLogin,
        providers: app.config.oidcProviders.map((p) => ({
          id: p.id,
          label: p.label,
          startUrl: `/api/auth/oidc/${p.id}/start`,
        })),
      }),
  );

  r.get(
    '/api/auth/oidc/:id/start',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        operationId: 'startOidcSignIn',
        summary: 'Start signing in with a provider: redirects the browser to it (PKCE, state, nonce)',
        params: OidcProviderParams,
        querystring: OidcStartQuery,
        response: redirectResponse,
      },
    },
    async (request, reply) => {
      try {
        const { authorizationUrl, flowCookie } = await startOidcSignIn(contextOf(request), {
          providerId: request.params.id,
          next: request.query.next,
        });
        reply.setCookie(OIDC_FLOW_COOKIE, flowCookie, {
          path: FLOW_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: OIDC_FLOW_MINUTES * 60,
        });
        return reply.redirect(authorizationUrl, 303);
      } catch (error) {
        return toLoginPage(reply, error);
      }
    },
  );

  r.get(
    '/api/auth/oidc/:id/callback',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        operationId: 'finishOidcSignIn',
        summary: "The provider's answer: checks it, opens a session and redirects into the app",
        params: OidcProviderParams,
        querystring: OidcCallbackQuery,
        response: redirectResponse,
      },
    },
    async (request, reply) => {
      const search = request.raw.url?.split('?')[1] ?? '';
      reply.clearCookie(OIDC_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      try {
        const session = await finishOidcSignIn(contextOf(request), {
          providerId: request.params.id,
          flowCookie: request.cookies[OIDC_FLOW_COOKIE],
          search,
        });
        setSessionCookie(request, reply, session.cookieValue, app.config.sessionMaxHours * 3600);
        return reply.redirect(session.nextPath, 303);
      } catch (error) {
        return toLoginPage(reply, error);
      }
    },
  );
}
