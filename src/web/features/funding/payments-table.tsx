import { Badge, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format';
import { Money } from './money';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { useFundingMutation, type Payment } from './api';

/** Payment tranches with their condition; the officer pays out a tranche once its condition is accepted. */
export function PaymentsTable({
  payments,
  canRelease,
  xlsxUrl,
}: {
  payments: Payment[];
  canRelease: boolean;
  xlsxUrl: string;
}) {
  const { t } = useTranslation('funding');
  const release = useFundingMutation((id: string) => api.post(`/api/funding/payments/${id}/release`, {}));
  const columns: ColumnDef<Payment>[] = [
    { accessorKey: 'lineCode', header: t('line') },
    { id: 'project', header: t('project'), accessorFn: (p) => p.projectCode ?? '' },
    { id: 'tranche', header: t('tranche'), accessorFn: (p) => t(`tranches.${p.tranche}`) },
    {
      accessorKey: 'amountCents',
      header: t('amount'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    {
      id: 'condition',
      header: t('condition'),
      accessorFn: (p) =>
        p.condition.kind === 'none'
          ? t('none')
          : `${p.condition.title ?? ''} (${t(`statuses.${p.condition.status ?? 'open'}`)})`,
    },
    { accessorKey: 'plannedOn', header: t('plannedOn'), cell: (c) => formatDate(c.getValue() as string) },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (p) => p.status,
      cell: ({ row }) =>
        row.original.status === 'released' ? (
          <Badge color="green" variant="light" title={formatDateTime(row.original.releasedAt)}>
            {t('released')}
          </Badge>
        ) : (
          <Badge color={row.original.isReleasable ? 'blue' : 'gray'} variant="light">
            {t('planned')}
          </Badge>
        ),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        canRelease && row.original.status === 'planned' ? (
          <Button
            size="xs"
            disabled={!row.original.isReleasable}
            loading={release.isPending && release.variables === row.original.id}
            onClick={() =>
              release.mutate(row.original.id, {
                onSuccess: () => notifications.show({ message: t('saved') }),
              })
            }
          >
            {t('release')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <ErrorAlert error={release.error} />
      <DataTable data={payments} columns={columns} xlsxUrl={xlsxUrl} />
    </>
  );
}
