import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { NOTIFICATION_KINDS, usePartnershipMutation, usePreferences, type Preferences } from './api';

export function SettingsPage() {
  const { t } = useTranslation('partnership');
  const { t: tc } = useTranslation();
  const me = useMe();
  const preferences = usePreferences();
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [calendarUrl, setCalendarUrl] = useState<string | null>(null);
  useEffect(() => {
    if (preferences.data && !draft) setDraft(preferences.data.data);
  }, [preferences.data, draft]);
  const save = usePartnershipMutation(() =>
    api.put<Preferences>('/api/partnership/preferences', {
      weeklyDigest: draft?.weeklyDigest ?? false,
      kinds: draft?.kinds ?? [],
    }),
  );
  const token = usePartnershipMutation(() => api.post<{ url: string }>('/api/partnership/calendar-token'));
  const role = me.data?.user.role;
  const canSubscribe = role === 'officer' || role === 'manager' || role === 'applicant' || role === 'expert';
  const setKind = (kind: string, field: 'inApp' | 'email', value: boolean) =>
    draft &&
    setDraft({ ...draft, kinds: draft.kinds.map((k) => (k.kind === kind ? { ...k, [field]: value } : k)) });
  return (
    <>
      <PageHeader title={t('settingsTitle')} description={t('settingsIntro')} />
      <ErrorAlert error={preferences.error ?? save.error ?? token.error} />
      {draft && (
        <Card withBorder padding="lg" mb="lg">
          <Stack>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('inApp')}</Table.Th>
                  <Table.Th>{t('email')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_KINDS.map((kind) => {
                  const row = draft.kinds.find((k) => k.kind === kind);
                  const label = t(`notificationKinds.${kind.replace('.', '_')}`);
                  return (
                    <Table.Tr key={kind}>
                      <Table.Td>{label}</Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`${label}: ${t('inApp')}`}
                          checked={row?.inApp ?? true}
                          onChange={(e) => setKind(kind, 'inApp', e.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`${label}: ${t('email')}`}
                          checked={row?.email ?? true}
                          onChange={(e) => setKind(kind, 'email', e.currentTarget.checked)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Switch
              label={t('weeklyDigest')}
              checked={draft.weeklyDigest}
              onChange={(e) => setDraft({ ...draft, weeklyDigest: e.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button
                loading={save.isPending}
                onClick={() =>
                  save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
                }
              >
                {tc('save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {canSubscribe && (
        <Card withBorder padding="lg">
          <Stack>
            <Title order={2} size="h4">
              {t('calendar')}
            </Title>
            <Text>{t('calendarIntro')}</Text>
            {preferences.data?.data.hasCalendarToken && !calendarUrl && (
              <Text c="dimmed">{t('calendarExists')}</Text>
            )}
            {calendarUrl && (
              <Alert color="blue" title={t('calendarShownOnce')}>
                <Group gap="xs" wrap="nowrap">
                  <Code style={{ wordBreak: 'break-all' }} data-testid="calendar-url">
                    {calendarUrl}
                  </Code>
                  <CopyButton value={calendarUrl}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" onClick={copy}>
                        {copied ? t('copied') : t('copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Alert>
            )}
            <Group>
              <Button
                variant="light"
                loading={token.isPending}
                onClick={() =>
                  token.mutate(undefined, {
                    onSuccess: (result) => setCalendarUrl((result as { data: { url: string } }).data.url),
                  })
                }
              >
                {preferences.data?.data.hasCalendarToken || calendarUrl
                  ? t('calendarReplace')
                  : t('calendarCreate')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </>
  );
}
