import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe, useSignInOptions } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { SignInFrame } from './sign-in-frame';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const login = useLogin();
  const options = useSignInOptions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (me.data) return <Navigate to={target} replace />;
  const providers = options.data?.providers ?? [];
  const localLogin = options.data?.localLogin ?? true;
  // A refused sign-in at an identity provider comes back as ?error=CODE: said in words, never the code.
  const failure = params.get('error');
  const failureText = failure ? t(`signInError.${failure}`, { defaultValue: t('signInError.other') }) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => void navigate(target, { replace: true }) });
  };

  return (
    <SignInFrame title={t('title')}>
      {failureText && (
        <Alert color="red" title={t('signInFailed')} mb="md" role="alert">
          {failureText}
        </Alert>
      )}
      {providers.length > 0 && (
        <Stack mb="md">
          <Text size="sm">{t('providersIntro')}</Text>
          {providers.map((provider) => (
            <Button
              key={provider.id}
              component="a"
              href={`${provider.startUrl}${target === '/' ? '' : `?next=${encodeURIComponent(target)}`}`}
              variant="filled"
            >
              {t('signInWith', { label: provider.label })}
            </Button>
          ))}
        </Stack>
      )}
      {localLogin && providers.length > 0 && <Divider label={t('orWithPassword')} my="md" />}
      {localLogin && (
        <form onSubmit={submit} noValidate>
          <Stack>
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
      )}
      <Text size="sm" mt="md">
        {t('publicIntro')}{' '}
        <Anchor component={Link} to="/public">
          {t('publicLink')}
        </Anchor>
      </Text>
    </SignInFrame>
  );
}
