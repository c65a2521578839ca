import { Button, Card, FileInput, Group, Modal, Select, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatCents, formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useEuParticipations, useKpiMutation, type EuParticipation } from './api';

function LinkModal({ participation, onClose }: { participation: EuParticipation; onClose: () => void }) {
  const { t } = useTranslation('kpis');
  const { t: tc } = useTranslation();
  const [search, setSearch] = useState(participation.name.split(' ')[0] ?? '');
  const [organisationId, setOrganisationId] = useState<string | null>(participation.organisationId);
  const organisations = useQuery({
    queryKey: ['kpis', 'organisations', search],
    queryFn: () =>
      api.get<{ id: string; name: string }[]>(`/api/organisations?q=${encodeURIComponent(search)}`),
  });
  const save = useKpiMutation(() =>
    api.send('PUT', `/api/kpis/eu-participations/${participation.id}/organisation`, { organisationId }),
  );
  return (
    <Modal opened onClose={onClose} title={`${t('linkManually')}: ${participation.name}`}>
      <Stack>
        <ErrorAlert error={save.error ?? organisations.error} />
        <Select
          label={t('organisationId')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={(organisations.data?.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId}
          onChange={setOrganisationId}
          clearable
        />
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
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportCard() {
  const { t } = useTranslation('kpis');
  const [project, setProject] = useState<File | null>(null);
  const [organisation, setOrganisation] = useState<File | null>(null);
  const run = useKpiMutation(async () => {
    if (!project || !organisation) return undefined;
    return api.post<{ projects: number; participations: number; linked: number; unmatched: number }>(
      '/api/kpis/eu-participations/import',
      { projectCsv: await project.text(), organizationCsv: await organisation.text() },
    );
  });
  return (
    <Card withBorder mb="md">
      <Stack>
        <Text fw={600}>{t('importCordis')}</Text>
        <ErrorAlert error={run.error} />
        <Group align="flex-end">
          <FileInput label={t('projectFile')} accept=".csv" value={project} onChange={setProject} w={240} />
          <FileInput
            label={t('organizationFile')}
            accept=".csv"
            value={organisation}
            onChange={setOrganisation}
            w={240}
          />
          <Button
            disabled={!project || !organisation}
            loading={run.isPending}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: (result) =>
                  result &&
                  notifications.show({
                    message: t('importDone', (result as { data: Record<string, number> }).data),
                  }),
              })
            }
          >
            {t('importCordis')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function EuPage() {
  const { t } = useTranslation('kpis');
  const [unmatched, setUnmatched] = useState(false);
  const participations = useEuParticipations(unmatched);
  const [linking, setLinking] = useState<EuParticipation | null>(null);
  const abilities = participations.data?.abilities ?? {};
  const columns: ColumnDef<EuParticipation>[] = [
    { accessorKey: 'acronym', header: t('acronym') },
    { accessorKey: 'frameworkProgramme', header: t('programme') },
    { accessorKey: 'startsOn', header: t('date'), cell: ({ row }) => formatDate(row.original.startsOn) },
    { accessorKey: 'name', header: t('name') },
    { accessorKey: 'vatNumber', header: t('vatNumber') },
    {
      accessorKey: 'role',
      header: t('role'),
      cell: ({ row }) => t(`participantRoles.${row.original.role}`, { defaultValue: row.original.role }),
    },
    {
      accessorKey: 'isSme',
      header: t('sme'),
      cell: ({ row }) => (row.original.isSme === null ? '–' : row.original.isSme ? t('yes') : t('no')),
    },
    {
      accessorKey: 'ecContributionCents',
      header: t('ecContribution'),
      cell: ({ row }) => formatCents(row.original.ecContributionCents),
    },
    {
      id: 'organisation',
      header: t('organisation'),
      accessorFn: (p) => p.organisationName ?? t('unmatched'),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        abilities.link && (
          <Button size="xs" variant="light" onClick={() => setLinking(row.original)}>
            {t('linkManually')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('euTitle')} description={t('euIntro')} />
      {abilities.import && <ImportCard />}
      <Switch
        label={t('unmatchedOnly')}
        checked={unmatched}
        onChange={(e) => setUnmatched(e.currentTarget.checked)}
        mb="md"
      />
      <ErrorAlert error={participations.error} />
      <DataTable
        data={participations.data?.data ?? []}
        serverPage={participations.serverPage}
        columns={columns}
        xlsxUrl={`/api/kpis/eu-participations.xlsx${unmatched ? '?unmatched=true' : ''}`}
      />
      {linking && <LinkModal participation={linking} onClose={() => setLinking(null)} />}
    </>
  );
}
