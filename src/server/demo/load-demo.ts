import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Config } from '../../config';
import { systemActor } from '../http/actor';
import type { SeedContext } from './seed-context';

const MARKER = 'demo.loaded';

export interface DemoLoadResult {
  loaded: boolean;
  lines: string[];
}

/** Loads the demo portfolio once; a database that has it (or has any account) is left alone. */
export async function loadDemo(
  db: Kysely<DB>,
  config: Config,
  /** Called before each seed runs (progress of a first start). */
  onSeed?: (name: string, index: number, total: number) => void,
): Promise<DemoLoadResult> {
  const marker = await db.selectFrom('settings').select('key').where('key', '=', MARKER).executeTakeFirst();
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (marker || anyUser) return { loaded: false, lines: [] };
  // The seeds (and what they use: PDFKit for example annexes, …) load only when they run, so a
  // restart of a database that has its demo does not load them.
  const { demoSeeds } = await import('./index');
  const lines: string[] = [];
  const ctx: SeedContext = {
    db,
    actor: null,
    auditActor: systemActor('demo-loader'),
    requestId: null,
    now: () => new Date(),
    config,
    ids: new Map(),
    log: (line) => lines.push(line),
  };
  for (const [index, seed] of demoSeeds.entries()) {
    onSeed?.(seed.name, index, demoSeeds.length);
    await seed.run(ctx);
  }
  await db
    .insertInto('settings')
    .values({ key: MARKER, value: JSON.stringify({ at: new Date().toISOString() }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return { loaded: true, lines };
}
