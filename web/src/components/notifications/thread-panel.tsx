'use client';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Loader,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentVisibility } from '@mantine/hooks';
import { useClient } from '@urql/next';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { formatBytes } from '@/documents/format-bytes';
import { fileHref } from '@/documents/links';
import type { ThreadBySubjectQuery as ThreadBySubjectResult } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { useNotificationListener } from './live-notifications-provider';
import {
  MarkThreadReadMutation,
  ThreadByIdQuery,
  ThreadBySubjectQuery,
} from './notification-operations';
import { ThreadComposer } from './thread-composer';
import styles from './notifications.module.css';

type ThreadView = NonNullable<ThreadBySubjectResult['thread']>;
type ThreadMessage = ThreadView['messages']['edges'][number]['node'];

/** The thread of a subject of any service, or a thread by its id. */
type ThreadTarget =
  | { subjectType: string; subjectId: string; threadId?: never }
  | { threadId: string; subjectType?: never; subjectId?: never };

export type ThreadPanelProps = ThreadTarget & {
  /** Heading of the panel; in a collapsible panel, the text of its toggle. */
  title?: string;
  /** Starts collapsed, showing the unread count, and opens on demand. */
  collapsible?: boolean;
  /** Told the thread's unread count whenever it is known anew. */
  onUnreadCountChange?: (count: number) => void;
};

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** The notifications service does not know the subject (yet). */
  | { kind: 'unknown' }
  | {
      kind: 'ready';
      thread: ThreadView;
      /** Pages loaded with "earlier messages", oldest first. */
      older: readonly ThreadMessage[];
      /** Where the next earlier page ends; null when there is none. */
      olderCursor: string | null;
    };

function messagesOf(state: State): readonly ThreadMessage[] {
  if (state.kind !== 'ready') return [];
  const latest = state.thread.messages.edges.map((edge) => edge.node);
  const shown = new Set(latest.map((message) => message.id));
  return [...state.older.filter((message) => !shown.has(message.id)), ...latest];
}

/**
 * A fresh first page merged with what is shown: earlier pages stay when the fresh page still
 * reaches back to the newest message shown before; otherwise (many new messages at once) the
 * panel starts over from the fresh page, so it never shows a gap.
 */
function withFreshThread(previous: State, thread: ThreadView): State {
  const fresh = thread.messages;
  const startOver = {
    kind: 'ready' as const,
    thread,
    older: [],
    olderCursor: fresh.pageInfo.hasPreviousPage ? (fresh.pageInfo.startCursor ?? null) : null,
  };
  if (previous.kind !== 'ready' || previous.thread.id !== thread.id) return startOver;
  const newestShown = messagesOf(previous).at(-1);
  const connected =
    !newestShown ||
    !fresh.pageInfo.hasPreviousPage ||
    fresh.edges.some((edge) => edge.node.id === newestShown.id);
  if (!connected) return startOver;
  return {
    kind: 'ready',
    thread,
    older: messagesOf(previous),
    olderCursor: previous.older.length ? previous.olderCursor : startOver.olderCursor,
  };
}

