import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('API tokens: revoked with the password, always expiring, never minting more', () => {
  let t: TestApp;
  let now = new Date('2026-11-27T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
  });
  afterAll(() => t.close());

  async function mint(client: TestClient, body: Record<string, unknown>) {
    const response = await client.post('/api/auth/tokens', body);
    expect(response.statusCode).toBe(201);
    return response.json().data as { id: string; secret: string; expiresAt: string | null };
  }
  const works = async (secret: string) =>
    (await t.anonymous.request('GET', '/api/auth/me', undefined, bearer(secret))).statusCode === 200;

  it('revokes every token when the owner changes the password', async () => {
    const manager = await t.loginAs('manager');
    const token = await mint(manager, { name: 'script', scope: 'write' });
    expect(await works(token.secret)).toBe(true);
    const changed = await manager.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Een-veel-beter-wachtwoord-7',
    });
    expect(changed.statusCode).toBe(204);
    expect(await works(token.secret)).toBe(false);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'user.password_changed')
      .executeTakeFirstOrThrow();
    expect(event.after).toMatchObject({ revokedTokens: 1 });
  });

  it('revokes every token on an admin reset', async () => {
    const applicant = await t.loginAs('applicant');
    const token = await mint(applicant, { name: 'script', scope: 'read' });
    const admin = await t.loginAs('admin');
    const reset = await admin.post(`/api/users/${applicant.userId}/password`, {
      password: 'Nieuw-en-lang-wachtwoord-9',
    });
    expect(reset.statusCode).toBe(204);
    expect(await works(token.secret)).toBe(false);
  });

  it('gives every token an expiry, at most the configured maximum', async () => {
    const officer = await t.loginAs('officer');
    const defaulted = await mint(officer, { name: 'default', scope: 'read' });
    expect(defaulted.expiresAt).toBe(
      new Date(now.getTime() + t.config.apiTokenMaxDays * 86_400_000).toISOString(),
    );
    const tooLong = await officer.post('/api/auth/tokens', {
      name: 'long',
      scope: 'read',
      expiresInDays: t.config.apiTokenMaxDays + 1,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().details[0]).toMatchObject({ path: 'expiresInDays', code: 'too_big' });
    now = new Date(now.getTime() + (t.config.apiTokenMaxDays + 1) * 86_400_000);
    expect(await works(defaulted.secret)).toBe(false);
  });

  it('lets a token mint only tokens of its own scope that die no later than itself', async () => {
    const officer = await t.loginAs('officer');
    const parent = await mint(officer, { name: 'parent', scope: 'write', expiresInDays: 10 });
    const longer = await t.anonymous.request(
      'POST',
      '/api/auth/tokens',
      { name: 'child', scope: 'write', expiresInDays: 30 },
      bearer(parent.secret),
    );
    expect(longer.statusCode).toBe(400);
    expect(longer.json().details[0].code).toBe('outlives_token');
    const unspecified = await t.anonymous.request(
      'POST',
      '/api/auth/tokens',
      { name: 'child', scope: 'read' },
      bearer(parent.secret),
    );
    expect(unspecified.statusCode).toBe(201);
    expect(unspecified.json().data.expiresAt).toBe(parent.expiresAt);
    const readChild = unspecified.json().data.secret as string;
    const fromRead = await t.anonymous.request(
      'POST',
      '/api/auth/tokens',
      { name: 'grandchild', scope: 'write', expiresInDays: 1 },
      bearer(readChild),
    );
    expect(fromRead.statusCode).toBe(403);
    expect(fromRead.json().code).toBe('TOKEN_SCOPE_INSUFFICIENT');
  });

  it("writes a token's last use at most once a minute, like a session", async () => {
    const officer = await t.loginAs('officer');
    const token = await mint(officer, { name: 'busy integration', scope: 'read', expiresInDays: 5 });
    const lastUsed = async () => {
      const row = await t.database.db
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('id', '=', token.id)
        .executeTakeFirstOrThrow();
      return row.last_used_at === null ? null : new Date(row.last_used_at).toISOString();
    };
    expect(await lastUsed()).toBeNull();
    const start = now;
    expect(await works(token.secret)).toBe(true);
    expect(await lastUsed()).toBe(start.toISOString());
    // Many requests within the minute: the first use stays, nothing is written.
    for (const seconds of [1, 20, 59]) {
      now = new Date(start.getTime() + seconds * 1000);
      expect(await works(token.secret)).toBe(true);
      expect(await lastUsed()).toBe(start.toISOString());
    }
    // A minute after the last write, the next request writes again.
    now = new Date(start.getTime() + 60_000);
    expect(await works(token.secret)).toBe(true);
    expect(await lastUsed()).toBe(now.toISOString());
    const written = now;
    now = new Date(written.getTime() + 30_000);
    expect(await works(token.secret)).toBe(true);
    expect(await lastUsed()).toBe(written.toISOString());
  });
});
