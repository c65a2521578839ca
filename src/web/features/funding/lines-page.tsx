import { Badge, Button, Group, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { api, query } from '../../app/api-client';
import { parseMoneyToNumber } from '../../../shared/money';
import { formatCents, formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { FormModal } from '../../shared/form-modal';
import { ClusterMultiSelect } from '../../shared/cluster-select';
import { Money } from './money';
import { LineSelect } from './line-select';
import { PageHeader } from '../../shared/page-header';
import { useFundingMutation, useLine, useLines, type Commitment, type Line, type Purpose } from './api';
import type { CallSummary } from '../calls/api';
import { PaymentsTable } from './payments-table';
import { DateRangeFields } from '../../shared/date-range-fields';
import { pickText } from '../../app/language';

function CreateLineModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('funding');
  const { t: tc } = useTranslation();
  // A line for one call: the officer picks it from the hundred calls with the latest deadlines.
  const calls = useQuery({
    queryKey: ['calls', 'for-funding-line'],
    queryFn: () => api.get<CallSummary[]>(`/api/calls${query({ pageSize: 100 })}`),
    enabled: opened,
  });
  const [form, setForm] = useState({
    code: '',
    name: '',
    purpose: 'cluster_projects' as Purpose,
    callId: '',
    periodStart: '',
    periodEnd: '',
    amount: '',
    isRingFenced: true,
    ownContributionRatio: '1',
    clusterIds: [] as string[],
  });
  const [amountError, setAmountError] = useState<string | null>(null);
  const create = useFundingMutation((body: unknown) => api.post('/api/funding/lines', body));
  const submit = () => {
    const amountCents = parseMoneyToNumber(form.amount);
    if (amountCents === null) return setAmountError(t('invalidAmount'));
    setAmountError(null);
    const { amount: _amount, callId, ...rest } = form;
    create.mutate(
      { ...rest, amountCents, ...(form.purpose === 'call' ? { callId } : {}) },
      {
        onSuccess: () => {
          notifications.show({ message: t('saved') });
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      title={t('newLine')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      submitLabel={tc('create')}
    >
      <Group grow>
        <TextInput
          label={t('code')}
          required
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
        />
        <Select
          label={t('purpose')}
          value={form.purpose}
          allowDeselect={false}
          onChange={(v) => v && setForm({ ...form, purpose: v })}
          data={(['base_operations', 'cluster_projects', 'inter_cluster_projects', 'call'] as const).map(
            (p) => ({ value: p, label: t(`purposes.${p}`) }),
          )}
        />
      </Group>
      <TextInput
        label={t('name')}
        required
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
      />
      {form.purpose === 'call' && (
        <Select
          label={t('call')}
          required
          searchable
          nothingFoundMessage={t('noCallFound')}
          value={form.callId || null}
          onChange={(v) => setForm({ ...form, callId: v ?? '' })}
          data={(calls.data?.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} — ${pickText(i18n.language, c.titleNl, c.titleEn)}`,
          }))}
        />
      )}
      <DateRangeFields
        startLabel={t('periodStart')}
        endLabel={t('periodEnd')}
        start={form.periodStart}
        end={form.periodEnd}
        onStart={(periodStart) => setForm({ ...form, periodStart })}
        onEnd={(periodEnd) => setForm({ ...form, periodEnd })}
      />
      <Group grow>
        <TextInput
          label={t('amountEur')}
          required
          inputMode="decimal"
          value={form.amount}
          error={amountError}
          onChange={(e) => setForm({ ...form, amount: e.currentTarget.value })}
        />
        <TextInput
          label={t('ratio')}
          value={form.ownContributionRatio}
          onChange={(e) => setForm({ ...form, ownContributionRatio: e.currentTarget.value })}
        />
      </Group>
      <Switch
        label={t('ringFenced')}
        checked={form.isRingFenced}
        onChange={(e) => setForm({ ...form, isRingFenced: e.currentTarget.checked })}
      />
      <ClusterMultiSelect
        label={t('clusters')}
        value={form.clusterIds}
        onChange={(clusterIds) => setForm({ ...form, clusterIds })}
      />
    </FormModal>
  );
}

function ReallocateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({ fromLineId: '', toLineId: '', amount: '', motivation: '' });
  const [amountError, setAmountError] = useState<string | null>(null);
  const move = useFundingMutation((body: unknown) => api.post('/api/funding/reallocations', body));
  const describe = (l: Line) => `${l.code} — ${formatCents(l.remainingCents)}`;
  const submit = () => {
    const amountCents = parseMoneyToNumber(form.amount);
    if (amountCents === null) return setAmountError(t('invalidAmount'));
    setAmountError(null);
    move.mutate(
      { fromLineId: form.fromLineId, toLineId: form.toLineId, amountCents, motivation: form.motivation },
      {
        onSuccess: () => {
          notifications.show({ message: t('saved') });
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      title={t('reallocate')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={move.isPending}
      error={move.error}
      submitLabel={t('reallocate')}
      size="md"
    >
      <LineSelect
        label={t('from')}
        required
        describe={describe}
        value={form.fromLineId || null}
        onChange={(v) => setForm({ ...form, fromLineId: v ?? '' })}
      />
      <LineSelect
        label={t('to')}
        required
        describe={describe}
        value={form.toLineId || null}
        onChange={(v) => setForm({ ...form, toLineId: v ?? '' })}
      />
      <TextInput
        label={t('amountEur')}
        required
        inputMode="decimal"
        value={form.amount}
        error={amountError}
        onChange={(e) => setForm({ ...form, amount: e.currentTarget.value })}
      />
      <Textarea
        label={t('motivation')}
        required
        minLength={10}
        value={form.motivation}
        onChange={(e) => setForm({ ...form, motivation: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function LinesPage() {
  const { t } = useTranslation('funding');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const lines = useLines(debounced);
  const [createOpened, createModal] = useDisclosure();
  const [moveOpened, moveModal] = useDisclosure();
  const abilities = lines.data?.abilities ?? {};
  const columns: ColumnDef<Line>[] = [
    {
      accessorKey: 'code',
      header: t('code'),
      cell: ({ row }) => <Link to={`/funding/lines/${row.original.id}`}>{row.original.code}</Link>,
    },
    { accessorKey: 'name', header: t('name') },
    { id: 'purpose', header: t('purpose'), accessorFn: (l) => t(`purposes.${l.purpose}`) },
    {
      id: 'period',
      header: t('period'),
      accessorFn: (l) => `${formatDate(l.periodStart)} – ${formatDate(l.periodEnd)}`,
    },
    {
      id: 'ring',
      header: t('ringFenced'),
      accessorFn: (l) => (l.isRingFenced ? t('yes') : t('no')),
      cell: ({ row }) =>
        row.original.isRingFenced ? <Badge variant="light">{t('ringFenced')}</Badge> : null,
    },
    {
      accessorKey: 'budgetCents',
      header: t('budget'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    {
      accessorKey: 'committedCents',
      header: t('committed'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    { accessorKey: 'paidCents', header: t('paid'), cell: (c) => <Money cents={c.getValue() as number} /> },
    {
      accessorKey: 'remainingCents',
      header: t('remaining'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.lines')}
        actions={
          <>
            {abilities.reallocate && (
              <Button variant="light" onClick={moveModal.open}>
                {t('reallocate')}
              </Button>
            )}
            {abilities.create && <Button onClick={createModal.open}>{t('newLine')}</Button>}
          </>
        }
      />
      <TextInput
        label={t('searchLines')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={360}
        mb="sm"
      />
      <ErrorAlert error={lines.error} />
      <DataTable
        data={lines.data?.data ?? []}
        serverPage={lines.serverPage}
        columns={columns}
        caption={t('nav.lines')}
        xlsxUrl="/api/funding/lines.xlsx"
      />
      <CreateLineModal opened={createOpened} onClose={createModal.close} />
      {moveOpened && <ReallocateModal opened onClose={moveModal.close} />}
    </>
  );
}

export function LinePage() {
  const { t } = useTranslation('funding');
  const { id = '' } = useParams();
  const detail = useLine(id);
  const data = detail.data?.data;
  const columns: ColumnDef<Commitment>[] = [
    {
      id: 'target',
      header: t('project'),
      accessorFn: (c) => c.projectCode ?? c.baseOperationLabel ?? '',
      cell: ({ row }) =>
        row.original.projectId ? (
          <Link to={`/funding/projects/${row.original.projectId}`}>{row.original.projectCode}</Link>
        ) : (
          row.original.baseOperationLabel
        ),
    },
    { accessorKey: 'decidedOn', header: t('decidedOn'), cell: (c) => formatDate(c.getValue() as string) },
    {
      accessorKey: 'amountCents',
      header: t('committed'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    {
      accessorKey: 'cofundingCents',
      header: t('cofunding'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    { accessorKey: 'paidCents', header: t('paid'), cell: (c) => <Money cents={c.getValue() as number} /> },
    { id: 'override', header: t('override'), accessorFn: (c) => c.deMinimisOverride ?? '' },
  ];
  return (
    <>
      <PageHeader title={t('lineTitle', { code: data?.line.code ?? '' })} description={data?.line.name} />
      <ErrorAlert error={detail.error} />
      {data && (
        <Stack>
          <Text>
            {t('budget')}: <b>{formatCents(data.line.budgetCents)}</b> · {t('committed')}:{' '}
            <b>{formatCents(data.line.committedCents)}</b> · {t('paid')}:{' '}
            <b>{formatCents(data.line.paidCents)}</b> · {t('remaining')}:{' '}
            <b>{formatCents(data.line.remainingCents)}</b>
          </Text>
          <Title order={2} size="h4">
            {t('commitments')}
          </Title>
          <DataTable
            data={data.commitments}
            columns={columns}
            xlsxUrl={`/api/funding/commitments.xlsx${query({ lineId: id })}`}
          />
          <Title order={2} size="h4">
            {t('payments')}
          </Title>
          <PaymentsTable
            payments={data.payments}
            canRelease={Boolean(detail.data?.abilities.commit)}
            xlsxUrl={`/api/funding/payments.xlsx${query({ lineId: id })}`}
          />
        </Stack>
      )}
    </>
  );
}
