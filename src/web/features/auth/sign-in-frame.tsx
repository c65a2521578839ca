import { Button, Center, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../app/auth';
import { LanguageSwitch } from '../../app/app-shell';

function SignOutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button variant="subtle" size="xs" onClick={() => logout.mutate()}>
      {t('logout')}
    </Button>
  );
}

/**
 * The one frame of the pages before the application (sign-in, second factor, its set-up): the
 * name and tagline, the language switch, the page's heading. `signedIn` adds a sign-out button
 * (a password given, the second step still to come); `wide` makes room for the set-up's QR code.
 */
export function SignInFrame({
  title,
  signedIn = false,
  wide = false,
  children,
}: {
  title: string;
  signedIn?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" bg="gray.0">
      <main id="main">
        <Paper withBorder shadow="sm" p="xl" w={wide ? 560 : 420} radius="md">
          <Group justify="space-between" mb="md">
            <div>
              <Text fw={700} size="xl">
                {t('appName')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('tagline')}
              </Text>
            </div>
            <Group gap="xs">
              <LanguageSwitch />
              {signedIn && <SignOutButton />}
            </Group>
          </Group>
          <Title order={1} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </main>
    </Center>
  );
}
