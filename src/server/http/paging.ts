import { z } from 'zod';
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
