import { sql } from 'kysely';
import type { Readable } from 'node:stream';
import { KboCsvParser, type KboFileSpec } from './kbo-format';
import type { BulkSession } from './kbo-bulk';
import { EntityColumnRewriter } from './entity-column';

/** Reads up to the end of the first line; gives its fields and the bytes after it. */
async function readHeader(
  chunks: AsyncIterator<Buffer>,
): Promise<{ fields: string[]; rest: Buffer; bytes: number } | null> {
  let head = Buffer.alloc(0);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return null;
    head = Buffer.concat([head, next.value]);
    const newline = head.indexOf(10);
    if (newline >= 0) {
      let fields: string[] = [];
      const parser = new KboCsvParser((f) => {
        if (fields.length === 0) fields = f;
      });
      parser.push(head.subarray(0, newline).toString('utf8'));
      parser.end();
      return { fields, rest: head.subarray(newline + 1), bytes: head.length };
    }
    if (head.length > 1 << 20) return null;
  }
}

/** A reading problem of the source (not of its content): the import stops. */
export class KboReadError extends Error {}

/** The file goes line by line instead (the database refused it, or a value fails a check). */
class NeedsLineByLine extends Error {}

/**
 * The fast path of a full load: the file streams into COPY in CSV format straight into its
 * (freshly emptied, index-free) register table, so the database parses it; Node only cuts the
 * bytes into whole records (bounded in length) and rewrites the entity numbers of the first
 * column (byte by byte) and checks them; dates are read as
 * dd-mm-yyyy by the database. Afterwards one scan checks the required fields. Returns the number
 * of rows, or null when the file needs the line-by-line path (the database refused a line, or a
 * value fails a check): its rows are then rolled back to a savepoint and that path names the
 * line. A header that is not the expected one also gives null (the line path reports it).
 */
export async function loadFileFast(options: {
  session: BulkSession;
  spec: KboFileSpec;
  open: () => Promise<Readable>;
  file: string;
  /** The longest record accepted here; a longer one sends the file to the line path, which names it. */
  maxRecordBytes: number;
  onBytes: (bytes: number) => void;
}): Promise<number | null> {
  const { session, spec, file } = options;
  const stream = await options.open();
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let saved = false;
  const readFailure = (error: unknown) =>
    new KboReadError(`${file}: cannot be read to the end (${(error as Error).message}).`);
  try {
    const header = await readHeader(chunks).catch((error: unknown) => {
      throw readFailure(error);
    });
    if (!header || header.fields.join(',').toLowerCase() !== spec.header.join(',').toLowerCase()) return null;
    options.onBytes(header.bytes);
    await session.exec("savepoint kbo_fast_load; set local datestyle = 'ISO, DMY';");
    saved = true;
    const rewriter = new EntityColumnRewriter(spec.transforms[0] === 'entity', options.maxRecordBytes);
    const copy = session.copyCsv(spec.table, spec.columns);
    let rows: number;
    try {
      const send = async (block: Buffer | null) => {
        if (block === null) throw new NeedsLineByLine();
        if (block.length > 0) await copy.write(block);
      };
      await send(rewriter.push(header.rest));
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          throw readFailure(error);
        }
        if (next.done) break;
        options.onBytes(next.value.length);
        await send(rewriter.push(next.value));
      }
      await send(rewriter.end());
      rows = await copy.end();
    } catch (error) {
      if (error instanceof KboReadError) throw error;
      // Refused by the database or by the entity check: end the COPY, drop what it loaded.
      if (error instanceof NeedsLineByLine) await copy.end().catch(() => 0);
      await session.exec('rollback to savepoint kbo_fast_load');
      saved = false;
      return null;
    }
    const required = spec.columns.filter((_, i) => spec.transforms[i] === 'required');
    if (required.length > 0) {
      const missing = await sql<{
        found: boolean;
      }>`select exists (select 1 from ${sql.table(spec.table)} where ${sql.raw(
        required.map((c) => `${c} is null`).join(' or '),
      )}) as found`.execute(session.db);
      if (missing.rows[0]?.found) {
        await session.exec('rollback to savepoint kbo_fast_load');
        saved = false;
        return null;
      }
    }
    await session.exec('set local datestyle to default; release savepoint kbo_fast_load;');
    saved = false;
    return rows;
  } catch (error) {
    if (saved) await session.exec('rollback to savepoint kbo_fast_load').catch(() => {});
    throw error;
  } finally {
    stream.destroy();
  }
}
