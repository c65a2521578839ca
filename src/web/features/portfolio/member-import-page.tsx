import { Alert, Anchor, Badge, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { fileToBase64, useCluster, usePortfolioMutation, type ImportPreview, type PreviewRow } from './api';
import { languageOf } from '../../app/language';

/** Import a member list: preview every row with its problems, then commit all good rows at once. */
export function MemberImportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('portfolio');
  const cluster = useCluster(id);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const language = languageOf(i18n.language);
  const send = async (step: 'preview' | 'commit') => {
    if (!file) throw new Error(t('chooseFile'));
    const body = { filename: file.name, contentBase64: await fileToBase64(file) };
    return (await api.post<ImportPreview>(`/api/clusters/${id}/member-import/${step}`, body)).data;
  };
  const check = usePortfolioMutation(() => send('preview'));
  const commit = usePortfolioMutation(() => send('commit'));

  const columns: ColumnDef<PreviewRow>[] = [
    { accessorKey: 'line', header: t('line') },
    { accessorKey: 'name', header: t('organisation') },
    { accessorKey: 'enterpriseNumber', header: t('enterpriseNumber') },
    {
      accessorKey: 'helix',
      header: t('helixLabel'),
      cell: (x) => (x.getValue() ? t(`helix.${x.getValue() as string}`) : '–'),
    },
    { accessorKey: 'validFrom', header: t('from') },
    {
      accessorKey: 'action',
      header: t('action'),
      cell: ({ row }) => (
        <Badge color={row.original.action === 'skip' ? 'red' : 'green'} variant="light">
          {t(`actions.${row.original.action}`)}
        </Badge>
      ),
    },
    {
      id: 'problems',
      header: t('problems'),
      accessorFn: (r) => r.problems.map((p) => p.message[language]).join(' '),
      cell: ({ row }) => (
        <List size="xs">
          {row.original.problems.map((p, i) => (
            <List.Item key={i}>{p.message[language]}</List.Item>
          ))}
        </List>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('importTitle', { cluster: cluster.data?.data.name ?? '' })}
        description={t('importIntro')}
        actions={
          <Anchor component={Link} to={`/portfolio/clusters/${id}`}>
            {t('backToCluster')}
          </Anchor>
        }
      />
      <Stack mb="md">
        <Group>
          <Text size="sm">{t('template')}:</Text>
          <Anchor href="/api/member-import/template.xlsx" download>
            XLSX
          </Anchor>
          <Anchor href="/api/member-import/template.csv" download>
            CSV
          </Anchor>
        </Group>
        <Group align="flex-end">
          <FileInput
            label={t('chooseFile')}
            accept=".xlsx,.csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              setPreview(null);
              setResult(null);
            }}
            w={360}
            clearable
          />
          <Button
            disabled={!file}
            loading={check.isPending}
            onClick={() => check.mutate(undefined, { onSuccess: (data) => setPreview(data) })}
          >
            {t('check')}
          </Button>
          <Button
            color="green"
            disabled={!preview || preview.good === 0 || result !== null}
            loading={commit.isPending}
            onClick={() => commit.mutate(undefined, { onSuccess: (data) => setResult(data) })}
          >
            {t('commitGood', { count: preview?.good ?? 0 })}
          </Button>
        </Group>
        <ErrorAlert error={check.error ?? commit.error} />
        {preview && (
          <Alert color={preview.bad > 0 ? 'yellow' : 'green'}>
            {t('previewSummary', { total: preview.total, good: preview.good, bad: preview.bad })}
          </Alert>
        )}
        {result && (
          <Alert color="green">
            {t('committed', {
              memberships: result.createdMemberships ?? 0,
              organisations: result.createdOrganisations ?? 0,
            })}
          </Alert>
        )}
      </Stack>
      {preview && <DataTable data={preview.rows} columns={columns} />}
    </>
  );
}
