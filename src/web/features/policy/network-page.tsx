import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { formatNumber } from '../../app/format';
import { EChart } from '../../shared/echart';
import { networkTooltip } from './network-tooltip';
import { exportUrl, useNetwork, type Network } from './api';

const HELIXES = ['company', 'knowledge_institution', 'government', 'civil_society'] as const;
const SIZE: Record<string, number> = { micro: 6, small: 9, medium: 12, large: 16, unknown: 7 };

export function NetworkPage() {
  const { t } = useTranslation('policy');
  const network = useNetwork();
  const data = network.data?.data;

  const graph = useMemo(() => {
    if (!data) return null;
    const categories = HELIXES.map((h) => ({ name: t(`helixNames.${h}`) }));
    return {
      tooltip: {
        formatter: networkTooltip,
      },
      legend: [{ data: categories.map((c) => c.name), top: 0 }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: data.drawing.nodes.length <= 500,
          categories,
          force: {
            repulsion: data.drawing.nodes.length > 500 ? 60 : 260,
            edgeLength: [40, 160],
            gravity: 0.05,
            layoutAnimation: data.drawing.nodes.length <= 500,
          },
          emphasis: { focus: 'adjacency' },
          data: data.drawing.nodes.map((n) => ({
            id: n.id,
            name: n.name,
            clusters: n.clusters,
            category: Math.max(0, HELIXES.indexOf(n.helix as (typeof HELIXES)[number])),
            symbolSize: SIZE[n.sizeClass] ?? 7,
          })),
          edges: data.drawing.edges.map((e) => ({
            source: e.source,
            target: e.target,
            lineStyle: {
              width: e.projects > 0 ? 1 + Math.min(3, e.projects) : 0.5,
              opacity: e.projects > 0 ? 0.6 : 0.15,
            },
          })),
        },
      ],
    };
  }, [data, t]);

  const helixHeatmap = useMemo(() => {
    if (!data) return null;
    const names = HELIXES.map((h) => t(`helixNames.${h}`));
    const cells = data.helix.flatMap((h) => {
      const a = HELIXES.indexOf(h.a as (typeof HELIXES)[number]);
      const b = HELIXES.indexOf(h.b as (typeof HELIXES)[number]);
      return a === b
        ? [[a, b, h.collaborations]]
        : [
            [a, b, h.collaborations],
            [b, a, h.collaborations],
          ];
    });
    return {
      tooltip: { position: 'top' },
      grid: { left: 140, right: 20, top: 10, bottom: 80 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'category', data: names },
      visualMap: {
        min: 0,
        max: Math.max(1, ...data.helix.map((h) => h.collaborations)),
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f8f9fa', '#63e6be', '#087f5b'] },
      },
      series: [{ type: 'heatmap', data: cells, label: { show: true } }],
    };
  }, [data, t]);

  type FigureRow = { key: keyof Network['figures']; value: number };
  const figureRows: FigureRow[] = data
    ? (Object.entries(data.figures) as [keyof Network['figures'], number][]).map(([key, value]) => ({
        key,
        value,
      }))
    : [];
  const figureColumns: ColumnDef<FigureRow>[] = [
    { id: 'figure', header: t('figure'), accessorFn: (r) => t(`figureNames.${r.key}`) },
    {
      accessorKey: 'value',
      header: t('value'),
      cell: (c) => (
        <span data-testid={`figure-${c.row.original.key}`}>{formatNumber(c.getValue() as number)}</span>
      ),
    },
  ];
  type Bridge = Network['bridging'][number];
  const bridgeColumns: ColumnDef<Bridge>[] = [
    { accessorKey: 'name', header: t('organisation') },
    { id: 'helix', header: t('helix'), accessorFn: (r) => t(`helixNames.${r.helix}`) },
    { id: 'sizeClass', header: t('sizeClass'), accessorFn: (r) => t(`sizeNames.${r.sizeClass}`) },
    { id: 'clusters', header: t('clusters'), accessorFn: (r) => r.clusters.join(', ') },
    { accessorKey: 'collaborations', header: t('collaborations') },
    {
      accessorKey: 'betweenness',
      header: t('betweenness'),
      cell: (c) => formatNumber(c.getValue() as number, 4),
    },
  ];

  return (
    <>
      <PageHeader title={t('networkTitle')} description={t('networkIntro')} />
      <ErrorAlert error={network.error} />
      {data && (
        <Stack gap="lg">
          <Alert color={data.drawing.note === 'complete' ? 'gray' : 'orange'} role="status">
            {t(`drawingNotes.${data.drawing.note}`, {
              shown: formatNumber(data.drawing.shownNodes),
              total: formatNumber(data.drawing.totalNodes),
            })}
            {data.drawing.droppedEdges > 0 &&
              ` ${t('drawingNotes.droppedEdges', { links: formatNumber(data.drawing.droppedEdges) })}`}
          </Alert>
          {graph && (
            <EChart option={graph} height={560} label={t('graph')} renderer="canvas" testId="network-graph" />
          )}
          <Title order={2} size="h4">
            {t('figures')}
          </Title>
          <DataTable
            data={figureRows}
            columns={figureColumns}
            searchable={false}
            xlsxUrl={exportUrl('network')}
            csvUrl={exportUrl('network', 'csv')}
          />
          <Title order={2} size="h4">
            {t('helixHeatmap')}
          </Title>
          {helixHeatmap && <EChart option={helixHeatmap} height={340} label={t('helixHeatmap')} />}
          <Title order={2} size="h4">
            {t('bridging')}
          </Title>
          {data.betweennessIsApproximate && (
            <Text size="sm" c="dimmed">
              {t('approximate')}
            </Text>
          )}
          <DataTable
            data={data.bridging}
            columns={bridgeColumns}
            xlsxUrl={exportUrl('organisations')}
            csvUrl={exportUrl('organisations', 'csv')}
          />
        </Stack>
      )}
    </>
  );
}
