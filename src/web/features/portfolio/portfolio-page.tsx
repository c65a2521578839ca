import {
  Anchor,
  Badge,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../app/api-client';
import { formatPercent } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useClusters, type Cluster, type ClusterFilters, type Helix } from './api';
import { ThemeSelect, themeLabel } from '../../shared/theme-select';
import { EChart } from '../../shared/echart';
import { useServerSorting } from '../../shared/server-sort';

export const HELIXES: Helix[] = ['company', 'knowledge_institution', 'government', 'civil_society'];
const HELIX_COLOURS = ['#1c7ed6', '#2f9e44', '#f08c00', '#ae3ec9'];

/** The portfolio overview: clusters filtered by kind, status, theme and transition, with their member mix. */
export function PortfolioPage() {
  const { t, i18n } = useTranslation('portfolio');
  const [filters, setFilters] = useState<ClusterFilters>({});
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const sorting = useServerSorting();
  const clusters = useClusters({ ...filters, q: q || undefined, sort: sorting.sort });
  const rows = useMemo(() => clusters.data?.data ?? [], [clusters.data]);
  const language = i18n.language;

  const chart = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((c) => c.shortName), inverse: true },
      series: HELIXES.map((h, i) => ({
        name: t(`helix.${h}`),
        type: 'bar',
        stack: 'members',
        color: HELIX_COLOURS[i],
        data: rows.map((c) => c.memberSummary.byHelix[h]),
      })),
    }),
    [rows, t],
  );

  const columns: ColumnDef<Cluster>[] = [
    {
      accessorKey: 'name',
      header: t('cluster'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/portfolio/clusters/${row.original.id}`}>
          {row.original.name}
        </Anchor>
      ),
    },
    { accessorKey: 'kind', header: t('kind'), cell: (c) => t(`kinds.${c.getValue() as string}`) },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: (c) => (
        <Badge
          variant="light"
          color={c.getValue() === 'active' ? 'green' : c.getValue() === 'ended' ? 'gray' : 'yellow'}
        >
          {t(`statuses.${c.getValue() as string}`)}
        </Badge>
      ),
    },
    { id: 'members', header: t('members'), enableSorting: false, accessorFn: (c) => c.memberSummary.members },
    {
      id: 'sme',
      header: t('smeShare'),
      enableSorting: false,
      accessorFn: (c) => c.memberSummary.smeShare ?? -1,
      cell: ({ row }) => formatPercent(row.original.memberSummary.smeShare),
    },
    {
      id: 'helix',
      header: t('helixMix'),
      enableSorting: false,
      accessorFn: (c) =>
        HELIXES.map((h) => `${t(`helixShort.${h}`)} ${c.memberSummary.byHelix[h]}`).join(' · '),
    },
    {
      id: 'transitions',
      header: t('transitions'),
      enableSorting: false,
      accessorFn: (c) => c.transitions.map((x) => themeLabel(x, language)).join(', '),
    },
  ];

  const xlsxUrl = `/api/clusters.xlsx${query({ ...filters, q: q || undefined, sort: sorting.sort })}`;
  return (
    <>
      <PageHeader
        title={t('portfolioTitle')}
        description={t('portfolioIntro')}
        actions={
          <Anchor href="/api/public/portfolio.csv" download>
            {t('openData')}
          </Anchor>
        }
      />
      <ErrorAlert error={clusters.error} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('clusterSearch')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('kind')}
          clearable
          value={filters.kind ?? null}
          onChange={(v) => setFilters({ ...filters, kind: v })}
          data={['spearhead', 'business_network'].map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          w={200}
        />
        <Select
          label={t('status')}
          clearable
          value={filters.status ?? null}
          onChange={(v) => setFilters({ ...filters, status: v })}
          data={['candidate', 'active', 'ended'].map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          w={160}
        />
        <ThemeSelect
          label={t('transition')}
          clearable
          kind="transition"
          value={filters.transitionId ?? null}
          onChange={(v) => setFilters({ ...filters, transitionId: v })}
          w={260}
        />
        <ThemeSelect
          label={t('theme')}
          clearable
          exceptKind="transition"
          describe={(x) => `${themeLabel(x, language)}${x.isExample ? ` (${t('example')})` : ''}`}
          value={filters.themeId ?? null}
          onChange={(v) => setFilters({ ...filters, themeId: v })}
          w={300}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="lg">
        {rows.map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Group justify="space-between" gap={4}>
                <Anchor component={Link} to={`/portfolio/clusters/${c.id}`} fw={600}>
                  {c.shortName}
                </Anchor>
                <Badge
                  size="sm"
                  variant="outline"
                  style={{ flexShrink: 0, maxWidth: 'none' }}
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {t(`kinds.${c.kind}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {t('membersCount', { count: c.memberSummary.members })} · {t('smeShort')}{' '}
                {formatPercent(c.memberSummary.smeShare)}
              </Text>
              <Group gap={4}>
                {c.transitions.map((x) => (
                  <Badge key={x.id} size="xs" variant="light">
                    {themeLabel(x, language)}
                  </Badge>
                ))}
              </Group>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4" mb="xs">
        {t('helixChart')}
      </Title>
      <EChart option={chart} height={Math.max(220, rows.length * 34 + 60)} label={t('helixChart')} />
      <DataTable
        data={rows}
        columns={columns}
        xlsxUrl={xlsxUrl}
        serverPage={{
          ...clusters.serverPage,
          sorting: sorting.sorting,
          onSortingChange: sorting.onSortingChange,
        }}
      />
    </>
  );
}
