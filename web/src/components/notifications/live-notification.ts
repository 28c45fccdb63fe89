import { z } from 'zod';
import type { NotificationCategory } from '@/gql/graphql';

/** Display order of the categories; `satisfies` keeps it in step with the schema's enum. */
const CATEGORY_ORDER = {
  PERSYARATAN: 0,
  DOKUMEN: 1,
  KORESPONDENSI: 2,
  PENGINGAT: 3,
  AKUN: 4,
  PROYEK: 5,
  SURVEI: 6,
  LAYANAN: 7,
} as const satisfies Record<NotificationCategory, number>;

export const NOTIFICATION_CATEGORIES = Object.keys(CATEGORY_ORDER) as NotificationCategory[];

export function toNotificationCategory(
  value: string | null | undefined,
): NotificationCategory | null {
  return NOTIFICATION_CATEGORIES.find((category) => category === value) ?? null;
}

/** How many notifications the bell shows. */
export const LATEST_LIMIT = 8;

/** Where the browser opens the live stream (the events BFF). */
export const EVENTS_PATH = '/api/events';

/** One notification as the bell and the listeners see it (stream event or GraphQL node). */
export interface LiveNotification {
  id: string;
  category: NotificationCategory;
  title: string;
  body: string;
  link?: string | null;
  threadId?: string | null;
  sequence: number;
  read: boolean;
  createdAt: string;
}

const notificationEvent = z.object({
  id: z.string().min(1),
  category: z.enum(NOTIFICATION_CATEGORIES),
  title: z.string(),
  body: z.string(),
  link: z.string().nullish(),
  threadId: z.string().nullish(),
  sequence: z.number().int(),
  read: z.boolean(),
  createdAt: z.string(),
});

const unreadEvent = z.object({ count: z.number().int().nonnegative() });

function json(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** The data of an `event: notification`, or null when it is not one. */
export function parseNotificationEvent(data: string): LiveNotification | null {
  const parsed = notificationEvent.safeParse(json(data));
  return parsed.success ? parsed.data : null;
}

/** The count of an `event: unread`, or null when it is not one. */
export function parseUnreadEvent(data: string): number | null {
  const parsed = unreadEvent.safeParse(json(data));
  return parsed.success ? parsed.data.count : null;
}

/** Adds a notification to the newest-first list (replacing an older copy), at most `limit` long. */
export function mergeLatest(
  list: readonly LiveNotification[],
  added: LiveNotification,
  limit = LATEST_LIMIT,
): LiveNotification[] {
  return [added, ...list.filter((item) => item.id !== added.id)]
    .sort((a, b) => b.sequence - a.sequence)
    .slice(0, limit);
}

/** Where the portal shows one correspondence thread (its id contains ':'). */
export function threadHref(threadId: string): string {
  return `/notifikasi/korespondensi/${encodeURIComponent(threadId)}`;
}

/** A link from the server, only when it stays inside the portal. */
export function portalPath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) {
    return null;
  }
  return link;
}

/** Where a click on a notification leads: its link, its thread, or the inbox. */
export function notificationHref(
  notification: Pick<LiveNotification, 'link' | 'threadId'>,
): string {
  return (
    portalPath(notification.link) ??
    (notification.threadId ? threadHref(notification.threadId) : '/notifikasi')
  );
}

/** The bell's badge text: up to 99, then "99+". */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
