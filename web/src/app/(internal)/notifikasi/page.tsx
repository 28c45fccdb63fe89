import { Group, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { InboxTabs, type InboxView } from '@/components/notifications/inbox-tabs';
import { toNotificationCategory } from '@/components/notifications/live-notification';
import { NotificationInbox } from '@/components/notifications/notification-inbox';
import { ThreadList } from '@/components/notifications/thread-list';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import type { NotificationCategory } from '@/gql/graphql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const NotificationInboxQuery = graphql(`
  query NotificationInbox($unreadOnly: Boolean, $category: NotificationCategory, $after: String) {
    notifications(unreadOnly: $unreadOnly, category: $category, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          category
          title
          body
          link
          threadId
          read
          createdAt
        }
      }
    }
  }
`);

const MyThreadsQuery = graphql(`
  query MyThreads($after: String) {
    myThreads(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          unreadCount
          messageCount
          lastMessageAt
          lastMessagePreview
        }
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

type Client = ReturnType<typeof getClient>;

async function threadsTab(client: Client, after: string | null) {
  const { data, error } = await runQuery(client, MyThreadsQuery, { after });
  const connection = data?.myThreads;
  return {
    error,
    content: (
      <ThreadList
        threads={connection?.edges.map((edge) => edge.node) ?? []}
        totalCount={connection?.totalCount ?? 0}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
      />
    ),
  };
}

async function notificationsTab(
  client: Client,
  after: string | null,
  unreadOnly: boolean,
  category: NotificationCategory | null,
) {
  const { data, error } = await runQuery(client, NotificationInboxQuery, {
    unreadOnly,
    category,
    after,
  });
  const connection = data?.notifications;
  return {
    error,
    content: (
      <NotificationInbox
        notifications={connection?.edges.map((edge) => edge.node) ?? []}
        totalCount={connection?.totalCount ?? 0}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
        unreadOnly={unreadOnly}
        category={category}
      />
    ),
  };
}

/** The inbox (`?status=belum-dibaca`, `?kategori=…`) and, as a second tab, the user's threads. */
export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePage('/notifikasi');
  const t = await getTranslations('notifications');
  const params = await searchParams;
  const view: InboxView = single(params.tampilan) === 'korespondensi' ? 'threads' : 'notifications';
  const after = single(params.setelah) ?? null;
  const { content, error } =
    view === 'threads'
      ? await threadsTab(getClient(), after)
      : await notificationsTab(
          getClient(),
          after,
          single(params.status) === 'belum-dibaca',
          toNotificationCategory(single(params.kategori)),
        );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        <Link href="/notifikasi/preferensi" style={LINK_STYLE}>
          {t('preferencesLink')}
        </Link>
      </Group>
      <ErrorAlert message={error} />
      <InboxTabs view={view}>{content}</InboxTabs>
    </Stack>
  );
}
