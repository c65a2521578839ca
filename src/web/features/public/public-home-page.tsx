import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOpenPublicCalls } from '../calls/api';
import { Pager } from '../../shared/pager';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { formatCents, formatDateTime } from '../../app/format';
import { useOpenPortfolio } from './api';
import { OpenDataLinks } from './open-data-links';

/** The public front page (no login): open calls, the portfolio in numbers, the open data. */
export function PublicHomePage() {
  const { t, i18n } = useTranslation('public');
  const calls = useOpenPublicCalls();
  // Only the totals are shown here: the smallest page.
  const portfolio = useOpenPortfolio({ page: 1, pageSize: 1 });
  const open = calls.data?.data ?? [];
  const english = i18n.language === 'en';
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('homeTitle')}
        description={t('homeIntro')}
        actions={
          <Anchor component={Link} to="/login">
            {t('signIn')}
          </Anchor>
        }
      />
      <section aria-labelledby="open-calls">
        <Title order={2} size="h3" id="open-calls" mb="sm">
          {t('openCalls')}
        </Title>
        <ErrorAlert error={calls.error} />
        {calls.isLoading && <Loader aria-label={t('loading')} />}
        {!calls.isLoading && open.length === 0 && <Text>{t('noOpenCalls')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {open.map((c) => (
            <Card withBorder key={c.id} component="article">
              <Anchor component={Link} to={`/public/calls/${c.id}`} fw={600}>
                {(english && c.titleEn) || c.titleNl}
              </Anchor>
              <Text size="sm">{(english && c.summaryEn) || c.summaryNl}</Text>
              <Group gap="xs" mt="xs">
                <Badge variant="light">{c.code}</Badge>
                <Text size="sm">{t('closesAt', { when: formatDateTime(c.closesAt) })}</Text>
                <Text size="sm">{t('envelope', { amount: formatCents(c.budgetEnvelopeCents) })}</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
        {calls.serverPage.total > calls.serverPage.pageSize && <Pager serverPage={calls.serverPage} />}
        <Anchor component={Link} to="/public/calls" mt="sm" display="inline-block">
          {t('allCalls')}
        </Anchor>
      </section>
      <section aria-labelledby="portfolio">
        <Title order={2} size="h3" id="portfolio" mb="sm">
          {t('portfolio')}
        </Title>
        <ErrorAlert error={portfolio.error} />
        {portfolio.data && (
          <Text>
            {t('portfolioCounts', {
              spearheads: portfolio.data.data.totals.spearheads,
              networks: portfolio.data.data.totals.businessNetworks,
              members: portfolio.data.data.totals.members,
            })}
          </Text>
        )}
        <Anchor component={Link} to="/public/portfolio">
          {t('toPortfolio')}
        </Anchor>
      </section>
      <section aria-labelledby="open-data">
        <Title order={2} size="h3" id="open-data" mb="sm">
          {t('openData')}
        </Title>
        <OpenDataLinks />
      </section>
    </Stack>
  );
}
