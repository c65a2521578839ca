import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/database';
import { verifyPassword } from '../../../src/server/modules/auth/secrets';
import { cliLanguage } from '../../../src/cli/cli-options';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-cli-options-'));
const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, with an English locale unless the test gives another. */
function cli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/speerpunt.mjs', ...args],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          SPEERPUNT_DATA_DIR: dataDir,
          DATABASE_URL: '',
          LC_ALL: '',
          LC_MESSAGES: '',
          LANG: 'en_GB.UTF-8',
          SPEERPUNT_PASSWORD: '',
          ...options.env,
        },
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}

async function passwordHashOf(email: string): Promise<string> {
  const database = await openDatabase({ dataDir });
  try {
    const row = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return row.password_hash ?? '';
  } finally {
    await database.close();
  }
}

describe(
  'CLI: version, passwords without arguments, --json everywhere, one language per run',
  { timeout: 300_000 },
  () => {
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('the language comes from --lang, else from the locale', () => {
      expect(cliLanguage(['node', 'x', 'user', 'list', '--lang', 'nl'], {})).toBe('nl');
      expect(cliLanguage(['node', 'x', '--lang=en'], { LANG: 'nl_BE.UTF-8' })).toBe('en');
      expect(cliLanguage(['node', 'x'], { LANG: 'nl_BE.UTF-8' })).toBe('nl');
      expect(cliLanguage(['node', 'x'], { LC_ALL: 'nl_NL.UTF-8', LANG: 'en_US.UTF-8' })).toBe('nl');
      expect(cliLanguage(['node', 'x'], { LANG: 'C.UTF-8' })).toBe('en');
    });

    it('--version prints the package version', async () => {
      const run = await cli(['--version']);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(version);
    });

    it('passwords from stdin, the environment or (discouraged, with a warning) an argument', async () => {
      expect((await cli(['migrate', '--json'])).code).toBe(0);
      const fromStdin = await cli(
        [
          'user',
          'create',
          '--email',
          'lezer@speerpunt.example',
          '--role',
          'analyst',
          '--password-stdin',
          '--json',
        ],
        { stdin: 'Stdin-wachtwoord-2026\n' },
      );
      expect(fromStdin.code).toBe(0);
      expect(JSON.parse(fromStdin.stdout).email).toBe('lezer@speerpunt.example');
      expect(fromStdin.stderr).toBe('');
      expect(
        await verifyPassword(await passwordHashOf('lezer@speerpunt.example'), 'Stdin-wachtwoord-2026'),
      ).toBe(true);

      const fromEnvironment = await cli(
        ['user', 'reset-password', '--email', 'lezer@speerpunt.example', '--lang', 'nl'],
        {
          env: { SPEERPUNT_PASSWORD: 'Omgeving-wachtwoord-2026' },
        },
      );
      expect(fromEnvironment.code).toBe(0);
      expect(fromEnvironment.stdout).toBe('Wachtwoord opnieuw ingesteld.\n');
      expect(
        await verifyPassword(await passwordHashOf('lezer@speerpunt.example'), 'Omgeving-wachtwoord-2026'),
      ).toBe(true);

      const asArgument = await cli([
        'user',
        'create',
        '--email',
        'tweede@speerpunt.example',
        '--role',
        'analyst',
        '--password',
        'Argument-wachtwoord-2026',
      ]);
      expect(asArgument.code).toBe(0);
      expect(asArgument.stderr).toContain('visible in ps');
      expect(asArgument.stdout).toBe('Created tweede@speerpunt.example (analyst).\n');

      // No password at all (stdin is not a terminal): refused, in the locale's language.
      const missing = await cli(
        ['user', 'create', '--email', 'none@speerpunt.example', '--role', 'analyst'],
        {
          env: { LANG: 'nl_BE.UTF-8' },
        },
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('Geen wachtwoord');
    });

    it('--json on the commands that printed only text, and messages in one language', async () => {
      const sqlKeys = await cli(['kpis', 'sql', '--json']);
      expect(sqlKeys.code).toBe(0);
      expect(JSON.parse(sqlKeys.stdout).length).toBeGreaterThan(3);

      const closed = await cli(['calls', 'close-expired', '--json']);
      expect(JSON.parse(closed.stdout)).toEqual({ closed: 0 });
      const closedNl = await cli(['calls', 'close-expired', '--lang', 'nl']);
      expect(closedNl.stdout).toBe('0 oproepen gesloten.\n');

      const unknownRole = await cli([
        'user',
        'set-role',
        '--email',
        'x@speerpunt.example',
        '--role',
        'boss',
        '--json',
      ]);
      expect(unknownRole.code).toBe(1);
      expect(JSON.parse(unknownRole.stdout).error.code).toBeDefined();

      const file = path.join(dataDir, 'steun.xlsx');
      const exported = await cli(['funding', 'aid-export', file, '--json', '--lang', 'en']);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toEqual({ file, rows: 0 });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('State aid');
      expect(sheet.getRow(1).getCell(1).value).toBe('Organisation');
      expect(sheet.getRow(1).values).toContain('Amount (€)');
    });
  },
);
