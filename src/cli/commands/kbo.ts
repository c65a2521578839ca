import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openCliDatabase } from '../open-database';
import { systemActor } from '../../server/http/actor';
import {
  importKbo,
  KboImportError,
  type KboProgress,
  type MalformedReport,
} from '../../server/modules/kbo/import-kbo';
import { openPgliteSession, openPostgresSession } from '../../server/modules/kbo/kbo-bulk';
import { KboSourceError } from '../../server/modules/kbo/kbo-source';
import { generateKbo } from '../../server/modules/kbo/generate-kbo';
import { writeStoredZip } from '../../server/modules/kbo/stored-zip';
import { printJson } from '../output';

const format = (n: number) => new Intl.NumberFormat('en-US').format(Math.round(n));

/** A one-line progress bar on stderr (redrawn in a terminal, a line every few seconds otherwise). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let last = 0;
  return (p: KboProgress) => {
    const now = Date.now();
    const interactive = stream.isTTY === true;
    if (now - last < (interactive ? 200 : 5000) && p.bytesDone < p.bytesTotal) return;
    last = now;
    const share = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${p.file.padEnd(22)} ${format(p.rows).padStart(12)} rows  ${format(p.rows / Math.max(p.seconds, 0.001)).padStart(10)} rows/s`;
    stream.write(interactive ? `\r${line}` : `${line}\n`);
  };
}

export function registerKbo(program: Command): void {
  const importCommand =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Import open data into the platform');
  importCommand
    .command('kbo <folder-or-zip>')
    .description(
      'Load the enterprise register (KBO open data: full or update extract) with COPY; a full extract replaces the previous load',
    )
    .option(
      '--on-error <mode>',
      'a malformed line stops the import (nothing applied) or is skipped and reported: stop | skip',
      'stop',
    )
    .option('--quiet', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(async (location: string, options: { onError: string; quiet?: boolean; json?: boolean }) => {
      if (options.onError !== 'stop' && options.onError !== 'skip') {
        process.stderr.write('--on-error must be "stop" or "skip".\n');
        process.exitCode = 1;
        return;
      }
      const database = await openCliDatabase();
      const session =
        database.kind === 'postgres' && database.config.databaseUrl
          ? await openPostgresSession(database.config.databaseUrl)
          : await openPgliteSession(database.pglite as NonNullable<typeof database.pglite>);
      let malformed = 0;
      const onMalformed = (r: MalformedReport) => {
        malformed++;
        if (malformed <= 100)
          process.stderr.write(
            `${malformed === 1 ? '\n' : ''}skipped ${r.file}, line ${r.line}: ${r.reason}\n`,
          );
        else if (malformed === 101)
          process.stderr.write('… further skipped lines are counted, not listed.\n');
      };
      try {
        const summary = await importKbo({
          source: location,
          onError: options.onError,
          session,
          auditActor: systemActor('cli'),
          onProgress: options.quiet ? undefined : progressPrinter(),
          onMalformed,
          maxRecordChars: database.config.importMaxRecordChars,
          maxUncompressedBytes: database.config.kboMaxUncompressedBytes,
        });
        if (!options.quiet && process.stderr.isTTY) process.stderr.write('\n');
        if (options.json) printJson(summary);
        else {
          process.stdout.write(
            `Enterprise register: ${summary.kind} extract${summary.extractNumber ? ` ${summary.extractNumber}` : ''}${summary.snapshotDate ? ` of ${summary.snapshotDate}` : ''} loaded.\n`,
          );
          for (const f of summary.files)
            process.stdout.write(
              `  ${f.file.padEnd(24)} ${format(f.rows).padStart(12)} rows${f.skipped ? `, ${format(f.skipped)} malformed lines skipped` : ''}\n`,
            );
          process.stdout.write(
            `  ${format(summary.rowsLoaded)} rows loaded, ${format(summary.rowsDeleted)} deleted, ${format(summary.linesSkipped)} skipped in ${summary.seconds.toFixed(1)} s (${format(summary.rowsPerSecond)} rows/s).\n`,
          );
        }
      } catch (error) {
        if (error instanceof KboImportError || error instanceof KboSourceError) {
          process.stderr.write(`\nImport stopped: ${error.message}\n`);
          process.exitCode = 2;
        } else throw error;
      } finally {
        await session.close();
        await database.close();
      }
    });

  const kbo =
    program.commands.find((c) => c.name() === 'kbo') ??
    program.command('kbo').description('Enterprise register (KBO) tools');
  kbo
    .command('generate <folder>')
    .description('Write invented register-format files of any size (tests and benchmarks)')
    .option('--enterprises <n>', 'number of enterprises', '10000')
    .option('--update', 'write an update extract (*_delete.csv and *_insert.csv)')
    .option('--offset <n>', 'first enterprise serial (update extracts)', '0')
    .option('--malformed <n>', 'deliberately malformed lines in activity.csv', '0')
    .option('--seed <n>', 'random seed', '2050')
    .option('--zip', 'also write <folder>.zip (stored; reads each file whole, for small sets)')
    .action(
      async (
        folder: string,
        options: {
          enterprises: string;
          update?: boolean;
          offset: string;
          malformed: string;
          seed: string;
          zip?: boolean;
        },
      ) => {
        const started = Date.now();
        const summary = await generateKbo({
          folder,
          enterprises: Number(options.enterprises),
          kind: options.update ? 'update' : 'full',
          offset: Number(options.offset),
          malformed: Number(options.malformed),
          seed: Number(options.seed),
        });
        for (const f of summary.files)
          process.stdout.write(
            `  ${f.file.padEnd(24)} ${format(f.rows).padStart(12)} rows ${format(f.bytes / 1e6).padStart(8)} MB\n`,
          );
        if (options.zip) {
          const target = `${folder.replace(/\/+$/, '')}.zip`;
          writeStoredZip(
            summary.files.map((f) => path.join(folder, f.file)),
            target,
          );
          process.stdout.write(`  ${target} ${format(fs.statSync(target).size / 1e6)} MB\n`);
        }
        process.stdout.write(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      },
    );
}
