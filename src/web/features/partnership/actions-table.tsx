import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import {
  useActions,
  useOverdueCount,
  usePartnershipMutation,
  type Action,
  type ActionFilter,
  type ActionStatus,
} from './api';

const STATUSES: ActionStatus[] = ['open', 'in_progress', 'done', 'cancelled'];

function CommentsModal({
  action,
  canEdit,
  onClose,
}: {
  action: Action;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('partnership');
  const [body, setBody] = useState('');
  const add = usePartnershipMutation(() =>
    api.post<Action>(`/api/partnership/actions/${action.id}/comments`, { body }),
  );
  const [comments, setComments] = useState(action.comments);
  return (
    <Modal opened onClose={onClose} title={action.title} size="lg">
      <Stack>
        {action.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{action.description}</Text>}
        {action.pastDueReason && (
          <Text size="sm" c="dimmed">
            {t('pastDueNote', { reason: action.pastDueReason })}
          </Text>
        )}
        <Text fw={600}>{t('comments')}</Text>
        {comments.length === 0 && <Text c="dimmed">–</Text>}
        {comments.map((c) => (
          <Text key={c.id} size="sm">
            <Text span fw={600}>
              {c.author ?? '•'}
            </Text>{' '}
            ({formatDateTime(c.createdAt)}): {c.body}
          </Text>
        ))}
        <ErrorAlert error={add.error} />
        {canEdit && (
          <>
            <Textarea
              label={t('comment')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button
                disabled={!body.trim()}
                loading={add.isPending}
                onClick={() =>
                  add.mutate(undefined, {
                    onSuccess: (result) => {
                      setComments((result as { data: Action }).data.comments);
                      setBody('');
                    },
                  })
                }
              >
                {t('addComment')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * Action items of a cluster (or, without one, the reader's own), a page at a time and filtered on
 * the server, with overdue ones highlighted; partners change the status in place.
 */
export function ActionsTable({
  clusterId,
  canEdit,
  xlsxUrl,
  showCluster = false,
}: {
  clusterId: string | null;
  /** Whether the reader may change statuses; by default the answer's abilities say. */
  canEdit?: boolean;
  xlsxUrl: string;
  showCluster?: boolean;
}) {
  const { t } = useTranslation('partnership');
  const [filter, setFilter] = useState<ActionFilter>('all');
  const [open, setOpen] = useState<Action | null>(null);
  const actions = useActions(clusterId, filter);
  const overdue = useOverdueCount(clusterId);
  const setStatus = usePartnershipMutation((input: { id: string; status: ActionStatus }) =>
    api.patch(`/api/partnership/actions/${input.id}`, { status: input.status }),
  );
  const rows = actions.data?.data ?? [];
  const editable = canEdit ?? Boolean(actions.data?.abilities.edit);
  const columns: ColumnDef<Action>[] = [
    ...(showCluster ? [{ accessorKey: 'clusterName', header: t('cluster') } as ColumnDef<Action>] : []),
    {
      accessorKey: 'title',
      header: t('title'),
      cell: ({ row }) => (
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen(row.original)}>
          {row.original.title}
        </Button>
      ),
    },
    {
      id: 'owner',
      header: t('owner'),
      accessorFn: (a) => a.owner?.name ?? t(`sides.${a.ownerSide}`),
      cell: ({ row }) => (
        <Group gap={4}>
          {row.original.owner?.name ?? ''}
          <Badge size="xs" variant="outline">
            {t(`sides.${row.original.ownerSide}`)}
          </Badge>
        </Group>
      ),
    },
    {
      id: 'due',
      header: t('dueOn'),
      accessorFn: (a) => a.dueOn,
      cell: ({ row }) => (
        <Group gap={4} data-overdue={row.original.isOverdue ? 'true' : undefined}>
          <Text c={row.original.isOverdue ? 'red' : undefined} fw={row.original.isOverdue ? 700 : undefined}>
            {formatDate(row.original.dueOn)}
          </Text>
          {row.original.isOverdue && <Badge color="red">{t('overdue')}</Badge>}
        </Group>
      ),
    },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (a) => t(`statuses.${a.status}`),
      cell: ({ row }) =>
        editable ? (
          <Select
            size="xs"
            w={150}
            aria-label={`${t('status')} ${row.original.title}`}
            value={row.original.status}
            allowDeselect={false}
            data={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            onChange={(v) => v && setStatus.mutate({ id: row.original.id, status: v })}
          />
        ) : (
          t(`statuses.${row.original.status}`)
        ),
    },
    { id: 'comments', header: t('comments'), accessorFn: (a) => a.comments.length },
  ];
  return (
    <Stack>
      <SegmentedControl
        w="fit-content"
        value={filter}
        onChange={(v) => setFilter(v as ActionFilter)}
        data={[
          { value: 'all', label: t('filterAll') },
          { value: 'open', label: t('filterOpen') },
          { value: 'overdue', label: `${t('filterOverdue')} (${overdue.data ?? '…'})` },
          { value: 'done', label: t('filterDone') },
        ]}
      />
      <ErrorAlert error={actions.error ?? setStatus.error} />
      <DataTable
        data={rows}
        serverPage={actions.serverPage}
        caption={t('tabs.actions')}
        columns={columns}
        xlsxUrl={xlsxUrl}
      />
      {open && <CommentsModal action={open} canEdit={editable} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
