import { Badge, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { usePagedList } from '../../shared/use-paged-list';
import { ThemeSelect, useThemesById } from '../../shared/theme-select';
import { usePortfolioMutation, type Theme } from './api';

const KINDS = ['strategic_theme', 'transition', 'technology_domain', 'sector'] as const;

function ThemeModal({ theme, onClose }: { theme: Theme | null; onClose: () => void }) {
  const { t } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  const [form, setForm] = useState({
    kind: theme?.kind ?? 'strategic_theme',
    code: theme?.code ?? '',
    labelNl: theme?.labelNl ?? '',
    labelEn: theme?.labelEn ?? '',
    parentId: theme?.parentId ?? null,
    isExample: theme?.isExample ?? false,
  });
  const client = useQueryClient();
  const save = usePortfolioMutation(() =>
    theme
      ? api.patch(`/api/themes/${theme.id}`, {
          code: form.code,
          labelNl: form.labelNl,
          labelEn: form.labelEn,
          parentId: form.parentId,
          isExample: form.isExample,
        })
      : api.post('/api/themes', form),
  );
  return (
    <Modal opened onClose={onClose} title={theme ? t('editTheme') : t('newTheme')}>
      <Stack>
        <ErrorAlert error={save.error} />
        <Select
          label={t('kind')}
          disabled={theme !== null}
          value={form.kind}
          onChange={(v) => v && setForm({ ...form, kind: v, parentId: null })}
          data={KINDS.map((k) => ({ value: k, label: t(`themeKinds.${k}`) }))}
          allowDeselect={false}
        />
        <TextInput
          label={t('code')}
          required
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
        />
        <TextInput
          label={t('labelNl')}
          required
          value={form.labelNl}
          onChange={(e) => setForm({ ...form, labelNl: e.currentTarget.value })}
        />
        <TextInput
          label={t('labelEn')}
          required
          value={form.labelEn}
          onChange={(e) => setForm({ ...form, labelEn: e.currentTarget.value })}
        />
        <ThemeSelect
          // A new kind searches anew: the parent is a theme of the same kind.
          key={form.kind}
          label={t('parent')}
          clearable
          kind={form.kind}
          describe={(x) => `${x.code} ${x.labelNl}`}
          value={form.parentId}
          onChange={(v) => setForm({ ...form, parentId: v })}
        />
        <Checkbox
          label={t('isExample')}
          checked={form.isExample}
          onChange={(e) => setForm({ ...form, isExample: e.currentTarget.checked })}
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
                  // The pickers elsewhere keep their own theme queries: they read the change too.
                  void client.invalidateQueries({ queryKey: ['themes'] });
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

/** The theme taxonomy: transitions, strategic themes, technology domains and NACE sectors. */
export function ThemesPage() {
  const { t } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const themes = usePagedList<Theme>(['portfolio', 'themes', 'page'], '/api/themes', {
    q: debounced || undefined,
  });
  const rows = themes.data?.data ?? [];
  const canEdit = themes.data?.abilities.edit ?? false;
  const [editing, setEditing] = useState<Theme | null | 'new'>(null);
  const parents = useThemesById(rows.flatMap((x) => (x.parentId ? [x.parentId] : [])));
  const parentCode = new Map((parents.data?.data ?? []).map((x) => [x.id, x.code]));
  const columns: ColumnDef<Theme>[] = [
    { accessorKey: 'kind', header: t('kind'), cell: (x) => t(`themeKinds.${x.getValue() as string}`) },
    { accessorKey: 'code', header: t('code') },
    { accessorKey: 'labelNl', header: t('labelNl') },
    { accessorKey: 'labelEn', header: t('labelEn') },
    {
      id: 'parent',
      header: t('parent'),
      accessorFn: (x) => (x.parentId ? (parentCode.get(x.parentId) ?? '') : ''),
    },
    {
      accessorKey: 'isExample',
      header: t('example'),
      cell: (x) =>
        x.getValue() ? (
          <Badge size="xs" variant="outline">
            {t('example')}
          </Badge>
        ) : (
          ''
        ),
    },
    ...(canEdit
      ? [
          {
            id: 'edit',
            header: '',
            enableSorting: false,
            cell: ({ row }: { row: { original: Theme } }) => (
              <Button size="xs" variant="light" onClick={() => setEditing(row.original)}>
                {tc('edit')}
              </Button>
            ),
          } as ColumnDef<Theme>,
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('themesTitle')}
        description={t('themesIntro')}
        actions={canEdit && <Button onClick={() => setEditing('new')}>{t('newTheme')}</Button>}
      />
      <TextInput
        label={t('themeSearch')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={360}
        mb="sm"
      />
      <ErrorAlert error={themes.error} />
      <DataTable
        data={rows}
        serverPage={themes.serverPage}
        columns={columns}
        caption={t('themesTitle')}
        xlsxUrl="/api/themes.xlsx"
      />
      {editing !== null && (
        <ThemeModal theme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
