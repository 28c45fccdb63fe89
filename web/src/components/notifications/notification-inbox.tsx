'use client';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { NotificationCategory, NotificationInboxQuery } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { NOTIFICATION_CATEGORIES, notificationHref } from './live-notification';
import { useLiveNotifications, useNotificationListener } from './live-notifications-provider';
import styles from './notifications.module.css';

type InboxNotification = NotificationInboxQuery['notifications']['edges'][number]['node'];

interface Props {
  notifications: readonly InboxNotification[];
  totalCount: number;
  nextCursor: string | null;
  isFirstPage: boolean;
  unreadOnly: boolean;
  category: NotificationCategory | null;
}

/** The inbox: filters in the URL, cursor paging, marking read one by one or all at once. */
export function NotificationInbox(props: Props) {
  const t = useTranslations('notifications');
  const categoryLabel = useTranslations('notificationCategory');
  const common = useTranslations('common');
  const format = useFormatter();
  const router = useRouter();
  const { unreadCount, markRead, markAllRead } = useLiveNotifications();
  const { pending, startTransition, navigate, nextHref, firstHref } = useListNavigation(
    props.nextCursor,
  );
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [markingAll, setMarkingAll] = useState(false);

  const refresh = () => startTransition(() => router.refresh());
  // New notifications appear at the top of the first page.
  useNotificationListener(() => {
    if (props.isFirstPage) refresh();
  });

  async function readOne(id: string) {
    setReadIds((ids) => new Set(ids).add(id));
    const problem = await markRead([id]);
    setError(problem);
    if (!problem && props.unreadOnly) refresh();
  }

  async function readAll() {
    setMarkingAll(true);
    const problem = await markAllRead();
    setMarkingAll(false);
    setError(problem);
    if (!problem) refresh();
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('filterStatus')}
          value={props.unreadOnly ? 'unread' : 'all'}
          onChange={(value) => navigate({ status: value === 'unread' ? 'belum-dibaca' : null })}
          data={[
            { value: 'all', label: t('filterAll') },
            { value: 'unread', label: t('filterUnread') },
          ]}
        />
        <Select
          label={t('filterCategory')}
          placeholder={t('allCategories')}
          clearable
          value={props.category}
          data={NOTIFICATION_CATEGORIES.map((category) => ({
            value: category,
            label: categoryLabel(category),
          }))}
          onChange={(value) => navigate({ kategori: value })}
          style={{ flex: '1 1 12rem', maxWidth: '20rem' }}
        />
        {pending ? <Loader size="sm" role="status" aria-label={common('loading')} mb={8} /> : null}
        <Button
          variant="light"
          ml="auto"
          loading={markingAll}
          disabled={unreadCount === 0}
          onClick={() => void readAll()}
        >
          {t('markAllRead')}
        </Button>
      </Group>

      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: props.totalCount })}
      </Text>

      {props.notifications.length === 0 ? (
        <Text c="dimmed">{props.unreadOnly ? t('emptyUnread') : t('empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" className={styles.inbox} aria-busy={pending}>
          {props.notifications.map((notification) => {
            const read = notification.read || readIds.has(notification.id);
            return (
              <Paper
                component="li"
                key={notification.id}
                withBorder
                p="sm"
                className={styles.inboxItem}
                data-read={read}
                data-notification-id={notification.id}
              >
                <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                  <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                    <Group gap="xs">
                      <Badge variant="light" size="sm" tt="none">
                        {categoryLabel(notification.category)}
                      </Badge>
                      {read ? null : (
                        <Badge color="blue.8" variant="filled" size="sm" tt="none">
                          {t('unread')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed" component="time" dateTime={notification.createdAt}>
                        {format.dateTime(new Date(notification.createdAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        })}
                      </Text>
                    </Group>
                    <Anchor
                      component={Link}
                      href={notificationHref(notification)}
                      fw={read ? 500 : 700}
                      onClick={() => {
                        if (!read) void readOne(notification.id);
                      }}
                    >
                      {notification.title}
                    </Anchor>
                    <Text size="sm" className={styles.messageText}>
                      {notification.body}
                    </Text>
                  </Stack>
                  {read ? null : (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('markReadOf', { title: notification.title })}
                      onClick={() => void readOne(notification.id)}
                    >
                      {t('markRead')}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}

      <Group gap="md">
        {props.isFirstPage ? null : <Link href={firstHref}>{common('first')}</Link>}
        {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
      </Group>
    </Stack>
  );
}
