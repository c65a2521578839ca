import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api, query } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useDiffusion, useKpiMutation, type Diffusion } from './api';
import { ClusterSelect } from '../../shared/cluster-select';

const KINDS = ['event', 'workshop', 'training', 'publication', 'demonstrator'];

function NewActivityModal({
  opened,
  onClose,
  only,
}: {
  opened: boolean;
  onClose: () => void;
  /** A manager's own clusters (the choice is limited to them). */
  only: readonly string[] | undefined;
}) {
  const { t } = useTranslation('kpis');
  const { t: tc } = useTranslation();
  const empty = {
    clusterId: only?.[0] ?? '',
    kind: 'event',
    title: '',
    heldOn: '',
    participants: 0,
    smesReached: 0,
    nonMemberCompaniesReached: 0,
    link: '',
  };
  const [form, setForm] = useState(empty);
  const save = useKpiMutation(() =>
    api.post('/api/kpis/diffusion-activities', {
      ...form,
      clusterId: form.clusterId || only?.[0],
      link: form.link || null,
    }),
  );
  const number =
    (key: 'participants' | 'smesReached' | 'nonMemberCompaniesReached') => (v: number | string) =>
      setForm({ ...form, [key]: Number(v) || 0 });
  return (
    <Modal opened={opened} onClose={onClose} title={t('newActivity')}>
      <Stack>
        <ErrorAlert error={save.error} />
        <ClusterSelect
          label={t('cluster')}
          only={only}
          value={form.clusterId || only?.[0] || null}
          onChange={(v) => setForm({ ...form, clusterId: v ?? '' })}
          allowDeselect={false}
        />
        <Select
          label={t('activityKind')}
          data={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={form.kind}
          onChange={(v) => setForm({ ...form, kind: v ?? 'event' })}
          allowDeselect={false}
        />
        <TextInput
          label={t('title')}
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
        />
        <TextInput
          label={t('date')}
          type="date"
          required
          value={form.heldOn}
          onChange={(e) => setForm({ ...form, heldOn: e.currentTarget.value })}
        />
        <NumberInput
          label={t('participants')}
          min={0}
          value={form.participants}
          onChange={number('participants')}
        />
        <NumberInput
          label={t('smesReached')}
          min={0}
          value={form.smesReached}
          onChange={number('smesReached')}
        />
        <NumberInput
          label={t('nonMembersReached')}
          min={0}
          value={form.nonMemberCompaniesReached}
          onChange={number('nonMemberCompaniesReached')}
        />
        <TextInput
          label={t('link')}
          placeholder="https://"
          value={form.link}
          onChange={(e) => setForm({ ...form, link: e.currentTarget.value })}
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
                  setForm(empty);
                  onClose();
                },
              })
            }
          >
            {tc('create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DiffusionPage() {
  const { t } = useTranslation('kpis');
  const me = useMe();
  const [clusterId, setClusterId] = useState<string | undefined>();
  const activities = useDiffusion(clusterId);
  const [opened, modal] = useDisclosure();
  const user = me.data?.user;
  const only = user?.role === 'manager' ? user.clusterIds : undefined;
  const columns: ColumnDef<Diffusion>[] = [
    { accessorKey: 'clusterName', header: t('cluster') },
    { accessorKey: 'kind', header: t('activityKind'), cell: ({ row }) => t(`kinds.${row.original.kind}`) },
    { accessorKey: 'title', header: t('title') },
    { accessorKey: 'heldOn', header: t('date'), cell: ({ row }) => formatDate(row.original.heldOn) },
    { accessorKey: 'participants', header: t('participants') },
    { accessorKey: 'smesReached', header: t('smesReached') },
    { accessorKey: 'nonMemberCompaniesReached', header: t('nonMembersReached') },
  ];
  return (
    <>
      <PageHeader
        title={t('diffusionTitle')}
        description={t('diffusionIntro')}
        actions={
          activities.data?.abilities.create && <Button onClick={modal.open}>{t('newActivity')}</Button>
        }
      />
      <ClusterSelect
        label={t('cluster')}
        only={only}
        value={clusterId ?? null}
        onChange={(v) => setClusterId(v ?? undefined)}
        clearable
        w={300}
        mb="md"
      />
      <ErrorAlert error={activities.error} />
      <DataTable
        data={activities.data?.data ?? []}
        serverPage={activities.serverPage}
        columns={columns}
        xlsxUrl={`/api/kpis/diffusion-activities.xlsx${query({ clusterId })}`}
      />
      <NewActivityModal opened={opened} onClose={modal.close} only={only} />
    </>
  );
}
