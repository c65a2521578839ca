import { AppError } from '../server/errors/app-error';
import { DataDirBusyError } from '../server/db/data-dir-lock';
import { textOf } from '../shared/text-of';
import { errorCatalogue } from '../server/errors/catalogue';
import { cliLanguage, say } from './cli-options';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(rows: Record<string, unknown>[]): void {
  if (rows.length === 0) {
    process.stdout.write(say('(geen rijen)\n', '(no rows)\n'));
    return;
  }
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => textOf(r[c]).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => textOf(row[c])))}\n`);
}

/**
 * Prints an error the way a person (or, with --json, a script) can act on, in the run's language
 * (--lang or the locale), and sets the exit code.
 */
export function reportCliError(error: unknown, json: boolean): void {
  const lang = cliLanguage();
  if (error instanceof AppError) {
    if (json) printJson({ error: { code: error.code, details: error.details } });
    process.stderr.write(`${error.code}: ${errorCatalogue[error.code][lang]}\n`);
    for (const d of error.details) process.stderr.write(`  - ${d.path}: ${d.message[lang]}\n`);
    process.exitCode = 1;
    return;
  }
  if (error instanceof DataDirBusyError) {
    if (json) printJson({ error: { code: 'DATA_DIR_BUSY', message: error.message } });
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 3;
    return;
  }
  const message = textOf(error);
  if (json) printJson({ error: { code: 'CLI_ERROR', message } });
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
