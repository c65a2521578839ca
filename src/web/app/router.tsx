import { Center, Container, Group, Loader, Text, Title } from '@mantine/core';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { allRoutes, publicRoutes, type FeatureRoute } from './feature-registry';
import { useMe } from './auth';
import { Shell, LanguageSwitch } from './app-shell';
import { ErrorAlert } from '../shared/error-alert';
import { LoginPage } from '../features/auth/login-page';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Title order={1} size="h3">
      {t('notFound')}
    </Title>
  );
}

/** Pages that need a session: without one, go to the login page and come back afterwards. */
function SignedIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading)
    return (
      <Center h="100vh">
        <Loader aria-label="loading" />
      </Center>
    );
  if (me.error)
    return (
      <Container py="xl">
        <ErrorAlert error={me.error} />
      </Container>
    );
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Shell me={me.data} />;
}

function RoleGate({ route }: { route: FeatureRoute }) {
  const me = useMe();
  if (route.roles && me.data && !route.roles.includes(me.data.user.role)) return <NotFound />;
  return <>{route.element}</>;
}

function PublicFrame() {
  const { t } = useTranslation();
  return (
    <Container size="lg" py="md">
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="lg">
          {t('appName')}
        </Text>
        <LanguageSwitch />
      </Group>
      <main id="main">
        <Outlet />
      </main>
    </Container>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/public',
    element: <PublicFrame />,
    children: publicRoutes.map((r) => ({ path: r.path, element: r.element })),
  },
  {
    path: '/',
    element: <SignedIn />,
    children: [
      ...allRoutes.map((r) => ({
        path: r.path === '' ? undefined : r.path,
        index: r.path === '',
        element: <RoleGate route={r} />,
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
