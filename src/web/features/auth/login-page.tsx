import {
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../app/auth';
import { LanguageSwitch } from '../../app/app-shell';
import { ErrorAlert } from '../../shared/error-alert';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (me.data) return <Navigate to={target} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => navigate(target, { replace: true }) });
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <main id="main">
        <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
          <Group justify="space-between" mb="md">
            <div>
              <Text fw={700} size="xl">
                {tc('appName')}
              </Text>
              <Text size="sm" c="dimmed">
                {tc('tagline')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h3">
                {t('title')}
              </Title>
              <Text size="sm">{t('intro')}</Text>
              <ErrorAlert error={login.error} />
              <TextInput
                label={t('email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={login.isPending}>
                {t('submit')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('demoHint')}
              </Text>
            </Stack>
          </form>
          <Text size="sm" mt="md">
            {t('publicIntro')}{' '}
            <Anchor component={Link} to="/public">
              {t('publicLink')}
            </Anchor>
          </Text>
        </Paper>
      </main>
    </Center>
  );
}
