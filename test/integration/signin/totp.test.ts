import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { sql } from 'kysely';
import { createTestApp, demoEmail, TEST_TOTP_KEY, type TestApp } from '../../helpers/test-app';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { openTotpSecret } from '../../../src/server/modules/auth/totp-secret-box';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';

let now = new Date('2026-12-01T09:00:00Z');
const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
const nextStep = () => {
  now = new Date(now.getTime() + 30_000);
};

async function actionsOf(t: TestApp, userId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', userId)
    .where('action', 'like', 'auth.%')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('second factor (TOTP) for local accounts', () => {
  let t: TestApp;
  let secret = '';
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now, config: { requireTotpFor: ['admin'] } });
  });
  afterAll(() => t?.close());

  it('enrols an officer with a QR code, refuses a wrong confirmation and returns ten recovery codes', async () => {
    const officer = await t.loginAs('officer');
    expect((await officer.get('/api/auth/totp')).json().data).toMatchObject({
      enrolled: false,
      required: false,
    });
    const started = await officer.post('/api/auth/totp/enrolment');
    expect(started.statusCode).toBe(201);
    secret = started.json().data.secret;
    expect(started.json().data.uri).toContain('otpauth://totp/');
    expect(started.json().data.qrSvg).toContain('<svg');
    const wrong = await officer.post('/api/auth/totp/enrolment/confirm', { code: '000000' });
    expect(wrong.json().code).toBe('TOTP_CODE_INVALID');
    const confirmed = await officer.post('/api/auth/totp/enrolment/confirm', { code: await codeFor(secret) });
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json().data.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    // The secret is sealed at rest: the column never holds the base32 text.
    const sealed = await t.database.db
      .selectFrom('user_totp')
      .select('secret')
      .where('user_id', '=', officer.userId!)
      .executeTakeFirstOrThrow();
    expect(sealed.secret).toMatch(/^v1\./);
    expect(sealed.secret).not.toContain(secret);
    const stored = await t.database.db
      .selectFrom('user_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', officer.userId!)
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.every((row) => row.code_hash.startsWith('$argon2id$'))).toBe(true);
    expect(stored.some((row) => recoveryCodes.includes(row.code_hash))).toBe(false);
    expect((await officer.get('/api/auth/totp')).json().data).toMatchObject({
      enrolled: true,
      recoveryCodesLeft: 10,
    });
    expect(await actionsOf(t, officer.userId!)).toEqual(
      expect.arrayContaining(['auth.totp_enrolment_started', 'auth.totp_enrolled']),
    );
  });

  it('asks for the code after the password, refuses a used code and accepts the next one', async () => {
    nextStep();
    const pending = await t.loginAs('officer');
    expect((await pending.get('/api/auth/me')).json().data.signInStage).toBe('second_factor');
    const blocked = await pending.get('/api/calls');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('SECOND_FACTOR_REQUIRED');
    const code = await codeFor(secret);
    expect((await pending.post('/api/auth/totp/verify', { code })).statusCode).toBe(204);
    expect((await pending.get('/api/auth/me')).json().data.signInStage).toBe('complete');
    expect((await pending.get('/api/calls')).statusCode).toBe(200);
    // The same code again, in another sign-in within its step: refused (no replay).
    const again = await t.loginAs('officer');
    expect((await again.post('/api/auth/totp/verify', { code })).json().code).toBe('TOTP_CODE_INVALID');
    nextStep();
    expect((await again.post('/api/auth/totp/verify', { code: await codeFor(secret) })).statusCode).toBe(204);
    const actions = await actionsOf(t, pending.userId!);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_accepted', 'auth.second_factor_failed']));
  });

  it('accepts a recovery code once', async () => {
    nextStep();
    const first = await t.loginAs('officer');
    expect(
      (await first.post('/api/auth/totp/verify', { code: recoveryCodes[0]!.toUpperCase() })).statusCode,
    ).toBe(204);
    const second = await t.loginAs('officer');
    const reused = await second.post('/api/auth/totp/verify', { code: recoveryCodes[0] });
    expect(reused.json().code).toBe('TOTP_CODE_INVALID');
    expect((await first.get('/api/auth/totp')).json().data.recoveryCodesLeft).toBe(9);
  });

  it('throttles wrong codes like passwords: after the free failures even a right code waits', async () => {
    nextStep();
    // A successful second factor first, so earlier tests' failures are forgotten.
    await (await t.loginAs('officer')).post('/api/auth/totp/verify', { code: await codeFor(secret) });
    nextStep();
    const client = await t.loginAs('officer');
    const statuses: number[] = [];
    for (let i = 0; i < t.config.loginMaxFailures; i += 1)
      statuses.push((await client.post('/api/auth/totp/verify', { code: '123456' })).statusCode);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const throttled = await client.post('/api/auth/totp/verify', { code: await codeFor(secret) });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('RATE_LIMITED');
    now = new Date(now.getTime() + 120_000);
    expect((await client.post('/api/auth/totp/verify', { code: await codeFor(secret) })).statusCode).toBe(
      204,
    );
  });

  it('sends an admin without a second factor to enrol before anything else, and keeps it on', async () => {
    nextStep();
    const admin = await t.loginAs('admin');
    expect((await admin.get('/api/auth/me')).json().data.signInStage).toBe('enrolment');
    const blocked = await admin.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await admin.get('/api/auth/totp')).json().data.required).toBe(true);
    const adminSecret = (await admin.post('/api/auth/totp/enrolment')).json().data.secret as string;
    const confirmed = await admin.post('/api/auth/totp/enrolment/confirm', {
      code: await codeFor(adminSecret),
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await admin.get('/api/users')).statusCode).toBe(200);
    nextStep();
    const off = await admin.post('/api/auth/totp/disable', { code: await codeFor(adminSecret) });
    expect(off.json().code).toBe('TOTP_REQUIRED_FOR_ROLE');
  });

  it('lets an officer switch the second factor off with a current code', async () => {
    nextStep();
    const client = await t.loginAs('officer');
    await client.post('/api/auth/totp/verify', { code: await codeFor(secret) });
    nextStep();
    expect((await client.post('/api/auth/totp/disable', { code: await codeFor(secret) })).statusCode).toBe(
      204,
    );
    expect((await t.loginAs('officer').then((c) => c.get('/api/auth/me'))).json().data.signInStage).toBe(
      'complete',
    );
    expect(await actionsOf(t, client.userId!)).toContain('auth.totp_disabled');
  });
});

