import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatCents, formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { CallView } from './call-view';
import {
  useCall,
  useCalls,
  useCallsMutation,
  usePublicCall,
  usePublicCallPage,
  type CallSummary,
} from './api';
import { pickText } from '../../app/language';

function useCallColumns(linkTo: (c: CallSummary) => string, showCounts: boolean): ColumnDef<CallSummary>[] {
  const { t, i18n } = useTranslation('calls');
  const columns: ColumnDef<CallSummary>[] = [
    {
      accessorKey: 'code',
      header: t('code'),
      cell: ({ row }) => (
        <Anchor component={Link} to={linkTo(row.original)}>
          {row.original.code}
        </Anchor>
      ),
    },
    {
      id: 'title',
      header: t('title'),
      accessorFn: (c) => pickText(i18n.language, c.titleNl, c.titleEn),
    },
    { accessorKey: 'kind', header: t('kind'), cell: (c) => t(`kinds.${c.getValue() as string}`) },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: ({ row }) => (
        <Badge color={row.original.status === 'open' ? 'green' : 'gray'}>
          {t(`statuses.${row.original.status}`)}
        </Badge>
      ),
    },
    {
      accessorKey: 'budgetEnvelopeCents',
      header: t('budget'),
      cell: (c) => formatCents(c.getValue() as number),
    },
    {
      accessorKey: 'closesAt',
      header: t('closesAt'),
      cell: (c) => formatDateTime(c.getValue() as string | null),
    },
  ];
  if (showCounts) columns.push({ accessorKey: 'proposalCount', header: t('proposals') });
  return columns;
}

export function CallsPage() {
  const { t } = useTranslation('calls');
  const calls = useCalls();
  const columns = useCallColumns((c) => `/calls/${c.id}`, Boolean(calls.data?.abilities.create));
  return (
    <>
      <PageHeader
        title={t('callsTitle')}
        description={t('callsIntro')}
        actions={
          calls.data?.abilities.create ? (
            <Button component={Link} to="/calls/new">
              {t('newCall')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={calls.error} />
      {calls.isLoading ? (
        <Loader />
      ) : (
        <DataTable
          data={calls.data?.data ?? []}
          serverPage={calls.serverPage}
          columns={columns}
          xlsxUrl="/api/calls.xlsx"
        />
      )}
    </>
  );
}

export function PublicCallsPage() {
  const { t } = useTranslation('calls');
  const calls = usePublicCallPage();
  const columns = useCallColumns((c) => `/public/calls/${c.id}`, false);
  return (
    <>
      <PageHeader title={t('publicCallsTitle')} description={t('publicCallsIntro')} />
      <ErrorAlert error={calls.error} />
      {calls.isLoading ? (
        <Loader />
      ) : (
        <DataTable data={calls.data?.data ?? []} serverPage={calls.serverPage} columns={columns} />
      )}
    </>
  );
}

export function PublicCallPage() {
  const { t } = useTranslation('calls');
  const { id } = useParams();
  const call = usePublicCall(id);
  if (call.isLoading) return <Loader />;
  if (call.error || !call.data) return <ErrorAlert error={call.error} />;
  const c = call.data.data;
  return (
    <Stack>
      <CallView call={c} />
      <Alert color={c.isAcceptingProposals ? 'green' : 'gray'}>
        {c.isAcceptingProposals
          ? t('accepting', { deadline: formatDateTime(c.closesAt) })
          : t('notAccepting')}{' '}
        {c.isAcceptingProposals && (
          <Anchor component={Link} to={`/login?next=${encodeURIComponent(`/calls/${c.id}`)}`}>
            {t('loginToApply')}
          </Anchor>
        )}
      </Alert>
    </Stack>
  );
}

function MoveModal({
  callId,
  status,
  label,
  onClose,
}: {
  callId: string;
  status: 'closed' | 'in_evaluation' | 'decided';
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('calls');
  const { t: tc } = useTranslation();
  const [motivation, setMotivation] = useState('');
  const move = useCallsMutation(() => api.post(`/api/calls/${callId}/status`, { status, motivation }));
  return (
    <Modal opened onClose={onClose} title={label}>
      <Stack>
        <ErrorAlert error={move.error} />
        <Textarea
          label={t('motivation')}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button loading={move.isPending} onClick={() => move.mutate(undefined, { onSuccess: onClose })}>
            {label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CallPage() {
  const { t } = useTranslation('calls');
  const { id } = useParams();
  const navigate = useNavigate();
  const call = useCall(id);
  const [title, setTitle] = useState('');
  const [moving, setMoving] = useState<{
    status: 'closed' | 'in_evaluation' | 'decided';
    label: string;
  } | null>(null);
  const publish = useCallsMutation(() => api.post(`/api/calls/${id}/publish`, {}));
  const start = useCallsMutation(() => api.post<{ id: string }>(`/api/calls/${id}/proposals`, { title }));
  if (call.isLoading) return <Loader />;
  if (call.error || !call.data) return <ErrorAlert error={call.error} />;
  const { data: c, abilities } = call.data;
  return (
    <Stack>
      <Group justify="flex-end">
        {abilities.edit && (
          <Button variant="default" component={Link} to={`/calls/${c.id}/edit`}>
            {t('edit')}
          </Button>
        )}
        {abilities.publish && (
          <Button loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
            {t('publish')}
          </Button>
        )}
        {abilities.amend && (
          <Button variant="default" component={Link} to={`/calls/${c.id}/edit`}>
            {t('amend')}
          </Button>
        )}
        {abilities.close && (
          <Button variant="default" onClick={() => setMoving({ status: 'closed', label: t('close') })}>
            {t('close')}
          </Button>
        )}
        {abilities.startEvaluation && (
          <Button
            variant="default"
            onClick={() => setMoving({ status: 'in_evaluation', label: t('startEvaluation') })}
          >
            {t('startEvaluation')}
          </Button>
        )}
        {abilities.decide && (
          <Button variant="default" onClick={() => setMoving({ status: 'decided', label: t('decide') })}>
            {t('decide')}
          </Button>
        )}
        {abilities.viewProposals && (
          <Button component={Link} to={`/calls/${c.id}/proposals`}>
            {t('viewProposals')}
          </Button>
        )}
        {c.status !== 'draft' && (
          <Anchor component={Link} to={`/public/calls/${c.id}`}>
            {t('publicPage')}
          </Anchor>
        )}
      </Group>
      <ErrorAlert error={publish.error} />
      <CallView call={c} />
      {abilities.apply && (
        <Stack gap="xs" maw={560}>
          <ErrorAlert error={start.error} />
          <Group align="flex-end">
            <TextInput
              label={t('proposalTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              disabled={!title.trim()}
              loading={start.isPending}
              onClick={() =>
                start.mutate(undefined, { onSuccess: (r) => void navigate(`/proposals/${r.data.id}`) })
              }
            >
              {t('apply')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('deadlineHint', { deadline: formatDateTime(c.closesAt) })}
          </Text>
        </Stack>
      )}
      {moving && id && (
        <MoveModal callId={id} status={moving.status} label={moving.label} onClose={() => setMoving(null)} />
      )}
    </Stack>
  );
}
