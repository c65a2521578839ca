import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
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
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Pager } from '../../shared/pager';
import { FormModal } from '../../shared/form-modal';
import {
  useMeeting,
  useMeetings,
  useMinutesVersions,
  usePartnershipMutation,
  type Meeting,
  type MeetingKind,
  type Snapshot,
} from './api';
import { formatSnapshotValue, linesOf } from './forms';
import { languageOf } from '../../app/language';

const STATUS_COLOR: Record<string, string> = {
  on_track: 'green',
  ok: 'green',
  at_risk: 'orange',
  off_track: 'red',
  over_budget: 'red',
  no_data: 'gray',
  not_computable: 'gray',
};

function SnapshotCard({ title, snapshot }: { title: string; snapshot: Snapshot | null }) {
  const { t, i18n } = useTranslation('partnership');
  const language = languageOf(i18n.language);
  return (
    <Card withBorder padding="sm" data-testid="snapshot">
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        {snapshot && (
          <Text size="xs" c="dimmed">
            {t('asOf', { date: formatDate(snapshot.asOf) })}
          </Text>
        )}
      </Group>
      {!snapshot || !snapshot.available ? (
        <Text size="sm" c="dimmed">
          {t('notAvailable')}
          {snapshot?.note ? `: ${snapshot.note[language]}` : ''}
        </Text>
      ) : (
        <>
          {snapshot.note && (
            <Text size="sm" c="dimmed">
              {snapshot.note[language]}
            </Text>
          )}
          {snapshot.items.length > 0 && (
            <Table>
              <Table.Tbody>
                {snapshot.items.map((item) => (
                  <Table.Tr key={item.label}>
                    <Table.Td>{t(`snapshotLabels.${item.label}`, { defaultValue: item.label })}</Table.Td>
                    <Table.Td ta="right">{formatSnapshotValue(item.value)}</Table.Td>
                    <Table.Td>
                      {item.status && (
                        <Badge
                          variant="light"
                          style={{ maxWidth: 'none' }}
                          color={STATUS_COLOR[item.status] ?? 'blue'}
                        >
                          {t(`snapshotStatuses.${item.status}`, { defaultValue: item.status })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}

function MinutesEditor({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation('partnership');
  const { t: tc } = useTranslation();
  const [body, setBody] = useState(meeting.minutes?.body ?? '');
  const [decisions, setDecisions] = useState(meeting.decisions.map((d) => d.text).join('\n'));
  const save = usePartnershipMutation(() =>
    api.put<Meeting>(`/api/partnership/meetings/${meeting.id}/minutes`, {
      body,
      decisions: linesOf(decisions),
    }),
  );
  const signedOff = Boolean(meeting.minutes?.signedOffAt);
  return (
    <Stack>
      {signedOff && <Alert color="yellow">{t('newVersionWarning')}</Alert>}
      <ErrorAlert error={save.error} />
      <Textarea
        label={t('minutes')}
        autosize
        minRows={5}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <Textarea
        label={t('decisions')}
        description={t('decisionsHelp')}
        autosize
        minRows={2}
        value={decisions}
        onChange={(e) => setDecisions(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {tc('cancel')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(undefined, {
              onSuccess: (result) => {
                notifications.show({
                  message: (result as { abilities: Record<string, boolean> }).abilities.newVersion
                    ? t('newVersionSaved')
                    : t('saved'),
                });
                onDone();
              },
            })
          }
        >
          {t('saveMinutes')}
        </Button>
      </Group>
    </Stack>
  );
}

function MeetingDetail({ meeting, abilities }: { meeting: Meeting; abilities: Record<string, boolean> }) {
  const { t } = useTranslation('partnership');
  const [editing, setEditing] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const signOff = usePartnershipMutation(() =>
    api.post(`/api/partnership/meetings/${meeting.id}/minutes/sign-off`),
  );
  const versions = useMinutesVersions(meeting.id, showVersions);
  const side = (s: 'cluster' | 'agency') => meeting.participants.filter((p) => p.side === s);
  return (
    <Card withBorder padding="lg" data-testid="meeting-detail">
      <Stack>
        <Group justify="space-between">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {meeting.title}
            </Title>
            <Text c="dimmed">
              {t(`kinds.${meeting.kind}`)} · {formatDateTime(meeting.startsAt)}
              {meeting.location ? ` · ${meeting.location}` : ''}
            </Text>
          </Stack>
          {meeting.isConfidential && <Badge color="grape">{t('confidential')}</Badge>}
        </Group>
        {meeting.isRedacted && <Alert color="gray">{t('redacted')}</Alert>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SnapshotCard title={t('kpiStatus')} snapshot={meeting.kpiSnapshot} />
          <SnapshotCard title={t('budgetStatus')} snapshot={meeting.budgetSnapshot} />
        </SimpleGrid>
        {!meeting.isRedacted && (
          <>
            {meeting.agenda && (
              <div>
                <Title order={3} size="h4">
                  {t('agenda')}
                </Title>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{meeting.agenda}</Text>
              </div>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div>
                <Text fw={600}>{t('clusterParticipants')}</Text>
                <List size="sm">
                  {side('cluster').map((p, i) => (
                    <List.Item key={i}>{p.name ?? '•'}</List.Item>
                  ))}
                </List>
              </div>
              <div>
                <Text fw={600}>{t('agencyParticipants')}</Text>
                <List size="sm">
                  {side('agency').map((p, i) => (
                    <List.Item key={i}>{p.name ?? '•'}</List.Item>
                  ))}
                </List>
              </div>
            </SimpleGrid>
            <div>
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {t('minutes')}
                  {meeting.minutes ? ` – ${t('version', { version: meeting.minutes.version })}` : ''}
                </Title>
                <Group>
                  {abilities.edit && !editing && (
                    <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                      {t('editMinutes')}
                    </Button>
                  )}
                  {abilities.edit && meeting.minutes && !meeting.minutes.signedOffAt && (
                    <Button size="xs" onClick={() => signOff.mutate(undefined)} loading={signOff.isPending}>
                      {t('signOff')}
                    </Button>
                  )}
                </Group>
              </Group>
              <ErrorAlert error={signOff.error} />
              {editing ? (
                <MinutesEditor meeting={meeting} onDone={() => setEditing(false)} />
              ) : meeting.minutes ? (
                <Stack gap={4}>
                  <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-body">
                    {meeting.minutes.body}
                  </Text>
                  {meeting.minutes.signedOffAt && (
                    <Badge color="green" variant="light">
                      {meeting.minutes.signedOffBy
                        ? t('signedOff', {
                            name: meeting.minutes.signedOffBy,
                            at: formatDateTime(meeting.minutes.signedOffAt),
                          })
                        : t('signedOffAt', { at: formatDateTime(meeting.minutes.signedOffAt) })}
                    </Badge>
                  )}
                </Stack>
              ) : (
                <Text c="dimmed">{t('noMinutes')}</Text>
              )}
            </div>
            {meeting.decisions.length > 0 && (
              <div>
                <Title order={3} size="h4">
                  {t('decisions')}
                </Title>
                <List>
                  {meeting.decisions.map((d) => (
                    <List.Item key={d.id}>{d.text}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {meeting.minutesVersions.length > 1 && (
              <div>
                <Button size="xs" variant="subtle" onClick={() => setShowVersions(!showVersions)}>
                  {t('versions')} ({meeting.minutesVersions.length - 1})
                </Button>
                {showVersions && (
                  <Stack gap="xs" mt="xs">
                    {(versions.data?.data ?? [])
                      .filter((v) => v.version !== meeting.minutes?.version)
                      .map((v) => (
                        <Card key={v.version} withBorder padding="xs">
                          <Text size="sm" fw={600}>
                            {t('version', { version: v.version })} · {formatDateTime(v.writtenAt)}
                            {v.signedOffAt
                              ? ` · ${t('signedOffAt', { at: formatDateTime(v.signedOffAt) })}`
                              : ''}
                          </Text>
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {v.body}
                          </Text>
                        </Card>
                      ))}
                    <Pager serverPage={versions.serverPage} />
                  </Stack>
                )}
              </div>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function MeetingForm({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const { t } = useTranslation('partnership');
  const { t: tc } = useTranslation();
  const [form, setForm] = useState({
    kind: 'quarterly_follow_up' as MeetingKind,
    title: '',
    startsAtLocal: '',
    location: '',
    agenda: '',
    isConfidential: false,
    clusterPeople: '',
    agencyPeople: '',
  });
  const create = usePartnershipMutation(() =>
    api.post<Meeting>(`/api/partnership/clusters/${clusterId}/meetings`, {
      kind: form.kind,
      title: form.title,
      startsAtLocal: form.startsAtLocal,
      location: form.location,
      agenda: form.agenda,
      isConfidential: form.isConfidential,
      participants: [
        ...linesOf(form.clusterPeople).map((name) => ({ side: 'cluster', name })),
        ...linesOf(form.agencyPeople).map((name) => ({ side: 'agency', name })),
      ],
    }),
  );
  const submit = () => {
    create.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: t('saved') });
        onClose();
      },
    });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('newMeeting')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      submitLabel={tc('create')}
    >
      <Select
        label={t('kind')}
        value={form.kind}
        allowDeselect={false}
        onChange={(v) => v && setForm({ ...form, kind: v })}
        data={(['steering_committee', 'quarterly_follow_up', 'other'] as const).map((k) => ({
          value: k,
          label: t(`kinds.${k}`),
        }))}
      />
      <TextInput
        label={t('title')}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      <Group grow>
        <TextInput
          type="datetime-local"
          label={t('startsAt')}
          required
          value={form.startsAtLocal}
          onChange={(e) => setForm({ ...form, startsAtLocal: e.currentTarget.value.slice(0, 16) })}
        />
        <TextInput
          label={t('location')}
          value={form.location}
          onChange={(e) => setForm({ ...form, location: e.currentTarget.value })}
        />
      </Group>
      <Textarea
        label={t('agenda')}
        autosize
        minRows={3}
        value={form.agenda}
        onChange={(e) => setForm({ ...form, agenda: e.currentTarget.value })}
      />
      <Group grow align="flex-start">
        <Textarea
          label={t('clusterParticipants')}
          description={t('participantsHelp')}
          autosize
          minRows={2}
          value={form.clusterPeople}
          onChange={(e) => setForm({ ...form, clusterPeople: e.currentTarget.value })}
        />
        <Textarea
          label={t('agencyParticipants')}
          description={t('participantsHelp')}
          autosize
          minRows={2}
          value={form.agencyPeople}
          onChange={(e) => setForm({ ...form, agencyPeople: e.currentTarget.value })}
        />
      </Group>
      <Checkbox
        label={t('confidential')}
        description={t('confidentialHelp')}
        checked={form.isConfidential}
        onChange={(e) => setForm({ ...form, isConfidential: e.currentTarget.checked })}
      />
    </FormModal>
  );
}

export function MeetingsTab({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation('partnership');
  const meetings = useMeetings(clusterId);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const rows = meetings.data?.data ?? [];
  const abilities = meetings.data?.abilities ?? {};
  // The meeting opened from the table (or a link), read on its own: it may be on another page.
  const opened = useMeeting(params.get('meeting'));
  const selected = opened.data?.data;
  const columns: ColumnDef<Meeting>[] = [
    {
      id: 'startsAt',
      header: t('startsAt'),
      accessorFn: (m) => m.startsAt,
      cell: ({ row }) => formatDateTime(row.original.startsAt),
    },
    { id: 'kind', header: t('kind'), accessorFn: (m) => t(`kinds.${m.kind}`) },
    {
      accessorKey: 'title',
      header: t('title'),
      cell: ({ row }) => (
        <Group gap={4}>
          {row.original.title}
          {row.original.isConfidential && (
            <Badge size="xs" color="grape">
              {t('confidential')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'minutes',
      header: t('minutes'),
      accessorFn: (m) => m.minutes?.version ?? 0,
      cell: ({ row }) =>
        row.original.minutes
          ? `${t('version', { version: row.original.minutes.version })}${row.original.minutes.signedOffAt ? ' ✓' : ''}`
          : '–',
    },
    { id: 'decisions', header: t('decisions'), accessorFn: (m) => m.decisions.length },
  ];
  return (
    <Stack>
      <ErrorAlert error={meetings.error} />
      {abilities.edit && (
        <Group>
          <Button variant="light" onClick={() => setCreating(true)}>
            {t('newMeeting')}
          </Button>
        </Group>
      )}
      <DataTable
        data={rows}
        serverPage={meetings.serverPage}
        caption={t('tabs.meetings')}
        columns={columns}
        xlsxUrl={`/api/partnership/clusters/${clusterId}/meetings.xlsx`}
        onRowClick={(m) => setParams({ tab: 'meetings', meeting: m.id })}
      />
      <ErrorAlert error={opened.error} />
      {selected && (
        <MeetingDetail key={selected.id} meeting={selected} abilities={opened.data?.abilities ?? abilities} />
      )}
      {creating && <MeetingForm clusterId={clusterId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
