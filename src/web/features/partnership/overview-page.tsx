import { Badge } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useClusters, type ClusterSummary } from './api';

export function OverviewPage() {
  const { t } = useTranslation('partnership');
  const clusters = useClusters();
  const navigate = useNavigate();
  const columns: ColumnDef<ClusterSummary>[] = [
    { accessorKey: 'clusterName', header: t('cluster') },
    { id: 'agreement', header: t('agreement'), accessorFn: (c) => c.agreementTitle ?? '–' },
    {
      id: 'signed',
      header: t('signed'),
      accessorFn: (c) => c.agreementSigned,
      cell: ({ row }) =>
        row.original.agreementTitle ? (
          <Badge color={row.original.agreementSigned ? 'green' : 'gray'} variant="light">
            {row.original.agreementSigned ? t('signed') : t('notSigned')}
          </Badge>
        ) : (
          '–'
        ),
    },
    { accessorKey: 'openActions', header: t('openActions') },
    {
      accessorKey: 'overdueActions',
      header: t('overdueActions'),
      cell: ({ row }) =>
        row.original.overdueActions > 0 ? <Badge color="red">{row.original.overdueActions}</Badge> : 0,
    },
    {
      id: 'next',
      header: t('nextMeeting'),
      accessorFn: (c) => c.nextMeetingAt ?? '',
      cell: ({ row }) => formatDateTime(row.original.nextMeetingAt),
    },
    { accessorKey: 'reportsToReview', header: t('reportsToReview') },
  ];
  return (
    <>
      <PageHeader title={t('overviewTitle')} description={t('overviewIntro')} />
      <ErrorAlert error={clusters.error} />
      <DataTable
        data={clusters.data?.data ?? []}
        serverPage={clusters.serverPage}
        caption={t('overviewTitle')}
        columns={columns}
        xlsxUrl="/api/partnership/clusters.xlsx"
        onRowClick={(c) => void navigate(`/partnership/clusters/${c.clusterId}`)}
      />
    </>
  );
}
