import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../app/api-client';
import type { ServerPage } from './pager';
import { DEFAULT_PAGE_SIZE } from './page-sizes';

type Filters = Record<string, string | number | boolean | undefined | null>;

/**
 * One page of a list route (`page`, `pageSize`, the filters) for a table that pages on the
 * server: the answer (`data.data` is the page, `data.page` its place) and the `serverPage` the
 * table's pager drives. A change of filters goes back to the first page.
 */
export function usePagedList<T>(key: QueryKey, path: string, filters: Filters = {}, enabled = true) {
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const filterKey = JSON.stringify(filters);
  const [seenFilters, setSeenFilters] = useState(filterKey);
  if (seenFilters !== filterKey) {
    // Adjusting state while rendering (React's pattern for state that follows a prop).
    setSeenFilters(filterKey);
    setPaging((p) => ({ ...p, page: 1 }));
  }
  const answer = useQuery({
    queryKey: [...key, filters, paging],
    queryFn: () => api.getPage<T>(`${path}${query({ ...filters, ...paging })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
  const serverPage: ServerPage = {
    ...paging,
    total: answer.data?.page.total ?? 0,
    onPageChange: (page) => setPaging((p) => ({ ...p, page })),
    onPageSizeChange: (pageSize) => setPaging({ page: 1, pageSize }),
  };
  return { ...answer, serverPage };
}
