'use client';
import { Badge, Button, Drawer } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useNotificationListener } from './live-notifications-provider';
import { ThreadPanel } from './thread-panel';

interface Props {
  subjectType: string;
  subjectId: string;
  /** What the subject is called (the drawer's title). */
  title: string;
  /** Unread messages when the page was rendered; kept current live afterwards. */
  unreadCount: number;
}

/**
 * "Korespondensi" button of one subject with its unread count, opening the subject's thread in
 * a drawer. The count rises as messages arrive and drops once the thread has been read.
 */
export function ThreadDrawerButton({ subjectType, subjectId, title, unreadCount }: Props) {
  const t = useTranslations('thread');
  const common = useTranslations('common');
  const [opened, setOpened] = useState(false);
  const [unread, setUnread] = useState(unreadCount);
  // A refreshed page brings the server's count; it replaces the one kept here.
  const [rendered, setRendered] = useState(unreadCount);
  if (rendered !== unreadCount) {
    setRendered(unreadCount);
    setUnread(unreadCount);
  }
  const threadId = `${subjectType}:${subjectId}`;

  useNotificationListener((notification) => {
    // While open, the panel itself refetches and reports the count.
    if (!opened && notification.threadId === threadId && !notification.read) {
      setUnread((count) => count + 1);
    }
  });

  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => setOpened(true)}
        aria-label={unread > 0 ? t('openUnread', { count: unread }) : undefined}
        data-unread={unread}
        rightSection={
          unread > 0 ? (
            <Badge size="sm" color="#c92a2a" variant="filled" aria-hidden="true">
              {unread}
            </Badge>
          ) : null
        }
      >
        {t('open')}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        size="lg"
        title={t('drawerTitle', { title })}
        closeButtonProps={{ 'aria-label': common('close') }}
      >
        <ThreadPanel
          subjectType={subjectType}
          subjectId={subjectId}
          onUnreadCountChange={setUnread}
        />
      </Drawer>
    </>
  );
}
