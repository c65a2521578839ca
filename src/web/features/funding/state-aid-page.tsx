import { Alert, Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { formatCents, formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Money } from './money';
import { PageHeader } from '../../shared/page-header';
import { useAidAwards, useOrganisationAid, type AidAward } from './api';
import { RecordAidModal } from './forms';

function useAwardColumns(withOrganisation: boolean): ColumnDef<AidAward>[] {
  const { t } = useTranslation('funding');
  return [
    ...(withOrganisation
      ? [
          {
            accessorKey: 'organisationName',
            header: t('organisation'),
            cell: ({ row }) => (
              <Link to={`/funding/state-aid/${row.original.organisationId}`}>
                {row.original.organisationName}
              </Link>
            ),
          } as ColumnDef<AidAward>,
        ]
      : []),
    { id: 'regime', header: t('regime'), accessorFn: (a) => t(`regimes.${a.regime}`) },
    { accessorKey: 'legalBasis', header: t('legalBasis') },
    {
      accessorKey: 'amountCents',
      header: t('amount'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    { accessorKey: 'grantedOn', header: t('grantedOn'), cell: (c) => formatDate(c.getValue() as string) },
    { accessorKey: 'grantedByAuthority', header: t('authority') },
    { id: 'project', header: t('project'), accessorFn: (a) => a.projectCode ?? '' },
    { id: 'override', header: t('override'), accessorFn: (a) => a.overrideMotivation ?? '' },
  ];
}

export function StateAidPage() {
  const { t } = useTranslation('funding');
  const awards = useAidAwards();
  const [opened, modal] = useDisclosure();
  const columns = useAwardColumns(true);
  return (
    <>
      <PageHeader
        title={t('aidTitle')}
        description={t('aidIntro')}
        actions={awards.data?.abilities.create && <Button onClick={modal.open}>{t('recordAid')}</Button>}
      />
      <ErrorAlert error={awards.error} />
      <DataTable
        data={awards.data?.data ?? []}
        serverPage={awards.serverPage}
        columns={columns}
        xlsxUrl="/api/state-aid/awards.xlsx"
      />
      {opened && <RecordAidModal opened onClose={modal.close} />}
    </>
  );
}

export function OrganisationAidPage() {
  const { t } = useTranslation('funding');
  const { id = '' } = useParams();
  const aid = useOrganisationAid(id);
  const columns = useAwardColumns(false);
  const data = aid.data?.data;
  return (
    <>
      <PageHeader
        title={t('orgAidTitle', { name: data?.organisation.name ?? '' })}
        description={data?.organisation.enterpriseNumber ?? undefined}
      />
      <ErrorAlert error={aid.error} />
      {data && (
        <Stack>
          <Alert
            color={
              data.deMinimis.headroomCents === 0
                ? 'red'
                : data.deMinimis.headroomCents < data.deMinimis.ceilingCents / 10
                  ? 'orange'
                  : 'blue'
            }
            role="status"
            data-testid="de-minimis-headroom"
          >
            {t('deMinimisBox', {
              on: formatDate(data.deMinimis.on),
              used: formatCents(data.deMinimis.usedCents),
              ceiling: formatCents(data.deMinimis.ceilingCents),
              years: data.deMinimis.windowYears,
              headroom: formatCents(data.deMinimis.headroomCents),
            })}
          </Alert>
          <Text size="sm" c="dimmed">
            {data.deMinimis.linkedEnterprisesKnown
              ? t('linkedKnown', { count: data.deMinimis.undertakingOrganisationIds.length - 1 })
              : t('linkedUnknown')}
          </Text>
          <DataTable data={data.awards} columns={columns} xlsxUrl="/api/state-aid/awards.xlsx" />
        </Stack>
      )}
    </>
  );
}
