import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { PageHeader } from '../../shared/page-header';

export function HomePage() {
  const { t } = useTranslation('home');
  const { t: tc } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  const role = me.data.user.role;
  return (
    <>
      <PageHeader title={t('welcome', { name: me.data.user.name })} description={t('intro')} />
      <Stack>
        <Alert color="yellow" variant="light">
          {tc('exampleData')}
        </Alert>
        <Paper withBorder p="md">
          <Text fw={600}>{t('yourRole', { role: tc(`roles.${role}`) })}</Text>
          <Text>{t(`roleHelp.${role}`)}</Text>
        </Paper>
      </Stack>
    </>
  );
}
