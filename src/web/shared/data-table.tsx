import { Anchor, Group, Pagination, ScrollArea, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableProps<T> {
  data: T[];
  // TanStack's ColumnDef is invariant in its value type, and one table mixes columns of several.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** Server URL of the same table as XLSX; every table offers an export. */
  xlsxUrl?: string;
  csvUrl?: string;
  searchable?: boolean;
  caption?: string;
  /** Opens a row; rows then take keyboard focus and open with Enter or Space as well. */
  onRowClick?: (row: T) => void;
  /**
   * Paging on the server: `data` is one page (`page` counts from 1) of `total` rows; the table
   * shows a pager and asks for another page through `onPageChange`. Without it the table holds
   * every row. The filter box is left out (it could only filter the page shown).
   */
  serverPage?: { page: number; pageSize: number; total: number; onPageChange: (page: number) => void };
}

/** The export in the language the person reads the page in (the server's default is the account's). */
function withLanguage(url: string, language: string): string {
  if (/[?&]lang=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=${language === 'en' ? 'en' : 'nl'}`;
}

/** TanStack Table over Mantine's table: sortable headers, a filter box and the export links. */
export function DataTable<T>({
  data,
  columns,
  xlsxUrl,
  csvUrl,
  searchable = true,
  caption,
  onRowClick,
  serverPage,
}: DataTableProps<T>) {
  const { t, i18n } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    manualPagination: serverPage !== undefined,
    pageCount: serverPage ? Math.max(1, Math.ceil(serverPage.total / serverPage.pageSize)) : undefined,
  });
  const showSearch = searchable && serverPage === undefined;
  return (
    <div>
      <Group justify="space-between" mb="sm">
        {showSearch ? (
          <TextInput
            aria-label={t('search')}
            placeholder={t('search')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={280}
          />
        ) : (
          <span />
        )}
        <Group gap="md">
          {xlsxUrl && (
            <Anchor href={withLanguage(xlsxUrl, i18n.language)} download>
              {t('exportXlsx')}
            </Anchor>
          )}
          {csvUrl && (
            <Anchor href={csvUrl} download>
              {t('exportCsv')}
            </Anchor>
          )}
        </Group>
      </Group>
      <ScrollArea>
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          {caption && <Table.Caption>{caption}</Table.Caption>}
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </UnstyledButton>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr
                key={row.id}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                onKeyDown={
                  onRowClick
                    ? (event) => {
                        if (event.target !== event.currentTarget) return;
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          onRowClick(row.original);
                        }
                      }
                    : undefined
                }
                tabIndex={onRowClick ? 0 : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {serverPage && table.getPageCount() > 1 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {t('rowsOfTotal', {
              from: (serverPage.page - 1) * serverPage.pageSize + 1,
              to: Math.min(serverPage.page * serverPage.pageSize, serverPage.total),
              total: serverPage.total,
            })}
          </Text>
          <Pagination
            total={table.getPageCount()}
            value={serverPage.page}
            onChange={serverPage.onPageChange}
            size="sm"
            getItemProps={(page) => ({ 'aria-label': t('pageNumber', { page }) })}
            getControlProps={(control) => ({ 'aria-label': t(`pageControls.${control}`) })}
          />
        </Group>
      )}
      {table.getRowModel().rows.length === 0 && (
        <Text c="dimmed" mt="sm">
          {t('noRows')}
        </Text>
      )}
    </div>
  );
}
