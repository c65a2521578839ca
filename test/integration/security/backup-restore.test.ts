import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import { buildApp } from '../../../src/server/app';
import { openDatabase } from '../../../src/server/db/database';
import { verifyAuditChain } from '../../../src/server/audit/verify-audit-chain';
import { restoreEmbedded } from '../../../src/cli/commands/backup';
import { createTestDatabase } from '../../helpers/test-database';
import { clientFor } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { enterpriseNumberFrom } from '../../../src/shared/enterprise-number';
import type { Database } from '../../../src/server/db/database';
import type { FastifyInstance } from 'fastify';

const embedded = !process.env.TEST_DATABASE_URL;

describe.skipIf(!embedded)('backup while the server serves, restore into an empty directory', () => {
  let database: Database;
  let app: FastifyInstance;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-backup-'));

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    const pglite = database.pglite;
    if (!pglite) throw new Error('embedded database expected');
    app = await buildApp({
      db: database.db,
      config: { ...loadConfig({}), webDistDir: '/nonexistent' },
      dumpDatabase: () => pglite.dumpDataDir('gzip'),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function login(email: string) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    return clientFor(app, response.cookies[0]?.value ?? null, response.json().data.csrfToken);
  }

  it('keeps every write acknowledged before the backup, and the audit chain verifies', async () => {
    const officer = await login('officer@speerpunt.example');
    const admin = await login('admin@speerpunt.example');
    const acknowledged: string[] = [];
    let backupStarted = Number.POSITIVE_INFINITY;
    const writes = Array.from({ length: 40 }, async (_, i) => {
      const name = `Backup-last ${i} (voorbeeld)`;
      const response = await officer.post('/api/organisations', {
        name,
        helix: 'company',
        enterpriseNumber: enterpriseNumberFrom(4_900_000 + i),
      });
      if (response.statusCode === 201 && Date.now() < backupStarted) acknowledged.push(name);
    });
    // The backup is taken while the writes are still coming in.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const acknowledgedBefore = [...acknowledged];
    backupStarted = Date.now();
    const backup = await admin.post('/api/admin/backup');
    expect(backup.statusCode).toBe(200);
    await Promise.all(writes);
    const file = path.join(folder, 'speerpunt.tar.gz');
    fs.writeFileSync(file, backup.rawPayload);

    const target = path.join(folder, 'restored');
    await restoreEmbedded(file, target);
    await expect(restoreEmbedded(file, target)).rejects.toThrow(/not empty/);
    const restored = await openDatabase({ dataDir: target });
    try {
      const names = new Set(
        (await restored.db.selectFrom('organisations').select('name').execute()).map((row) => row.name),
      );
      for (const name of acknowledgedBefore) expect(names.has(name)).toBe(true);
      expect((await verifyAuditChain(restored.db)).ok).toBe(true);
      const audit = await restored.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'database.backup')
        .execute();
      expect(audit).toHaveLength(1);
    } finally {
      await restored.close();
    }
    expect(acknowledgedBefore.length).toBeGreaterThan(0);
  }, 120_000);
});
