'use client';
import { AppShell, Box, Burger, Group, Loader, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LiveNotificationsProvider } from '@/components/notifications/live-notifications-provider';
import { NotificationBell } from '@/components/notifications/notification-bell';

interface Props {
  user: { name: string; organization: string | null };
  /** Only the menu entries the user's roles may use (navigation/menu.ts). */
  items: { href: string; label: string }[];
  languageSwitch: ReactNode;
  children: ReactNode;
}

/** Spinner inside a navigation link while its page loads (pages are rendered on the server). */
function PendingMark({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return pending ? <Loader size={14} aria-label={label} /> : null;
}

/**
 * Role-aware shell of the internal area: header with the notification bell, navigation (a drawer
 * on phones), content. It holds the tab's one live notification stream for every page inside.
 */
export function AppFrame({ user, items, languageSwitch, children }: Props) {
  const t = useTranslations('common');
  const pathname = usePathname();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <LiveNotificationsProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('openMenu')}
              aria-expanded={opened}
              aria-controls="navigasi-utama"
            />
            <Text
              component={Link}
              href="/dasbor"
              fw={800}
              c="blue.8"
              size="lg"
              style={{ letterSpacing: '0.04em', textDecoration: 'none' }}
            >
              SIPADU
            </Text>
            <Group ml="auto" gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <div style={{ textAlign: 'right', lineHeight: 1.2, minWidth: 0 }}>
                <Text size="sm" fw={600} truncate="end" data-testid="nama-pengguna">
                  {user.name}
                </Text>
                {user.organization ? (
                  <Text size="xs" c="dimmed" data-testid="kode-organisasi">
                    {user.organization}
                  </Text>
                ) : null}
              </div>
              <NotificationBell />
              <Group visibleFrom="xs" gap={0}>
                {languageSwitch}
              </Group>
              {/* Never squeezed: on a phone the name gives way instead. */}
              <Box style={{ flexShrink: 0 }}>
                <SignOutButton />
              </Box>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="navigasi-utama" aria-label={t('mainNavigation')}>
          {items.map((item) => (
            <NavLink
              key={item.href}
              component={Link}
              href={item.href}
              label={item.label}
              rightSection={<PendingMark label={t('loading')} />}
              active={pathname === item.href || pathname.startsWith(`${item.href}/`)}
              aria-current={pathname === item.href ? 'page' : undefined}
              onClick={close}
            />
          ))}
          <Group hiddenFrom="xs" mt="md">
            {languageSwitch}
          </Group>
        </AppShell.Navbar>
        <AppShell.Main id="konten">{children}</AppShell.Main>
      </AppShell>
    </LiveNotificationsProvider>
  );
}
