import { Button, Menu, PasswordInput, Select, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api, ApiError } from '../../app/api-client';
import type { Role } from '../../app/auth';
import { languageOf } from '../../app/language';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { FormModal } from '../../shared/form-modal';
import { fieldErrors } from '../../shared/field-errors';
import { PageHeader } from '../../shared/page-header';
import { useUserMutation, useUsers, type User } from './api';
import { ClusterMultiSelect, useClusterNames } from '../../shared/cluster-select';

const ROLES: Role[] = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'];

/** Refusals without details that still concern one field of these dialogs. */
const FIELD_OF_CODE: Record<string, string> = { EMAIL_TAKEN: 'email', MANAGER_NEEDS_CLUSTER: 'clusterIds' };

/** The errors of a failed save per field: the server's details, and the refusals that name one field. */
function useUserFieldErrors(error: unknown): Record<string, string> {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const errors = fieldErrors(error, language);
  const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
  if (error instanceof ApiError && field && !(field in errors)) errors[field] = error.localised[language];
  return errors;
}

/** A save of the dialogs below (a mutation without variables). */
interface UserSave {
  mutate: (body: undefined, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** The dialogs of this page: FormModal that saves, says so and closes. */
function UserFormModal({
  save,
  onSaved,
  onClose,
  ...props
}: {
  save: UserSave;
  /** After a save, before the dialog closes. */
  onSaved?: () => void;
  opened?: boolean;
  onClose: () => void;
  title: string;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <FormModal
      opened
      {...props}
      onClose={onClose}
      onSubmit={() =>
        save.mutate(undefined, {
          onSuccess: () => {
            notifications.show({ message: t('saved') });
            onSaved?.();
            onClose();
          },
        })
      }
      pending={save.isPending}
      error={save.error}
    />
  );
}

function RoleFields({
  role,
  setRole,
  clusterIds,
  setClusterIds,
  errors,
}: {
  role: Role;
  setRole: (r: Role) => void;
  clusterIds: string[];
  setClusterIds: (ids: string[]) => void;
  errors: Record<string, string>;
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
        error={errors.role}
      />
      {role === 'manager' && (
        <ClusterMultiSelect
          label={t('clusters')}
          value={clusterIds}
          onChange={setClusterIds}
          required
          error={errors.clusterIds}
        />
      )}
    </>
  );
}

const EMPTY_USER = {
  email: '',
  name: '',
  password: '',
  role: 'applicant' as Role,
  clusterIds: [] as string[],
};

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form, setForm] = useState(EMPTY_USER);
  const create = useUserMutation(() => api.post('/api/users', form));
  const errors = useUserFieldErrors(create.error);
  return (
    <UserFormModal
      opened={opened}
      onClose={onClose}
      onSaved={() => setForm(EMPTY_USER)}
      title={t('newUser')}
      save={create}
      submitLabel={tc('create')}
    >
      <TextInput
        label={t('email')}
        type="email"
        required
        value={form.email}
        onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
        error={errors.email}
      />
      <TextInput
        label={t('name')}
        required
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        error={errors.name}
      />
      <PasswordInput
        label={t('password')}
        required
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
        error={errors.password}
      />
      <RoleFields
        role={form.role}
        setRole={(role) => setForm({ ...form, role })}
        clusterIds={form.clusterIds}
        setClusterIds={(clusterIds) => setForm({ ...form, clusterIds })}
        errors={errors}
      />
    </UserFormModal>
  );
}

function RoleModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [role, setRole] = useState<Role>(user.role);
  const [clusterIds, setClusterIds] = useState<string[]>(user.clusterIds);
  const save = useUserMutation(() => api.put(`/api/users/${user.id}/role`, { role, clusterIds }));
  const errors = useUserFieldErrors(save.error);
  return (
    <UserFormModal onClose={onClose} title={`${t('changeRole')}: ${user.email}`} save={save}>
      <RoleFields
        role={role}
        setRole={setRole}
        clusterIds={clusterIds}
        setClusterIds={setClusterIds}
        errors={errors}
      />
    </UserFormModal>
  );
}

function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [password, setPassword] = useState('');
  const save = useUserMutation(() => api.send('POST', `/api/users/${user.id}/password`, { password }));
  const errors = useUserFieldErrors(save.error);
  return (
    <UserFormModal onClose={onClose} title={`${t('resetPassword')}: ${user.email}`} save={save}>
      <PasswordInput
        label={t('password')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.password}
      />
    </UserFormModal>
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
