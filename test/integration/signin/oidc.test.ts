import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { createTestApp, clientFor, demoEmail, type TestApp } from '../../helpers/test-app';
import {
  browseProvider,
  CookieJar,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../../helpers/oidc-test-provider';
import { parseRoleMap } from '../../../src/oidc-config';
import { enterpriseNumberFrom, formatEnterpriseNumber } from '../../../src/shared/enterprise-number';

/**
 * Sign-in through a real OpenID Connect provider (npm `oidc-provider` on 127.0.0.1): the app is
 * driven through app.inject(), the provider through fetch with a cookie jar, as a browser would.
 */
const APP = 'http://speerpunt.test';
const CALLBACK = `${APP}/api/auth/oidc/test/callback`;
const FIRST = enterpriseNumberFrom(2_032_013);
const SECOND = enterpriseNumberFrom(4_174_971);

describe('sign-in with OpenID Connect', () => {
  let t: TestApp;
  let idp: TestOidcProvider;

  beforeAll(async () => {
    idp = await startTestOidcProvider({
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [`${APP}/login`],
      people: {
        'olga-1': { email: 'olga@agency.example', name: 'Olga Officer', groups: ['officers'] },
        'bert-2': {
          email: 'bert@company.example',
          name: 'Bert Bedrijf',
          groups: ['companies'],
          mandates: [formatEnterpriseNumber(FIRST), `BE ${SECOND}`, 'not-a-number'],
        },
        'nora-3': { email: 'nora@elsewhere.example', name: 'Nora Nobody', groups: ['visitors'] },
      },
    });
    t = await createTestApp({ config: { publicUrl: APP, oidcProviders: [idp.providerConfig(APP)] } });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const cookieOf = (response: LightMyRequestResponse, name: string) =>
    response.cookies.find((c) => c.name === name)?.value;

  /** The start route: the redirect to the provider and the flow cookie. */
  async function start(next?: string) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/test/start${next ? `?next=${encodeURIComponent(next)}` : ''}`,
    });
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
    return { location, flow: cookieOf(response, 'sp_oidc_flow')! };
  }

  async function callback(url: string, flow: string | undefined) {
    const target = new URL(url);
    return t.app.inject({
      method: 'GET',
      url: target.pathname + target.search,
      headers: flow ? { cookie: `sp_oidc_flow=${flow}` } : {},
    });
  }

  /** A whole sign-in as `login`; answers the callback's response. */
  async function signIn(login: string, next?: string) {
    const { location, flow } = await start(next);
    return callback(await browseProvider(location, CALLBACK, login), flow);
  }

  async function me(response: LightMyRequestResponse) {
    const session = cookieOf(response, 'sp_session');
    expect(session).toBeTruthy();
    const answer = await clientFor(t.app, session!, null).get('/api/auth/me');
    expect(answer.statusCode).toBe(200);
    return { session: session!, data: answer.json().data };
  }

  const auditActions = async (action: string) =>
    // In the order written: `.at(-1)` is the latest (PostgreSQL returns unordered rows in any order).
    (
      await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', action)
        .orderBy('id')
        .execute()
    ).map((row) => row.after as Record<string, unknown>);

  it('lists the provider for the login page', async () => {
    const answer = await t.anonymous.get('/api/auth/oidc/providers');
    expect(answer.json().data).toEqual({
      localLogin: true,
      providers: [{ id: 'test', label: 'Test-IdP', startUrl: '/api/auth/oidc/test/start' }],
    });
  });

  it('asks the provider for the code flow with PKCE (S256), state and nonce', async () => {
    const { location } = await start();
    const params = new URL(location).searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('redirect_uri')).toBe(CALLBACK);
  });

  it('creates the account with the mapped role at the first sign-in and opens a session', async () => {
    const response = await signIn('olga-1', '/portfolio');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/portfolio');
    const { data } = await me(response);
    expect(data.user).toMatchObject({ email: 'olga@agency.example', name: 'Olga Officer', role: 'officer' });
    expect(data.signInStage).toBe('complete');
    // base64url: dashes split the word characters, so a token may hold no run of 20 of them.
    expect(data.csrfToken).toMatch(/^[\w-]{20,}$/);
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'olga@agency.example')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role_source: 'mapping', password_hash: null });
    const identity = await t.database.db
      .selectFrom('oidc_identities')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ issuer: idp.issuer, subject: 'olga-1', provider_id: 'test' });
    expect((await auditActions('user.created')).some((after) => after.provider === 'test')).toBe(true);
    expect((await auditActions('auth.login')).some((after) => after.provider === 'test')).toBe(true);
  });

  it('updates the name at the next sign-in and keeps one account', async () => {
    idp.people.set('olga-1', { ...idp.people.get('olga-1')!, name: 'Olga Officier-Janssens' });
    const { data } = await me(await signIn('olga-1'));
    expect(data.user.name).toBe('Olga Officier-Janssens');
    const accounts = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'olga@agency.example')
      .execute();
    expect(accounts).toHaveLength(1);
    const updates = await auditActions('user.profile_updated_by_provider');
    expect(updates.some((after) => after.name === 'Olga Officier-Janssens')).toBe(true);
  });

  it('links a verified e-mail to the existing local account, in the audit trail', async () => {
    idp.people.set('lina-9', {
      email: 'analyst@speerpunt.example',
      name: 'Lina Analist',
      groups: ['officers'],
    });
    const { data } = await me(await signIn('lina-9'));
    expect(data.user.email).toBe('analyst@speerpunt.example');
    expect(data.user.role).toBe('analyst');
    expect((await auditActions('user.identity_linked')).some((after) => after.provider === 'test')).toBe(
      true,
    );
  });

  it('asks the local second factor once after linking an account that has one', async () => {
    // The manager sets up the authenticator app with a password sign-in.
    const manager = await t.loginAs('manager');
    const secret = (await manager.post('/api/auth/totp/enrolment')).json().data.secret as string;
    const confirmed = await manager.post('/api/auth/totp/enrolment/confirm', {
      code: await generate({ secret }),
    });
    expect(confirmed.statusCode).toBe(200);
    const [recoveryCode] = confirmed.json().data.recoveryCodes as string[];
    idp.people.set('mia-7', { email: demoEmail('manager'), name: 'Mia Manager', groups: ['officers'] });

    // The first sign-in through the provider links, but the session waits for the account's code.
    const linked = await me(await signIn('mia-7'));
    expect(linked.data.signInStage).toBe('second_factor');
    const waiting = clientFor(t.app, linked.session, linked.data.csrfToken);
    expect((await waiting.get('/api/calls')).json().code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await auditActions('user.identity_linked')).at(-1)).toMatchObject({ secondFactorPending: true });
    // The account is left as it was until the code is given: no name or role from the provider.
    expect(linked.data.user).toMatchObject({ role: 'manager' });
    expect(linked.data.user.name).not.toBe('Mia Manager');

    // Walking away from the code page does not help: the next sign-in asks it again.
    const again = await me(await signIn('mia-7'));
    expect(again.data.signInStage).toBe('second_factor');
    const client = clientFor(t.app, again.session, again.data.csrfToken);
    expect((await client.post('/api/auth/totp/verify', { code: '000000' })).statusCode).toBe(400);
    expect((await client.get('/api/auth/me')).json().data.signInStage).toBe('second_factor');
    expect((await client.post('/api/auth/totp/verify', { code: recoveryCode })).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).json().data.signInStage).toBe('complete');
    expect((await auditActions('auth.login')).at(-1)).toMatchObject({ provider: 'test' });

    // Once given, the provider's sign-ins are complete (and update the account as usual).
    const later = await me(await signIn('mia-7'));
    expect(later.data.signInStage).toBe('complete');
    expect(later.data.user.name).toBe('Mia Manager');
  });

  it('keeps a role an admin set by hand, unless the mapping entry says `!`', async () => {
    const admin = await t.loginAs('admin');
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'olga@agency.example')
      .executeTakeFirstOrThrow();
    expect((await admin.put(`/api/users/${user.id}/role`, { role: 'analyst' })).statusCode).toBe(200);
    expect((await me(await signIn('olga-1'))).data.user.role).toBe('analyst');
    const provider = t.app.config.oidcProviders[0];
    const mapping = provider.roleMap;
    provider.roleMap = parseRoleMap('officers=officer!,companies=applicant', 'test');
    try {
      expect((await me(await signIn('olga-1'))).data.user.role).toBe('officer');
    } finally {
      provider.roleMap = mapping;
    }
    const changes = await auditActions('user.role_changed_by_mapping');
    expect(changes.at(-1)).toMatchObject({ role: 'officer', roleSource: 'mapping', provider: 'test' });
  });

  it('stores the mandates of the claim on the session as ten-digit enterprise numbers', async () => {
    const { data, session } = await me(await signIn('bert-2'));
    expect(data.user.role).toBe('applicant');
    expect(data.mandates).toEqual([FIRST, SECOND].sort());
    const row = await t.database.db
      .selectFrom('sessions')
      .select(['mandates', 'oidc_provider', 'oidc_id_token'])
      .where('user_id', '=', data.user.id)
      .executeTakeFirstOrThrow();
    expect(row.oidc_provider).toBe('test');
    expect(row.oidc_id_token).toMatch(/^ey/);
    expect(session).toBeTruthy();
  });

  it('refuses a person the mapping gives no role, with a page that says why', async () => {
    const response = await signIn('nora-3');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?error=OIDC_NO_ROLE');
    expect(cookieOf(response, 'sp_session')).toBeUndefined();
    const account = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'nora@elsewhere.example')
      .executeTakeFirst();
    expect(account).toBeUndefined();
    expect((await auditActions('auth.oidc_refused')).some((after) => after.code === 'OIDC_NO_ROLE')).toBe(
      true,
    );
  });

  it('refuses a tampered state, and an answer without the flow cookie', async () => {
    const { location, flow } = await start();
    const answer = new URL(await browseProvider(location, CALLBACK, 'olga-1'));
    answer.searchParams.set('state', 'tampered');
    const tampered = await callback(answer.toString(), flow);
    expect(tampered.headers.location).toBe('/login?error=OIDC_STATE_INVALID');
    expect(cookieOf(tampered, 'sp_session')).toBeUndefined();

    const other = await start();
    const noCookie = await callback(await browseProvider(other.location, CALLBACK, 'olga-1'), undefined);
    expect(noCookie.headers.location).toBe('/login?error=OIDC_STATE_INVALID');
  });

  it('refuses an ID token whose nonce is not the flow’s, and a replayed answer', async () => {
    const { location, flow } = await start();
    const answer = await browseProvider(location, CALLBACK, 'olga-1');
    await t.database.db.updateTable('oidc_flows').set({ nonce: 'another-nonce' }).execute();
    const wrongNonce = await callback(answer, flow);
    expect(wrongNonce.headers.location).toBe('/login?error=OIDC_STATE_INVALID');
    expect(cookieOf(wrongNonce, 'sp_session')).toBeUndefined();

    const second = await start();
    const good = await browseProvider(second.location, CALLBACK, 'olga-1');
    expect(cookieOf(await callback(good, second.flow), 'sp_session')).toBeTruthy();
    const replayed = await callback(good, second.flow);
    expect(replayed.headers.location).toBe('/login?error=OIDC_STATE_INVALID');
    expect(cookieOf(replayed, 'sp_session')).toBeUndefined();
  });

  it('sends an unknown provider back to the login page', async () => {
    const response = await t.anonymous.get('/api/auth/oidc/nope/start');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?error=OIDC_PROVIDER_UNKNOWN');
  });

  it('logs out: ends the session and answers the provider’s end-session URL, which ends its session', async () => {
    const jar = new CookieJar();
    const { location, flow } = await start();
    const signedIn = await callback(await browseProvider(location, CALLBACK, 'bert-2', jar), flow);
    const { session, data } = await me(signedIn);
    const client = clientFor(t.app, session, data.csrfToken);
    const out = await client.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    const endSession = new URL(out.json().data.endSessionUrl);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/login`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);

    // At the provider: the confirmation form, then back to the app's login page.
    const page = await fetch(endSession, { headers: { cookie: jar.header() } });
    jar.take(page);
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const confirm = await fetch(new URL(action, endSession), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    jar.take(confirm);
    expect(confirm.headers.get('location')).toBe(`${APP}/login`);
    // The provider's session is gone: a new sign-in shows its login form again.
    const again = await start();
    const first = await fetch(again.location, { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(first.headers.get('location')).toMatch(/\/interaction\//);
  });

  it('a local session logs out with 204 and no provider URL', async () => {
    const officer = await t.loginAs('officer');
    expect((await officer.post('/api/auth/logout')).statusCode).toBe(204);
  });
});
