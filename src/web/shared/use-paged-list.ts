import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../app/api-client';
import type { ServerPage } from './pager';
import { DEFAULT_PAGE_SIZE } from './page-sizes';

type Filters = Record<string, string | number | boolean | undefined | null>;

/**
 * The page and page size of a table that pages on the server, back on the first page when the
 * filters change, and the `serverPage` its pager drives once the total is known.
 */
export function usePaging(filters: Filters = {}, firstPageSize = DEFAULT_PAGE_SIZE) {
  const [paging, setPaging] = useState({ page: 1, pageSize: firstPageSize });
  const filterKey = JSON.stringify(filters);
  const [seenFilters, setSeenFilters] = useState(filterKey);
  if (seenFilters !== filterKey) {
    // Adjusting state while rendering (React's pattern for state that follows a prop).
    setSeenFilters(filterKey);
    setPaging((p) => ({ ...p, page: 1 }));
  }
  const serverPage = (total: number): ServerPage => ({
    ...paging,
    total,
    onPageChange: (page) => setPaging((p) => ({ ...p, page })),
    onPageSizeChange: (pageSize) => setPaging({ page: 1, pageSize }),
  });
  return { paging, serverPage };
}

/**
 * One page of a list route (`page`, `pageSize`, the filters) for a table that pages on the
 * server: the answer (`data.data` is the page, `data.page` its place) and the `serverPage` the
 * table's pager drives. A change of filters goes back to the first page.
 */
export function usePagedList<T>(key: QueryKey, path: string, filters: Filters = {}, enabled = true) {
  const { paging, serverPage } = usePaging(filters);
  const answer = useQuery({
    queryKey: [...key, filters, paging],
    queryFn: () => api.getPage<T>(`${path}${query({ ...filters, ...paging })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...answer, serverPage: serverPage(answer.data?.page.total ?? 0) };
}
