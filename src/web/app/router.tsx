import { Suspense, type ReactNode } from 'react';
import { Anchor, Center, Container, Group, Loader, Title } from '@mantine/core';
import { createBrowserRouter, Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { allRoutes, publicRoutes, type FeatureRoute } from './feature-registry';
import { useMe } from './auth';
import { Shell, LanguageSwitch } from './app-shell';
import { ErrorAlert } from '../shared/error-alert';
import { LoginPage } from '../features/auth/login-page';
import { lazyPage } from './lazy-page';

const SecondFactorPage = lazyPage(() => import('../features/auth/second-factor'), 'SecondFactorPage');
const TotpEnrolmentPage = lazyPage(() => import('../features/auth/second-factor'), 'TotpEnrolmentPage');

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
  if (me.data.signInStage === 'second_factor')
    return (
      <PageSuspense>
        <SecondFactorPage />
      </PageSuspense>
    );
  if (me.data.signInStage === 'enrolment')
    return (
      <PageSuspense>
        <TotpEnrolmentPage />
      </PageSuspense>
    );
  return <Shell me={me.data} />;
}

/** Pages are loaded on demand (lazyPage in routes.tsx): a loader shows while a page's chunk arrives. */
function PageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label="loading" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

function RoleGate({ route }: { route: FeatureRoute }) {
  const me = useMe();
  if (route.roles && me.data && !route.roles.includes(me.data.user.role)) return <NotFound />;
  return <PageSuspense>{route.element}</PageSuspense>;
}

function PublicFrame() {
  const { t } = useTranslation();
  return (
    <Container size="lg" py="md">
      <Group justify="space-between" mb="lg" component="header">
        <Anchor component={Link} to="/public" underline="never" c="inherit" fw={700} size="lg">
          {t('appName')}
        </Anchor>
        <Group component="nav" aria-label={t('publicNav')} gap="md">
          <Anchor component={Link} to="/public/calls">
            {t('publicNavCalls')}
          </Anchor>
          <Anchor component={Link} to="/public/portfolio">
            {t('publicNavPortfolio')}
          </Anchor>
          <Anchor component={Link} to="/login">
            {t('publicNavLogin')}
          </Anchor>
          <LanguageSwitch />
        </Group>
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
    children: publicRoutes.map((r) =>
      r.path === ''
        ? { index: true, element: <PageSuspense>{r.element}</PageSuspense> }
        : { path: r.path, element: <PageSuspense>{r.element}</PageSuspense> },
    ),
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
