import { z } from 'zod';

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

export const PageInfoSchema = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** The response schema of a paged list: the envelope plus the page it answers. */
export function pagedEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    abilities: z.record(z.string(), z.boolean()),
    page: PageInfoSchema,
  });
}

export function okPage<T>(data: T[], page: PageInfo, abilities: Record<string, boolean> = {}) {
  return { data, abilities, page };
}

export const offsetOf = (p: PageRequest): number => (p.page - 1) * p.pageSize;

/**
 * Pages a list the route already holds in memory (small lists whose size the domain bounds,
 * such as a call's proposals of one applicant); big lists page in SQL with `offsetOf`.
 */
export function pageOf<T>(rows: T[], p: PageRequest): { data: T[]; page: PageInfo } {
  const start = offsetOf(p);
  return {
    data: rows.slice(start, start + p.pageSize),
    page: { page: p.page, pageSize: p.pageSize, total: rows.length },
  };
}
