import { Button, Card, Checkbox, Group, NumberInput, Stack, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { usePagedList } from '../../shared/use-paged-list';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useReviewMutation } from './api';
import type { ExpertPoolEntry as PoolEntry } from '../../../shared/expert-pool';

export const useExpertPool = (q: string) =>
  usePagedList<PoolEntry>(['review', 'pool'], '/api/review/experts', { q: q || undefined });

/** The expert pool for officers (profile, load, affiliations), with its XLSX export. */
export function ExpertPoolPage() {
  const { t } = useTranslation('review');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const pool = useExpertPool(debounced);
  const columns: ColumnDef<PoolEntry>[] = [
    { accessorKey: 'name', header: t('expert') },
    { accessorKey: 'headline', header: t('headline') },
    { id: 'keywords', header: t('keywords'), accessorFn: (e) => e.keywords.join(', ') },
    { id: 'load', header: t('load'), accessorFn: (e) => `${e.minLoad}–${e.maxLoad}` },
    { accessorKey: 'isAvailable', header: t('available'), cell: (c) => (c.getValue() ? '✓' : '–') },
    {
      id: 'affiliations',
      header: t('affiliations'),
      accessorFn: (e) => e.affiliations.map((a) => a.organisationName).join(', '),
    },
  ];
  return (
    <>
      <PageHeader title={t('poolTitle')} description={t('poolIntro')} />
      <TextInput
        label={t('poolSearch')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={360}
        mb="sm"
      />
      <ErrorAlert error={pool.error} />
      <DataTable
        data={pool.data?.data ?? []}
        serverPage={pool.serverPage}
        columns={columns}
        xlsxUrl="/api/review/experts.xlsx"
      />
    </>
  );
}

/** The expert's own profile: headline, keywords, load and availability (themes and affiliations through the API). */
export function MyProfileCard() {
  const { t } = useTranslation('review');
  const profile = useQuery({
    queryKey: ['review', 'profile'],
    queryFn: () => api.get<PoolEntry>('/api/review/my/profile'),
  });
  const data = profile.data?.data;
  const [form, setForm] = useState({
    headline: '',
    keywords: [] as string[],
    maxLoad: 8 as number | string,
    minLoad: 0 as number | string,
    isAvailable: true,
  });
  useEffect(() => {
    if (data)
      setForm({
        headline: data.headline,
        keywords: data.keywords,
        maxLoad: data.maxLoad,
        minLoad: data.minLoad,
        isAvailable: data.isAvailable,
      });
  }, [data]);
  const save = useReviewMutation(() =>
    api.put(`/api/review/experts/${data?.userId}`, {
      headline: form.headline,
      keywords: form.keywords,
      languages: data?.languages ?? ['nl'],
      maxLoad: Number(form.maxLoad),
      minLoad: Number(form.minLoad),
      isAvailable: form.isAvailable,
      themeIds: data?.themeIds ?? [],
      affiliations: (data?.affiliations ?? []).map((a) => ({
        organisationId: a.organisationId,
        role: a.role,
        validFrom: a.validFrom,
        validTo: a.validTo,
      })),
    }),
  );
  if (!data) return <ErrorAlert error={profile.error} />;
  return (
    <Card withBorder mb="lg">
      <Stack gap="xs">
        <TextInput
          label={t('headline')}
          value={form.headline}
          onChange={(e) => setForm({ ...form, headline: e.currentTarget.value })}
        />
        <TagsInput
          label={t('keywords')}
          value={form.keywords}
          onChange={(keywords) => setForm({ ...form, keywords })}
        />
        <Group>
          <NumberInput
            label={t('maxLoad')}
            min={0}
            max={100}
            value={form.maxLoad}
            onChange={(maxLoad) => setForm({ ...form, maxLoad })}
            w={160}
          />
          <NumberInput
            label={t('minLoad')}
            min={0}
            max={100}
            value={form.minLoad}
            onChange={(minLoad) => setForm({ ...form, minLoad })}
            w={160}
          />
          <Checkbox
            label={t('available')}
            checked={form.isAvailable}
            onChange={(e) => setForm({ ...form, isAvailable: e.currentTarget.checked })}
            mt={24}
          />
        </Group>
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            variant="light"
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
            }
          >
            {t('saveProfile')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
