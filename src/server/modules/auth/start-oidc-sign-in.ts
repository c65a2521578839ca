import * as client from 'openid-client';
import type { StepContext } from '../../http/request-context';
import { oidcConfiguration, oidcProvider, OIDC_FLOW_MINUTES } from './oidc-client';
import { randomToken, sha256 } from './secrets';

/** Only a path inside the app (no scheme, no `//host`) may be where the sign-in ends. */
export function safeNextPath(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}

/**
 * First step of a sign-in through a provider: a flow (state, nonce and PKCE verifier) kept for a
 * few minutes under the hash of a cookie only this browser gets, and the provider's URL to go to.
 */
export async function startOidcSignIn(ctx: StepContext, options: { providerId: string; next?: string }) {
  const provider = oidcProvider(ctx.config, options.providerId);
  const configuration = await oidcConfiguration(provider);
  const now = ctx.now();
  const flowCookie = randomToken();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('oidc_flows').where('expires_at', '<', now).execute();
    await tx
      .insertInto('oidc_flows')
      .values({
        id: sha256(flowCookie),
        provider_id: provider.id,
        state,
        nonce,
        code_verifier: codeVerifier,
        next_path: safeNextPath(options.next),
        created_at: now,
        expires_at: new Date(now.getTime() + OIDC_FLOW_MINUTES * 60_000),
      })
      .execute();
  });
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.redirectUrl,
    scope: provider.scopes,
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl: authorizationUrl.toString(), flowCookie };
}
