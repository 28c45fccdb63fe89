import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { portalPath, threadHref } from '@/components/notifications/live-notification';
import { ThreadPanel } from '@/components/notifications/thread-panel';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const ThreadHeaderQuery = graphql(`
  query ThreadHeader($id: ID!) {
    threadById(id: $id) {
      id
      title
      link
    }
  }
`);

type Params = Promise<{ threadId: string }>;

async function threadIdOf(params: Params): Promise<string> {
  return decodeURIComponent((await params).threadId);
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('thread');
  return { title: t('title') };
}

/** One correspondence thread on its own page (from the inbox or a notification). */
export default async function ThreadPage({ params }: { params: Params }) {
  const id = await threadIdOf(params);
  await requirePage(threadHref(id));
  const t = await getTranslations('thread');
  const threads = await getTranslations('threads');
  const { data, error } = await runQuery(getClient(), ThreadHeaderQuery, { id });
  const thread = data?.threadById;
  const subjectLink = portalPath(thread?.link);
  return (
    <Stack gap="md">
      <div>
        <Link href="/notifikasi?tampilan=korespondensi" style={LINK_STYLE}>
          ← {threads('back')}
        </Link>
        <Title order={1} mt={4} style={{ overflowWrap: 'anywhere' }}>
          {thread?.title ?? t('title')}
        </Title>
        {subjectLink ? (
          <Text size="sm" mt={4}>
            <Link href={subjectLink} style={LINK_STYLE}>
              {t('openSubject')}
            </Link>
          </Text>
        ) : null}
      </div>
      <ErrorAlert message={error} />
      {thread ? (
        <ThreadPanel threadId={thread.id} />
      ) : error ? null : (
        <Alert color="gray" variant="light">
          {t('notFound')}
        </Alert>
      )}
    </Stack>
  );
}