function MessageItem({ message }: { message: ThreadMessage }) {
  const t = useTranslations('thread');
  const format = useFormatter();
  return (
    <article className={styles.message} data-mine={message.mine} data-message-id={message.id}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={700}>
          {message.author.name ?? t('unknownAuthor')}
          {message.mine ? ` (${t('you')})` : ''}
        </Text>
        {message.author.organizationCode ? (
          <Text size="xs" c="dimmed">
            {message.author.organizationCode}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt} ml="auto">
          {format.dateTime(new Date(message.createdAt), {
            dateStyle: 'medium',
            timeStyle: 'short',
          })}
        </Text>
      </Group>
      <Text size="sm" mt={4} className={styles.messageText}>
        {message.text}
      </Text>
      {message.attachments.length ? (
        <ul className={styles.attachments} aria-label={t('attachments')}>
          {message.attachments.map((attachment, index) => (
            <li key={attachment.fileId}>
              <Anchor href={fileHref(attachment.fileId)} size="sm">
                {attachment.file
                  ? `${attachment.file.filename} (${formatBytes(attachment.file.size)})`
                  : t('attachment', { number: index + 1 })}
              </Anchor>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

/**
 * Correspondence about one subject (a requirement, a loan project, a consultation…), for any
 * module to embed: the messages with their attachments, a composer for those who may post, live
 * updates when a message arrives, and the thread marked read while it is in view.
 */
export function ThreadPanel(props: ThreadPanelProps) {
  const { title, collapsible = false, onUnreadCountChange } = props;
  const t = useTranslations('thread');
  const common = useTranslations('common');
  const client = useClient();
  const bodyId = useId();
  const visibility = useDocumentVisibility();
  const [expanded, setExpanded] = useState(!collapsible);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const log = useRef<HTMLDivElement>(null);
  /** The newest message the thread was last marked read at (marks once per new message). */
  const markedAt = useRef<string | null>(null);
  // A thread's id is '<subject type>:<subject id>'; live events name it so.
  const threadId = props.threadId ?? `${props.subjectType}:${props.subjectId}`;
  const { subjectType, subjectId } = props;

  const reportUnread = useEffectEvent((count: number) => onUnreadCountChange?.(count));

  const refresh = useCallback(async () => {
    const result =
      subjectType === undefined
        ? await client
            .query(
              ThreadByIdQuery,
              { id: threadId, before: null },
              { requestPolicy: 'network-only' },
            )
            .toPromise()
            .then((answer) => ({ thread: answer.data?.threadById, error: answer.error }))
        : await client
            .query(
              ThreadBySubjectQuery,
              { subjectType, subjectId },
              { requestPolicy: 'network-only' },
            )
            .toPromise()
            .then((answer) => ({ thread: answer.data?.thread, error: answer.error }));
    const message = errorMessage(result.error);
    const thread = result.thread;
    if (!thread) {
      // A failed refresh keeps the messages on screen; only a first load shows the error.
      setState((previous) =>
        message
          ? previous.kind === 'ready'
            ? previous
            : { kind: 'error', message }
          : { kind: 'unknown' },
      );
      return;
    }
    setState((previous) => withFreshThread(previous, thread));
    reportUnread(thread.unreadCount);
  }, [client, threadId, subjectType, subjectId]);

  useEffect(() => {
    setState({ kind: 'loading' });
    markedAt.current = null;
    void refresh();
  }, [refresh]);

  useNotificationListener((notification) => {
    if (notification.threadId === threadId) void refresh();
  });

  const messages = messagesOf(state);
  const newestId = messages.at(-1)?.id ?? null;
  const unreadCount = state.kind === 'ready' ? state.thread.unreadCount : 0;
  const inView = expanded && visibility === 'visible';

  // Read while in view: on opening, on coming back to the tab, and as new messages arrive.
  useEffect(() => {
    if (state.kind !== 'ready' || !inView || unreadCount === 0) return;
    if (markedAt.current === newestId) return;
    markedAt.current = newestId;
    const id = state.thread.id;
    void client
      .mutation(MarkThreadReadMutation, { threadId: id })
      .toPromise()
      .then((result) => {
        const read = result.data?.markThreadRead;
        if (!read) return;
        setState((previous) =>
          previous.kind === 'ready' && previous.thread.id === read.id
            ? { ...previous, thread: { ...previous.thread, unreadCount: read.unreadCount } }
            : previous,
        );
        reportUnread(read.unreadCount);
      });
  }, [client, state, inView, unreadCount, newestId]);

  // The newest message in view when it changes (not when earlier ones are added above).
  useEffect(() => {
    if (!expanded || !log.current) return;
    log.current.scrollTop = log.current.scrollHeight;
  }, [newestId, expanded]);

  async function loadOlder() {
    if (state.kind !== 'ready' || !state.olderCursor) return;
    setLoadingOlder(true);
    setOlderError(null);
    const result = await client
      .query(
        ThreadByIdQuery,
        { id: state.thread.id, before: state.olderCursor },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoadingOlder(false);
    const page = result.data?.threadById?.messages;
    if (!page) {
      setOlderError(errorMessage(result.error) ?? t('olderFailed'));
      return;
    }
    setState((previous) =>
      previous.kind === 'ready'
        ? {
            ...previous,
            older: [...page.edges.map((edge) => edge.node), ...previous.older],
            olderCursor: page.pageInfo.hasPreviousPage ? (page.pageInfo.startCursor ?? null) : null,
          }
        : previous,
    );
  }

  const body = (
    <Stack gap="sm">
      {state.kind === 'loading' ? (
        <Loader size="sm" role="status" aria-label={common('loading')} />
      ) : null}
      <ErrorAlert message={state.kind === 'error' ? state.message : null} />
      {state.kind === 'unknown' ? (
        <Alert color="gray" variant="light" data-testid="korespondensi-belum-ada">
          {t('unknown')}
        </Alert>
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <Text size="xs" c="dimmed">
            {t('participants', {
              organizations: state.thread.participantOrganizationCodes.join(', ') || common('none'),
            })}
          </Text>
          {state.olderCursor ? (
            <Button
              variant="subtle"
              size="compact-sm"
              loading={loadingOlder}
              onClick={() => void loadOlder()}
              style={{ alignSelf: 'center' }}
            >
              {t('loadOlder')}
            </Button>
          ) : null}
          <ErrorAlert message={olderError} />
          <div
            ref={log}
            className={styles.messages}
            role="log"
            aria-label={t('messagesLabel')}
            // Scrollable, so keyboard users can reach and scroll it.
            tabIndex={0}
            data-testid="pesan-korespondensi"
          >
            {messages.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('empty')}
              </Text>
            ) : (
              messages.map((message) => <MessageItem key={message.id} message={message} />)
            )}
          </div>
          {state.thread.viewerCanPost ? (
            <ThreadComposer threadId={state.thread.id} onPosted={() => void refresh()} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('readOnly')}
            </Text>
          )}
        </>
      ) : null}
    </Stack>
  );

  const unreadBadge =
    unreadCount > 0 ? (
      <Badge color="#c92a2a" variant="filled" tt="none" data-testid="korespondensi-belum-dibaca">
        {t('unreadBadge', { count: unreadCount })}
      </Badge>
    ) : null;

  if (!collapsible) {
    return (
      <section aria-label={title ?? t('title')} data-thread-id={threadId}>
        {title ? (
          <Group gap="sm" mb="sm">
            <Title order={2} size="h3">
              {title}
            </Title>
            {unreadBadge}
          </Group>
        ) : null}
        {body}
      </section>
    );
  }
  return (
    <section data-thread-id={threadId}>
      <UnstyledButton
        onClick={() => setExpanded((open) => !open)}
        aria-expanded={expanded}
        aria-controls={bodyId}
        className={styles.toggle}
      >
        <Group gap="sm" wrap="nowrap">
          <Text fw={700} component="span">
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {title ?? t('title')}
          </Text>
          {unreadBadge}
        </Group>
      </UnstyledButton>
      <Collapse expanded={expanded} id={bodyId} mt="sm">
        {body}
      </Collapse>
    </section>
  );
}
