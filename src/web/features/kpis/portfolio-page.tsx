import {
  Anchor,
  Box,
  Drawer,
  Group,
  Loader,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import {
  usePortfolio,
  useMeasurement,
  STATUS_COLOURS,
  STATUS_SYMBOLS,
  STATUS_TEXT,
  type Portfolio,
} from './api';
import { KpiValue, StatusBadge, formatValue } from './components';

type PortfolioCell = Portfolio['cells'][number];

function Drill({
  cell,
  portfolio,
  onClose,
}: {
  cell: PortfolioCell;
  portfolio: Portfolio;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('kpis');
  const measurement = useMeasurement(cell.measurementId);
  const cluster = portfolio.clusters.find((c) => c.id === cell.clusterId);
  const definition = portfolio.kpis.find((k) => k.id === cell.definitionId);
  const detail = measurement.data?.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t('drillTitle', {
        cluster: cluster?.name ?? '',
        kpi: (i18n.language === 'en' ? definition?.nameEn : definition?.nameNl) ?? '',
      })}
    >
      <Stack>
        {definition && (
          <Text size="sm">{i18n.language === 'en' ? definition.nameEn : definition.nameNl}</Text>
        )}
        <Group>
          <Text fw={600}>{definition && <KpiValue definition={definition} cell={cell} />}</Text>
          <StatusBadge status={cell.status} />
          {cell.measurementStatus && (
            <Text size="sm">{t(`measurementStatuses.${cell.measurementStatus}`)}</Text>
          )}
        </Group>
        <Text size="sm">
          {t('expected')}: {formatNumber(cell.expected)}
        </Text>
        {definition?.sql && (
          <Box
            component="pre"
            style={{ fontSize: 11, whiteSpace: 'pre-wrap', background: '#f8f9fa', padding: 8 }}
          >
            {definition.sql}
          </Box>
        )}
        {measurement.isLoading && <Loader size="sm" />}
        <ErrorAlert error={measurement.error} />
        {detail && (
          <>
            {detail.comment && (
              <Text size="sm">
                {t('comment')}: {detail.comment}
              </Text>
            )}
            {detail.reviewComment && (
              <Text size="sm">
                {t('reviewComment')}: {detail.reviewComment}
              </Text>
            )}
            <Title order={3} size="h5">
              {t('evidence')}
            </Title>
            {detail.evidence.length === 0 && (
              <Text size="sm" c="dimmed">
                –
              </Text>
            )}
            {detail.evidence.map((e) => (
              <Text key={e.id} size="sm">
                {e.kind === 'link' && e.url && (
                  <Anchor href={e.url} target="_blank" rel="noreferrer noopener">
                    {e.url}
                  </Anchor>
                )}
                {e.kind === 'file' && (
                  <Anchor href={`/api/kpis/evidence/${e.id}/file`} download>
                    {e.filename}
                  </Anchor>
                )}
                {e.kind === 'text' && e.body}
              </Text>
            ))}
            <Title order={3} size="h5">
              {t('history')}
            </Title>
            <Table>
              <Table.Tbody>
                {detail.history.map((h) => (
                  <Table.Tr key={`${h.version}-${h.action}`}>
                    <Table.Td>{formatDateTime(h.occurredAt)}</Table.Td>
                    <Table.Td>{t(`historyActions.${h.action}`, { defaultValue: h.action })}</Table.Td>
                    <Table.Td>{formatValue(detail.definition.unit, h.value)}</Table.Td>
                    <Table.Td>{h.actorName ?? '–'}</Table.Td>
                    <Table.Td>{h.comment ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Anchor component={Link} to={`/kpis/clusters/${cell.clusterId}`}>
          {t('openDashboard')}
        </Anchor>
      </Stack>
    </Drawer>
  );
}

export function PortfolioPage() {
  const { t, i18n } = useTranslation('kpis');
  const [periodId, setPeriodId] = useState<string | undefined>();
  const [lens, setLens] = useState('both');
  const [kind, setKind] = useState<string | undefined>();
  const [transitionId, setTransitionId] = useState<string | undefined>();
  const [drill, setDrill] = useState<PortfolioCell | null>(null);
  const portfolio = usePortfolio({ periodId, lens: lens === 'both' ? undefined : lens, kind, transitionId });
  const data = portfolio.data?.data;
  const periodParam = data?.period ? `?periodId=${data.period.id}` : '';
  return (
    <>
      <PageHeader
        title={t('portfolioTitle')}
        description={t('portfolioIntro')}
        actions={
          <>
            <Anchor href={`/api/kpis/reports/portfolio.xlsx${periodParam}`} download>
              {t('reportXlsx')}
            </Anchor>
            <Anchor href={`/api/kpis/reports/portfolio.pdf${periodParam}`} download>
              {t('reportPdf')}
            </Anchor>
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label={t('period')}
          data={(data?.periods ?? []).map((p) => ({
            value: p.id,
            label: `${p.label} (${t(`periodStatuses.${p.status}`)})`,
          }))}
          value={periodId ?? data?.period?.id ?? null}
          onChange={(v) => setPeriodId(v ?? undefined)}
          allowDeselect={false}
          w={200}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('lens')}
          </Text>
          <SegmentedControl
            value={lens}
            onChange={setLens}
            data={[
              { value: 'both', label: t('lensAll') },
              { value: 'economic', label: t('economic') },
              { value: 'transition', label: t('transition') },
            ]}
          />
        </div>
        <Select
          label={t('kind')}
          data={[
            { value: 'spearhead', label: t('spearhead') },
            { value: 'business_network', label: t('business_network') },
          ]}
          value={kind ?? null}
          onChange={(v) => setKind(v ?? undefined)}
          clearable
          placeholder={t('kindAll')}
          w={200}
        />
        <Select
          label={t('transitionFilter')}
          data={(data?.transitions ?? []).map((tr) => ({
            value: tr.id,
            label: i18n.language === 'en' ? tr.labelEn : tr.labelNl,
          }))}
          value={transitionId ?? null}
          onChange={(v) => setTransitionId(v ?? undefined)}
          clearable
          w={240}
        />
      </Group>
      <ErrorAlert error={portfolio.error} />
      {portfolio.isLoading && <Loader />}
      {data && (
        <ScrollArea>
          <Table withTableBorder withColumnBorders style={{ fontSize: 12 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cluster')}</Table.Th>
                {data.kpis.map((k) => (
                  <Table.Th
                    key={k.id}
                    title={i18n.language === 'en' ? k.nameEn : k.nameNl}
                    style={{
                      writingMode: 'vertical-rl',
                      transform: 'rotate(180deg)',
                      whiteSpace: 'nowrap',
                      fontSize: 11,
                    }}
                  >
                    {i18n.language === 'en' ? k.nameEn : k.nameNl}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.clusters.map((cluster) => (
                <Table.Tr key={cluster.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/kpis/clusters/${cluster.id}`} size="sm">
                      {cluster.shortName}
                    </Anchor>
                  </Table.Td>
                  {data.kpis.map((k) => {
                    const cell = data.cells.find(
                      (c) => c.clusterId === cluster.id && c.definitionId === k.id,
                    );
                    if (!cell) return <Table.Td key={k.id} />;
                    const kpiName = i18n.language === 'en' ? k.nameEn : k.nameNl;
                    const cellTitle = `${cluster.shortName} · ${kpiName}: ${t(`statuses.${cell.status}`)}`;
                    return (
                      <Table.Td key={k.id} p={0} style={{ background: STATUS_COLOURS[cell.status] }}>
                        <UnstyledButton
                          onClick={() => setDrill(cell)}
                          title={cellTitle}
                          aria-label={`${cellTitle}${
                            cell.measurementStatus === 'reported' || cell.measurementStatus === 'returned'
                              ? ` (${t(`measurementStatuses.${cell.measurementStatus}`)})`
                              : ''
                          }`}
                          style={{
                            display: 'block',
                            width: '100%',
                            padding: 4,
                            minWidth: 28,
                            color: STATUS_TEXT[cell.status],
                            fontSize: 10,
                          }}
                          data-testid={`cell-${cluster.shortName}-${k.code}`}
                        >
                          {STATUS_SYMBOLS[cell.status]}
                          {cell.measurementStatus === 'reported'
                            ? '•'
                            : cell.measurementStatus === 'returned'
                              ? '↩'
                              : cell.isOutlier
                                ? '⚠'
                                : ''}
                        </UnstyledButton>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="sm" gap="md">
            {(Object.keys(STATUS_COLOURS) as (keyof typeof STATUS_COLOURS)[]).map((status) => (
              <StatusBadge key={status} status={status} />
            ))}
          </Group>
        </ScrollArea>
      )}
      {drill && data && <Drill cell={drill} portfolio={data} onClose={() => setDrill(null)} />}
    </>
  );
}
