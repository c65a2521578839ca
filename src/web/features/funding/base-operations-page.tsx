import { Badge, Button, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Money } from './money';
import { PageHeader } from '../../shared/page-header';
import { useBaseOperations, useReports, type BaseOperation, type Report } from './api';
import { DecisionButtons } from './decision-buttons';
import { CostsReportModal, GrantBaseOperationsModal } from './forms';

function ReportsTable() {
  const { t } = useTranslation('funding');
  const reports = useReports();
  const canDecide = Boolean(reports.data?.abilities.decide);
  const columns: ColumnDef<Report>[] = [
    { id: 'about', header: t('project'), accessorFn: (r) => r.projectCode ?? r.baseOperationLabel ?? '' },
    { id: 'kind', header: t('kind'), accessorFn: (r) => t(`reportKinds.${r.kind}`) },
    { accessorKey: 'title', header: t('title') },
    {
      accessorKey: 'reportedCostsCents',
      header: t('reportedCosts'),
      cell: (c) => <Money cents={c.getValue() as number | null} />,
    },
    {
      accessorKey: 'submittedAt',
      header: t('submittedAt'),
      cell: (c) => formatDateTime(c.getValue() as string),
    },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (r) => t(`statuses.${r.status}`),
      cell: ({ row }) => (
        <Badge
          variant="light"
          color={
            row.original.status === 'accepted'
              ? 'green'
              : row.original.status === 'returned'
                ? 'orange'
                : 'blue'
          }
        >
          {t(`statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        canDecide && row.original.status === 'submitted' ? (
          <DecisionButtons url={`/api/funding/reports/${row.original.id}/decision`} />
        ) : null,
    },
  ];
  return (
    <>
      <ErrorAlert error={reports.error} />
      <DataTable
        data={reports.data?.data ?? []}
        serverPage={reports.serverPage}
        columns={columns}
        xlsxUrl="/api/funding/reports.xlsx"
      />
    </>
  );
}

export function BaseOperationsPage() {
  const { t } = useTranslation('funding');
  const me = useMe();
  const base = useBaseOperations();
  const [modal, setModal] = useState<{ kind: 'grant' } | { kind: 'costs'; id: string } | null>(null);
  const abilities = base.data?.abilities ?? {};
  const columns: ColumnDef<BaseOperation>[] = [
    { accessorKey: 'clusterName', header: t('cluster') },
    { accessorKey: 'year', header: t('year') },
    { accessorKey: 'lineCode', header: t('line') },
    {
      accessorKey: 'subsidyCents',
      header: t('subsidy'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    { accessorKey: 'ownContributionRatio', header: t('ratio') },
    {
      accessorKey: 'requiredOwnContributionCents',
      header: t('required'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    {
      accessorKey: 'reportedCostsCents',
      header: t('reportedCosts'),
      cell: (c) => <Money cents={c.getValue() as number | null} />,
    },
    {
      accessorKey: 'reportedOwnContributionCents',
      header: t('reportedOwn'),
      cell: (c) => <Money cents={c.getValue() as number | null} />,
    },
    {
      id: 'meets',
      header: t('meets'),
      accessorFn: (b) => b.meetsOwnContribution,
      cell: ({ row }) =>
        row.original.meetsOwnContribution === null ? (
          '–'
        ) : (
          <Badge color={row.original.meetsOwnContribution ? 'green' : 'red'} variant="light">
            {row.original.meetsOwnContribution ? t('yes') : t('no')}
          </Badge>
        ),
    },
    { accessorKey: 'paidCents', header: t('paid'), cell: (c) => <Money cents={c.getValue() as number} /> },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        abilities.report ? (
          <Button size="xs" variant="light" onClick={() => setModal({ kind: 'costs', id: row.original.id })}>
            {t('costsReport')}
          </Button>
        ) : null,
    },
  ];
  const role = me.data?.user.role;
  return (
    <>
      <PageHeader
        title={t('baseTitle')}
        description={t('baseIntro')}
        actions={
          abilities.create && <Button onClick={() => setModal({ kind: 'grant' })}>{t('grantBase')}</Button>
        }
      />
      <ErrorAlert error={base.error} />
      <Stack>
        <DataTable
          data={base.data?.data ?? []}
          serverPage={base.serverPage}
          columns={columns}
          xlsxUrl="/api/funding/base-operations.xlsx"
        />
        {role && role !== 'manager' && (
          <>
            <Title order={2} size="h4">
              {t('reportsTitle')}
            </Title>
            <ReportsTable />
          </>
        )}
      </Stack>
      {modal?.kind === 'grant' && <GrantBaseOperationsModal opened onClose={() => setModal(null)} />}
      {modal?.kind === 'costs' && (
        <CostsReportModal baseOperationId={modal.id} opened onClose={() => setModal(null)} />
      )}
    </>
  );
}
