import {
  Anchor,
  Box,
  Drawer,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import {
  usePortfolio,
  useDefinition,
  useMeasurement,
  STATUS_COLOURS,
  STATUS_SYMBOLS,
  STATUS_TEXT,
  type PortfolioCell,
  type PortfolioCluster,
  type PortfolioKpi,
} from './api';
import { KpiValue, StatusBadge, formatValue } from './components';
import { pickText } from '../../app/language';

/** The cell a person opened: the cluster's row and the KPI's column. */
interface Opened {
  cluster: PortfolioCluster;
  kpi: PortfolioKpi;
  cell: PortfolioCell;
}

function Drill({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const { t, i18n } = useTranslation('kpis');
  const { cluster, kpi, cell } = opened;
  const measurement = useMeasurement(cell.measurementId ?? null);
  // The SQL of a computed KPI is read when its cell is opened (the portfolio does not carry it).
  const definition = useDefinition(kpi.source === 'computed' ? kpi.id : null).data?.data;
  const detail = measurement.data?.data;
  const kpiName = pickText(i18n.language, kpi.nameNl, kpi.nameEn);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t('drillTitle', { cluster: cluster.name, kpi: kpiName })}
    >
      <Stack>
        <Text size="sm">{kpiName}</Text>
        <Group>
          <Text fw={600}>
            <KpiValue
              definition={kpi}
              cell={{
                value: cell.value ?? null,
                reason: cell.reason ?? null,
                isOutlier: cell.isOutlier ?? false,
              }}
            />
          </Text>
          <StatusBadge status={cell.status} />
          {cell.measurementStatus && (
            <Text size="sm">{t(`measurementStatuses.${cell.measurementStatus}`)}</Text>
          )}
        </Group>
        <Text size="sm">
          {t('expected')}: {formatNumber(cell.expected ?? null)}
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
        <Anchor component={Link} to={`/kpis/clusters/${cluster.id}`}>
          {t('openDashboard')}
        </Anchor>
      </Stack>
    </Drawer>
  );
}

/** A cell of the matrix: its status as colour and symbol, a button that opens the drill-down. */
function CellButton({
  cluster,
  kpi,
  cell,
  onOpen,
}: Opened & {
  onOpen: (opened: Opened) => void;
}) {
  const { t, i18n } = useTranslation('kpis');
  const kpiName = pickText(i18n.language, kpi.nameNl, kpi.nameEn);
  const title = `${cluster.shortName} · ${kpiName}: ${t(`statuses.${cell.status}`)}`;
  const flagged = cell.measurementStatus === 'reported' || cell.measurementStatus === 'returned';
  return (
    <UnstyledButton
      onClick={() => onOpen({ cluster, kpi, cell })}
      title={title}
      aria-label={flagged ? `${title} (${t(`measurementStatuses.${cell.measurementStatus}`)})` : title}
      style={{
        display: 'block',
        width: '100%',
        padding: 4,
        minWidth: 28,
        background: STATUS_COLOURS[cell.status],
        color: STATUS_TEXT[cell.status],
        fontSize: 10,
        textAlign: 'center',
      }}
      data-testid={`cell-${cluster.shortName}-${kpi.code}`}
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
  );
}

export function PortfolioPage() {
  const { t, i18n } = useTranslation('kpis');
  const [periodId, setPeriodId] = useState<string | undefined>();
  const [lens, setLens] = useState('both');
  const [kind, setKind] = useState<string | undefined>();
  const [transitionId, setTransitionId] = useState<string | undefined>();
  const [opened, setOpened] = useState<Opened | null>(null);
  const portfolio = usePortfolio({ periodId, lens: lens === 'both' ? undefined : lens, kind, transitionId });
  const data = portfolio.data?.data;
  const periodParam = data?.period ? `?periodId=${data.period.id}` : '';
  const columns: ColumnDef<PortfolioCluster>[] = [
    {
      id: 'cluster',
      header: t('cluster'),
      cell: (c) => (
        <Anchor component={Link} to={`/kpis/clusters/${c.row.original.id}`} size="sm">
          {c.row.original.shortName}
        </Anchor>
      ),
    },
    ...(data?.kpis ?? []).map((kpi, index): ColumnDef<PortfolioCluster> => ({
      id: kpi.id,
      header: () => {
        const name = pickText(i18n.language, kpi.nameNl, kpi.nameEn);
        return (
          <Text
            span
            title={name}
            style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap' }}
            fz={11}
          >
            {name}
          </Text>
        );
      },
      cell: (c) => {
        const cell = c.row.original.cells[index];
        return cell ? <CellButton cluster={c.row.original} kpi={kpi} cell={cell} onOpen={setOpened} /> : null;
      },
    })),
  ];
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
            label: pickText(i18n.language, tr.labelNl, tr.labelEn),
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
        <>
          <DataTable
            data={data.clusters}
            columns={columns}
            caption={t('portfolioCaption', { period: data.period?.label ?? '' })}
            serverPage={portfolio.serverPage}
          />
          <Group mt="sm" gap="md">
            {(Object.keys(STATUS_COLOURS) as (keyof typeof STATUS_COLOURS)[]).map((status) => (
              <StatusBadge key={status} status={status} />
            ))}
          </Group>
        </>
      )}
      {opened && <Drill opened={opened} onClose={() => setOpened(null)} />}
    </>
  );
}
