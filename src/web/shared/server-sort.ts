import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';

/**
 * Sorting of a table paged on the server, by one column at a time: the table's sorting state and
 * the list route's `sort` parameter (the column id, a minus before it when descending; undefined
 * for the server's own order). Passed among the list's filters, a new sort goes back to page 1.
 */
export function useServerSorting() {
  const [sorting, setSorting] = useState<SortingState>([]);
  const first = sorting[0];
  return {
    sorting,
    // One column at a time: the one clicked last (Shift+click would add a second).
    onSortingChange: (next: SortingState) => setSorting(next.slice(-1)),
    sort: first ? `${first.desc ? '-' : ''}${first.id}` : undefined,
  };
}
