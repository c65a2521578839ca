import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { formatNumber } from '../../app/format';
import { EChart } from '../../shared/echart';
import { exportUrl, useOverlap, type OverlapPair } from './api';

export function OverlapPage() {
  const { t, i18n } = useTranslation('policy');
  const overlap = useOverlap();
  const en = i18n.language === 'en';
  const data = overlap.data?.data;
  const themeList = (pair: OverlapPair) =>
    pair.sharedThemes.map((theme) => (en ? theme.labelEn : theme.labelNl)).join(', ') || t('none');

  const heatmap = useMemo(() => {
    if (!data) return null;
    // The server sends a bounded heatmap: the clusters of the most similar pairs and every pair among them.
    const names = data.clusters.map((c) => c.shortName);
    const index = new Map(data.clusters.map((c, i) => [c.id, i]));
    const cells = data.cells.flatMap((cell) => {
      const a = index.get(cell.a) as number;
      const b = index.get(cell.b) as number;
      return [
        [a, b, cell.similarity],
        [b, a, cell.similarity],
      ];
    });
    return {
      tooltip: { position: 'top' },
      grid: { left: 130, right: 20, top: 10, bottom: 100 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 40 } },
      yAxis: { type: 'category', data: names },
      visualMap: {
        min: 0,
        max: Math.max(0.01, ...data.cells.map((cell) => cell.similarity)),
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f8f9fa', '#ffa94d', '#d9480f'] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          label: { show: true, formatter: (p: { value: number[] }) => formatNumber(p.value[2], 2) },
        },
      ],
    };
  }, [data]);

  const columns: ColumnDef<OverlapPair>[] = [
    { id: 'pair', header: t('pair'), accessorFn: (p) => `${p.clusterA.shortName} – ${p.clusterB.shortName}` },
    { accessorKey: 'sharedMembers', header: t('sharedMembers') },
    {
      accessorKey: 'memberSimilarity',
      header: t('memberSimilarity'),
      cell: (c) => formatNumber(c.getValue() as number, 3),
    },
    { id: 'themes', header: t('sharedThemes'), accessorFn: themeList },
    {
      accessorKey: 'themeSimilarity',
      header: t('themeSimilarity'),
      cell: (c) => formatNumber(c.getValue() as number, 3),
    },
    {
      accessorKey: 'similarity',
      header: t('similarity'),
      cell: (c) => formatNumber(c.getValue() as number, 3),
    },
    { accessorKey: 'sharedProjects', header: t('sharedProjects') },
  ];

  return (
    <>
      <PageHeader title={t('overlapTitle')} description={t('overlapIntro')} />
      <ErrorAlert error={overlap.error} />
      {data && (
        <Stack gap="lg">
          {data.closest && (
            <Alert
              color="blue"
              title={t('closest', {
                a: data.closest.clusterA.shortName,
                b: data.closest.clusterB.shortName,
                similarity: formatNumber(data.closest.similarity, 3),
              })}
              data-testid="closest-pair"
            >
              {t('closestWhy', {
                members: data.closest.sharedMembers,
                memberSimilarity: formatNumber(data.closest.memberSimilarity, 3),
                themes: data.closest.sharedThemes.length,
                themeSimilarity: formatNumber(data.closest.themeSimilarity, 3),
                themeList: themeList(data.closest),
                projects: data.closest.sharedProjects,
              })}
            </Alert>
          )}
          <div>
            <Title order={2} size="h4" mb="xs">
              {t('similarityHeatmap')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('heatmapOverlapNote')}
            </Text>
            {heatmap && <EChart option={heatmap} height={420} label={t('similarityHeatmap')} />}
          </div>
          <Text size="sm" c="dimmed">
            {t('pairsListed', {
              listed: formatNumber(data.page.total),
              total: formatNumber(data.totalPairs),
            })}
          </Text>
          <DataTable
            data={data.pairs}
            columns={columns}
            serverPage={overlap.serverPage}
            xlsxUrl={exportUrl('overlap')}
            csvUrl={exportUrl('overlap', 'csv')}
          />
        </Stack>
      )}
    </>
  );
}
