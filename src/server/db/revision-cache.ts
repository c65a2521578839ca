import type { Kysely } from 'kysely';
import type { DB } from './types';

/**
 * Figures computed from the whole portfolio (member statistics, overlap, network) cached per
 * database handle under the portfolio revision (raised by triggers on every change of
 * memberships, organisations, clusters, themes and project participation) and the day, so a
 * request costs one read of the revision unless something changed. Each process keeps its own
 * copy; any process sees another's writes through the revision.
 */
const caches = new WeakMap<object, Map<string, { key: string; value: Promise<unknown> }>>();

export async function portfolioRevision(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('data_revisions')
    .select('revision')
    .where('name', '=', 'portfolio')
    .executeTakeFirst();
  return String(row?.revision ?? 0);
}

export async function cachedByRevision<T>(
  db: Kysely<DB>,
  name: string,
  day: string,
  compute: () => Promise<T>,
): Promise<T> {
  const key = `${await portfolioRevision(db)}|${day}`;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  // Names may carry query parameters: keep the cache small (a new revision empties it anyway).
  if (cache.size > 256) cache.clear();
  const hit = cache.get(name);
  if (hit && hit.key === key) return hit.value as Promise<T>;
  const value = compute();
  cache.set(name, { key, value });
  // A failed computation is not kept.
  value.catch(() => {
    if (cache.get(name)?.value === value) cache.delete(name);
  });
  return value;
}
