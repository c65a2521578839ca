import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { meQueryKey } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { SignInFrame } from './sign-in-frame';

interface TotpStatus {
  enrolled: boolean;
  required: boolean;
  available: boolean;
  recoveryCodesLeft: number;
}

interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** The second factor of the signed-in account; `available` is false for an account from an identity provider. */
export function useTotpStatus() {
  return useQuery({
    queryKey: ['auth', 'totp'],
    queryFn: () => api.get<TotpStatus>('/api/auth/totp'),
  });
}

/** The second factor on the account page (and, when required, before anything else). */
export function TotpSetup() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const status = useTotpStatus();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<Enrolment>('/api/auth/totp/enrolment'),
    onSuccess: ({ data }) => setEnrolment(data),
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/enrolment/confirm', { code }),
    onSuccess: ({ data }) => {
      setRecoveryCodes(data.recoveryCodes);
      setEnrolment(null);
      setCode('');
      void client.invalidateQueries({ queryKey: ['auth', 'totp'] });
    },
  });
  const disable = useMutation({
    mutationFn: () => api.send('POST', '/api/auth/totp/disable', { code }),
    onSuccess: () => {
      setCode('');
      void client.invalidateQueries({ queryKey: ['auth', 'totp'] });
    },
  });
  const data = status.data?.data;
  const submitConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const submitDisable = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Stack maw={520}>
        <Title order={2} size="h4">
          {t('totpTitle')}
        </Title>
        <ErrorAlert error={status.error ?? start.error ?? confirm.error ?? disable.error} />
        {recoveryCodes && (
          <Alert color="yellow" title={t('recoveryTitle')} role="status">
            <Stack gap="xs">
              <Text size="sm">{t('recoveryIntro')}</Text>
              <List size="sm" data-testid="recovery-codes">
                {recoveryCodes.map((c) => (
                  <List.Item key={c}>
                    <Code>{c}</Code>
                  </List.Item>
                ))}
              </List>
              <Button
                w="fit-content"
                onClick={() => {
                  setRecoveryCodes(null);
                  void client.invalidateQueries({ queryKey: meQueryKey });
                }}
              >
                {t('recoveryDone')}
              </Button>
            </Stack>
          </Alert>
        )}
        {data && !data.available && <Text size="sm">{t('totpViaProvider')}</Text>}
        {data?.available && data.enrolled && (
          <>
            <Group>
              <Badge color="green">{t('totpOn')}</Badge>
              <Text size="sm">{t('recoveryLeft', { count: data.recoveryCodesLeft })}</Text>
            </Group>
            {data.required ? (
              <Text size="sm">{t('totpRequired')}</Text>
            ) : (
              <form onSubmit={submitDisable}>
                <Group align="flex-end">
                  <TextInput
                    label={t('totpCode')}
                    autoComplete="one-time-code"
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                  />
                  <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                    {t('totpDisable')}
                  </Button>
                </Group>
              </form>
            )}
          </>
        )}
        {data?.available && !data.enrolled && !recoveryCodes && (
          <>
            <Text size="sm">{data.required ? t('totpRequired') : t('totpIntro')}</Text>
            {!enrolment ? (
              <Button w="fit-content" onClick={() => start.mutate()} loading={start.isPending}>
                {t('totpStart')}
              </Button>
            ) : (
              <form onSubmit={submitConfirm}>
                <Stack>
                  <Text size="sm">{t('totpScan')}</Text>
                  <Image
                    src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
                    alt={t('totpQrAlt')}
                    w={200}
                    h={200}
                  />
                  <Text size="sm">
                    {t('totpSecret')} <Code data-testid="totp-secret">{enrolment.secret}</Code>
                  </Text>
                  <TextInput
                    label={t('totpCode')}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    required
                  />
                  <Button type="submit" w="fit-content" loading={confirm.isPending}>
                    {t('totpConfirm')}
                  </Button>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** After the password: the code from the app, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => api.send('POST', '/api/auth/totp/verify', { code }),
    onSuccess: () => void client.invalidateQueries({ queryKey: meQueryKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  return (
    <SignInFrame title={t('secondFactorTitle')} signedIn>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('secondFactorIntro')}</Text>
          <ErrorAlert error={verify.error} />
          <TextInput
            label={t('totpCode')}
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={verify.isPending}>
            {t('secondFactorSubmit')}
          </Button>
        </Stack>
      </form>
    </SignInFrame>
  );
}

/** A role that must use a second factor sets it up before anything else. */
export function TotpEnrolmentPage() {
  const { t } = useTranslation('auth');
  return (
    <SignInFrame title={t('enrolTitle')} signedIn wide>
      <TotpSetup />
    </SignInFrame>
  );
}
