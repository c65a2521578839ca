import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/database';
import { sql } from 'kysely';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-cli-'));

/** Runs the real CLI in a child process (asynchronously, so the test timeout still applies). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/speerpunt.mjs', ...args],
      {
        encoding: 'utf8',
        // English messages (the CLI follows the locale); the assertions below read them.
        env: { ...process.env, SPEERPUNT_DATA_DIR: dataDir, DATABASE_URL: '', LC_ALL: 'C.UTF-8' },
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('the speerpunt CLI on the embedded database', { timeout: 240_000 }, () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, loads the demo once, manages users and verifies the audit chain', async () => {
    expect(JSON.parse((await cli('migrate', '--json')).stdout).applied).toContain('20261127_0100_foundation');
    expect((await cli('demo', 'load')).stdout).toContain('demo accounts');
    expect((await cli('demo', 'load')).stdout).toContain('nothing loaded');
    const created = await cli(
      'user',
      'create',
      '--email',
      'script@speerpunt.example',
      '--password',
      'Bediende-wachtwoord-1',
      '--role',
      'manager',
      '--cluster',
      'Flux50',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'script@speerpunt.example', role: 'manager' });
    const weak = await cli(
      'user',
      'create',
      '--email',
      'x@speerpunt.example',
      '--password',
      'short',
      '--role',
      'expert',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('PASSWORD_TOO_WEAK');
    expect(
      (await cli('user', 'set-role', '--email', 'script@speerpunt.example', '--role', 'analyst')).stdout,
    ).toContain('is now analyst');
    expect(
      (
        await cli(
          'user',
          'reset-password',
          '--email',
          'script@speerpunt.example',
          '--password',
          'Nog-een-wachtwoord-2',
        )
      ).code,
    ).toBe(0);
    const users = JSON.parse((await cli('user', 'list', '--json')).stdout) as {
      email: string;
      role: string;
    }[];
    expect(users.find((u) => u.email === 'script@speerpunt.example')?.role).toBe('analyst');
    const verified = await cli('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('Audit chain intact');
  });

  it('reports a row altered by hand with exit code 2', async () => {
    const database = await openDatabase({ dataDir });
    await database.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update audit_events set actor_label = 'someone-else' where id = 2`.execute(tx);
    });
    await database.close();
    const verified = await cli('audit', 'verify', '--json');
    expect(verified.code).toBe(2);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, brokenAt: { id: 2 } });
  });

  it('says clearly that the server holds the embedded database', async () => {
    fs.writeFileSync(path.join(dataDir, 'speerpunt.pid'), String(process.pid));
    try {
      const result = await cli('user', 'list');
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('is the server running?');
      expect(result.stderr).toContain('draait de server?');
    } finally {
      fs.rmSync(path.join(dataDir, 'speerpunt.pid'));
    }
  });

  it('has --help on each command', async () => {
    const help = await cli('user', 'create', '--help');
    expect(help.stdout).toContain('--email <email>');
    expect((await cli('--help')).stdout).toMatch(/serve[\s\S]*migrate[\s\S]*audit/);
  });
});
