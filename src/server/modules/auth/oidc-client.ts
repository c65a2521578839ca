import * as client from 'openid-client';
import type { Config } from '../../../config';
import type { OidcProviderConfig } from '../../../oidc-config';
import { AppError } from '../../errors/app-error';

/** The cookie that ties a provider's answer to the browser that started the sign-in. */
export const OIDC_FLOW_COOKIE = 'sp_oidc_flow';
/** How long a started sign-in may take at the provider. */
export const OIDC_FLOW_MINUTES = 10;

export function oidcProvider(config: Config, id: string): OidcProviderConfig {
  const provider = config.oidcProviders.find((p) => p.id === id);
  if (!provider) throw new AppError('OIDC_PROVIDER_UNKNOWN');
  return provider;
}

// Discovery once per provider and process; a failed discovery is retried at the next sign-in.
const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata (discovery) and this platform's client registration at it. */
export async function oidcConfiguration(provider: OidcProviderConfig): Promise<client.Configuration> {
  const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret ?? null]);
  let configuration = discovered.get(key);
  if (!configuration) {
    configuration = client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      provider.clientSecret,
      undefined,
      { execute: provider.allowInsecureHttp ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    discovered.set(key, configuration);
    configuration.catch(() => discovered.delete(key));
  }
  try {
    return await configuration;
  } catch {
    throw new AppError('OIDC_SIGNIN_FAILED');
  }
}

/**
 * RP-initiated logout: where to send the browser so the provider ends its session too, or null when
 * the provider has no end-session endpoint (or cannot be reached: the local session ends anyway).
 */
export async function endSessionUrl(
  config: Config,
  providerId: string,
  idToken: string | null,
): Promise<string | null> {
  const provider = config.oidcProviders.find((p) => p.id === providerId);
  if (!provider) return null;
  const configuration = await oidcConfiguration(provider).catch(() => null);
  if (!configuration?.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: `${config.publicUrl}/login`,
      ...(idToken ? { id_token_hint: idToken } : {}),
    })
    .toString();
}
