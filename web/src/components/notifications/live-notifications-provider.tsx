'use client';
import { useClient } from '@urql/next';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { errorMessage } from '@/graphql/error-message';
import {
  EVENTS_PATH,
  LATEST_LIMIT,
  mergeLatest,
  parseNotificationEvent,
  parseUnreadEvent,
  type LiveNotification,
} from './live-notification';
import {
  LatestNotificationsQuery,
  MarkAllNotificationsReadMutation,
  MarkNotificationsReadMutation,
  UnreadNotificationCountQuery,
} from './notification-operations';

type Listener = (notification: LiveNotification) => void;

export interface LiveNotificationsValue {
  /** The user's unread notifications; null until the stream or a request has said. */
  unreadCount: number | null;
  /** The newest notifications, newest first: loaded by `loadLatest`, then extended live. */
  latest: readonly LiveNotification[];
  /** Loads the newest notifications and the count; answers an error message or null. */
  loadLatest(): Promise<string | null>;
  markRead(ids: readonly string[]): Promise<string | null>;
  markAllRead(): Promise<string | null>;
  /** Calls `listener` for every notification arriving live; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

const LiveNotificationsContext = createContext<LiveNotificationsValue | null>(null);

/** Waits after the stream was refused (signed out, service down): 3 s, doubling up to 60 s. */
function retryDelay(failures: number): number {
  return Math.min(60_000, 3_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * One live connection per tab to the events BFF, shared by everything in the internal area:
 * the unread count (`event: unread`), the newest notifications and a subscription for the
 * components that react to new ones (a thread panel refetches its messages). EventSource
 * reconnects by itself and resumes with Last-Event-ID; when the answer is no stream at all
 * (e.g. 401) it gives up, and this provider reconnects later from the last id it saw.
 */
export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [unreadCount, setUnreadCount] = useState<number | null>(null);
  const [latest, setLatest] = useState<readonly LiveNotification[]>([]);
  const listeners = useRef(new Set<Listener>());
  /** The sequence of the newest notification seen: where a new connection resumes. */
  const cursor = useRef<number | null>(null);

  const refreshCount = useEffectEvent(async () => {
    const result = await client
      .query(UnreadNotificationCountQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.data) setUnreadCount(result.data.unreadNotificationCount);
  });

  const received = useEffectEvent((notification: LiveNotification) => {
    cursor.current = Math.max(cursor.current ?? 0, notification.sequence);
    setLatest((list) => mergeLatest(list, notification));
    for (const listener of listeners.current) listener(notification);
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let opened = false;

    const connect = () => {
      const url =
        cursor.current === null ? EVENTS_PATH : `${EVENTS_PATH}?lastEventId=${cursor.current}`;
      const current = new EventSource(url);
      source = current;
      current.addEventListener('open', () => {
        failures = 0;
        // After a reconnect the count may have changed while nothing could tell us.
        if (opened) void refreshCount();
        opened = true;
      });
      current.addEventListener('unread', (event) => {
        const count = parseUnreadEvent(String(event.data));
        if (count !== null) setUnreadCount(count);
      });
      current.addEventListener('notification', (event) => {
        const notification = parseNotificationEvent(String(event.data));
        if (notification) received(notification);
      });
      current.addEventListener('error', () => {
        // CONNECTING: the browser retries by itself, sending Last-Event-ID.
        if (current.readyState !== EventSource.CLOSED) return;
        failures += 1;
        retry = setTimeout(connect, retryDelay(failures));
      });
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, []);

  const loadLatest = useCallback(async () => {
    const result = await client
      .query(LatestNotificationsQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (!result.data) return errorMessage(result.error);
    const nodes = result.data.notifications.edges.map((edge) => edge.node);
    setUnreadCount(result.data.unreadNotificationCount);
    setLatest(nodes.slice(0, LATEST_LIMIT));
    const newest = Math.max(0, ...nodes.map((node) => node.sequence));
    if (newest > 0) cursor.current = Math.max(cursor.current ?? 0, newest);
    return null;
  }, [client]);

  const markRead = useCallback(
    async (ids: readonly string[]) => {
      const result = await client
        .mutation(MarkNotificationsReadMutation, { ids: [...ids] })
        .toPromise();
      if (!result.data) return errorMessage(result.error);
      setUnreadCount(result.data.markNotificationsRead.unreadCount);
      setLatest((list) =>
        list.map((item) => (ids.includes(item.id) ? { ...item, read: true } : item)),
      );
      return null;
    },
    [client],
  );

  const markAllRead = useCallback(async () => {
    const result = await client.mutation(MarkAllNotificationsReadMutation, {}).toPromise();
    if (!result.data) return errorMessage(result.error);
    setUnreadCount(result.data.markAllNotificationsRead.unreadCount);
    setLatest((list) => list.map((item) => ({ ...item, read: true })));
    return null;
  }, [client]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(
    () => ({ unreadCount, latest, loadLatest, markRead, markAllRead, subscribe }),
    [unreadCount, latest, loadLatest, markRead, markAllRead, subscribe],
  );
  return <LiveNotificationsContext value={value}>{children}</LiveNotificationsContext>;
}

/** The live notifications of the signed-in user (inside the internal area's provider). */
export function useLiveNotifications(): LiveNotificationsValue {
  const value = use(LiveNotificationsContext);
  if (!value) throw new Error('useLiveNotifications membutuhkan LiveNotificationsProvider');
  return value;
}

/** Runs `listener` (always its newest version) for every notification arriving live. */
export function useNotificationListener(listener: Listener): void {
  const { subscribe } = useLiveNotifications();
  const onNotification = useEffectEvent(listener);
  useEffect(() => subscribe((notification) => onNotification(notification)), [subscribe]);
}
