import { StringDecoder } from 'node:string_decoder';
import { sql } from 'kysely';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import {
  KBO_FILES,
  KBO_INDEXES,
  KboCsvParser,
  KboRecordTooLongError,
  KBO_MAX_RECORD_CHARS,
  MalformedLine,
  deleteKey,
  toCopyLine,
  type KboFileSpec,
} from './kbo-format';
import { openKboSource, type KboSource } from './kbo-source';
import { KboReadError, loadFileFast } from './load-file-fast';
import type { BulkSession } from './kbo-bulk';

export interface KboProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  seconds: number;
}

export interface MalformedReport {
  file: string;
  line: number;
  reason: string;
}

export interface KboImportOptions {
  source: string;
  /** What a malformed line does: stop the import (nothing is applied) or skip the line (reported). */
  onError: 'stop' | 'skip';
  session: BulkSession;
  auditActor: AuditActor;
  onProgress?: (progress: KboProgress) => void;
  onMalformed?: (report: MalformedReport) => void;
  /**
   * Parse every line in Node even when the database could read the file (the reference path;
   * by default a full load lets the database parse clean files, see load-file-fast.ts).
   */
  lineByLine?: boolean;
  /** The longest record in characters (default KBO_MAX_RECORD_CHARS); longer stops the import. */
  maxRecordChars?: number;
  /** The most a zip may expand to (declared sizes, checked before reading; yauzl enforces them). */
  maxUncompressedBytes?: number;
}

export interface KboImportSummary {
  kind: 'full' | 'update';
  extractNumber: number | null;
  snapshotDate: string | null;
  /** parsedBy: 'database' when the file went as CSV straight into COPY, 'node' when read line by line. */
  files: { file: string; rows: number; skipped: number; parsedBy: 'database' | 'node' }[];
  rowsLoaded: number;
  rowsDeleted: number;
  linesSkipped: number;
  seconds: number;
  rowsPerSecond: number;
}

/** A problem that stops the import; the transaction is rolled back, nothing is applied. */
export class KboImportError extends Error {}

const FLUSH_AT = 1 << 20;

interface Meta {
  kind: 'full' | 'update' | null;
  extractNumber: number | null;
  snapshotDate: string | null;
}

async function readMeta(source: KboSource): Promise<Meta> {
  if (!source.names.includes('meta.csv')) return { kind: null, extractNumber: null, snapshotDate: null };
  const values = new Map<string, string>();
  const parser = new KboCsvParser((fields) => values.set(fields[0], fields[1] ?? ''));
  try {
    for await (const chunk of await source.open('meta.csv')) parser.push((chunk as Buffer).toString('utf8'));
    parser.end();
  } catch (error) {
    if (error instanceof KboRecordTooLongError) throw new KboImportError(`meta.csv: ${error.message}.`);
    throw error;
  }
  const type = values.get('ExtractType')?.toLowerCase();
  const date = values.get('SnapshotDate') ?? '';
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(date);
  return {
    kind: type === 'full' ? 'full' : type === 'update' ? 'update' : null,
    extractNumber: values.has('ExtractNumber') ? Number(values.get('ExtractNumber')) || null : null,
    snapshotDate: match ? `${match[3]}-${match[2]}-${match[1]}` : null,
  };
}

/**
 * Imports the enterprise register's open data from a folder or zip, streaming every file into
 * COPY. A full extract replaces the previous load (tables emptied, indexes rebuilt after the
 * load); an update extract applies each file's deletes, then its inserts. Everything runs in
 * one transaction with its audit row: a stop on a malformed line leaves the tables as they were.
 */
