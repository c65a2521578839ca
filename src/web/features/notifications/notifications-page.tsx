import { Anchor, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { Pager } from '../../shared/pager';
import { usePagedList } from '../../shared/use-paged-list';
import { languageOf } from '../../app/language';

interface Notification {
  id: string;
  kind: string;
  title: { nl: string; en: string };
  body: { nl: string; en: string };
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const language = languageOf(i18n.language);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const client = useQueryClient();
  const list = usePagedList<Notification>(['notifications'], '/api/notifications', {
    unread: unreadOnly ? 'true' : undefined,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api.send('POST', `/api/notifications/${id}/read`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const items = list.data?.data ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Switch
            label={t('unreadOnly')}
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          />
        }
      />
      <ErrorAlert error={list.error ?? markRead.error} />
      <Stack gap="sm">
        {items.length === 0 && !list.isLoading && <Text c="dimmed">{t('none')}</Text>}
        {items.map((n) => (
          <Paper key={n.id} withBorder p="sm" bg={n.readAt ? undefined : 'blue.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={n.readAt ? 400 : 700}>{n.title[language]}</Text>
                {n.body[language] && <Text size="sm">{n.body[language]}</Text>}
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                {n.link && (
                  <Anchor component={Link} to={n.link} size="sm">
                    {t('open')}
                  </Anchor>
                )}
                {!n.readAt && (
                  <Button size="xs" variant="light" onClick={() => markRead.mutate(n.id)}>
                    {t('markRead')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Pager serverPage={list.serverPage} />
    </>
  );
}
