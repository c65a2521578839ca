import { Badge, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { usePortfolioMutation, useThemes, type Theme } from './api';

const KINDS = ['strategic_theme', 'transition', 'technology_domain', 'sector'] as const;

function ThemeModal({
  theme,
  themes,
  onClose,
}: {
  theme: Theme | null;
  themes: Theme[];
  onClose: () => void;
}) {
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
        <Select
          label={t('parent')}
          clearable
          value={form.parentId}
          onChange={(v) => setForm({ ...form, parentId: v })}
          data={themes
            .filter((x) => x.kind === form.kind && x.id !== theme?.id)
            .map((x) => ({ value: x.id, label: `${x.code} ${x.labelNl}` }))}
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
  const themes = useThemes();
  const rows = themes.data?.data ?? [];
  const canEdit = themes.data?.abilities.edit ?? false;
  const [editing, setEditing] = useState<Theme | null | 'new'>(null);
  const parentCode = new Map(rows.map((x) => [x.id, x.code]));
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
      <ErrorAlert error={themes.error} />
      <DataTable data={rows} columns={columns} xlsxUrl="/api/themes.xlsx" />
      {editing !== null && (
        <ThemeModal
          theme={editing === 'new' ? null : editing}
          themes={rows}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
