import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, demoEmail, type TestApp } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';

describe('sessions, login guard, CSRF and API tokens', () => {
  let t: TestApp;
  let now = new Date('2026-11-27T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie and answers /me', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'OFFICER@speerpunt.example', password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sp_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const me = await clientFor(t.app, cookie!.value, null).get('/api/auth/me');
    expect(me.json().data.user).toMatchObject({ email: 'officer@speerpunt.example', role: 'officer' });
    expect(me.json().data.csrfToken).toEqual(response.json().data.csrfToken);
  });

  it('sets the Secure flag behind HTTPS', async () => {
    const secureApp = await createTestApp({ config: { trustProxy: 1 } });
    try {
      const response = await secureApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: demoEmail('expert'), password: DEMO_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'sp_session')?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const wrong = await t.anonymous.post('/api/auth/login', {
      email: demoEmail('analyst'),
      password: 'wrong-password-123',
    });
    const unknown = await t.anonymous.post('/api/auth/login', {
      email: 'nobody@speerpunt.example',
      password: 'wrong-password-123',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().message).toEqual(unknown.json().message);
  });

  it('refuses a cookie write without (or with a wrong) CSRF token, and writes nothing', async () => {
    const officer = await t.loginAs('officer');
    const before = await t.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const noToken = await clientFor(t.app, officer.cookie, null).post('/api/auth/tokens', {
      name: 'x',
      scope: 'read',
    });
    const wrongToken = await clientFor(t.app, officer.cookie, 'forged').post('/api/auth/tokens', {
      name: 'x',
      scope: 'read',
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_TOKEN_INVALID');
    expect(wrongToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const after = await t.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('treats an unknown or expired session cookie as a clear 401', async () => {
    const bogus = await clientFor(t.app, 'not-a-real-session', null).get('/api/auth/me');
    expect(bogus.statusCode).toBe(401);
    expect(bogus.json().code).toBe('SESSION_INVALID');
    const analyst = await t.loginAs('analyst');
    expect((await analyst.get('/api/auth/me')).statusCode).toBe(200);
    now = new Date(now.getTime() + (t.config.sessionIdleMinutes + 1) * 60_000);
    const idle = await analyst.get('/api/auth/me');
    expect(idle.json().code).toBe('SESSION_INVALID');
  });

  it('logs out: the cookie no longer works', async () => {
    const applicant = await t.loginAs('applicant');
    expect((await applicant.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await applicant.get('/api/auth/me')).json().code).toBe('SESSION_INVALID');
  });

  it('issues scoped, revocable API tokens that need no CSRF token', async () => {
    const officer = await t.loginAs('officer');
    const write = (await officer.post('/api/auth/tokens', { name: 'script', scope: 'write' })).json().data;
    const read = (
      await officer.post('/api/auth/tokens', { name: 'reader', scope: 'read', expiresInDays: 30 })
    ).json().data;
    expect(write.secret).toMatch(/^spk_/);
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', write.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(write.secret);
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    expect(
      (await t.anonymous.request('GET', '/api/auth/me', undefined, bearer(write.secret))).json().data.user
        .role,
    ).toBe('officer');
    const readWrite = await t.anonymous.request(
      'POST',
      '/api/auth/tokens',
      { name: 'n', scope: 'read' },
      bearer(read.secret),
    );
    expect(readWrite.json().code).toBe('TOKEN_SCOPE_INSUFFICIENT');
    expect(
      (
        await t.anonymous.request(
          'POST',
          '/api/auth/tokens',
          { name: 'n', scope: 'read' },
          bearer(write.secret),
        )
      ).statusCode,
    ).toBe(201);
    // Someone else's token is answered as missing.
    const expert = await t.loginAs('analyst');
    expect((await expert.delete(`/api/auth/tokens/${write.id}`)).statusCode).toBe(404);
    expect((await officer.delete(`/api/auth/tokens/${write.id}`)).statusCode).toBe(204);
    const revoked = await t.anonymous.request('GET', '/api/auth/me', undefined, bearer(write.secret));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('TOKEN_INVALID');
  });

  it('changes your own password: wrong current and weak new ones are refused; other sessions end', async () => {
    const first = await t.loginAs('manager');
    const second = await t.loginAs('manager');
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: 'nope-nope-nope',
          newPassword: 'A-much-better-password-1',
        })
      ).json().code,
    ).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await first.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    expect(weak.json().details[0]).toMatchObject({ path: 'newPassword', code: 'too_short' });
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'A-much-better-password-1',
        })
      ).statusCode,
    ).toBe(204);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.login(demoEmail('manager'), 'A-much-better-password-1')).userId).toBe(first.userId);
  });
});

describe('login rate limit per client address', () => {
  it('answers RATE_LIMITED after 30 attempts in ten minutes, kept in the database', async () => {
    const t = await createTestApp({ config: { loginMaxFailures: 1000, loginAddressMaxFailures: 1000 } });
    try {
      let last = 0;
      for (let i = 0; i < 31; i += 1)
        last = (
          await t.anonymous.post('/api/auth/login', {
            email: 'x@speerpunt.example',
            password: 'wrong-password-x',
          })
        ).statusCode;
      expect(last).toBe(429);
      const row = await t.database.db
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', 'like', 'ip:%')
        .executeTakeFirstOrThrow();
      expect(row.attempts).toBe(31);
    } finally {
      await t.close();
    }
  });
});
