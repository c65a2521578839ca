import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { FormModal } from '../../shared/form-modal';
import { useActions, useMeetings, usePartnershipMutation, usePeople, type Action } from './api';
import { ActionsTable } from './actions-table';
import { todayInBrussels } from './forms';

function ActionForm({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const { t } = useTranslation('partnership');
  const { t: tc } = useTranslation();
  const people = usePeople(clusterId, true);
  const meetings = useMeetings(clusterId);
  const [form, setForm] = useState({
    title: '',
    description: '',
    ownerUserId: '',
    dueOn: '',
    meetingId: '',
    pastDueReason: '',
  });
  const [needsReason, setNeedsReason] = useState(false);
  const pastDue = form.dueOn !== '' && form.dueOn < todayInBrussels();
  const create = usePartnershipMutation(() =>
    api.post<Action>(`/api/partnership/clusters/${clusterId}/actions`, {
      title: form.title,
      description: form.description,
      ...(form.ownerUserId ? { ownerUserId: form.ownerUserId } : {}),
      dueOn: form.dueOn,
      ...(form.meetingId ? { meetingId: form.meetingId } : {}),
      ...((needsReason || pastDue) && form.pastDueReason.trim() ? { pastDueReason: form.pastDueReason } : {}),
    }),
  );
  const submit = () => {
    create.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: t('saved') });
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'PARTNERSHIP_DUE_DATE_IN_PAST') setNeedsReason(true);
      },
    });
  };
  const showWarning = needsReason || pastDue;
  const error =
    create.error instanceof ApiError && create.error.code === 'PARTNERSHIP_DUE_DATE_IN_PAST'
      ? null
      : create.error;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('newAction')}
      onSubmit={submit}
      pending={create.isPending}
      error={error}
      submitLabel={tc('create')}
    >
      <TextInput
        label={t('title')}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      <Textarea
        label={t('description')}
        autosize
        minRows={2}
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
      />
      <Select
        label={t('owner')}
        required
        searchable
        value={form.ownerUserId || null}
        onChange={(v) => setForm({ ...form, ownerUserId: v ?? '' })}
        data={(people.data?.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.name} (${t(`sides.${p.side}`)})`,
        }))}
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('dueOn')}
          required
          value={form.dueOn}
          onChange={(e) => setForm({ ...form, dueOn: e.currentTarget.value })}
        />
        <Select
          label={t('meeting')}
          clearable
          placeholder={t('standAlone')}
          value={form.meetingId || null}
          onChange={(v) => setForm({ ...form, meetingId: v ?? '' })}
          data={(meetings.data?.data ?? []).map((m) => ({
            value: m.id,
            label: `${m.title} (${formatDateTime(m.startsAt)})`,
          }))}
        />
      </Group>
      {showWarning && (
        <Alert color="orange" title={t('pastDueTitle')} role="alert">
          {t('pastDueText')}
          <Textarea
            mt="xs"
            label={t('pastDueReason')}
            required={needsReason}
            value={form.pastDueReason}
            onChange={(e) => setForm({ ...form, pastDueReason: e.currentTarget.value })}
          />
        </Alert>
      )}
    </FormModal>
  );
}

export function ActionsTab({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation('partnership');
  // The same first page the table reads (one request): its abilities say who may add actions.
  const actions = useActions(clusterId, 'all');
  const [creating, setCreating] = useState(false);
  const abilities = actions.data?.abilities ?? {};
  return (
    <Stack>
      {abilities.edit && (
        <Group>
          <Button variant="light" onClick={() => setCreating(true)}>
            {t('newAction')}
          </Button>
        </Group>
      )}
      <ActionsTable clusterId={clusterId} xlsxUrl={`/api/partnership/clusters/${clusterId}/actions.xlsx`} />
      {creating && <ActionForm clusterId={clusterId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
