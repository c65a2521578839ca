import { Alert, Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useInbox, type InboxItem } from './api';

function dueText(due: string | null, kind: 'instant' | 'date'): string {
  if (!due) return '';
  return kind === 'date' ? formatDate(due) : formatDateTime(due);
}

function InboxCard({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation('home');
  const english = i18n.language === 'en';
  const headingId = `inbox-${item.kind}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid={`inbox-${item.kind}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4" id={headingId}>
          {t(`kinds.${item.kind}`)}
        </Title>
        <Badge
          size="lg"
          variant="filled"
          style={{ flexShrink: 0 }}
          aria-label={t('countLabel', { count: item.count })}
        >
          {item.count}
        </Badge>
      </Group>
      {item.due && (
        <Text size="sm" mt={4}>
          {t(`dueLabel.${item.kind}`, {
            defaultValue: t('nearestDue'),
            when: dueText(item.due, item.dueKind),
          })}
        </Text>
      )}
      <Stack gap={4} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {item.entries.map((entry) => (
          <li key={entry.id}>
            <Anchor component={Link} to={entry.link} size="sm">
              {(english && entry.titleEn) || entry.title}
            </Anchor>
            {entry.due && (
              <Text span size="sm">
                {' · '}
                {dueText(entry.due, entry.dueKind)}
              </Text>
            )}
          </li>
        ))}
      </Stack>
      {item.count > item.entries.length && (
        <Anchor component={Link} to={item.link} size="sm" mt="xs" display="inline-block">
          {t('seeAll', { count: item.count })}
        </Anchor>
      )}
    </Card>
  );
}

/** The home page: what is waiting for this person, nearest deadline first. */
export function HomePage() {
  const { t } = useTranslation('home');
  const { t: tc } = useTranslation();
  const me = useMe();
  const inbox = useInbox();
  if (!me.data) return null;
  const role = me.data.user.role;
  const data = inbox.data?.data;
  return (
    <>
      <PageHeader
        title={t('welcome', { name: me.data.user.name })}
        description={`${tc(`roles.${role}`)} · ${t(`roleHelp.${role}`)}`}
      />
      <Stack>
        <Alert color="yellow" variant="light">
          {tc('exampleData')}
        </Alert>
        <ErrorAlert error={inbox.error} />
        {inbox.isLoading && <Loader aria-label={tc('loading')} />}
        {data && data.figures.length > 0 && (
          <section aria-labelledby="figures">
            <Title order={2} size="h3" id="figures" mb="xs">
              {t('figuresTitle')}
            </Title>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {data.figures.map((f) => (
                <Card withBorder key={f.kind} data-testid={`figure-${f.kind}`}>
                  <Text size="xl" fw={700}>
                    {formatNumber(f.value, 0)}
                  </Text>
                  <Anchor component={Link} to={f.link} size="sm">
                    {t(`figures.${f.kind}`)}
                  </Anchor>
                </Card>
              ))}
            </SimpleGrid>
          </section>
        )}
        {data && (
          <Title order={2} size="h3">
            {role === 'analyst' ? t('changedTitle') : t('waitingTitle')}
          </Title>
        )}
        {data && data.items.length === 0 && <Text data-testid="inbox-empty">{t('nothingWaiting')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {data?.items.map((item) => (
            <InboxCard key={item.kind} item={item} />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}
