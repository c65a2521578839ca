import { Anchor, Badge, Group, Select, TextInput } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useServerSorting } from '../../shared/server-sort';
import { formatDate } from '../../app/format';
import { ORGANISATIONS_PAGE_SIZE, useOrganisations, type Organisation } from './api';
import { HELIXES } from './portfolio-page';

/** Every organisation in the portfolio with helix, size class and pioneer status. */
export function OrganisationsPage() {
  const { t } = useTranslation('portfolio');
  const [q, setQ] = useState('');
  const [helix, setHelix] = useState<string | null>(null);
  const [sizeClass, setSizeClass] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const sorting = useServerSorting();
  const organisations = useOrganisations({
    q: q.length >= 2 ? q : undefined,
    helix,
    sizeClass,
    sort: sorting.sort,
    page,
  });
  const columns: ColumnDef<Organisation>[] = [
    {
      accessorKey: 'name',
      header: t('organisation'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/portfolio/organisations/${row.original.id}`}>
          {row.original.name}
        </Anchor>
      ),
    },
    { accessorKey: 'enterpriseNumberDisplay', header: t('enterpriseNumber'), enableSorting: false },
    {
      accessorKey: 'helix',
      header: t('helixLabel'),
      enableSorting: false,
      cell: (x) => t(`helix.${x.getValue() as string}`),
    },
    {
      accessorKey: 'sizeClass',
      header: t('sizeClass'),
      enableSorting: false,
      cell: (x) => t(`sizes.${x.getValue() as string}`),
    },
    {
      accessorKey: 'foundedOn',
      header: t('foundedOn'),
      sortDescFirst: false,
      cell: (x) => formatDate(x.getValue() as string | null),
    },
    {
      accessorKey: 'isPioneer',
      header: t('pioneer'),
      enableSorting: false,
      cell: (x) =>
        x.getValue() ? (
          <Badge size="sm" color="grape">
            {t('pioneer')}
          </Badge>
        ) : (
          ''
        ),
    },
    { accessorKey: 'clusterCount', header: t('clusters'), enableSorting: false },
  ];
  return (
    <>
      <PageHeader title={t('organisationsTitle')} description={t('organisationsIntro')} />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('nameOrNumber')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        <Select
          label={t('helixLabel')}
          clearable
          value={helix}
          onChange={(value) => {
            setHelix(value);
            setPage(1);
          }}
          data={HELIXES.map((h) => ({ value: h, label: t(`helix.${h}`) }))}
          w={220}
        />
        <Select
          label={t('sizeClass')}
          clearable
          value={sizeClass}
          onChange={(value) => {
            setSizeClass(value);
            setPage(1);
          }}
          data={['micro', 'small', 'medium', 'large', 'unknown'].map((s) => ({
            value: s,
            label: t(`sizes.${s}`),
          }))}
          w={200}
        />
      </Group>
      <ErrorAlert error={organisations.error} />
      <DataTable
        data={organisations.data?.data ?? []}
        columns={columns}
        xlsxUrl={`/api/organisations.xlsx${query({
          helix,
          sizeClass,
          q: q.length >= 2 ? q : undefined,
          sort: sorting.sort,
        })}`}
        serverPage={{
          ...(organisations.data?.page ?? { page, pageSize: ORGANISATIONS_PAGE_SIZE, total: 0 }),
          onPageChange: setPage,
          sorting: sorting.sorting,
          onSortingChange: (next) => {
            sorting.onSortingChange(next);
            setPage(1);
          },
        }}
      />
    </>
  );
}
