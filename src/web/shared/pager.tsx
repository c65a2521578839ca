import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import type { SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE_CHOICES } from './page-sizes';

/**
 * Paging on the server: the table shows one page (`page` counts from 1) of `total` rows with a
 * pager (keyboard: Tab to a page button, Enter) and a page size choice, and asks for another page
 * through the callbacks. Sorting is the server's too: with `sorting` the sortable columns ask the
 * server; without it the columns do not sort (sorting one page would mislead).
 */
export interface ServerPage {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
}

/**
 * The pager of a list paged on the server (tables and card lists alike): which rows of how many,
 * the page size, and the pages (Mantine's Pagination: buttons reached with Tab, named in the
 * reader's language).
 */
export function Pager({ serverPage }: { serverPage: ServerPage }) {
  const { t } = useTranslation();
  if (serverPage.total === 0) return null;
  const pages = Math.max(1, Math.ceil(serverPage.total / serverPage.pageSize));
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Group gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('rowsOfTotal', {
            from: Math.min((serverPage.page - 1) * serverPage.pageSize + 1, serverPage.total),
            to: Math.min(serverPage.page * serverPage.pageSize, serverPage.total),
            total: serverPage.total,
          })}
        </Text>
        {serverPage.onPageSizeChange && (
          <NativeSelect
            aria-label={t('pageSize')}
            size="xs"
            value={String(serverPage.pageSize)}
            onChange={(event) => serverPage.onPageSizeChange?.(Number(event.currentTarget.value))}
            data={PAGE_SIZE_CHOICES.map((size) => ({
              value: String(size),
              label: t('perPage', { count: size }),
            }))}
          />
        )}
      </Group>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={serverPage.page}
          onChange={serverPage.onPageChange}
          size="sm"
          withEdges
          getItemProps={(page) => ({ 'aria-label': t('pageNumber', { page }) })}
          getControlProps={(control) => ({ 'aria-label': t(`pageControls.${control}`) })}
        />
      )}
    </Group>
  );
}
