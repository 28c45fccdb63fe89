'use client';
import { Badge, Loader, Tabs } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition, type ReactNode } from 'react';
import { PROJECT_TABS, projectHref, type ProjectTab } from './project-stage';

interface Props {
  projectId: string;
  active: ProjectTab;
  /** Small counts beside tab names: requirements needing a revision, unread messages. */
  badges?: Partial<Record<ProjectTab, { count: number; kind: 'attention' | 'unread' }>>;
  /** The active tab's content, rendered on the server. */
  children: ReactNode;
}

/**
 * The project page's tabs. The tab lives in the URL (`?tab=`), so each tab can be linked and
 * only the open one's data is fetched; switching tabs loads it on the server.
 */
export function ProjectTabs({ projectId, active, badges = {}, children }: Props) {
  const t = useTranslations('projects.tabs');
  const common = useTranslations('common');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Tabs
      value={active}
      onChange={(value) => {
        const tab = PROJECT_TABS.find((candidate) => candidate === value);
        if (tab && tab !== active) {
          startTransition(() => router.push(projectHref(projectId, tab), { scroll: false }));
        }
      }}
      activateTabWithKeyboard={false}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('label')} style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
        {PROJECT_TABS.map((tab) => {
          const badge = badges[tab]?.count ? badges[tab] : undefined;
          return (
            <Tabs.Tab
              key={tab}
              value={tab}
              data-tab={tab}
              rightSection={
                badge ? (
                  <Badge
                    size="sm"
                    variant="filled"
                    color={badge.kind === 'unread' ? '#c92a2a' : '#a33a00'}
                    aria-hidden="true"
                  >
                    {badge.count}
                  </Badge>
                ) : null
              }
              aria-label={
                badge
                  ? t(badge.kind === 'unread' ? 'withUnread' : 'withCount', {
                      tab: t(tab),
                      count: badge.count,
                    })
                  : undefined
              }
            >
              {t(tab)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Tabs.Panel value={active} pt="md" aria-busy={pending}>
        {pending ? <Loader size="sm" role="status" aria-label={common('loading')} mb="sm" /> : null}
        {children}
      </Tabs.Panel>
    </Tabs>
  );
}
