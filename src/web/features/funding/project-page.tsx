import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatCents, formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Money } from './money';
import { PageHeader } from '../../shared/page-header';
import { useFundingMutation, usePreview, useProject, type ProjectDetail } from './api';
import { LineSelect } from './line-select';
import { DecisionButtons } from './decision-buttons';
import { PaymentsTable } from './payments-table';
import { AddMilestoneModal, PlanTrancheModal } from './forms';
import { pickText } from '../../app/language';

const statusColour = (status: string) =>
  status === 'accepted' || status === 'released'
    ? 'green'
    : status === 'returned'
      ? 'orange'
      : status === 'reported' || status === 'submitted' || status === 'delivered'
        ? 'blue'
        : 'gray';

/**
 * Before committing: the line's remaining money and each participant's de minimis headroom;
 * refused breaches need a motivated override.
 */
function CommitPanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('funding');
  const [lineId, setLineId] = useState<string | null>(null);
  const [override, setOverride] = useState('');
  const preview = usePreview(project.id, lineId);
  const commit = useFundingMutation((body: unknown) => api.post('/api/funding/commitments', body));
  const p = preview.data?.data;
  const breaches = p?.deMinimis.some((c) => c.breaches) ?? false;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('commitTitle')}
      </Title>
      <Stack>
        <LineSelect
          label={t('chooseLine')}
          value={lineId}
          onChange={setLineId}
          describe={(l) => `${l.code} — ${t(`purposes.${l.purpose}`)} — ${formatCents(l.remainingCents)}`}
        />
        <ErrorAlert error={preview.error ?? commit.error} />
        {p && (
          <>
            <Text>
              {t('aid')}: <b>{formatCents(p.amountCents)}</b> · {t('lineRemaining')}:{' '}
              <b>{formatCents(p.lineRemainingCents)}</b>
            </Text>
            {p.deMinimis.length > 0 && (
              <Table withTableBorder data-testid="headroom-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisation')}</Table.Th>
                    <Table.Th>{t('requested')}</Table.Th>
                    <Table.Th>{t('used')}</Table.Th>
                    <Table.Th>{t('headroom')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.deMinimis.map((c) => (
                    <Table.Tr key={c.organisationId}>
                      <Table.Td>{c.organisationName}</Table.Td>
                      <Table.Td>{formatCents(c.requestedCents)}</Table.Td>
                      <Table.Td>{formatCents(c.usedCents)}</Table.Td>
                      <Table.Td>
                        <b>{formatCents(c.headroomCents)}</b>
                      </Table.Td>
                      <Table.Td>
                        {c.breaches && (
                          <Badge color="red" variant="light">
                            {t('breachShort')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {p.refusals.length > 0 && (
              <Alert color={breaches && p.refusals.length === 1 ? 'orange' : 'red'} role="status">
                {t('wouldRefuse')}{' '}
                {p.refusals
                  .map((code) => t(`refusal.${code}`, { defaultValue: t('refusalOther') }))
                  .join('; ')}
                .
              </Alert>
            )}
            {breaches && (
              <Textarea
                label={t('overrideLabel')}
                value={override}
                onChange={(e) => setOverride(e.currentTarget.value)}
                minLength={10}
              />
            )}
            <Group justify="flex-end">
              <Button
                loading={commit.isPending}
                disabled={
                  p.refusals.some((r) => r !== 'DE_MINIMIS_CEILING_EXCEEDED') ||
                  (breaches && override.trim().length < 10)
                }
                onClick={() =>
                  commit.mutate(
                    { projectId: project.id, lineId, ...(breaches ? { deMinimisOverride: override } : {}) },
                    { onSuccess: () => notifications.show({ message: t('saved') }) },
                  )
                }
              >
                {t('commit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

function ReportForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({ kind: 'progress', title: '', summary: '' });
  const submit = useFundingMutation((body: unknown) => api.post(`/api/projects/${projectId}/reports`, body));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('newReport')}
      </Title>
      <Stack gap="xs">
        <ErrorAlert error={submit.error} />
        <Group grow>
          <Select
            label={t('kind')}
            value={form.kind}
            allowDeselect={false}
            onChange={(v) => v && setForm({ ...form, kind: v })}
            data={[
              { value: 'progress', label: t('reportKinds.progress') },
              { value: 'final', label: t('reportKinds.final') },
            ]}
          />
          <TextInput
            label={t('title')}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          />
        </Group>
        <Textarea
          label={t('summary')}
          value={form.summary}
          onChange={(e) => setForm({ ...form, summary: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button
            size="xs"
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(form, {
                onSuccess: () => {
                  setForm({ kind: 'progress', title: '', summary: '' });
                  notifications.show({ message: t('saved') });
                },
              })
            }
          >
            {t('submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ProjectPage() {
  const { t, i18n } = useTranslation('funding');
  const { id = '' } = useParams();
  const project = useProject(id);
  const reportMilestone = useFundingMutation((milestoneId: string) =>
    api.send('POST', `/api/projects/${id}/milestones/${milestoneId}/report`, {}),
  );
  const deliver = useFundingMutation((body: { id: string; status: 'delivered' | 'accepted' }) =>
    api.send('PUT', `/api/projects/${id}/deliverables/${body.id}/status`, { status: body.status }),
  );
  const [modal, setModal] = useState<'tranche' | 'milestones' | 'deliverables' | null>(null);
  const data = project.data?.data;
  const abilities = project.data?.abilities ?? {};
  if (!data)
    return (
      <>
        <ErrorAlert error={project.error} />
      </>
    );
  const exportUrl = (table: string) => `/api/projects/${id}/export.xlsx?table=${table}`;
  const participantColumns: ColumnDef<ProjectDetail['participants'][number]>[] = [
    { accessorKey: 'name', header: t('organisation') },
    {
      accessorKey: 'role',
      header: t('role'),
      cell: (c) => t(`participantRoles.${c.getValue() as string}`, { defaultValue: c.getValue() as string }),
    },
    {
      accessorKey: 'helix',
      header: t('helixLabel'),
      cell: (c) => t(`portfolio:helix.${c.getValue() as string}`, { defaultValue: c.getValue() as string }),
    },
    {
      accessorKey: 'budgetCents',
      header: t('totalBudget'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    { accessorKey: 'aidCents', header: t('aid'), cell: (c) => <Money cents={c.getValue() as number} /> },
  ];
  const milestoneColumns: ColumnDef<ProjectDetail['milestones'][number]>[] = [
    { accessorKey: 'title', header: t('title') },
    { accessorKey: 'dueOn', header: t('dueOn'), cell: (c) => formatDate(c.getValue() as string) },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (m) => m.status,
      cell: ({ row }) => (
        <Badge variant="light" color={statusColour(row.original.status)}>
          {t(`statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) => {
        const m = row.original;
        if (abilities.decide && m.status === 'reported')
          return <DecisionButtons url={`/api/projects/${id}/milestones/${m.id}/decision`} />;
        if (abilities.report && (m.status === 'open' || m.status === 'returned'))
          return (
            <Button size="xs" variant="light" onClick={() => reportMilestone.mutate(m.id)}>
              {t('reportReached')}
            </Button>
          );
        return m.decisionComment || null;
      },
    },
  ];
  const deliverableColumns: ColumnDef<ProjectDetail['deliverables'][number]>[] = [
    { accessorKey: 'title', header: t('title') },
    { accessorKey: 'dueOn', header: t('dueOn'), cell: (c) => formatDate(c.getValue() as string) },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (d) => d.status,
      cell: ({ row }) => (
        <Badge variant="light" color={statusColour(row.original.status)}>
          {t(`statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.status === 'planned' && abilities.report ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => deliver.mutate({ id: row.original.id, status: 'delivered' })}
          >
            {t('markDelivered')}
          </Button>
        ) : row.original.status === 'delivered' && abilities.decide ? (
          <Button size="xs" onClick={() => deliver.mutate({ id: row.original.id, status: 'accepted' })}>
            {t('accept')}
          </Button>
        ) : null,
    },
  ];
  const reportColumns: ColumnDef<ProjectDetail['reports'][number]>[] = [
    { id: 'kind', header: t('kind'), accessorFn: (r) => t(`reportKinds.${r.kind}`) },
    { accessorKey: 'title', header: t('title') },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (r) => r.status,
      cell: ({ row }) => (
        <Badge variant="light" color={statusColour(row.original.status)}>
          {t(`statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        abilities.decide && row.original.status === 'submitted' ? (
          <DecisionButtons url={`/api/funding/reports/${row.original.id}/decision`} />
        ) : (
          row.original.decisionComment || null
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={`${data.code} — ${data.title}`}
        description={
          <Group gap="xs">
            <Badge variant="light" color={data.kind === 'inter_cluster_project' ? 'grape' : 'blue'}>
              {t(`kinds.${data.kind}`)}
            </Badge>
            <Text size="sm">
              {formatDate(data.startsOn)} – {formatDate(data.endsOn)} · {t(`regimes.${data.aidRegime}`)}{' '}
              {data.aidLegalBasis}
            </Text>
          </Group>
        }
      />
      <ErrorAlert error={reportMilestone.error ?? deliver.error} />
      <Stack>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {[
            [t('totalBudget'), data.totalBudgetCents],
            [t('aid'), data.aidCents],
            [t('committed'), data.committedCents],
            [t('paid'), data.paidCents],
          ].map(([label, cents]) => (
            <Card withBorder padding="sm" key={String(label)}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={700}>{formatCents(cents as number)}</Text>
            </Card>
          ))}
        </SimpleGrid>
        {data.themes.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('themes')}:</Text>
            {data.themes.map((th) => (
              <Badge key={th.id} variant="outline">
                {pickText(i18n.language, th.labelNl, th.labelEn)}
              </Badge>
            ))}
          </Group>
        )}
        {abilities.commit && data.commitments.length === 0 && <CommitPanel project={data} />}
        {data.commitments.length > 0 && (
          <Alert color="green" role="status">
            {t('alreadyCommitted')}{' '}
            {data.commitments
              .map((c) => `${c.lineCode}: ${formatCents(c.amountCents)} (${formatDate(c.decidedOn)})`)
              .join('; ')}
          </Alert>
        )}
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('payments')}
          </Title>
          {abilities.planPayment && data.commitments.length > 0 && (
            <Button size="xs" variant="light" onClick={() => setModal('tranche')}>
              {t('planTranche')}
            </Button>
          )}
        </Group>
        <PaymentsTable
          payments={data.payments}
          canRelease={Boolean(abilities.releasePayment)}
          xlsxUrl={exportUrl('payments')}
        />
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('milestones')}
          </Title>
          {abilities.addMilestone && (
            <Button size="xs" variant="light" onClick={() => setModal('milestones')}>
              {t('addMilestone')}
            </Button>
          )}
        </Group>
        <DataTable
          data={data.milestones}
          columns={milestoneColumns}
          xlsxUrl={exportUrl('milestones')}
          searchable={false}
        />
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('deliverables')}
          </Title>
          {abilities.addMilestone && (
            <Button size="xs" variant="light" onClick={() => setModal('deliverables')}>
              {t('addDeliverable')}
            </Button>
          )}
        </Group>
        <DataTable
          data={data.deliverables}
          columns={deliverableColumns}
          xlsxUrl={exportUrl('deliverables')}
          searchable={false}
        />
        <Title order={2} size="h4">
          {t('reports')}
        </Title>
        <DataTable
          data={data.reports}
          columns={reportColumns}
          xlsxUrl={exportUrl('reports')}
          searchable={false}
        />
        {abilities.report && <ReportForm projectId={id} />}
        <Title order={2} size="h4">
          {t('participants')}
        </Title>
        <DataTable
          data={data.participants}
          columns={participantColumns}
          xlsxUrl={exportUrl('participants')}
        />
      </Stack>
      {modal === 'tranche' && <PlanTrancheModal project={data} opened onClose={() => setModal(null)} />}
      {(modal === 'milestones' || modal === 'deliverables') && (
        <AddMilestoneModal projectId={id} kind={modal} opened onClose={() => setModal(null)} />
      )}
    </>
  );
}