describe('one code, twenty concurrent sign-ins', () => {
  let t: TestApp;
  let secret = '';
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    const officer = await t.loginAs('officer');
    secret = (await officer.post('/api/auth/totp/enrolment')).json().data.secret as string;
    const confirmed = await officer.post('/api/auth/totp/enrolment/confirm', { code: await codeFor(secret) });
    recoveryCodes = confirmed.json().data.recoveryCodes;
  });
  afterAll(() => t?.close());

  /** Twenty sessions waiting for their second factor, then the same code for all at once. */
  async function race(code: () => Promise<string>) {
    const sessions = [];
    for (let i = 0; i < 20; i += 1) sessions.push(await t.loginAs('officer'));
    // Past the address window of the logins, so only the second-factor throttle speaks.
    now = new Date(now.getTime() + 11 * 60_000);
    const value = await code();
    const responses = await Promise.all(
      sessions.map((s) => s.post('/api/auth/totp/verify', { code: value })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.every((s) => s === 204 || s === 400 || s === 429)).toBe(true);
    const stages = await Promise.all(sessions.map(async (s) => (await s.get('/api/auth/me')).json().data));
    expect(stages.filter((me) => me.signInStage === 'complete')).toHaveLength(1);
    // Let the throttle forget the losers before the next race.
    now = new Date(now.getTime() + 2 * 60 * 60_000);
  }

  it('lets exactly one of twenty parallel uses of one recovery code through', async () => {
    await race(async () => recoveryCodes[0]!);
    const used = await t.database.db
      .selectFrom('user_recovery_codes')
      .select('used_at')
      .where('used_at', 'is not', null)
      .execute();
    expect(used).toHaveLength(1);
  });

  it('lets exactly one of twenty parallel uses of one app code through', async () => {
    await race(() => codeFor(secret));
  });
});

