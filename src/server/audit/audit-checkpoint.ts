import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

/** The chain's length and head at one moment, kept apart from the chain. */
export interface AuditCheckpoint {
  takenAt: string;
  eventCount: number;
  headId: number;
  headHash: string;
}

interface CheckpointLogger {
  info(object: Record<string, unknown>, message: string): void;
}

/**
 * Writes a checkpoint of the audit chain: to the checkpoint table, to the log and, when a file is
 * configured, as one JSON line appended to it (put that file where the database's users cannot
 * write, or ship the log elsewhere). Nothing is written for an empty chain.
 */
export async function writeAuditCheckpoint(
  db: Kysely<DB>,
  now: Date,
  options: { file?: string; log?: CheckpointLogger } = {},
): Promise<AuditCheckpoint | null> {
  const head = await db
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return null;
  const counted = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '<=', head.id)
    .executeTakeFirstOrThrow();
  const checkpoint: AuditCheckpoint = {
    takenAt: now.toISOString(),
    eventCount: Number(counted.n),
    headId: Number(head.id),
    headHash: head.hash,
  };
  await db
    .insertInto('audit_checkpoints')
    .values({
      taken_at: now,
      event_count: checkpoint.eventCount,
      head_id: checkpoint.headId,
      head_hash: checkpoint.headHash,
    })
    .execute();
  if (options.file) fs.appendFileSync(options.file, `${JSON.stringify(checkpoint)}\n`);
  options.log?.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
  return checkpoint;
}

/** The latest checkpoint: the furthest one of the table and the file (either may have been tampered with). */
export async function findLatestCheckpoint(db: Kysely<DB>, file?: string): Promise<AuditCheckpoint | null> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('head_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const candidates: AuditCheckpoint[] = [];
  if (row)
    candidates.push({
      takenAt: new Date(row.taken_at).toISOString(),
      eventCount: Number(row.event_count),
      headId: Number(row.head_id),
      headHash: row.head_hash,
    });
  if (file && fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = JSON.parse(line) as AuditCheckpoint;
        if (Number.isInteger(parsed.headId) && typeof parsed.headHash === 'string') candidates.push(parsed);
      } catch {
        // A damaged line is skipped; the other checkpoints still count.
      }
    }
  }
  return candidates.reduce<AuditCheckpoint | null>(
    (best, c) => (best === null || c.headId > best.headId ? c : best),
    null,
  );
}

/** Writes a checkpoint now and then every `minutes`; returns the stop function. */
export function startAuditCheckpoints(
  db: Kysely<DB>,
  minutes: number,
  options: {
    file?: string;
    log: CheckpointLogger & { warn(object: Record<string, unknown>, m: string): void };
  },
): () => void {
  const run = () =>
    void writeAuditCheckpoint(db, new Date(), options).catch((error: unknown) =>
      options.log.warn({ err: error }, 'audit checkpoint failed'),
    );
  run();
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
