import { z } from 'zod';
import { sql, type SelectQueryBuilder } from 'kysely';
import { AbilitiesSchema } from './envelope';

/**
 * Paging of list routes: `page` (1-based) and `pageSize`, with a maximum. A larger page size is
 * refused by the schema (VALIDATION_FAILED with the field named), never silently capped. Answers
 * carry `page: { page, pageSize, total }` next to `data`, so a table can page on the server.
 */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export const PageQueryFields = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};
export const PageQuery = z.strictObject(PageQueryFields);

export interface PageRequest {
  page: number;
  pageSize: number;
}

const USUAL_PAGE_SIZES = new Set([1, 25, 50, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]);

/**
 * Pages whose whole answer may be kept as JSON text (db/revision-cache.ts `sendCachedJson`): the
 * first 20 pages at the page sizes clients use. Other pages are served fresh, so a client walking
 * odd pages cannot crowd the shared cache (and push out the costly answers kept there).
 */
export const isUsualPage = ({ page, pageSize }: PageRequest): boolean =>
  page <= 20 && USUAL_PAGE_SIZES.has(pageSize);

export const PageInfoSchema = z.object({ page: z.number(), pageSize: z.number(), total: z.number() }).meta({
  id: 'PageInfo',
  description: 'The page a list answers: 1-based page, its size and the total count.',
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** The response schema of a paged list: the envelope plus the page it answers. */
export function pagedEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    abilities: AbilitiesSchema,
    page: PageInfoSchema,
  });
}

export function okPage<T>(data: T[], page: PageInfo, abilities: Record<string, boolean> = {}) {
  return { data, abilities, page };
}

export const offsetOf = (p: PageRequest): number => (p.page - 1) * p.pageSize;

/** A list route's query: its own filters plus `page` and `pageSize`. */
export function pagedQuery<T extends z.ZodRawShape>(filters: T) {
  return z.strictObject({ ...filters, ...PageQueryFields });
}

export interface Paged<T> {
  rows: T[];
  total: number;
}

/**
 * One page of a select, read with its total in the same statement (`count(*) over ()`): the
 * database returns at most `pageSize` rows. A page past the end reads the total on its own.
 */
export async function selectPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  p: PageRequest,
): Promise<Paged<O>> {
  type Counted = O & { page_total_rows: string | number };
  const counted = query.select(sql<string>`count(*) over ()`.as('page_total_rows'));
  const rows = (await counted.offset(offsetOf(p)).limit(p.pageSize).execute()) as unknown as Counted[];
  if (rows.length === 0 && p.page > 1) {
    const first = (await counted.limit(1).execute()) as unknown as Counted[];
    return { rows: [], total: Number(first[0]?.page_total_rows ?? 0) };
  }
  const total = Number(rows[0]?.page_total_rows ?? 0);
  return { rows: rows.map(({ page_total_rows: _total, ...row }) => row as O), total };
}

/**
 * One page of a list already read whole, for lists bounded by their parent (the people of one
 * cluster, the versions of one set of minutes) or computed in memory from bounded inputs.
 */
export function slicePage<T>(rows: readonly T[], p: PageRequest): Paged<T> {
  return { rows: rows.slice(offsetOf(p), offsetOf(p) + p.pageSize), total: rows.length };
}

/** The answer of a list route from one page of rows. */
export function pagedAnswer<T, U>(
  paged: Paged<T>,
  p: PageRequest,
  present: (row: T) => U,
  abilities: Record<string, boolean> = {},
) {
  return okPage(
    paged.rows.map(present),
    { page: p.page, pageSize: p.pageSize, total: paged.total },
    abilities,
  );
}

/** Rows an export reads at a time: large enough for few statements, small enough to bound memory. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * Reads a whole list a batch at a time by keyset (`after` is the last row of the previous batch,
 * null at first; the read orders by a unique key and returns rows after it), never all at once and
 * never by an offset that rescans what was read.
 */
export async function* keysetBatches<R>(
  read: (after: R | null, size: number) => Promise<R[]>,
  size: number = EXPORT_BATCH_SIZE,
): AsyncGenerator<R[]> {
  let after: R | null = null;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < size || last === undefined) return;
    after = last;
  }
}
