import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { DB } from './types';

/**
 * Figures computed from the whole portfolio (member statistics, overlap, network) cached per
 * database handle under the portfolio revision (raised by triggers on every change of
 * memberships, organisations, clusters, themes and project participation) and the day, so a
 * request costs one read of the revision unless something changed. Each process keeps its own
 * copy; any process sees another's writes through the revision.
 *
 * Two caches: `cachedByRevision` keeps computed values, `sendCachedJson` keeps the JSON text of
 * whole answers (validated and serialised once, and gzipped once for clients that accept it), so a
 * warm request of a large answer does no work.
 */
type Cache<T> = Map<string, { key: string; value: Promise<T> }>;
interface JsonText {
  text: string;
  /** The same text gzipped, for answers large enough to gain from it. */
  gzipped: Buffer | null;
}
const caches = new WeakMap<object, Cache<unknown>>();
const jsonCaches = new WeakMap<object, Cache<JsonText>>();
const gzipAsync = promisify(gzip);
/** Below this many bytes an answer is sent as it is (gzip would save little). */
const GZIP_FROM_BYTES = 4096;

/** True when the request's Accept-Encoding admits gzip (`gzip;q=0` refuses it). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().split(';');
      if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return !q || Number(q.slice(2)) > 0;
    });
}

export async function portfolioRevision(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('data_revisions')
    .select('revision')
    .where('name', '=', 'portfolio')
    .executeTakeFirst();
  return String(row?.revision ?? 0);
}

function remember<T>(
  all: WeakMap<object, Cache<T>>,
  db: object,
  name: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = all.get(db);
  if (!cache) {
    cache = new Map();
    all.set(db, cache);
  }
  // Names may carry query parameters: keep the cache small (a new revision empties it anyway).
  if (cache.size > 256) cache.clear();
  const hit = cache.get(name);
  if (hit && hit.key === key) return hit.value;
  const value = compute();
  cache.set(name, { key, value });
  // A failed computation is not kept.
  const entries = cache;
  value.catch(() => {
    if (entries.get(name)?.value === value) entries.delete(name);
  });
  return value;
}

/**
 * The revisions named (`portfolio` unless said; `proposals` is raised by proposals and their
 * themes) and the day, as one cache key: one statement.
 */
async function revisionKey(db: Kysely<DB>, day: string, revisions: readonly string[] | undefined) {
  if (!revisions) return `${await portfolioRevision(db)}|${day}`;
  const rows = await db
    .selectFrom('data_revisions')
    .select(['name', 'revision'])
    .where('name', 'in', revisions)
    .execute();
  const byName = new Map(rows.map((row) => [row.name, String(row.revision)]));
  return `${revisions.map((name) => byName.get(name) ?? '0').join('|')}|${day}`;
}

export async function cachedByRevision<T>(
  db: Kysely<DB>,
  name: string,
  day: string,
  compute: () => Promise<T>,
  revisions?: readonly string[],
): Promise<T> {
  const key = await revisionKey(db, day, revisions);
  return remember(caches, db, name, key, compute) as Promise<T>;
}

/**
 * Sends a portfolio answer as JSON text cached per (name, revision, day): the answer is validated
 * against the route's response schema and serialised once, then every request with the same name
 * and revision is sent that text as-is (Fastify sends a string with a JSON content type without
 * serialising it again), so a warm request costs one read of the revision and no validation.
 *
 * `answer` builds the whole answer (envelope included), usually from a value cached with
 * `cachedByRevision`. Only for answers that are the same for every viewer the route allows
 * (abilities included); `name` must carry every query parameter the answer depends on. An answer
 * that fails its schema is refused as the route's serializer would (ResponseSerializationError,
 * 500). The route keeps its `response` schema: it documents the answer in the OpenAPI document.
 * Answers of 4 KB or more are also kept gzipped (once per revision) and sent so to clients whose
 * Accept-Encoding admits gzip (every browser): a 140 KB network answer travels as ~20 KB.
 */
export async function sendCachedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    db: Kysely<DB>;
    name: string;
    day: string;
    schema: ZodType;
    answer: () => Promise<unknown>;
    /** Revisions the answer depends on besides the day (`portfolio` unless said). */
    revisions?: readonly string[];
  },
): Promise<FastifyReply> {
  const key = await revisionKey(options.db, options.day, options.revisions);
  const cached = await remember(jsonCaches, options.db, options.name, key, async () => {
    const serialize = serializerCompiler({
      schema: options.schema,
      method: request.method,
      url: request.routeOptions.url ?? request.url,
      httpStatus: '200',
    });
    const text = serialize(await options.answer());
    const gzipped = Buffer.byteLength(text) >= GZIP_FROM_BYTES ? await gzipAsync(text) : null;
    return { text, gzipped };
  });
  // Keep what is already in Vary (CORS adds Origin on the public routes).
  const vary = reply.getHeader('vary');
  reply
    .type('application/json; charset=utf-8')
    .header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  if (cached.gzipped && acceptsGzip(request.headers['accept-encoding']))
    return reply.header('content-encoding', 'gzip').send(cached.gzipped);
  return reply.send(cached.text);
}
