import { Anchor, AppShell, Badge, Burger, Group, NavLink, ScrollArea, SegmentedControl, Text, Button, Box } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { navItems } from './feature-registry';
import { useLogout, type Me } from './auth';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'nl'}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[{ value: 'nl', label: 'NL' }, { value: 'en', label: 'EN' }]}
    />
  );
}

/** The signed-in frame: header, role-based navigation, and the page. */
export function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const items = navItems.filter((item) => item.roles.includes(me.user.role));
  // One highlighted item: the longest link that the current path starts with.
  const activeTo = items
    .map((item) => item.to)
    .filter((to) => location.pathname === to || location.pathname.startsWith(to === '/' ? '/\u0000' : `${to}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className="skip-link">{t('skipToContent')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text fw={700} size="lg">{t('appName')}</Text>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">{t('tagline')}</Text>
          </Group>
          <Group>
            <LanguageSwitch />
            <Box visibleFrom="sm">
              <Text size="sm" fw={500} data-testid="current-user">{me.user.name}</Text>
              <Badge size="xs" variant="light">{t(`roles.${me.user.role}`)}</Badge>
            </Box>
            <Button variant="subtle" size="xs" component={Link} to="/account">{t('account')}</Button>
            <Button variant="default" size="xs" loading={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
              {t('logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigatie">
        <AppShell.Section grow component={ScrollArea}>
        <nav>
          {items.map((item) => (
            <NavLink key={item.to} component={Link} to={item.to} label={t(item.labelKey)} onClick={close} active={item.to === activeTo} aria-current={item.to === activeTo ? 'page' : undefined} />
          ))}
        </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
