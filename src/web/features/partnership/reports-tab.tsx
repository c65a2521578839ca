import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { usePartnershipMutation, useReports, type KpiValue, type Report, type ReportStatus } from './api';
import { linesOf } from './forms';

const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  accepted: 'green',
  to_revise: 'orange',
};

const valuesToText = (values: KpiValue[]) => values.map((v) => `${v.label} = ${v.value}`).join('\n');
function textToValues(text: string, period: string): KpiValue[] {
  return linesOf(text).map((line) => {
    const [label, ...rest] = line.split('=');
    return { label: label.trim(), value: rest.join('=').trim() || '–', period };
  });
}

function ReportCard({ report, abilities }: { report: Report; abilities: Record<string, boolean> }) {
  const { t } = useTranslation('partnership');
  const editable =
    abilities.edit && (report.status === 'draft' || report.status === 'to_revise') && !report.isPeriodClosed;
  const [risks, setRisks] = useState(report.risks);
  const [sections, setSections] = useState(
    report.sections.map((s) => ({
      objectiveId: s.objectiveId,
      title: s.objectiveTitle,
      narrative: s.narrative,
      values: valuesToText(s.kpiValues),
    })),
  );
  const [feedback, setFeedback] = useState('');
  const body = () => ({
    risks,
    sections: sections.map((s) => ({
      objectiveId: s.objectiveId,
      narrative: s.narrative,
      kpiValues: textToValues(s.values, report.periodLabel),
    })),
  });
  const save = usePartnershipMutation(() => api.put<Report>(`/api/partnership/reports/${report.id}`, body()));
  const submit = usePartnershipMutation(async () => {
    await api.put<Report>(`/api/partnership/reports/${report.id}`, body());
    return api.post<Report>(`/api/partnership/reports/${report.id}/submit`);
  });
  const review = usePartnershipMutation((outcome: 'accepted' | 'to_revise') =>
    api.post<Report>(`/api/partnership/reports/${report.id}/review`, { outcome, feedback }),
  );
  return (
    <Card withBorder padding="lg" data-testid={`report-${report.periodLabel}`}>
      <Stack>
        <Group justify="space-between">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {t('reports')}: {report.periodLabel}
            </Title>
            <Text c="dimmed">
              {formatDate(report.periodStartsOn)} – {formatDate(report.periodEndsOn)} · {t('dueOn')}{' '}
              {formatDate(report.dueOn)} · {t('submissions')}: {report.submissionCount}
            </Text>
          </Stack>
          <Badge size="lg" color={STATUS_COLOR[report.status]} data-testid="report-status">
            {t(`reportStatuses.${report.status}`)}
          </Badge>
        </Group>
        {report.isPeriodClosed && <Alert color="gray">{t('periodClosedNote')}</Alert>}
        {report.feedback && (
          <Alert color={report.status === 'to_revise' ? 'orange' : 'blue'} title={t('feedback')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{report.feedback}</Text>
          </Alert>
        )}
        <ErrorAlert error={save.error ?? submit.error ?? review.error} />
        {sections.map((s, i) => (
          <Stack key={s.objectiveId} gap={4}>
            <Text fw={600}>
              {i + 1}. {s.title}
            </Text>
            {editable ? (
              <>
                <Textarea
                  aria-label={`${t('narrative')} ${i + 1}`}
                  autosize
                  minRows={2}
                  value={s.narrative}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setSections((all) => all.map((x, k) => (k === i ? { ...x, narrative: value } : x)));
                  }}
                />
                <Textarea
                  label={t('kpiValues')}
                  description={t('kpiValuesHelp')}
                  autosize
                  minRows={1}
                  value={s.values}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setSections((all) => all.map((x, k) => (k === i ? { ...x, values: value } : x)));
                  }}
                />
              </>
            ) : (
              <>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{s.narrative || '–'}</Text>
                {s.values && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.values}
                  </Text>
                )}
              </>
            )}
          </Stack>
        ))}
        {editable ? (
          <Textarea
            label={t('risks')}
            autosize
            minRows={2}
            value={risks}
            onChange={(e) => setRisks(e.currentTarget.value)}
          />
        ) : (
          <div>
            <Text fw={600}>{t('risks')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{report.risks || '–'}</Text>
          </div>
        )}
        {editable && (
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={save.isPending}
              onClick={() =>
                save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
              }
            >
              {t('saveDraft')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
              }
            >
              {report.submissionCount > 0 ? t('resubmit') : t('submit')}
            </Button>
          </Group>
        )}
        {abilities.review && report.status === 'submitted' && (
          <Card withBorder padding="sm">
            <Stack>
              <Textarea
                label={t('feedback')}
                autosize
                minRows={3}
                value={feedback}
                onChange={(e) => setFeedback(e.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button
                  color="orange"
                  variant="light"
                  loading={review.isPending}
                  onClick={() => review.mutate('to_revise')}
                >
                  {t('returnToRevise')}
                </Button>
                <Button color="green" loading={review.isPending} onClick={() => review.mutate('accepted')}>
                  {t('accept')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
        {report.reviews.length > 0 && (
          <div>
            <Text fw={600}>{t('reviews')}</Text>
            {report.reviews.map((v, i) => (
              <Text key={i} size="sm">
                #{v.submission} · {formatDateTime(v.reviewedAt)} · {t(`reportStatuses.${v.outcome}`)}
                {v.reviewedBy ? ` · ${v.reviewedBy}` : ''}: {v.feedback}
              </Text>
            ))}
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function ReportsTab({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation('partnership');
  const reports = useReports(clusterId);
  const rows = reports.data?.data ?? [];
  const abilities = reports.data?.abilities ?? {};
  return (
    <Stack>
      <ErrorAlert error={reports.error} />
      <DataTable
        data={rows}
        serverPage={reports.serverPage}
        caption={t('tabs.reports')}
        columns={[
          { accessorKey: 'periodLabel', header: t('period') },
          {
            id: 'due',
            header: t('dueOn'),
            accessorFn: (r) => r.dueOn,
            cell: ({ row }) => formatDate(row.original.dueOn),
          },
          { id: 'status', header: t('status'), accessorFn: (r) => t(`reportStatuses.${r.status}`) },
          { accessorKey: 'submissionCount', header: t('submissions') },
        ]}
        xlsxUrl={`/api/partnership/clusters/${clusterId}/reports.xlsx`}
      />
      {rows.map((r) => (
        <ReportCard key={`${r.id}-${r.status}-${r.submissionCount}`} report={r} abilities={abilities} />
      ))}
    </Stack>
  );
}
