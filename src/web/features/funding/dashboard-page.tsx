import { Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { formatCents, formatNumber, formatPercent } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Money } from './money';
import { PageHeader } from '../../shared/page-header';
import { useDashboard, type Dashboard, type Figures } from './api';
import { EChart } from '../../shared/echart';

/** Cents → euros for a chart axis only (display); the tables show exact amounts. */
const toEuros = (cents: number) => Math.round(cents / 100);
const axisEuros = (euros: number) => formatNumber(euros, 0);

function useFigureColumns<T extends Figures>(): ColumnDef<T>[] {
  const { t } = useTranslation('funding');
  const money = (key: keyof Figures, header: string): ColumnDef<T> => ({
    id: key,
    header,
    accessorFn: (r) => r[key],
    cell: (c) => <Money cents={c.getValue() as number} />,
  });
  return [
    money('budgetCents', t('budget')),
    money('committedCents', t('committed')),
    money('paidCents', t('paid')),
    money('remainingCents', t('remaining')),
    {
      id: 'inter',
      header: t('interShare'),
      accessorFn: (r) => r.interClusterShare,
      cell: (c) => formatPercent(c.getValue() as number | null, 1),
    },
    {
      id: 'ratio',
      header: t('cofundingRatio'),
      accessorFn: (r) => r.cofundingRatio,
      cell: (c) => formatNumber(c.getValue() as number | null, 2),
    },
  ];
}

function Totals({ totals }: { totals: Figures }) {
  const { t } = useTranslation('funding');
  const items: [string, string][] = [
    [t('budget'), formatCents(totals.budgetCents)],
    [t('committed'), formatCents(totals.committedCents)],
    [t('paid'), formatCents(totals.paidCents)],
    [t('remaining'), formatCents(totals.remainingCents)],
    [t('interShare'), formatPercent(totals.interClusterShare, 1)],
    [t('cofundingRatio'), formatNumber(totals.cofundingRatio, 2)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 6 }} mb="lg">
      {items.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid={`total-${label}`}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Charts({ data }: { data: Dashboard }) {
  const { t } = useTranslation('funding');
  const clusters = data.byCluster.filter((c) => c.clusterId !== null);
  const byCluster = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 90, right: 20, top: 50, bottom: 80 },
      xAxis: {
        type: 'category',
        data: clusters.map((c) => c.clusterName),
        axisLabel: { rotate: 35, interval: 0 },
      },
      yAxis: { type: 'value', name: '€', axisLabel: { formatter: axisEuros } },
      series: [
        { name: t('committed'), type: 'bar', data: clusters.map((c) => toEuros(c.committedCents)) },
        { name: t('paid'), type: 'bar', data: clusters.map((c) => toEuros(c.paidCents)) },
        {
          name: t('interCommitted'),
          type: 'bar',
          data: clusters.map((c) => toEuros(c.interClusterCommittedCents)),
        },
      ],
    }),
    [clusters, t],
  );
  const byYear = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 90, right: 20, top: 50 },
      xAxis: { type: 'category', data: data.byYear.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: '€', axisLabel: { formatter: axisEuros } },
      series: [
        { name: t('budget'), type: 'bar', data: data.byYear.map((y) => toEuros(y.budgetCents)) },
        { name: t('committed'), type: 'bar', data: data.byYear.map((y) => toEuros(y.committedCents)) },
        { name: t('paid'), type: 'bar', data: data.byYear.map((y) => toEuros(y.paidCents)) },
      ],
    }),
    [data.byYear, t],
  );
  const byPurpose = useMemo(() => {
    const sums = new Map<string, number>();
    for (const line of data.byLine)
      sums.set(line.purpose, (sums.get(line.purpose) ?? 0) + line.committedCents);
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: [...sums].map(([purpose, cents]) => ({
            name: t(`purposes.${purpose}`),
            value: toEuros(cents),
          })),
        },
      ],
    };
  }, [data.byLine, t]);
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} mb="lg">
      <Card withBorder>
        <Title order={2} size="h5">
          {t('chartByCluster')}
        </Title>
        <EChart option={byCluster} label={t('chartByCluster')} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h5">
          {t('chartByYear')}
        </Title>
        <EChart option={byYear} label={t('chartByYear')} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h5">
          {t('chartPurpose')}
        </Title>
        <EChart option={byPurpose} label={t('chartPurpose')} />
      </Card>
    </SimpleGrid>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('funding');
  const dashboard = useDashboard();
  const figures = useFigureColumns<Dashboard['byLine'][number]>();
  const clusterFigures = useFigureColumns<Dashboard['byCluster'][number]>();
  const yearFigures = useFigureColumns<Dashboard['byYear'][number]>();
  const data = dashboard.data?.data;
  const lineColumns: ColumnDef<Dashboard['byLine'][number]>[] = [
    { accessorKey: 'code', header: t('code') },
    { accessorKey: 'name', header: t('name') },
    { id: 'purpose', header: t('purpose'), accessorFn: (l) => t(`purposes.${l.purpose}`) },
    { accessorKey: 'year', header: t('year') },
    ...figures,
  ];
  const clusterColumns: ColumnDef<Dashboard['byCluster'][number]>[] = [
    { id: 'cluster', header: t('cluster'), accessorFn: (c) => c.clusterName || t('allClusters') },
    ...clusterFigures,
  ];
  const yearColumns: ColumnDef<Dashboard['byYear'][number]>[] = [
    { accessorKey: 'year', header: t('year') },
    ...yearFigures,
  ];
  return (
    <>
      <PageHeader title={t('dashboardTitle')} description={t('dashboardIntro')} />
      <ErrorAlert error={dashboard.error} />
      {data && (
        <Stack>
          <Totals totals={data.totals} />
          <Charts data={data} />
          <Tabs defaultValue="line">
            <Tabs.List>
              <Tabs.Tab value="line">{t('perLine')}</Tabs.Tab>
              <Tabs.Tab value="cluster">{t('perCluster')}</Tabs.Tab>
              <Tabs.Tab value="year">{t('perYear')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="line" pt="md">
              <DataTable
                data={data.byLine}
                columns={lineColumns}
                xlsxUrl="/api/funding/dashboard.xlsx?view=line"
              />
            </Tabs.Panel>
            <Tabs.Panel value="cluster" pt="md">
              <Group mb="xs">
                <Text size="sm" c="dimmed">
                  {t('clusterNote')}
                </Text>
              </Group>
              <DataTable
                data={data.byCluster}
                columns={clusterColumns}
                xlsxUrl="/api/funding/dashboard.xlsx?view=cluster"
              />
            </Tabs.Panel>
            <Tabs.Panel value="year" pt="md">
              <DataTable
                data={data.byYear}
                columns={yearColumns}
                xlsxUrl="/api/funding/dashboard.xlsx?view=year"
              />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </>
  );
}
