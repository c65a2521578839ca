import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { anyUser } from '../../../src/server/http/access';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

describe('bad input gets a catalogued 4xx, nothing is written, the server keeps serving', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  const userCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = (payload: string, contentType = 'application/json') =>
    admin.request('POST', '/api/users', payload, { 'content-type': contentType });

  it('malformed JSON', async () => {
    const before = await userCount();
    const response = await send('{"email": "a@b.c", ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'INVALID_JSON',
      message: { nl: expect.any(String), en: expect.any(String) },
    });
    expect(await userCount()).toBe(before);
    expect((await t.anonymous.get('/healthz')).statusCode).toBe(200);
  });

  it('wrong types, unknown fields and missing fields, each located, in Dutch and English', async () => {
    const response = await admin.post('/api/users', {
      email: 'not-an-email',
      name: 42,
      role: 'king',
      surprise: true,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.email', 'body.name', 'body.role', 'body.password', 'body']),
    );
    const unknown = body.details.find((d: { code: string }) => d.code === 'unrecognized_keys');
    expect(unknown.message.nl).toContain('surprise');
    const missing = body.details.find((d: { path: string }) => d.path === 'body.password');
    expect(missing.message.nl).toBe('Dit veld is verplicht.');
    expect(body.stack).toBeUndefined();
  });

  it('a path parameter that is not an id', async () => {
    const response = await admin.get('/api/users/not-a-uuid');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'params.id' }] });
  });

  it('an oversized body', async () => {
    const response = await send(
      JSON.stringify({
        email: 'x@y.be',
        name: 'x'.repeat(2_000_000),
        role: 'expert',
        password: 'Een-sterk-wachtwoord-42',
      }),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
  });

  it('a content type the route does not accept', async () => {
    const response = await send('email=x', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route answers NOT_FOUND as JSON', async () => {
    const response = await admin.get('/api/does-not-exist');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it(
    'a route without a declared policy does not answer (deny by default); a crash is INTERNAL_ERROR ' +
      'without a stack',
    async () => {
      const app = await buildApp({ db: t.database.db, config: t.config });
      app.get('/api/forgotten-policy', async () => ({ secret: true }));
      app.get('/api/crashes', { config: { access: anyUser } }, async () => {
        throw new Error('database password is hunter2');
      });
      await app.ready();
      try {
        const cookie = `sp_session=${admin.cookie}`;
        const forgotten = await app.inject({
          method: 'GET',
          url: '/api/forgotten-policy',
          headers: { cookie },
        });
        expect(forgotten.statusCode).toBe(404);
        expect(forgotten.body).not.toContain('secret');
        const crash = await app.inject({ method: 'GET', url: '/api/crashes', headers: { cookie } });
        expect(crash.statusCode).toBe(500);
        expect(crash.json().code).toBe('INTERNAL_ERROR');
        expect(crash.body).not.toContain('hunter2');
        expect(crash.json().requestId).toBe(crash.headers['x-request-id']);
      } finally {
        await app.close();
      }
    },
  );
});
