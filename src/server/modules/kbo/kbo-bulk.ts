import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DB } from '../../db/types';

/**
 * One database session for a bulk load: plain SQL, COPY of text-format lines, and a Kysely on
 * the same session (so the audit row joins the load's transaction).
 */
export interface BulkSession {
  kind: 'postgres' | 'pglite';
  exec(sql: string): Promise<void>;
  /** Opens a COPY … FROM STDIN (text format); write lines, then `end()` gives the row count. */
  copy(table: string, columns: string[]): BulkCopy;
  /**
   * Opens a COPY … FROM STDIN in CSV format: the database parses the file's bytes (no header line
   * in what is written; quoted empty fields become NULL); `end()` gives the number of rows.
   */
  copyCsv(table: string, columns: string[]): CsvCopy;
  db: Kysely<DB>;
  close(): Promise<void>;
}

export interface BulkCopy {
  /** Resolves when the data may continue (back-pressure). */
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
}

export interface CsvCopy {
  /** Resolves when the data may continue (back-pressure); rejects when the database refused the data. */
  write(chunk: Buffer): Promise<void>;
  end(): Promise<number>;
}

const COPY_CHUNK = 8 << 20;

const copyCsvSql = (table: string, columns: string[], from: string) =>
  `copy ${table} (${columns.join(', ')}) from ${from} with (format csv, force_null (${columns.join(', ')}))`;

/**
 * Where the last complete CSV record of a block ends (after its newline), given that the block
 * starts at a record boundary: newlines inside quoted fields do not end a record.
 */
function lastRecordEnd(block: Buffer): number {
  let inQuotes = false;
  let cut = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block[i];
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) cut = i + 1;
  }
  return cut;
}

export async function openPostgresSession(connectionString: string): Promise<BulkSession> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const pool = { connect: async () => Object.assign(client, { release: () => {} }), end: async () => {} };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool }) });
  return {
    kind: 'postgres',
    exec: async (sql) => {
      await client.query(sql);
    },
    copy: (table, columns) => {
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', () => resolve());
        stream.on('error', reject);
      });
      // Attach a handler at once so that an early error is not unhandled.
      done.catch(() => {});
      return {
        // Keep up to ~32 MB queued so that parsing in Node and COPY in the server overlap.
        write: (chunk) => {
          stream.write(chunk);
          return stream.writableLength < 32 << 20
            ? Promise.resolve()
            : Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), done]);
        },
        end: async () => {
          stream.end();
          await done;
        },
      };
    },
    copyCsv: (table, columns) => {
      const stream = client.query(copyFrom(copyCsvSql(table, columns, 'stdin')));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', () => resolve());
        stream.on('error', reject);
      });
      done.catch(() => {});
      return {
        write: (chunk) => {
          stream.write(chunk);
          return stream.writableLength < 16 << 20
            ? Promise.resolve()
            : Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), done]);
        },
        end: async () => {
          stream.end();
          await done;
          return Number(stream.rowCount ?? 0);
        },
      };
    },
    db,
    close: async () => {
      await client.end();
    },
  };
}

/** On PGlite the fastest path is COPY FROM '/dev/blob' with the lines handed over in large blocks. */
export async function openPgliteSession(pglite: PGlite): Promise<BulkSession> {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    copy: (table, columns) => {
      let buffer: string[] = [];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        const blob = new Blob(buffer);
        buffer = [];
        size = 0;
        await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
      };
      return {
        write: async (chunk) => {
          buffer.push(chunk);
          size += chunk.length;
          if (size >= COPY_CHUNK) await flush();
        },
        end: flush,
      };
    },
    copyCsv: (table, columns) => {
      // COPY FROM '/dev/blob' reads one block per statement: blocks are cut after a whole record.
      let pending: Buffer[] = [];
      let size = 0;
      let rows = 0;
      const copyBlock = async (block: Buffer) => {
        if (block.length === 0) return;
        const result = await pglite.query(copyCsvSql(table, columns, `'/dev/blob'`), [], {
          blob: new Blob([new Uint8Array(block)]),
        });
        rows += result.affectedRows ?? 0;
      };
      return {
        write: async (chunk) => {
          pending.push(chunk);
          size += chunk.length;
          if (size < COPY_CHUNK) return;
          const block = Buffer.concat(pending);
          const cut = lastRecordEnd(block);
          pending = cut < block.length ? [block.subarray(cut)] : [];
          size = block.length - cut;
          await copyBlock(block.subarray(0, cut));
        },
        end: async () => {
          const block = Buffer.concat(pending);
          pending = [];
          size = 0;
          await copyBlock(block);
          return rows;
        },
      };
    },
    db,
    close: async () => {
      await db.destroy();
    },
  };
}
