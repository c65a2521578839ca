import { Anchor, Badge, Group, Select, TextInput } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { ORGANISATIONS_PAGE_SIZE, useOrganisations, type Organisation } from './api';
import { HELIXES } from './portfolio-page';

/** Every organisation in the portfolio with helix, size class and pioneer status. */
export function OrganisationsPage() {
  const { t } = useTranslation('portfolio');
  const [q, setQ] = useState('');
  const [helix, setHelix] = useState<string | null>(null);
  const [sizeClass, setSizeClass] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const organisations = useOrganisations({ q: q.length >= 2 ? q : undefined, helix, sizeClass, page });
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
    { accessorKey: 'enterpriseNumberDisplay', header: t('enterpriseNumber') },
    { accessorKey: 'helix', header: t('helixLabel'), cell: (x) => t(`helix.${x.getValue() as string}`) },
    { accessorKey: 'sizeClass', header: t('sizeClass'), cell: (x) => t(`sizes.${x.getValue() as string}`) },
    {
      accessorKey: 'isPioneer',
      header: t('pioneer'),
      cell: (x) =>
        x.getValue() ? (
          <Badge size="sm" color="grape">
            {t('pioneer')}
          </Badge>
        ) : (
          ''
        ),
    },
    { accessorKey: 'clusterCount', header: t('clusters') },
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
        xlsxUrl={`/api/organisations.xlsx${query({ helix, sizeClass, q: q.length >= 2 ? q : undefined })}`}
        serverPage={
          organisations.data
            ? { ...organisations.data.page, onPageChange: setPage }
            : { page, pageSize: ORGANISATIONS_PAGE_SIZE, total: 0, onPageChange: setPage }
        }
      />
    </>
  );
}
