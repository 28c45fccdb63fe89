import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { MyNotificationPreferencesQuery } from '@/components/notifications/notification-operations';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { LINK_STYLE } from '@/documents/links';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notificationPreferences');
  return { title: t('title') };
}

export default async function NotificationPreferencesPage() {
  await requirePage('/notifikasi/preferensi');
  const t = await getTranslations('notificationPreferences');
  const { data, error } = await runQuery(getClient(), MyNotificationPreferencesQuery, {});
  return (
    <Stack gap="md">
      <div>
        <Link href="/notifikasi" style={LINK_STYLE}>
          ← {t('back')}
        </Link>
        <Title order={1} mt={4}>
          {t('title')}
        </Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <ErrorAlert message={error} />
      {data ? <PreferencesForm preferences={data.notificationPreferences} /> : null}
    </Stack>
  );
}
