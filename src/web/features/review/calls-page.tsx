import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { formatCents } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useReviewCalls, type ReviewCall } from './api';

export function ReviewCallsPage() {
  const { t } = useTranslation('review');
  const calls = useReviewCalls();
  const canOpen = calls.data?.abilities.open === true;
  const columns: ColumnDef<ReviewCall>[] = [
    {
      accessorKey: 'code',
      header: t('code'),
      // The review file opens for those the server says may open it (analysts see the list only).
      cell: (c) =>
        canOpen ? (
          <Anchor component={Link} to={`/review/calls/${c.row.original.id}`}>
            {c.row.original.code}
          </Anchor>
        ) : (
          c.row.original.code
        ),
    },
    { accessorKey: 'title', header: t('title') },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: (c) => t(`calls:statuses.${c.getValue() as string}`),
    },
    { accessorKey: 'proposals', header: t('proposals') },
    { accessorKey: 'experts', header: t('experts') },
    { accessorKey: 'budgetCents', header: t('budget'), cell: (c) => formatCents(c.getValue() as number) },
  ];
  return (
    <>
      <PageHeader title={t('callsTitle')} description={t('callsIntro')} />
      <ErrorAlert error={calls.error} />
      <DataTable data={calls.data?.data ?? []} serverPage={calls.serverPage} columns={columns} />
    </>
  );
}
