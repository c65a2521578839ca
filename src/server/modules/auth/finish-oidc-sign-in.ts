import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { createSession } from './sessions.repository';
import { oidcConfiguration, oidcProvider } from './oidc-client';
import { accountFromClaims } from './oidc-account';
import { mandatesOf, type Claims } from './oidc-claims';
import { sha256 } from './secrets';

export interface FinishOidcOptions {
  providerId: string;
  /** The flow cookie of the browser, if it sent one. */
  flowCookie: string | undefined;
  /** The query string the provider sent the browser back with (`code`, `state`, `iss`, or `error`). */
  search: string;
}

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A check of the provider's answer that failed because it is not the answer to this browser's flow. */
function isFlowMismatch(error: unknown): boolean {
  // openid-client wraps oauth4webapi's error, whose cause names the claim that did not match.
  let link: unknown = error;
  for (let depth = 0; depth < 4 && typeof link === 'object' && link !== null; depth++) {
    if ((link as { claim?: unknown }).claim === 'nonce') return true;
    link = (link as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The provider's answer: the flow is used up (one answer per flow), its state, nonce and PKCE
 * verifier must match, the code is exchanged and the ID token checked; then the account from the
 * claims and a session like a password sign-in's, with the mandates of the claims (waiting for the
 * local second factor when oidc-account.ts says it is pending). Every refusal
 * is audited, in a transaction of its own (the sign-in's own transaction is rolled back).
 */
export async function finishOidcSignIn(ctx: StepContext, options: FinishOidcOptions) {
  const provider = oidcProvider(ctx.config, options.providerId);
  try {
    return await signIn(ctx, options);
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'OIDC_SIGNIN_FAILED';
    await ctx.db.transaction().execute((tx) =>
      recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'auth.oidc_refused',
          entityType: 'user',
          entityId: null,
          after: { provider: provider.id, code },
        },
        ctx.requestId,
      ),
    );
    if (error instanceof AppError) throw error;
    throw new AppError('OIDC_SIGNIN_FAILED');
  }
}

async function signIn(ctx: StepContext, options: FinishOidcOptions) {
  const provider = oidcProvider(ctx.config, options.providerId);
  const now = ctx.now();
  const flow = options.flowCookie
    ? await ctx.db
        .deleteFrom('oidc_flows')
        .where('id', '=', sha256(options.flowCookie))
        .returningAll()
        .executeTakeFirst()
    : undefined;
  const params = new URLSearchParams(options.search);
  const state = params.get('state') ?? '';
  if (
    !flow ||
    flow.provider_id !== provider.id ||
    new Date(flow.expires_at).getTime() <= now.getTime() ||
    !sameText(state, flow.state)
  )
    throw new AppError('OIDC_STATE_INVALID');

  const configuration = await oidcConfiguration(provider);
  const currentUrl = new URL(provider.redirectUrl);
  currentUrl.search = params.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new AppError(isFlowMismatch(error) ? 'OIDC_STATE_INVALID' : 'OIDC_SIGNIN_FAILED');
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new AppError('OIDC_SIGNIN_FAILED');
  // Providers put groups and other claims in the ID token, at the userinfo endpoint, or both.
  let claims: Claims = { ...idClaims };
  if (configuration.serverMetadata().userinfo_endpoint) {
    try {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    } catch {
      throw new AppError('OIDC_SIGNIN_FAILED');
    }
  }
  const mandates = mandatesOf(provider, claims);
  return ctx.db.transaction().execute(async (tx) => {
    const { user, secondFactorPending } = await accountFromClaims(tx, {
      provider,
      issuer: idClaims.iss,
      subject: idClaims.sub,
      claims,
      now,
      requestId: ctx.requestId,
    });
    // A local second factor is asked once after the link (the provider's does not stand in for it).
    const stage = secondFactorPending ? 'second_factor' : 'complete';
    const session = await createSession(tx, user.id, now, ctx.config.sessionMaxHours, {
      stage,
      mandates,
      oidcProvider: provider.id,
      ...(tokens.id_token ? { oidcIdToken: tokens.id_token } : {}),
    });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      stage === 'complete'
        ? {
            action: 'auth.login',
            entityType: 'user',
            entityId: user.id,
            after: { provider: provider.id, mandates },
          }
        : {
            action: 'auth.provider_accepted',
            entityType: 'user',
            entityId: user.id,
            after: { provider: provider.id, next: stage },
          },
      ctx.requestId,
    );
    return { ...session, userId: user.id, nextPath: flow.next_path };
  });
}
