import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/server/audit/verify-audit-chain';
import { createTestApp, type TestApp } from '../../helpers/test-app';

describe('the append-only, hash-chained audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('verifies after the demo load', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(5);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(
      sql`update audit_events set action = 'x' where id = 1`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_events`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('keeps one chain under concurrent writes', async () => {
    const officer = await t.loginAs('officer');
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        officer.post('/api/auth/tokens', { name: `t${i}`, scope: 'read' }),
      ),
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    const admin = await t.loginAs('admin');
    const api = (await admin.get('/api/audit/verify')).json().data;
    expect(api.ok).toBe(true);
  });

  it('reports the first broken link after a row is altered by hand', async () => {
    // Only a database superuser can bypass the trigger, as someone tampering would have to.
    await t.database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update audit_events set after = '{"tampered":true}'::jsonb where id = 3`.execute(tx);
    });
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toEqual({
      id: 3,
      kind: 'hash_mismatch',
      reason: 'content does not match its hash',
    });
  });
});
