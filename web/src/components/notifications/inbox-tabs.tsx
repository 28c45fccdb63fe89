'use client';
import { Loader, Tabs } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition, type ReactNode } from 'react';

export type InboxView = 'notifications' | 'threads';

const HREF: Record<InboxView, string> = {
  notifications: '/notifikasi',
  threads: '/notifikasi?tampilan=korespondensi',
};

/** The inbox's two tabs; the server renders the active one's content (`children`). */
export function InboxTabs({ view, children }: { view: InboxView; children: ReactNode }) {
  const t = useTranslations('notifications');
  const common = useTranslations('common');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (value: string | null) => {
    const target: InboxView = value === 'threads' ? 'threads' : 'notifications';
    if (target !== view) startTransition(() => router.push(HREF[target]));
  };
  return (
    <Tabs value={view} onChange={go}>
      <Tabs.List>
        <Tabs.Tab value="notifications">{t('tabNotifications')}</Tabs.Tab>
        <Tabs.Tab value="threads">{t('tabThreads')}</Tabs.Tab>
      </Tabs.List>
      {pending ? <Loader size="sm" role="status" aria-label={common('loading')} mt="sm" /> : null}
      <Tabs.Panel value="notifications" pt="md">
        {view === 'notifications' ? children : null}
      </Tabs.Panel>
      <Tabs.Panel value="threads" pt="md">
        {view === 'threads' ? children : null}
      </Tabs.Panel>
    </Tabs>
  );
}
