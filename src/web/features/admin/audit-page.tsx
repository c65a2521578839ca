import { Alert, Button, Group, Text, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { AUDIT_PAGE_SIZE, useAuditEvents, type AuditEvent } from './api';
import { auditActionLabel, auditActorLabel, auditEntityLabel } from '../../../shared/audit-actions';
import { languageOf } from '../../app/language';

interface Verification {
  ok: boolean;
  checked: number;
  brokenAt?: {
    id: number;
    kind: 'row_missing' | 'link_mismatch' | 'hash_mismatch' | 'rows_removed_from_end';
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation('admin');
  const language = languageOf(i18n.language);
  const me = useMe();
  // The cursors of the pages seen so far: the last is the page shown (undefined: the newest).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const events = useAuditEvents(cursors[cursors.length - 1]);
  const rows = events.data?.data ?? [];
  const oldest = rows[rows.length - 1]?.id;
  const verify = useMutation({ mutationFn: () => api.get<Verification>('/api/audit/verify') });
  const columns: ColumnDef<AuditEvent>[] = [
    { accessorKey: 'id', header: '#' },
    { accessorKey: 'occurredAt', header: t('when'), cell: (c) => formatDateTime(c.getValue() as string) },
    { id: 'who', header: t('who'), accessorFn: (e) => auditActorLabel(e.actorLabel, language) },
    {
      id: 'action',
      header: t('action'),
      accessorFn: (e) => auditActionLabel(e.action, language),
      // The code, as the API and the CLI name it, only in a tooltip: for staff, not for every reader.
      cell: (c) => (
        <Tooltip label={t('actionCode', { code: c.row.original.action })}>
          <Text span inherit>
            {c.getValue() as string}
          </Text>
        </Tooltip>
      ),
    },
    {
      id: 'entity',
      header: t('entity'),
      accessorFn: (e) =>
        `${auditEntityLabel(e.entityType, language)}${e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}`,
    },
  ];
  const result = verify.data?.data;
  return (
    <>
      <PageHeader
        title={t('auditTitle')}
        description={t('auditIntro')}
        actions={
          me.data?.user.role === 'admin' && (
            <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('verify')}
            </Button>
          )
        }
      />
      <ErrorAlert error={events.error ?? verify.error} />
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} mb="md" role="status">
          {result.ok
            ? t('chainOk', { count: result.checked })
            : t('chainBroken', {
                id: result.brokenAt?.id,
                reason: t(`chainBreak.${result.brokenAt?.kind ?? 'hash_mismatch'}`),
              })}
        </Alert>
      )}
      <DataTable data={rows} columns={columns} searchable={false} />
      <Group justify="flex-end" mt="sm">
        <Button
          variant="default"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('newerEvents')}
        </Button>
        <Button
          variant="default"
          disabled={rows.length < AUDIT_PAGE_SIZE || oldest === undefined}
          onClick={() => setCursors([...cursors, oldest])}
        >
          {t('olderEvents')}
        </Button>
      </Group>
    </>
  );
}
