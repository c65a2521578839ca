import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { OidcProviderConfig } from '../../src/oidc-config';
import { parseRoleMap } from '../../src/oidc-config';

/** A person at the test provider: the claims it gives (groups and mandates are custom claims). */
export interface TestPerson {
  email: string;
  name: string;
  groups?: string[];
  mandates?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  /** People by subject (the login typed in the provider's dev login form); change them between logins. */
  people: Map<string, TestPerson>;
  clientId: string;
  clientSecret: string;
  /** The app's provider configuration for this issuer (id `test`, role and mandate mapping of the tests). */
  providerConfig(appBaseUrl: string): OidcProviderConfig;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (npm `oidc-provider`) on 127.0.0.1 and a random port, with one
 * confidential client for the app and its development login form (any password is accepted).
 */
export async function startTestOidcProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  people: Record<string, TestPerson>;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map(Object.entries(options.people));
  const clientId = 'speerpunt';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    scopes: ['openid', 'email', 'profile', 'groups', 'mandates'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
      mandates: ['mandates'],
    },
    cookies: { keys: ['a-test-cookie-key-for-the-provider'] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body =
            `<!DOCTYPE html><html><head><title>Sign out</title></head><body>${form}` +
            '<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>' +
            '</body></html>';
        },
      },
    },
    // A first-party client: no consent screen, the requested scopes are granted.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile groups mandates');
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => {
          const now = people.get(sub) ?? person;
          return {
            sub,
            email: now.email,
            email_verified: true,
            name: now.name,
            ...(now.groups ? { groups: now.groups } : {}),
            ...(now.mandates ? { mandates: now.mandates } : {}),
          };
        },
      };
    },
  });
  // Quiet: the provider reports each refused request (the tests make some on purpose).
  provider.on('server_error', () => undefined);
  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));
  return {
    issuer,
    people,
    clientId,
    clientSecret,
    providerConfig: (appBaseUrl) => ({
      id: 'test',
      label: 'Test-IdP',
      issuer,
      clientId,
      clientSecret,
      scopes: 'openid email profile groups mandates',
      redirectUrl: `${appBaseUrl}/api/auth/oidc/test/callback`,
      roleClaim: 'groups',
      roleMap: parseRoleMap('officers=officer,analysts=analyst,companies=applicant', 'test'),
      mandateClaim: 'mandates',
      mandateFormat: 'array',
      allowInsecureHttp: true,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Cookies of one user agent at the provider (one host: paths are ignored). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Plays the browser at the provider: follows its redirects, fills in the login form with the
 * subject when it shows one, and stops at the first redirect to `stopAt` (the app's callback).
 */
export async function browseProvider(
  url: string,
  stopAt: string,
  login: string,
  jar = new CookieJar(),
): Promise<string> {
  let next = url;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    if (next.startsWith(stopAt)) return next;
    const response = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      next = new URL(location, next).toString();
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !html.includes('name="login"'))
      throw new Error(
        `Unexpected answer of the provider at ${next}: ${response.status} ${html.slice(0, 300)}`,
      );
    next = new URL(action.replace(/&amp;/g, '&'), next).toString();
    body = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  }
  throw new Error('Too many hops at the provider');
}