describe('an app code and a recovery code sent at once for one sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
  });
  afterAll(() => t?.close());

  it('completes the session once: one answer 204, the other NOT_FOUND, one auth.login', async () => {
    const officer = await t.loginAs('officer');
    const secret = (await officer.post('/api/auth/totp/enrolment')).json().data.secret as string;
    const confirmed = await officer.post('/api/auth/totp/enrolment/confirm', { code: await codeFor(secret) });
    const recoveryCodes = confirmed.json().data.recoveryCodes as string[];
    nextStep();
    const pending = await t.loginAs('officer');
    const logins = async () =>
      (await actionsOf(t, pending.userId!)).filter((action) => action === 'auth.login').length;
    const loginsBefore = await logins();
    const appCode = await codeFor(secret);
    const responses = await Promise.all([
      pending.post('/api/auth/totp/verify', { code: appCode }),
      pending.post('/api/auth/totp/verify', { code: recoveryCodes[0] }),
    ]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([204, 404]);
    expect(responses.find((r) => r.statusCode === 404)?.json().code).toBe('NOT_FOUND');
    expect(await logins()).toBe(loginsBefore + 1);
    expect((await pending.get('/api/auth/me')).json().data.signInStage).toBe('complete');
    // The loser's code was not used up: its transaction rolled back.
    const recoveryWon = responses[1]!.statusCode === 204;
    expect((await pending.get('/api/auth/totp')).json().data.recoveryCodesLeft).toBe(recoveryWon ? 9 : 10);
  });
});

describe('TOTP secrets stored before encryption', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
  });
  afterAll(() => t?.close());

  it('are sealed by the migration with the configured key, and sign-in still works', async () => {
    nextStep();
    const officer = await t.loginAs('officer');
    const secret = (await officer.post('/api/auth/totp/enrolment')).json().data.secret as string;
    await officer.post('/api/auth/totp/enrolment/confirm', { code: await codeFor(secret) });
    const db = t.database.db;
    // The database as it was before the migration: the base32 secret in plain text.
    await sql`alter table user_totp drop constraint user_totp_secret_sealed`.execute(db);
    await db.updateTable('user_totp').set({ secret }).where('user_id', '=', officer.userId!).execute();
    await sql`delete from kysely_migration where name = '20261201_0700_totp_secret_encryption'`.execute(db);
    // Without a key the migration refuses and changes nothing.
    await expect(migrateToLatest(db)).rejects.toThrow(/TOTP key/);
    const stored = () =>
      db
        .selectFrom('user_totp')
        .select('secret')
        .where('user_id', '=', officer.userId!)
        .executeTakeFirstOrThrow();
    expect((await stored()).secret).toBe(secret);
    expect((await migrateToLatest(db, { totpKey: () => TEST_TOTP_KEY })).applied).toEqual([
      '20261201_0700_totp_secret_encryption',
    ]);
    expect((await stored()).secret).toMatch(/^v1\./);
    expect((await stored()).secret).not.toContain(secret);
    // Plain text cannot come back.
    await expect(
      db.updateTable('user_totp').set({ secret }).where('user_id', '=', officer.userId!).execute(),
    ).rejects.toThrow(/user_totp_secret_sealed/);
    nextStep();
    const pending = await t.loginAs('officer');
    expect((await pending.post('/api/auth/totp/verify', { code: await codeFor(secret) })).statusCode).toBe(
      204,
    );
    // Another key, or the sealed value moved to another account, does not open it.
    const sealed = (await stored()).secret;
    expect(() => openTotpSecret(Buffer.alloc(32, 9), officer.userId!, sealed)).toThrow(/does not open/);
    expect(() =>
      openTotpSecret(
        TEST_TOTP_KEY,
        pending.userId!.replace(/.$/, (last) => (last === '0' ? '1' : '0')),
        sealed,
      ),
    ).toThrow();
    expect(openTotpSecret(TEST_TOTP_KEY, officer.userId!, sealed)).toBe(secret);
  });
});

describe('local passwords switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { localLogin: false } });
  });
  afterAll(() => t?.close());

  it('refuses a password sign-in with LOCAL_LOGIN_DISABLED', async () => {
    const response = await t.anonymous.post('/api/auth/login', {
      email: demoEmail('officer'),
      password: DEMO_PASSWORD,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('LOCAL_LOGIN_DISABLED');
  });
});
