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
import { cliLanguage, LANG_HELP, LANG_OPTION, say, withCommonOptions } from '../cli-options';
import { formatNumber } from '../../shared/money';

const format = (n: number) => formatNumber(Math.round(n), cliLanguage(), 0);

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
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
      `${String(Math.round(share * 100)).padStart(3)}%  ${p.file.padEnd(22)} ` +
      `${format(p.rows).padStart(12)} rows  ` +
      `${format(p.rows / Math.max(p.seconds, 0.001)).padStart(10)} rows/s`;
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
      'Load the enterprise register (KBO open data: full or update extract) with COPY; a full ' +
        'extract replaces the previous load',
    )
    .option(
      '--on-error <mode>',
      'a malformed line stops the import (nothing applied) or is skipped and reported: stop | skip',
      'stop',
    )
    .option('--quiet', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (location: string, options: { onError: string; quiet?: boolean; json?: boolean }) => {
      if (options.onError !== 'stop' && options.onError !== 'skip') {
        process.stderr.write(
          say('--on-error is "stop" of "skip".\n', '--on-error must be "stop" or "skip".\n'),
        );
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
            `${malformed === 1 ? '\n' : ''}${say('overgeslagen', 'skipped')} ${r.file}, ` +
              `${say('regel', 'line')} ${r.line}: ${r.reason}\n`,
          );
        else if (malformed === 101)
          process.stderr.write(
            say(
              '… verdere overgeslagen regels worden geteld, niet opgesomd.\n',
              '… further skipped lines are counted, not listed.\n',
            ),
          );
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
          const number = summary.extractNumber ? ` ${summary.extractNumber}` : '';
          const kind = summary.kind === 'full' ? say('volledig', 'full') : say('update', 'update');
          const date = summary.snapshotDate ? ` ${say('van', 'of')} ${summary.snapshotDate}` : '';
          process.stdout.write(
            say(
              `Ondernemingsregister: ${kind} extract${number}${date} geladen.\n`,
              `Enterprise register: ${kind} extract${number}${date} loaded.\n`,
            ),
          );
          for (const f of summary.files)
            process.stdout.write(
              `  ${f.file.padEnd(24)} ${format(f.rows).padStart(12)} ${say('rijen', 'rows')}` +
                (f.skipped
                  ? `, ${format(f.skipped)} ${say('foute regels overgeslagen', 'malformed lines skipped')}`
                  : '') +
                '\n',
            );
          process.stdout.write(
            say(
              `  ${format(summary.rowsLoaded)} rijen geladen, ${format(summary.rowsDeleted)} verwijderd, ` +
                `${format(summary.linesSkipped)} overgeslagen in ${summary.seconds.toFixed(1)} s ` +
                `(${format(summary.rowsPerSecond)} rijen/s).\n`,
              `  ${format(summary.rowsLoaded)} rows loaded, ${format(summary.rowsDeleted)} deleted, ` +
                `${format(summary.linesSkipped)} skipped in ${summary.seconds.toFixed(1)} s ` +
                `(${format(summary.rowsPerSecond)} rows/s).\n`,
            ),
          );
        }
      } catch (error) {
        if (error instanceof KboImportError || error instanceof KboSourceError) {
          if (options.json) printJson({ error: { code: 'KBO_IMPORT_STOPPED', message: error.message } });
          process.stderr.write(`\n${say('Import gestopt', 'Import stopped')}: ${error.message}\n`);
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
  withCommonOptions(
    kbo
      .command('generate <folder>')
      .description('Write invented register-format files of any size (tests and benchmarks)'),
  )
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
          json?: boolean;
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
        const zip = options.zip ? `${folder.replace(/\/+$/, '')}.zip` : null;
        if (zip)
          writeStoredZip(
            summary.files.map((f) => path.join(folder, f.file)),
            zip,
          );
        const seconds = (Date.now() - started) / 1000;
        if (options.json) {
          printJson({ ...summary, zip, seconds });
          return;
        }
        for (const f of summary.files)
          process.stdout.write(
            `  ${f.file.padEnd(24)} ${format(f.rows).padStart(12)} ${say('rijen', 'rows')} ` +
              `${format(f.bytes / 1e6).padStart(8)} MB\n`,
          );
        if (zip) process.stdout.write(`  ${zip} ${format(fs.statSync(zip).size / 1e6)} MB\n`);
        process.stdout.write(
          say(`Aangemaakt in ${seconds.toFixed(1)} s.\n`, `Generated in ${seconds.toFixed(1)} s.\n`),
        );
      },
    );
}
