import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { DataTable } from '../../shared/data-table';
import { usePagedList } from '../../shared/use-paged-list';
import { TotpSetup, useTotpStatus } from './second-factor';

interface ApiToken {
  id: string;
  name: string;
  scope: 'read' | 'write';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function ChangePassword() {
  const { t } = useTranslation('auth');
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api.send('POST', '/api/auth/password', { currentPassword, newPassword }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(undefined, {
      onSuccess: () => {
        setCurrent('');
        setNew('');
      },
    });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack maw={420}>
          <Title order={2} size="h4">
            {t('changePassword')}
          </Title>
          <ErrorAlert error={change.error} />
          {change.isSuccess && (
            <Text c="green" role="status">
              {t('passwordChanged')}
            </Text>
          )}
          <PasswordInput
            label={t('currentPassword')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('newPassword')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Tokens() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const tokens = usePagedList<ApiToken>(['auth', 'tokens'], '/api/auth/tokens');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<ApiToken & { secret: string }>('/api/auth/tokens', { name, scope }),
    onSuccess: ({ data }) => {
      setSecret(data.secret);
      setName('');
      void client.invalidateQueries({ queryKey: ['auth', 'tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/tokens/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['auth', 'tokens'] }),
  });
  const columns: ColumnDef<ApiToken>[] = [
    { accessorKey: 'name', header: t('tokenName') },
    {
      accessorKey: 'scope',
      header: t('tokenScope'),
      cell: (c) => (c.getValue() === 'write' ? t('scopeWrite') : t('scopeRead')),
    },
    { accessorKey: 'createdAt', header: t('created'), cell: (c) => formatDateTime(c.getValue() as string) },
    {
      accessorKey: 'lastUsedAt',
      header: t('lastUsed'),
      cell: (c) => formatDateTime(c.getValue() as string | null),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) =>
        row.original.revokedAt ? (
          <Badge color="gray">{t('revoked')}</Badge>
        ) : (
          <Button size="xs" variant="light" color="red" onClick={() => revoke.mutate(row.original.id)}>
            {t('revoke')}
          </Button>
        ),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('tokens')}
        </Title>
        <ErrorAlert error={create.error ?? revoke.error ?? tokens.error} />
        {secret && (
          <Text size="sm" role="status">
            {t('tokenSecret')} <Code>{secret}</Code>
          </Text>
        )}
        <Group align="flex-end">
          <TextInput label={t('tokenName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label={t('tokenScope')}
            value={scope}
            onChange={(v) => setScope(v === 'write' ? 'write' : 'read')}
            data={[
              { value: 'read', label: t('scopeRead') },
              { value: 'write', label: t('scopeWrite') },
            ]}
            allowDeselect={false}
          />
          <Button onClick={() => create.mutate()} disabled={!name.trim()} loading={create.isPending}>
            {t('createToken')}
          </Button>
        </Group>
        <DataTable
          data={tokens.data?.data ?? []}
          serverPage={tokens.serverPage}
          columns={columns}
          searchable={false}
        />
      </Stack>
    </Paper>
  );
}

/** Developer tools live here, out of the daily menus: the API documentation and the JSON tools. */
function DeveloperTools() {
  const { t } = useTranslation('auth');
  const role = useMe().data?.user.role;
  const jsonTools = role === 'officer' || role === 'admin' || role === 'analyst';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('developerTools')}
        </Title>
        <Text size="sm">{t('developerToolsIntro')}</Text>
        <Anchor href="/api/docs/">{t('apiDocs')}</Anchor>
        {jsonTools && (
          <Anchor component={Link} to="/review/tools">
            {t('jsonTools')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation('auth');
  // An account from an identity provider has no password here to change.
  const hasPassword = useTotpStatus().data?.data.available !== false;
  return (
    <>
      <PageHeader title={t('accountTitle')} />
      <Stack>
        {hasPassword && <ChangePassword />}
        <TotpSetup />
        <Tokens />
        <DeveloperTools />
      </Stack>
    </>
  );
}
