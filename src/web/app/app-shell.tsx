import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  Button,
  Box,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { navItems, type NavItem } from './feature-registry';
import { useLogout, type Me } from './auth';
import { languageOf } from './language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="xs"
      value={languageOf(i18n.language)}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[
        { value: 'nl', label: 'NL' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

/** Features whose links are shown under a heading; others (home, notifications) stand alone. */
const SECTIONS = new Set([
  'portfolio',
  'calls',
  'review',
  'funding',
  'kpis',
  'partnership',
  'policy',
  'admin',
  'tools',
]);

/**
 * Groups the navigation by feature (the i18n namespace of its label, or the item's own section),
 * groups in order of their first link; the tools section (developer tools) comes last.
 */
function groupBySection(items: NavItem[]): { section: string | null; items: NavItem[] }[] {
  const groups: { section: string | null; items: NavItem[] }[] = [];
  for (const item of items) {
    const namespace = item.section ?? item.labelKey.split(':')[0];
    const section = SECTIONS.has(namespace) ? namespace : null;
    const existing = section ? groups.find((g) => g.section === section) : undefined;
    if (existing) existing.items.push(item);
    else groups.push({ section, items: [item] });
  }
  return groups;
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
    .filter(
      (to) => location.pathname === to || location.pathname.startsWith(to === '/' ? '/\u0000' : `${to}/`),
    )
    .sort((a, b) => b.length - a.length)[0];
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text fw={700} size="lg">
                {t('appName')}
              </Text>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('tagline')}
            </Text>
          </Group>
          <Group>
            <LanguageSwitch />
            <Box visibleFrom="sm">
              <Text size="sm" fw={500} data-testid="current-user">
                {me.user.name}
              </Text>
              <Badge size="xs" variant="light">
                {t(`roles.${me.user.role}`)}
              </Badge>
            </Box>
            <Button variant="subtle" size="xs" component={Link} to="/account">
              {t('account')}
            </Button>
            <Button
              variant="default"
              size="xs"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
            >
              {t('logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('navigation')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            {groupBySection(items).map((group) => (
              <div key={group.section ?? group.items[0].to}>
                {group.section && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" mb={2} px="sm">
                    {t(`navSections.${group.section}`)}
                  </Text>
                )}
                {group.items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={t(item.labelKey)}
                    py={6}
                    onClick={close}
                    active={item.to === activeTo}
                    aria-current={item.to === activeTo ? 'page' : undefined}
                  />
                ))}
              </div>
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
