'use client';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Loader,
  Popover,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { BellIcon } from './bell-icon';
import { badgeText, notificationHref, type LiveNotification } from './live-notification';
import { useLiveNotifications } from './live-notifications-provider';
import styles from './notifications.module.css';

const HEADING_ID = 'judul-notifikasi-terbaru';

/**
 * The header's bell: the live unread count on the icon and, when opened, the newest
 * notifications. Choosing one marks it read and opens what it is about.
 */
export function NotificationBell() {
  const t = useTranslations('notifications');
  const common = useTranslations('common');
  const format = useFormatter();
  const router = useRouter();
  const { unreadCount, latest, loadLatest, markRead, markAllRead } = useLiveNotifications();
  const [opened, setOpened] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** "Now" of the relative times, taken when the list opens. */
  const [now, setNow] = useState(() => new Date());
  const count = unreadCount ?? 0;

  async function open() {
    setNow(new Date());
    setOpened(true);
    setLoading(true);
    setError(await loadLatest());
    setLoading(false);
  }

  function choose(notification: LiveNotification) {
    setOpened(false);
    if (!notification.read) void markRead([notification.id]);
    router.push(notificationHref(notification));
  }

  async function readAll() {
    setError(await markAllRead());
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="lg"
          className={styles.bell}
          aria-label={count > 0 ? t('bellUnread', { count }) : t('bell')}
          data-unread={count}
          // The count is known (the live stream or a request has told it).
          data-live={unreadCount !== null}
          data-testid="lonceng-notifikasi"
          onClick={() => (opened ? setOpened(false) : void open())}
        >
          <BellIcon />
          {count > 0 ? (
            <Badge
              size="xs"
              color="#c92a2a"
              variant="filled"
              className={styles.bellBadge}
              aria-hidden="true"
            >
              {badgeText(count)}
            </Badge>
          ) : null}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-labelledby={HEADING_ID} className={styles.dropdown}>
        <Group justify="space-between" gap="xs" px="sm" py="xs" preventGrowOverflow={false}>
          <Text fw={700} id={HEADING_ID}>
            {t('latestTitle')}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={count === 0}
            onClick={() => void readAll()}
          >
            {t('markAllRead')}
          </Button>
        </Group>
        <Divider />
        {error ? (
          <Alert color="red" variant="light" role="alert" m="sm">
            {error}
          </Alert>
        ) : null}
        {latest.length === 0 ? (
          <Group justify="center" p="md">
            {loading ? (
              <Loader size="sm" role="status" aria-label={common('loading')} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('empty')}
              </Text>
            )}
          </Group>
        ) : (
          <ul className={styles.latest} aria-busy={loading}>
            {latest.map((notification) => (
              <li key={notification.id}>
                <UnstyledButton
                  className={styles.item}
                  data-read={notification.read}
                  onClick={() => choose(notification)}
                >
                  <span className={styles.dot} data-unread={!notification.read} aria-hidden />
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" fw={notification.read ? 500 : 700} lineClamp={2}>
                      {!notification.read ? <VisuallyHidden>{t('unread')}: </VisuallyHidden> : null}
                      {notification.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {notification.body}
                    </Text>
                    <Text size="xs" c="dimmed" component="time" dateTime={notification.createdAt}>
                      {/* A clock a little ahead of the browser's must not say "in 5 seconds". */}
                      {format.relativeTime(
                        Math.min(new Date(notification.createdAt).getTime(), now.getTime()),
                        now,
                      )}
                    </Text>
                  </Stack>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        )}
        <Divider />
        <Group justify="space-between" px="sm" py="xs">
          <Anchor
            component={Link}
            href="/notifikasi/preferensi"
            size="sm"
            onClick={() => setOpened(false)}
          >
            {t('preferencesLink')}
          </Anchor>
          <Anchor
            component={Link}
            href="/notifikasi"
            size="sm"
            fw={600}
            onClick={() => setOpened(false)}
          >
            {t('viewAll')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
