import { Box, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useDefinitions, useKpiMutation, usePeriods, type Definition, type Period } from './api';
import { DefinitionModal } from './definition-modal';
import { pickText } from '../../app/language';

function PeriodsTable() {
  const { t } = useTranslation('kpis');
  const periods = usePeriods();
  const canManage = periods.data?.abilities.manage ?? false;
  const change = useKpiMutation(({ period, action }: { period: Period; action: 'open' | 'close' }) =>
    api.post(`/api/kpis/periods/${period.id}/${action}`, {}),
  );
  const columns: ColumnDef<Period>[] = [
    { accessorKey: 'label', header: t('period') },
    {
      accessorKey: 'startsOn',
      header: t('date'),
      cell: ({ row }) => `${formatDate(row.original.startsOn)} – ${formatDate(row.original.endsOn)}`,
    },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: ({ row }) => t(`periodStatuses.${row.original.status}`),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        canManage && (
          <Group gap="xs">
            {row.original.status === 'planned' && (
              <Button
                size="xs"
                variant="light"
                onClick={() => change.mutate({ period: row.original, action: 'open' })}
              >
                {t('openPeriod')}
              </Button>
            )}
            {row.original.status !== 'closed' && (
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() =>
                  window.confirm(t('closeConfirm')) &&
                  change.mutate({ period: row.original, action: 'close' })
                }
              >
                {t('closePeriod')}
              </Button>
            )}
          </Group>
        ),
    },
  ];
  return (
    <Stack mt="xl">
      <Title order={2} size="h3">
        {t('periodsTitle')}
      </Title>
      <ErrorAlert error={periods.error ?? change.error} />
      <DataTable
        data={periods.data?.data ?? []}
        serverPage={periods.serverPage}
        columns={columns}
        xlsxUrl="/api/kpis/periods.xlsx"
        searchable={false}
      />
    </Stack>
  );
}

export function LibraryPage() {
  const { t, i18n } = useTranslation('kpis');
  const definitions = useDefinitions();
  const [shown, setShown] = useState<Definition | null>(null);
  const [creating, setCreating] = useState(false);
  const abilities = definitions.data?.abilities ?? {};
  const decide = useKpiMutation(({ id, decision }: { id: string; decision: 'approved' | 'rejected' }) =>
    api.post(`/api/kpis/definitions/${id}/decision`, { decision }),
  );
  const columns: ColumnDef<Definition>[] = [
    { accessorKey: 'code', header: t('code') },
    { id: 'name', header: t('name'), accessorFn: (d) => pickText(i18n.language, d.nameNl, d.nameEn) },
    { accessorKey: 'unit', header: t('unit'), cell: ({ row }) => t(`units.${row.original.unit}`) },
    {
      accessorKey: 'direction',
      header: t('direction'),
      cell: ({ row }) => (row.original.direction === 'higher' ? t('higher') : t('lower')),
    },
    {
      accessorKey: 'lens',
      header: t('lens'),
      cell: ({ row }) => t(`lenses.${row.original.lens}`),
    },
    {
      accessorKey: 'source',
      header: t('sourceHeader'),
      cell: ({ row }) => t(`source.${row.original.source}`),
    },
    {
      accessorKey: 'approvalStatus',
      header: t('approval'),
      cell: ({ row }) =>
        row.original.approvalStatus === 'proposed' && abilities.decide ? (
          <Group gap="xs" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
            <Button
              size="compact-xs"
              color="green"
              onClick={() => decide.mutate({ id: row.original.id, decision: 'approved' })}
            >
              {t('approve')}
            </Button>
            <Button
              size="compact-xs"
              color="red"
              variant="light"
              onClick={() => decide.mutate({ id: row.original.id, decision: 'rejected' })}
            >
              {t('reject')}
            </Button>
          </Group>
        ) : (
          t(`approvalStatuses.${row.original.approvalStatus}`)
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('libraryTitle')}
        description={t('libraryIntro')}
        actions={
          (abilities.create || abilities.propose) && (
            <Button onClick={() => setCreating(true)}>
              {abilities.create ? t('newKpi') : t('proposeKpi')}
            </Button>
          )
        }
      />
      <ErrorAlert error={definitions.error ?? decide.error} />
      <DataTable
        data={definitions.data?.data ?? []}
        serverPage={definitions.serverPage}
        columns={columns}
        xlsxUrl="/api/kpis/definitions.xlsx"
        onRowClick={setShown}
      />
      <PeriodsTable />
      {creating && <DefinitionModal onClose={() => setCreating(false)} />}
      {shown && (
        <Modal
          opened
          onClose={() => setShown(null)}
          title={`${shown.code} · ${pickText(i18n.language, shown.nameNl, shown.nameEn)}`}
          size="xl"
        >
          <Stack>
            <Text size="sm">{pickText(i18n.language, shown.definitionNl, shown.definitionEn)}</Text>
            {shown.source === 'formula' && (
              <Text size="sm">
                {t('formula')}: {shown.numeratorCode} / {shown.denominatorCode} × {shown.factor}
              </Text>
            )}
            {shown.sql && (
              <>
                <Text fw={600} size="sm">
                  {t('sql')}
                </Text>
                <Box
                  component="pre"
                  style={{ fontSize: 11, whiteSpace: 'pre-wrap', background: '#f8f9fa', padding: 8 }}
                >
                  {shown.sql}
                </Box>
              </>
            )}
          </Stack>
        </Modal>
      )}
    </>
  );
}
