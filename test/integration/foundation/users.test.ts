import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, type TestApp, type TestClient } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { accountThrottleKey } from '../../../src/server/modules/auth/login';

describe('accounts and roles (admin)', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  const countUsers = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates an account with an argon2id hash and an audit row without secrets', async () => {
    const response = await admin.post('/api/users', {
      email: 'New.Officer@Speerpunt.example',
      name: 'Nieuwe Officer',
      role: 'officer',
      password: 'Een-sterk-wachtwoord-42',
    });
    expect(response.statusCode).toBe(201);
    const user = response.json().data;
    expect(user).toMatchObject({ email: 'new.officer@speerpunt.example', role: 'officer', isActive: true });
    const row = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'user.created')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('argon2');
    expect(audit.actor_label).toBe(demoEmail('admin'));
    expect((await t.login('new.officer@speerpunt.example', 'Een-sterk-wachtwoord-42')).userId).toBe(user.id);
  });

  it(
    'refuses a duplicate e-mail (any case), a weak password, a manager without a cluster; writes ' +
      'nothing',
    async () => {
      const before = await countUsers();
      const duplicate = await admin.post('/api/users', {
        email: demoEmail('expert').toUpperCase(),
        name: 'Dubbel',
        role: 'expert',
        password: 'Een-sterk-wachtwoord-42',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('EMAIL_TAKEN');
      const weak = await admin.post('/api/users', {
        email: 'weak@speerpunt.example',
        name: 'Zwak',
        role: 'expert',
        password: 'aaaaaaaaaaaaaaaa',
      });
      expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
      expect(weak.json().details.map((d: { code: string }) => d.code)).toContain('too_repetitive');
      const manager = await admin.post('/api/users', {
        email: 'm2@speerpunt.example',
        name: 'M',
        role: 'manager',
        password: 'Een-sterk-wachtwoord-42',
      });
      expect(manager.json().code).toBe('MANAGER_NEEDS_CLUSTER');
      const unknownCluster = await admin.post('/api/users', {
        email: 'm3@speerpunt.example',
        name: 'M',
        role: 'manager',
        password: 'Een-sterk-wachtwoord-42',
        clusterIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(unknownCluster.json().code).toBe('MANAGER_NEEDS_CLUSTER');
      expect(await countUsers()).toBe(before);
    },
  );

  it('changes a role: the user is signed out so the new rights apply at once', async () => {
    const analyst = await t.loginAs('analyst');
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .where('short_name', '=', 'VIL')
      .executeTakeFirstOrThrow();
    const changed = await admin.put(`/api/users/${analyst.userId}/role`, {
      role: 'manager',
      clusterIds: [cluster.id],
    });
    expect(changed.json().data).toMatchObject({ role: 'manager', clusterIds: [cluster.id] });
    expect((await analyst.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.login(demoEmail('analyst'), DEMO_PASSWORD);
    expect((await again.get('/api/auth/me')).json().data.user).toMatchObject({
      role: 'manager',
      clusterIds: [cluster.id],
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.role_changed')
      .where('entity_id', '=', analyst.userId)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ role: 'analyst' });
    expect(audit.after).toMatchObject({ role: 'manager' });
  });

  it('does not let an admin demote or deactivate themselves', async () => {
    expect((await admin.put(`/api/users/${admin.userId}/role`, { role: 'analyst' })).json().code).toBe(
      'CANNOT_CHANGE_OWN_ADMIN',
    );
    expect((await admin.put(`/api/users/${admin.userId}/active`, { isActive: false })).json().code).toBe(
      'CANNOT_CHANGE_OWN_ADMIN',
    );
  });

  it('deactivates and reactivates; resets a password and lifts the login delay', async () => {
    const applicant = await t.loginAs('applicant');
    expect(
      (await admin.put(`/api/users/${applicant.userId}/active`, { isActive: false })).json().data.isActive,
    ).toBe(false);
    expect(
      (
        await t.anonymous.post('/api/auth/login', { email: demoEmail('applicant'), password: DEMO_PASSWORD })
      ).json().code,
    ).toBe('INVALID_CREDENTIALS');
    await admin.put(`/api/users/${applicant.userId}/active`, { isActive: true });
    // The account is under a running login delay (many failures, the next attempt a while ahead).
    const key = accountThrottleKey(demoEmail('applicant'));
    await t.database.db
      .insertInto('login_throttle')
      .values({
        key,
        window_start: new Date(),
        attempts: 0,
        failures: 20,
        next_attempt_at: new Date(Date.now() + 60_000),
        last_refused: false,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ failures: 20, next_attempt_at: new Date(Date.now() + 60_000) }),
      )
      .execute();
    expect(
      (await t.anonymous.post('/api/auth/login', { email: demoEmail('applicant'), password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(429);
    expect(
      (await admin.post(`/api/users/${applicant.userId}/password`, { password: 'Nieuw-wachtwoord-2026' }))
        .statusCode,
    ).toBe(204);
    expect((await t.login(demoEmail('applicant'), 'Nieuw-wachtwoord-2026')).userId).toBe(applicant.userId);
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/users/${missing}`)).json().code).toBe('NOT_FOUND');
    expect((await admin.put(`/api/users/${missing}/role`, { role: 'expert' })).statusCode).toBe(404);
  });

  it('exports the accounts as a real XLSX download', async () => {
    const response = await admin.get('/api/users.xlsx');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="speerpunt-accounts.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Accounts')!;
    const emails = sheet.getColumn(1).values.slice(2);
    expect(emails).toContain(demoEmail('expert'));
    expect(sheet.rowCount - 1).toBe(await countUsers());
  });
});
