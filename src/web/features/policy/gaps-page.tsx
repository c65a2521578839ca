import { Alert, Group, Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { formatNumber, formatPercent } from '../../app/format';
import { EChart } from '../../shared/echart';
import { Pager } from '../../shared/pager';
import { exportUrl, useCoverage, useFootprint, type FootprintRow, type ThemeCoverage } from './api';

export function GapsPage() {
  const { t, i18n } = useTranslation('policy');
  const coverage = useCoverage();
  const [level, setLevel] = useState<'section' | 'division' | 'group'>('section');
  const footprint = useFootprint(level);
  const en = i18n.language === 'en';
  const data = coverage.data?.data;

  const heatmap = useMemo(() => {
    if (!data) return null;
    const themes = [...data.ranking].reverse(); // weakest at the top of the y axis
    const strength = new Map(data.cells.map((c) => [`${c.clusterId}|${c.themeId}`, c.strength]));
    return {
      tooltip: { position: 'top' },
      grid: { left: 230, right: 20, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: data.clusters.map((c) => c.shortName), axisLabel: { rotate: 40 } },
      yAxis: {
        type: 'category',
        data: themes.map((theme) => (en ? theme.labelEn : theme.labelNl)),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      visualMap: {
        min: 0,
        max: 1,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f8f9fa', '#74c0fc', '#1864ab'] },
      },
      series: [
        {
          type: 'heatmap',
          // Only cells that carry something come from the server: the others are 0.
          data: data.clusters.flatMap((cluster, x) =>
            themes.map((theme, y) => [x, y, strength.get(`${cluster.id}|${theme.id}`) ?? 0]),
          ),
          label: { show: false },
        },
      ],
    };
  }, [data, en]);

  const themeColumns: ColumnDef<ThemeCoverage>[] = [
    { accessorKey: 'code', header: t('code') },
    { id: 'theme', header: t('theme'), accessorFn: (r) => (en ? r.labelEn : r.labelNl) },
    { id: 'kind', header: t('kind'), accessorFn: (r) => t(`kinds.${r.kind}`) },
    { accessorKey: 'coverage', header: t('coverage'), cell: (c) => formatNumber(c.getValue() as number, 3) },
    { accessorKey: 'clustersLinked', header: t('clustersLinked') },
    { accessorKey: 'projects', header: t('projects') },
    { accessorKey: 'proposals', header: t('proposals') },
    {
      id: 'strongest',
      header: t('strongestClusters'),
      enableSorting: false,
      accessorFn: (r) =>
        r.strongest.map((c) => `${c.shortName} (${formatNumber(c.strength, 2)})`).join(', ') || t('none'),
    },
    {
      id: 'flags',
      header: '',
      enableSorting: false,
      cell: ({ row }) => (
        <Group gap={4}>
          {row.original.isUncovered && (
            <Text size="sm" c="red" fw={600}>
              {t('uncovered')}
            </Text>
          )}
          {row.original.isCandidate && (
            <Text size="sm" c="grape" fw={600}>
              {t('candidate')}
            </Text>
          )}
        </Group>
      ),
    },
  ];

  const footprintData = footprint.data?.data;
  const sectorColumns: ColumnDef<FootprintRow>[] = [
    { accessorKey: 'code', header: t('code') },
    { accessorKey: 'label', header: t('sector') },
    {
      accessorKey: 'enterprises',
      header: t('enterprises'),
      cell: (c) => formatNumber(c.getValue() as number),
    },
    { accessorKey: 'members', header: t('members') },
    { accessorKey: 'share', header: t('share'), cell: (c) => formatPercent(c.getValue() as number, 1) },
  ];
  const bars = useMemo(() => {
    if (!footprintData || footprintData.rows.length === 0) return null;
    const rows = [...footprintData.rows].sort((a, b) => b.enterprises - a.enterprises).slice(0, 30);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 60, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => r.code), axisLabel: { rotate: 45 } },
      yAxis: [
        { type: 'value', name: t('enterprises') },
        {
          type: 'value',
          name: t('share'),
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
        },
      ],
      series: [
        { name: t('enterprises'), type: 'bar', data: rows.map((r) => r.enterprises) },
        { name: t('share'), type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.share) },
      ],
    };
  }, [footprintData, t]);

  return (
    <>
      <PageHeader title={t('gapsTitle')} description={t('gapsIntro')} />
      <ErrorAlert error={coverage.error ?? footprint.error} />
      {data && (
        <Stack gap="lg">
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('weakestThemes')}
            </Title>
            <ol data-testid="weakest-themes">
              {data.weakest.map((theme) => (
                <li key={theme.id}>
                  {en ? theme.labelEn : theme.labelNl} — {t('coverage')} {formatNumber(theme.coverage, 3)}
                  {theme.isUncovered ? ` (${t('uncovered')})` : ''}
                  {theme.isCandidate ? ` · ${t('candidate')}: ${theme.proposals}` : ''}
                </li>
              ))}
            </ol>
            {!data.ranking.some((r) => r.proposals > 0) && (
              <Text size="sm" c="dimmed">
                {t('noProposals')}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t('strengthFormula')}
            </Text>
          </Card>
          <div>
            <Title order={2} size="h4" mb="xs">
              {t('heatmap')}
            </Title>
            {heatmap && (
              <EChart
                option={heatmap}
                height={Math.max(320, data.ranking.length * 22 + 110)}
                label={t('heatmap')}
              />
            )}
            <Text size="sm" c="dimmed">
              {t('heatmapColumns')}
            </Text>
            <Pager serverPage={coverage.serverPage} />
          </div>
          <DataTable
            data={data.ranking}
            columns={themeColumns}
            xlsxUrl={exportUrl('themes')}
            csvUrl={exportUrl('themes', 'csv')}
          />
          <Group gap="md">
            <a href={exportUrl('coverage')} download>
              {t('heatmap')} (XLSX)
            </a>
            <a href={exportUrl('coverage', 'csv')} download>
              {t('heatmap')} (CSV)
            </a>
          </Group>

          <Title order={2} size="h3" mt="lg">
            {t('footprintTitle')}
          </Title>
          <Text c="dimmed">{t('footprintIntro')}</Text>
          <SegmentedControl
            value={level}
            onChange={(v) => setLevel(v)}
            data={(['section', 'division', 'group'] as const).map((l) => ({
              value: l,
              label: t(`levels.${l}`),
            }))}
            aria-label={t('level')}
          />
          {footprintData?.note && (
            <Alert color="orange" role="status">
              {t(`notes.${footprintData.note}`)}
            </Alert>
          )}
          {footprintData && !footprintData.note && (
            <>
              <Text size="sm">
                {t('registerSummary', {
                  flemish: formatNumber(footprintData.register.flemish),
                  outside: formatNumber(footprintData.register.outsideFlanders),
                  without: formatNumber(footprintData.register.withoutAddress),
                })}
              </Text>
              <Card withBorder>
                <Title order={3} size="h4" mb="xs">
                  {t('weakestSectors')}
                </Title>
                <ol data-testid="weakest-sectors">
                  {footprintData.weakest.map((r) => (
                    <li key={r.code}>
                      {r.code} {r.label} — {formatNumber(r.enterprises)} / {r.members} (
                      {formatPercent(r.share, 1)})
                    </li>
                  ))}
                </ol>
              </Card>
              {bars && <EChart option={bars} height={340} label={t('footprintTitle')} />}
              <DataTable
                data={footprintData.rows}
                columns={sectorColumns}
                xlsxUrl={exportUrl('footprint', 'xlsx', { level })}
                csvUrl={exportUrl('footprint', 'csv', { level })}
              />
            </>
          )}
        </Stack>
      )}
    </>
  );
}
