import { Anchor, Badge, Card, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import type { ClusterOption } from '../../shared/cluster-select';
import { Pager } from '../../shared/pager';
import { usePagedList } from '../../shared/use-paged-list';

/** Entry page: the clusters whose KPI dashboard the viewer may open (a manager sees their own). */
export function ClustersPage() {
  const { t } = useTranslation('kpis');
  const me = useMe();
  const user = me.data?.user;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  // A manager sees their own clusters; everyone else pages through all of them (searched by name).
  const own = user?.role === 'manager' ? user.clusterIds.slice(0, 100).join(',') : undefined;
  const clusters = usePagedList<ClusterOption & { kind: string }>(
    ['lookups', 'clusters', 'kpis'],
    '/api/lookups/clusters',
    { q: q || undefined, ids: own },
    // A manager without clusters asks nothing: an empty `ids` would be dropped and mean "all".
    me.data !== undefined && own !== '',
  );
  const visible = own === '' ? [] : (clusters.data?.data ?? []);
  return (
    <>
      <PageHeader title={t('clustersTitle')} description={t('clustersIntro')} />
      <ErrorAlert error={clusters.error} />
      <TextInput
        label={t('clusterSearch')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={260}
        mb="md"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {visible.map((c) => (
          <Card key={c.id} withBorder>
            <Group justify="space-between">
              <Anchor component={Link} to={`/kpis/clusters/${c.id}`} fw={600}>
                {c.name}
              </Anchor>
              <Badge variant="light">{t(c.kind === 'spearhead' ? 'spearhead' : 'business_network')}</Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {c.shortName}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {own === '' && <Text c="dimmed">{t('noOwnClusters')}</Text>}
      <Pager serverPage={clusters.serverPage} />
    </>
  );
}