export async function importKbo(options: KboImportOptions): Promise<KboImportSummary> {
  const started = Date.now();
  const source = await openKboSource(options.source, options.maxUncompressedBytes);
  const session = options.session;
  const report = (r: MalformedReport) => options.onMalformed?.(r);
  try {
    const meta = await readMeta(source);
    const hasUpdateFiles = source.names.some((n) => /_(insert|delete)\.csv$/.test(n));
    const kind = meta.kind ?? (hasUpdateFiles ? 'update' : 'full');
    if (kind === 'full') {
      const missing = KBO_FILES.map((f) => `${f.name}.csv`).filter((n) => !source.names.includes(n));
      if (missing.length > 0)
        throw new KboImportError(
          `A full extract needs ${missing.join(', ')}; found ${source.names.join(', ') || 'no files'}.`,
        );
    }
    const plan: { spec: KboFileSpec; file: string; mode: 'load' | 'delete' | 'insert' }[] = [];
    for (const spec of KBO_FILES) {
      if (kind === 'full') plan.push({ spec, file: `${spec.name}.csv`, mode: 'load' });
      else {
        if (source.names.includes(`${spec.name}_delete.csv`))
          plan.push({ spec, file: `${spec.name}_delete.csv`, mode: 'delete' });
        if (source.names.includes(`${spec.name}_insert.csv`))
          plan.push({ spec, file: `${spec.name}_insert.csv`, mode: 'insert' });
      }
    }
    if (plan.length === 0)
      throw new KboImportError(
        'No register files found (enterprise.csv, denomination.csv, address.csv, activity.csv, ' +
          'code.csv or their _insert/_delete forms).',
      );
    const bytesTotal = plan.reduce((sum, p) => sum + source.size(p.file), 0);
    let bytesDone = 0;
    let rowsTotal = 0;
    let rowsDeleted = 0;
    let skippedTotal = 0;
    const files: KboImportSummary['files'] = [];

    await session.exec('begin');
    try {
      if (kind === 'full') {
        await session.exec(
          `truncate kbo_codes, kbo_enterprises, kbo_denominations, kbo_addresses, ` +
            `kbo_activities; ${KBO_INDEXES.map((i) => `drop index if exists ${i.name};`).join(' ')} alter ` +
            `table kbo_enterprises drop constraint if exists kbo_enterprises_pkey; alter table ` +
            `kbo_codes drop constraint if exists kbo_codes_pkey;`,
        );
      } else {
        await session.exec(
          'create temp table if not exists kbo_delete_keys (key text) on commit drop; create temp ' +
            'table if not exists kbo_stage_enterprises (like kbo_enterprises) on commit drop; create ' +
            'temp table if not exists kbo_stage_codes (like kbo_codes) on commit drop;',
        );
      }
      for (const step of plan) {
        const { spec, file } = step;
        if (step.mode === 'load' && !options.lineByLine) {
          // Full load: the database parses the file; a file it refuses goes line by line below.
          const before = bytesDone;
          const fastRows = await loadFileFast({
            session,
            spec,
            file,
            maxRecordBytes: options.maxRecordChars ?? KBO_MAX_RECORD_CHARS,
            open: () => source.open(file),
            onBytes: (n) => {
              bytesDone += n;
              options.onProgress?.({
                file,
                bytesDone,
                bytesTotal,
                rows: rowsTotal,
                seconds: (Date.now() - started) / 1000,
              });
            },
          }).catch((error: unknown) => {
            throw error instanceof KboReadError ? new KboImportError(error.message) : error;
          });
          if (fastRows !== null) {
            rowsTotal += fastRows;
            files.push({ file, rows: fastRows, skipped: 0, parsedBy: 'database' });
            options.onProgress?.({
              file,
              bytesDone,
              bytesTotal,
              rows: rowsTotal,
              seconds: (Date.now() - started) / 1000,
            });
            continue;
          }
          bytesDone = before;
        }
        const target =
          step.mode === 'delete'
            ? { table: 'kbo_delete_keys', columns: ['key'] }
            : step.mode === 'insert' && spec.table === 'kbo_enterprises'
              ? { table: 'kbo_stage_enterprises', columns: spec.columns }
              : step.mode === 'insert' && spec.table === 'kbo_codes'
                ? { table: 'kbo_stage_codes', columns: spec.columns }
                : { table: spec.table, columns: spec.columns };
        const copy = session.copy(target.table, target.columns);
        let rows = 0;
        let skipped = 0;
        let pending: string[] = [];
        let pendingSize = 0;
        let failure = null as KboImportError | null; // set inside the parser callback
        const expectedHeader = step.mode === 'delete' ? null : spec.header;
        const parser = new KboCsvParser((fields, line, problem) => {
          if (failure) return;
          if (line === 1) {
            if (expectedHeader && fields.join(',').toLowerCase() !== expectedHeader.join(',').toLowerCase()) {
              failure = new KboImportError(
                `${file}: unexpected header "${fields.join(',').slice(0, 200)}"; expected ` +
                  `"${expectedHeader.join(',')}".`,
              );
            }
            return;
          }
          try {
            if (problem) throw new MalformedLine(problem);
            const text = step.mode === 'delete' ? `${deleteKey(spec, fields)}\n` : toCopyLine(spec, fields);
            pending.push(text);
            pendingSize += text.length;
            rows++;
          } catch (error) {
            if (!(error instanceof MalformedLine)) throw error;
            const malformed = { file, line, reason: error.message };
            if (options.onError === 'stop')
              failure = new KboImportError(
                `${file}, line ${line}: ${error.message}. Nothing was imported (use --on-error ` +
                  `skip to skip such lines).`,
              );
            else {
              skipped++;
              report(malformed);
            }
          }
        }, options.maxRecordChars);
        const decoder = new StringDecoder('utf8');
        const stream = await source.open(file);
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            bytesDone += chunk.length;
            parser.push(decoder.write(chunk));
            if (failure) break;
            if (pendingSize >= FLUSH_AT) {
              const text = pending.join('');
              pending = [];
              pendingSize = 0;
              await copy.write(text);
              options.onProgress?.({
                file,
                bytesDone,
                bytesTotal,
                rows: rowsTotal + rows,
                seconds: (Date.now() - started) / 1000,
              });
            }
          }
        } catch (error) {
          // Leave the COPY first: on a PostgreSQL connection still in COPY, the rollback that follows
          // would wait for the end of the data forever.
          await copy.end().catch(() => {});
          if (error instanceof KboRecordTooLongError)
            throw new KboImportError(`${file}: ${error.message}. Nothing was imported.`);
          throw error instanceof KboImportError
            ? error
            : new KboImportError(`${file}: cannot be read to the end (${(error as Error).message}).`);
        } finally {
          stream.destroy();
        }
        if (!failure) {
          parser.push(decoder.end());
          parser.end();
        }
        if (failure) {
          await copy.end().catch(() => {});
          throw failure;
        }
        if (pending.length > 0) await copy.write(pending.join(''));
        await copy.end();
        if (step.mode === 'delete') {
          const column = spec.keyColumn;
          const result = await sql<{
            n: number;
          }>`with gone as (delete from ${sql.table(spec.table)} t using kbo_delete_keys k where
            t.${sql.ref(column)} = k.key returning 1) select count(*)::int as n from gone`.execute(
            session.db,
          );
          rowsDeleted += Number(result.rows[0]?.n ?? 0);
          await session.exec('truncate kbo_delete_keys');
        } else if (target.table === 'kbo_stage_enterprises') {
          const set = spec.columns
            .slice(1)
            .map((c) => `${c} = excluded.${c}`)
            .join(', ');
          await session.exec(
            `insert into kbo_enterprises select distinct on (enterprise_number) * from kbo_stage_enterprises
              order by enterprise_number on conflict (enterprise_number) do update set ${set}; truncate
              kbo_stage_enterprises;`,
          );
        } else if (target.table === 'kbo_stage_codes') {
          await session.exec(
            'insert into kbo_codes select distinct on (category, code, language) * from ' +
              'kbo_stage_codes order by category, code, language on conflict (category, code, ' +
              'language) do update set description = excluded.description; truncate kbo_stage_codes;',
          );
        }
        rowsTotal += rows;
        skippedTotal += skipped;
        files.push({ file, rows, skipped, parsedBy: 'node' });
        options.onProgress?.({
          file,
          bytesDone,
          bytesTotal,
          rows: rowsTotal,
          seconds: (Date.now() - started) / 1000,
        });
      }
      if (kind === 'full') {
        if (session.kind === 'postgres') await session.exec("set local maintenance_work_mem = '128MB'");
        await restoreKeys(session, options.onError === 'skip');
        for (const index of KBO_INDEXES) await session.exec(index.sql);
        await session.exec(
          'analyze kbo_enterprises; analyze kbo_denominations; analyze kbo_addresses; analyze ' +
            'kbo_activities; analyze kbo_codes;',
        );
      }
      const seconds = (Date.now() - started) / 1000;
      await session.db
        .insertInto('kbo_loads')
        .values({
          extract_kind: kind,
          extract_number: meta.extractNumber,
          snapshot_date: meta.snapshotDate,
          source: options.source.slice(-300),
          rows_loaded: rowsTotal,
          rows_deleted: rowsDeleted,
          lines_skipped: skippedTotal,
          seconds: seconds.toFixed(3),
        })
        .execute();
      await recordAudit(session.db, options.auditActor, {
        action: 'kbo.imported',
        entityType: 'kbo_load',
        after: {
          kind,
          extractNumber: meta.extractNumber,
          snapshotDate: meta.snapshotDate,
          files,
          rowsDeleted,
          linesSkipped: skippedTotal,
        },
      });
      await session.exec('commit');
      return {
        kind,
        extractNumber: meta.extractNumber,
        snapshotDate: meta.snapshotDate,
        files,
        rowsLoaded: rowsTotal,
        rowsDeleted,
        linesSkipped: skippedTotal,
        seconds,
        rowsPerSecond: Math.round(rowsTotal / Math.max(seconds, 0.001)),
      };
    } catch (error) {
      await session.exec('rollback').catch(() => {});
      throw error;
    }
  } finally {
    source.close();
  }
}

