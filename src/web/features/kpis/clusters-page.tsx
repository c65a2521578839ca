import { Anchor, Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useClusterOptions } from './api';

/** Entry page: the clusters whose KPI dashboard the viewer may open (a manager sees their own). */
export function ClustersPage() {
  const { t } = useTranslation('kpis');
  const me = useMe();
  const clusters = useClusterOptions();
  const user = me.data?.user;
  const visible = (clusters.data?.data ?? []).filter(
    (c) => user?.role !== 'manager' || user.clusterIds.includes(c.id),
  );
  return (
    <>
      <PageHeader title={t('clustersTitle')} description={t('clustersIntro')} />
      <ErrorAlert error={clusters.error} />
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
    </>
  );
}
