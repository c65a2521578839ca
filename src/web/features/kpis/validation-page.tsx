import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useKpiMutation, useQueue, type QueueItem } from './api';
import { formatValue } from './components';
import { pickText } from '../../app/language';

function ReturnModal({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const { t, i18n } = useTranslation('kpis');
  const { t: tc } = useTranslation();
  const [comment, setComment] = useState('');
  const name = pickText(i18n.language, item.nameNl, item.nameEn);
  const send = useKpiMutation(() =>
    api.send('POST', `/api/kpis/measurements/${item.measurementId}/return`, { comment }),
  );
  return (
    <Modal opened onClose={onClose} title={`${t('returnTitle')}: ${item.clusterName} · ${name}`}>
      <Stack>
        <ErrorAlert error={send.error} />
        <Textarea
          label={t('comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          required
          autosize
          minRows={3}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button
            color="orange"
            loading={send.isPending}
            onClick={() =>
              send.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ message: t('saved') });
                  onClose();
                },
              })
            }
          >
            {t('return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ValidationPage() {
  const { t, i18n } = useTranslation('kpis');
  const queue = useQueue();
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const nameOf = (item: QueueItem) => pickText(i18n.language, item.nameNl, item.nameEn);
  const validate = useKpiMutation((item: QueueItem) =>
    api.send('POST', `/api/kpis/measurements/${item.measurementId}/validate`, {}),
  );
  const columns: ColumnDef<QueueItem>[] = [
    { accessorKey: 'clusterName', header: t('cluster') },
    { id: 'kpi', header: t('kpi'), accessorFn: nameOf },
    { accessorKey: 'periodCode', header: t('period') },
    {
      accessorKey: 'value',
      header: t('value'),
      cell: ({ row }) => formatValue(row.original.unit, row.original.value),
    },
    { accessorKey: 'comment', header: t('comment') },
    { accessorKey: 'evidenceCount', header: t('evidenceCount') },
    {
      accessorKey: 'reportedAt',
      header: t('reportedAt'),
      cell: ({ row }) => formatDateTime(row.original.reportedAt),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            color="green"
            aria-label={`${t('validate')} ${nameOf(row.original)}`}
            loading={validate.isPending && validate.variables?.measurementId === row.original.measurementId}
            onClick={() => validate.mutate(row.original)}
          >
            {t('validate')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="orange"
            aria-label={`${t('return')} ${nameOf(row.original)}`}
            onClick={() => setReturning(row.original)}
          >
            {t('return')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('validationTitle')} description={t('validationIntro')} />
      <ErrorAlert error={queue.error ?? validate.error} />
      <DataTable
        data={queue.data?.data ?? []}
        serverPage={queue.serverPage}
        columns={columns}
        xlsxUrl="/api/kpis/validation-queue.xlsx"
      />
      {returning && <ReturnModal item={returning} onClose={() => setReturning(null)} />}
    </>
  );
}
