import { Anchor, Group, ScrollArea, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
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
import { Pager, type ServerPage } from './pager';
import { languageOf } from '../app/language';

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
   * Paging on the server: `data` is one page of `total` rows. Without it the table holds every row
   * (only for lists bounded by their nature). The filter box is left out (it could only filter the
   * page shown): the page offers the server's filters instead.
   */
  serverPage?: ServerPage;
}

/** The export in the language the person reads the page in (the server's default is the account's). */
function withLanguage(url: string, language: string): string {
  if (/[?&]lang=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=${languageOf(language)}`;
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
  const serverSorting = serverPage?.onSortingChange;
  const table = useReactTable({
    data,
    columns,
    state: { sorting: serverPage ? (serverPage.sorting ?? []) : sorting, globalFilter: filter },
    onSortingChange: (update) => {
      const current = serverPage ? (serverPage.sorting ?? []) : sorting;
      const next = typeof update === 'function' ? update(current) : update;
      if (serverSorting) serverSorting(next);
      else setSorting(next);
    },
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: serverPage ? undefined : getSortedRowModel(),
    getFilteredRowModel: serverPage ? undefined : getFilteredRowModel(),
    manualPagination: serverPage !== undefined,
    manualSorting: serverPage !== undefined,
    manualFiltering: serverPage !== undefined,
    enableSorting: serverPage === undefined || serverSorting !== undefined,
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
      {/* A table wider than the page scrolls; without sort buttons it takes focus itself, so
          keyboard users can scroll it too. */}
      <ScrollArea
        viewportProps={
          serverPage && !serverSorting
            ? { tabIndex: 0, role: 'region', 'aria-label': caption ?? t('table') }
            : undefined
        }
      >
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
      {serverPage && <Pager serverPage={serverPage} />}
      {table.getRowModel().rows.length === 0 && (
        <Text c="dimmed" mt="sm">
          {t('noRows')}
        </Text>
      )}
    </div>
  );
}
