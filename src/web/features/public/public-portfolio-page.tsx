import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { Pager } from '../../shared/pager';
import { usePaging } from '../../shared/use-paged-list';
import { formatDate, formatPercent } from '../../app/format';
import { useOpenPortfolio, type OpenCluster, type OpenTheme } from './api';
import { OpenDataLinks } from './open-data-links';
import { pickText } from '../../app/language';

const HELIX = ['company', 'knowledge_institution', 'government', 'civil_society'] as const;

function ClusterCard({ cluster, labelOf }: { cluster: OpenCluster; labelOf: (code: string) => string }) {
  const { t } = useTranslation('public');
  return (
    <Card withBorder component="article" aria-labelledby={`cluster-${cluster.shortName}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={3} size="h4" id={`cluster-${cluster.shortName}`}>
          {cluster.name} ({cluster.shortName})
        </Title>
        <Badge variant="light" style={{ flexShrink: 0 }}>
          {t(`kinds.${cluster.kind}`)}
        </Badge>
      </Group>
      <Text size="sm" mt={4}>
        {t(`statuses.${cluster.status}`, { defaultValue: t('statusOther') })}
        {cluster.mandateStart &&
          ` · ${t('mandate', { from: formatDate(cluster.mandateStart), to: formatDate(cluster.mandateEnd) })}`}
        {cluster.isExample && ` · ${t('example')}`}
      </Text>
      <Text mt="xs">
        <Text span fw={600}>
          {t('mission')}:{' '}
        </Text>
        {cluster.economicMission || '–'}
      </Text>
      <Text mt="xs" size="sm">
        <Text span fw={600}>
          {t('transitions')}:{' '}
        </Text>
        {cluster.transitions.map(labelOf).join(', ') || '–'}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          {t('themes')}:{' '}
        </Text>
        {cluster.themes.map((th) => labelOf(th.code)).join(', ') || '–'}
      </Text>
      <Text size="sm" mt="xs" data-testid={`members-${cluster.shortName}`}>
        <Text span fw={600}>
          {t('members', { count: cluster.members })}
        </Text>
        {' · '}
        {HELIX.map((h) => `${t(`helix.${h}`)} ${cluster.membersByHelix[h] ?? 0}`).join(' · ')}
        {cluster.smeShare !== null && ` · ${t('smeShare', { share: formatPercent(cluster.smeShare) })}`}
      </Text>
    </Card>
  );
}

/** The cluster portfolio for everyone: each cluster and network with mission, themes and members. */
export function PublicPortfolioPage() {
  const { t, i18n } = useTranslation('public');
  const { paging, serverPage } = usePaging();
  const portfolio = useOpenPortfolio(paging);
  const themes: OpenTheme[] = portfolio.data?.data.themes ?? [];
  const labelOf = (code: string) => {
    const theme = themes.find((th) => th.code === code);
    if (!theme) return code;
    return pickText(i18n.language, theme.labelNl, theme.labelEn);
  };
  const clusters = portfolio.data?.data.clusters ?? [];
  const totals = portfolio.data?.data.totals;
  // A page holds spearheads first, then networks: a kind without clusters on this page is left out.
  const groups = [
    { kind: 'spearhead', title: t('spearheads'), total: totals?.spearheads ?? 0 },
    { kind: 'business_network', title: t('networks'), total: totals?.businessNetworks ?? 0 },
  ].filter((g) => clusters.some((c) => c.kind === g.kind));
  return (
    <Stack gap="lg">
      <PageHeader title={t('portfolioTitle')} description={t('portfolioIntro')} />
      <ErrorAlert error={portfolio.error} />
      {portfolio.isLoading && <Loader aria-label={t('loading')} />}
      {groups.map((g) => (
        <section key={g.kind} aria-label={g.title}>
          <Title order={2} size="h3" mb="sm">
            {g.title} ({g.total})
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {clusters
              .filter((c) => c.kind === g.kind)
              .map((c) => (
                <ClusterCard key={c.shortName} cluster={c} labelOf={labelOf} />
              ))}
          </SimpleGrid>
        </section>
      ))}
      {portfolio.data && <Pager serverPage={serverPage(portfolio.data.page.total)} />}
      <section aria-label={t('openData')}>
        <Title order={2} size="h3" mb="sm">
          {t('openData')}
        </Title>
        {portfolio.data && (
          <Text size="sm">
            <Anchor href={portfolio.data.data.licenceUri}>
              {t('licence', {
                licence: portfolio.data.data.licence,
                date: formatDate(portfolio.data.data.generatedOn),
              })}
            </Anchor>
          </Text>
        )}
        <OpenDataLinks />
      </section>
    </Stack>
  );
}
