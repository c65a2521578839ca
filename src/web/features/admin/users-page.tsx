import { Button, Group, Menu, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import type { Role } from '../../app/auth';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useUserMutation, useUsers, type User } from './api';
import { ClusterMultiSelect, useClusterNames } from '../../shared/cluster-select';

const ROLES: Role[] = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'];

function RoleFields({
  role,
  setRole,
  clusterIds,
  setClusterIds,
}: {
  role: Role;
  setRole: (r: Role) => void;
  clusterIds: string[];
  setClusterIds: (ids: string[]) => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  return (
    <>
      <Select
        label={t('role')}
        value={role}
        onChange={(v) => v && setRole(v)}
        data={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
        allowDeselect={false}
      />
      {role === 'manager' && (
        <ClusterMultiSelect label={t('clusters')} value={clusterIds} onChange={setClusterIds} required />
      )}
    </>
  );
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form, setForm] = useState({
    email: '',
    name: '',
    password: '',
    role: 'applicant' as Role,
    clusterIds: [] as string[],
  });
  const create = useUserMutation(() => api.post('/api/users', form));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: t('saved') });
        onClose();
        setForm({ email: '', name: '', password: '', role: 'applicant', clusterIds: [] });
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('newUser')}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t('email')}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <TextInput
            label={t('name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('password')}
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <RoleFields
            role={form.role}
            setRole={(role) => setForm({ ...form, role })}
            clusterIds={form.clusterIds}
            setClusterIds={(clusterIds) => setForm({ ...form, clusterIds })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {tc('create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RoleModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [clusterIds, setClusterIds] = useState<string[]>(user.clusterIds);
  const save = useUserMutation(() => api.put(`/api/users/${user.id}/role`, { role, clusterIds }));
  return (
    <Modal opened onClose={onClose} title={`${t('changeRole')}: ${user.email}`}>
      <Stack>
        <ErrorAlert error={save.error} />
        <RoleFields role={role} setRole={setRole} clusterIds={clusterIds} setClusterIds={setClusterIds} />
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

function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [password, setPassword] = useState('');
  const save = useUserMutation(() => api.send('POST', `/api/users/${user.id}/password`, { password }));
  return (
    <Modal opened onClose={onClose} title={`${t('resetPassword')}: ${user.email}`}>
      <Stack>
        <ErrorAlert error={save.error} />
        <PasswordInput
          label={t('password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
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

export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const users = useUsers();
  // The names of the clusters on this page of accounts only.
  const clusters = useClusterNames((users.data?.data ?? []).flatMap((u) => u.clusterIds));
  const [createOpened, createModal] = useDisclosure();
  const [editing, setEditing] = useState<{ user: User; kind: 'role' | 'password' } | null>(null);
  const toggleActive = useUserMutation((user: User) =>
    api.put(`/api/users/${user.id}/active`, { isActive: !user.isActive }),
  );
  const clusterName = useMemo(
    () => new Map((clusters.data?.data ?? []).map((c) => [c.id, c.shortName])),
    [clusters.data],
  );

  const columns: ColumnDef<User>[] = [
    { accessorKey: 'email', header: t('email') },
    { accessorKey: 'name', header: t('name') },
    { accessorKey: 'role', header: t('role'), cell: (c) => tc(`roles.${c.getValue() as string}`) },
    // Names are looked up in the cell: TanStack Table caches accessor values per row.
    {
      id: 'clusters',
      header: t('clusters'),
      accessorFn: (u) => u.clusterIds.join(','),
      cell: ({ row }) => row.original.clusterIds.map((id) => clusterName.get(id) ?? '…').join(', '),
    },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (u) => (u.isActive ? t('active') : t('inactive')),
      cell: ({ row }) => (
        <Text
          size="sm"
          fw={600}
          c={row.original.isActive ? 'green.8' : 'gray.7'}
          style={{ whiteSpace: 'nowrap' }}
        >
          {row.original.isActive ? t('active') : t('inactive')}
        </Text>
      ),
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      cell: ({ row }) => (
        <Menu>
          <Menu.Target>
            <Button size="xs" variant="light" aria-label={`${tc('edit')} ${row.original.email}`}>
              {tc('edit')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setEditing({ user: row.original, kind: 'role' })}>
              {t('changeRole')}
            </Menu.Item>
            <Menu.Item onClick={() => setEditing({ user: row.original, kind: 'password' })}>
              {t('resetPassword')}
            </Menu.Item>
            <Menu.Item
              color={row.original.isActive ? 'red' : undefined}
              onClick={() => toggleActive.mutate(row.original)}
            >
              {row.original.isActive ? t('deactivate') : t('activate')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('usersTitle')}
        description={t('usersIntro')}
        actions={<Button onClick={createModal.open}>{t('newUser')}</Button>}
      />
      <ErrorAlert error={users.error ?? toggleActive.error} />
      <DataTable
        data={users.data?.data ?? []}
        serverPage={users.serverPage}
        columns={columns}
        xlsxUrl="/api/users.xlsx"
      />
      <CreateUserModal opened={createOpened} onClose={createModal.close} />
      {editing?.kind === 'role' && <RoleModal user={editing.user} onClose={() => setEditing(null)} />}
      {editing?.kind === 'password' && <PasswordModal user={editing.user} onClose={() => setEditing(null)} />}
    </>
  );
}
