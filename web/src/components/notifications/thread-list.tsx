'use client';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import type { MyThreadsQuery } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { threadHref } from './live-notification';
import { useNotificationListener } from './live-notifications-provider';
import styles from './notifications.module.css';

type ThreadItem = MyThreadsQuery['myThreads']['edges'][number]['node'];

interface Props {
  threads: readonly ThreadItem[];
  totalCount: number;
  nextCursor: string | null;
  isFirstPage: boolean;
}

/** The threads the user follows, newest message first, with their unread counts. */
export function ThreadList({ threads, totalCount, nextCursor, isFirstPage }: Props) {
  const t = useTranslations('threads');
  const common = useTranslations('common');
  const format = useFormatter();
  const router = useRouter();
  const { pending, startTransition, nextHref, firstHref } = useListNavigation(nextCursor);

  // A new message reorders the list and changes the counts.
  useNotificationListener((notification) => {
    if (notification.threadId && isFirstPage) startTransition(() => router.refresh());
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: totalCount })}
      </Text>
      {threads.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" className={styles.inbox} aria-busy={pending}>
          {threads.map((thread) => (
            <Paper
              component="li"
              key={thread.id}
              withBorder
              p="sm"
              className={styles.inboxItem}
              data-read={thread.unreadCount === 0}
              data-thread-id={thread.id}
            >
              <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                <Anchor
                  component={Link}
                  href={threadHref(thread.id)}
                  fw={thread.unreadCount > 0 ? 700 : 500}
                  style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  {thread.title}
                </Anchor>
                {thread.unreadCount > 0 ? (
                  <Badge color="#c92a2a" variant="filled" tt="none">
                    {t('unread', { count: thread.unreadCount })}
                  </Badge>
                ) : null}
              </Group>
              {thread.lastMessagePreview ? (
                <Text size="sm" lineClamp={2} mt={4}>
                  {thread.lastMessagePreview}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed" mt={4}>
                {t('messages', { count: thread.messageCount })}
                {thread.lastMessageAt
                  ? ` · ${t('lastMessage', {
                      date: format.dateTime(new Date(thread.lastMessageAt), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }),
                    })}`
                  : ''}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <Group gap="md">
        {isFirstPage ? null : <Link href={firstHref}>{common('first')}</Link>}
        {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
      </Group>
    </Stack>
  );
}
