import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { writeAuditCheckpoint } from '../../../src/server/audit/audit-checkpoint';
import { verifyAuditChain } from '../../../src/server/audit/verify-audit-chain';

describe('audit tail: checkpoints detect rows removed from the end of the chain', () => {
  let t: TestApp;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-audit-tail-'));
  const file = path.join(folder, 'checkpoints.jsonl');

  beforeAll(async () => {
    t = await createTestApp({ config: { auditCheckpointFile: file } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** What a superuser can do: switch the append-only trigger off and delete the newest events. */
  async function removeNewestEvents(count: number, alsoCheckpoints = false) {
    await t.database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      const head = await tx
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirstOrThrow();
      await tx
        .deleteFrom('audit_events')
        .where('id', '>', Number(head.max) - count)
        .execute();
      if (alsoCheckpoints) await tx.deleteFrom('audit_checkpoints').execute();
    });
  }

  it('a checkpoint is written to the table, the file and the log; the chain verifies against it', async () => {
    const admin = await t.loginAs('admin');
    await t.loginAs('officer');
    const logged: unknown[] = [];
    const checkpoint = await writeAuditCheckpoint(t.database.db, new Date(), {
      file,
      log: { info: (object) => logged.push(object) },
    });
    expect(checkpoint?.eventCount).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(logged).toHaveLength(1);
    const verify = await admin.get('/api/audit/verify');
    expect(verify.json().data).toMatchObject({ ok: true, checked: checkpoint?.eventCount });
  });

  it('finds the newest rows removed (trigger disabled), through the API and the verifier', async () => {
    const admin = await t.loginAs('admin');
    await writeAuditCheckpoint(t.database.db, new Date(), { file });
    await removeNewestEvents(2);
    // The rest of the chain is intact in itself; only the checkpoint tells.
    const verify = await admin.get('/api/audit/verify');
    expect(verify.json().data.ok).toBe(false);
    expect(verify.json().data.brokenAt.reason).toMatch(/removed from the end/);
    expect(verify.json().data.brokenAt.kind).toBe('rows_removed_from_end');
  });

  it('still finds it when the checkpoint table was emptied too, from the file', async () => {
    await removeNewestEvents(1, true);
    const withFile = await verifyAuditChain(t.database.db, { checkpointFile: file });
    expect(withFile.ok).toBe(false);
    const withoutFile = await verifyAuditChain(t.database.db);
    expect(withoutFile.ok).toBe(true);
  });
});