/** Puts the primary keys back after a full load; duplicates stop the import, or (skip) keep the first. */
async function restoreKeys(session: BulkSession, dropDuplicates: boolean): Promise<void> {
  const addKeys =
    'alter table kbo_enterprises add constraint kbo_enterprises_pkey primary key ' +
    '(enterprise_number); alter table kbo_codes add constraint kbo_codes_pkey primary key ' +
    '(category, code, language);';
  // Most loads have no duplicates: build the keys at once, and look for duplicates only when that fails.
  await session.exec('savepoint kbo_keys');
  try {
    await session.exec(addKeys);
    await session.exec('release savepoint kbo_keys');
    return;
  } catch {
    await session.exec('rollback to savepoint kbo_keys');
  }
  if (dropDuplicates) {
    await session.exec(
      'delete from kbo_enterprises a using kbo_enterprises b where a.enterprise_number = ' +
        'b.enterprise_number and a.ctid > b.ctid',
    );
    await session.exec(
      'delete from kbo_codes a using kbo_codes b where a.category = b.category and a.code = ' +
        'b.code and a.language = b.language and a.ctid > b.ctid',
    );
  } else {
    const duplicates = await session.db
      .selectFrom('kbo_enterprises')
      .select('enterprise_number')
      .groupBy('enterprise_number')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(5)
      .execute();
    if (duplicates.length > 0)
      throw new KboImportError(
        `enterprise.csv: duplicate enterprise numbers ` +
          `(${duplicates.map((d) => d.enterprise_number).join(', ')}…). Nothing was imported (use ` +
          `--on-error skip to keep the first of each).`,
      );
    const codes = await session.db
      .selectFrom('kbo_codes')
      .select(['category', 'code'])
      .groupBy(['category', 'code', 'language'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(5)
      .execute();
    if (codes.length > 0)
      throw new KboImportError(
        `code.csv: duplicate codes (${codes.map((c) => `${c.category}/${c.code}`).join(', ')}…). Nothing was imported.`,
      );
  }
  await session.exec(addKeys);
}
