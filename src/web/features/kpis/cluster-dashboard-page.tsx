import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import {
  useDashboard,
  useKpiMutation,
  useMeasurement,
  STATUS_COLOURS,
  type Dashboard,
  type Definition,
  type Period,
} from './api';
import { EChart, KpiValue, StatusBadge, formatValue } from './components';
import { TargetModal } from './target-modal';
import { pickText } from '../../app/language';

type Kpi = Dashboard['kpis'][number];

/** The officer's reason for returning a value, so the cluster knows what to correct. */
function ReturnedReason({ measurementId }: { measurementId: string }) {
  const { t } = useTranslation('kpis');
  const detail = useMeasurement(measurementId).data?.data;
  if (!detail?.reviewComment) return null;
  return (
    <Alert color="orange" variant="light" title={t('returnedReason')} data-testid="returned-reason">
      {detail.reviewComment}
    </Alert>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? (reader.result.split(',')[1] ?? '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function ReportModal({
  clusterId,
  kpi,
  period,
  onClose,
}: {
  clusterId: string;
  kpi: Kpi;
  period: Period;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('kpis');
  const { t: tc } = useTranslation();
  const current = kpi.values.find((v) => v.periodId === period.id);
  const [value, setValue] = useState<number | string>(current?.value ?? '');
  const [comment, setComment] = useState('');
  const [link, setLink] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const save = useKpiMutation(async () => {
    const evidence: unknown[] = [];
    if (link.trim()) evidence.push({ kind: 'link', url: link.trim() });
    if (text.trim()) evidence.push({ kind: 'text', body: text.trim() });
    if (file) evidence.push({ kind: 'file', filename: file.name, contentBase64: await readBase64(file) });
    return api.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: kpi.definition.id,
      periodId: period.id,
      value: typeof value === 'number' ? value : Number(value),
      comment,
      evidence,
    });
  });
  const name = pickText(i18n.language, kpi.definition.nameNl, kpi.definition.nameEn);
  return (
    <Modal opened onClose={onClose} title={t('reportTitle', { name })} size="lg">
      <Stack>
        <ErrorAlert error={save.error} />
        {current?.measurementStatus === 'returned' && current.measurementId && (
          <ReturnedReason measurementId={current.measurementId} />
        )}
        <Text size="sm" c="dimmed">
          {pickText(i18n.language, kpi.definition.definitionNl, kpi.definition.definitionEn)}
        </Text>
        <NumberInput
          label={`${t('value')} (${t(`units.${kpi.definition.unit}`)})`}
          value={value}
          onChange={setValue}
          decimalSeparator=","
          thousandSeparator="."
          required
        />
        <Textarea label={t('comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        {kpi.definition.evidenceRequired && (
          <Badge color="orange" variant="light">
            {t('evidenceRequired')}
          </Badge>
        )}
        <TextInput
          label={t('evidenceLink')}
          placeholder="https://"
          value={link}
          onChange={(e) => setLink(e.currentTarget.value)}
        />
        <Textarea label={t('evidenceText')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <FileInput label={t('evidenceFile')} value={file} onChange={setFile} clearable />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ message: t('saved') });
                  onClose();
                },
              })
            }
          >
            {t('submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function KpiCard({ kpi, periods, onSetTarget }: { kpi: Kpi; periods: Period[]; onSetTarget?: () => void }) {
  const { t, i18n } = useTranslation('kpis');
  const started = periods.filter((p) => kpi.values.some((v) => v.periodId === p.id));
  const latest =
    [...kpi.values].reverse().find((v) => v.status !== 'no_data' || v.value !== null) ?? kpi.values.at(-1);
  const option = useMemo(
    () => ({
      grid: { left: 50, right: 10, top: 20, bottom: 25 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: started.map((p) => p.code) },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('values'),
          type: 'bar',
          data: kpi.values.map((v) => ({ value: v.value, itemStyle: { color: STATUS_COLOURS[v.status] } })),
        },
        {
          name: t('trajectory'),
          type: 'line',
          data: kpi.values.map((v) => v.expected),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#1c7ed6' },
        },
      ],
    }),
    [kpi, started, t],
  );
  const name = pickText(i18n.language, kpi.definition.nameNl, kpi.definition.nameEn);
  return (
    <Card withBorder padding="sm" data-testid={`kpi-${kpi.definition.code}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`source.${kpi.definition.source}`)} ·{' '}
            {kpi.definition.direction === 'higher' ? t('higher') : t('lower')}
          </Text>
        </div>
        {latest && <StatusBadge status={latest.status} />}
      </Group>
      <Group gap="lg" mt={4}>
        <Text size="xs">
          {t('baseline')}: {formatValue(kpi.definition.unit, kpi.target?.baselineValue ?? null)}
        </Text>
        <Text size="xs">
          {t('endTarget')}: {formatValue(kpi.definition.unit, kpi.target?.endTargetValue ?? null)}
        </Text>
        {latest && (
          <Text size="xs">
            {periods.find((p) => p.id === latest.periodId)?.code}:{' '}
            <KpiValue definition={kpi.definition} cell={latest} />
          </Text>
        )}
        {onSetTarget && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={onSetTarget}
            aria-label={`${t('setTarget')} ${name}`}
          >
            {t('setTarget')}
          </Button>
        )}
      </Group>
      <EChart option={option} height={150} label={`${name}: ${t('trajectory')}`} />
    </Card>
  );
}

function lensColumn(kpis: Kpi[], lens: 'economic' | 'transition') {
  return kpis.filter((k) => k.definition.lens === lens || k.definition.lens === 'both');
}

export function ClusterDashboardPage() {
  const { clusterId = '' } = useParams();
  const { t, i18n } = useTranslation('kpis');
  const dashboard = useDashboard(clusterId);
  const [reporting, setReporting] = useState<Kpi | null>(null);
  const [targeting, setTargeting] = useState<Kpi | null>(null);
  const data = dashboard.data?.data;
  const abilities = dashboard.data?.abilities ?? {};
  const openPeriod = data?.periods.find((p) => p.status === 'open');
  const reportable = (data?.kpis ?? []).filter((k) => k.definition.source === 'reported');
  const name = (d: Definition) => pickText(i18n.language, d.nameNl, d.nameEn);
  return (
    <>
      <PageHeader
        title={data?.cluster.name ?? '…'}
        description={t('dashboardIntro')}
        actions={
          <>
            <Anchor href={`/api/kpis/reports/clusters/${clusterId}/report.xlsx`} download>
              {t('reportXlsx')}
            </Anchor>
            <Anchor href={`/api/kpis/reports/clusters/${clusterId}/report.pdf`} download>
              {t('reportPdf')}
            </Anchor>
          </>
        }
      />
      <ErrorAlert error={dashboard.error} />
      {data && (
        <Stack>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {openPeriod ? t('toReport', { period: openPeriod.label }) : t('noOpenPeriod')}
            </Title>
            {openPeriod && (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('kpi')}</Table.Th>
                    <Table.Th>{t('value')}</Table.Th>
                    <Table.Th>{t('target')}</Table.Th>
                    <Table.Th>{t('validation')}</Table.Th>
                    <Table.Th>{t('status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reportable.map((kpi) => {
                    const cell = kpi.values.find((v) => v.periodId === openPeriod.id);
                    return (
                      <Table.Tr key={kpi.definition.id} data-testid={`report-row-${kpi.definition.code}`}>
                        <Table.Td>{name(kpi.definition)}</Table.Td>
                        <Table.Td>
                          {cell ? <KpiValue definition={kpi.definition} cell={cell} /> : '–'}
                        </Table.Td>
                        <Table.Td>{formatValue(kpi.definition.unit, cell?.expected ?? null)}</Table.Td>
                        <Table.Td>
                          {cell?.measurementStatus ? t(`measurementStatuses.${cell.measurementStatus}`) : '–'}
                          {cell?.measurementStatus === 'returned' && cell.measurementId && (
                            <ReturnedReason measurementId={cell.measurementId} />
                          )}
                        </Table.Td>
                        <Table.Td>{cell && <StatusBadge status={cell.status} />}</Table.Td>
                        <Table.Td>
                          {abilities.report && cell?.measurementStatus !== 'validated' && (
                            <Button
                              size="xs"
                              onClick={() => setReporting(kpi)}
                              aria-label={`${t('report')} ${name(kpi.definition)}`}
                            >
                              {t('report')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Grid>
            {(['economic', 'transition'] as const).map((lens) => (
              <Grid.Col key={lens} span={{ base: 12, md: 6 }}>
                <Title order={2} size="h4" mb="sm">
                  {t(lens)}
                </Title>
                <Stack gap="sm">
                  {lensColumn(data.kpis, lens).map((kpi) => (
                    <KpiCard
                      key={kpi.definition.id}
                      kpi={kpi}
                      periods={data.periods}
                      onSetTarget={abilities.setTargets ? () => setTargeting(kpi) : undefined}
                    />
                  ))}
                </Stack>
              </Grid.Col>
            ))}
          </Grid>
        </Stack>
      )}
      {targeting && data && (
        <TargetModal
          clusterId={clusterId}
          kpi={targeting}
          periods={data.periods}
          onClose={() => setTargeting(null)}
        />
      )}
      {reporting && openPeriod && (
        <ReportModal
          clusterId={clusterId}
          kpi={reporting}
          period={openPeriod}
          onClose={() => setReporting(null)}
        />
      )}
    </>
  );
}
