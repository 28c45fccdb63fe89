import { badInput, type Principal } from '@sipadu/service-kit';
import { access } from '../access.js';
import type { LiveHub } from '../live/live-hub.js';
import {
  notificationKey,
  type NotificationModel,
  type NotificationRecord,
} from '../models/notification.model.js';
import type { SequenceModel } from '../models/sequence.model.js';
import { isCategory } from '../rules/categories.js';
import { decodeCursor, encodeCursor, pageSize, type Page } from './cursor.js';

/** The in-app inbox: what one person reads, marks and follows live. */
export class NotificationService {
  constructor(
    private readonly notifications: NotificationModel,
    private readonly sequences: SequenceModel,
    private readonly live: LiveHub,
  ) {}

  async list(
    principal: Principal | null,
    args: {
      unreadOnly?: boolean | null;
      category?: string | null;
      first?: number | null;
      after?: string | null;
    },
  ): Promise<Page<NotificationRecord>> {
    const caller = access.require(principal, 'Query.notifications');
    const first = pageSize(args.first);
    if (args.category && !isCategory(args.category)) throw badInput('Kategori tidak dikenal.');
    const filter: Record<string, unknown> = { userId: caller.id, inApp: true };
    if (args.unreadOnly) filter.readAt = null;
    if (args.category) filter.category = args.category;
    const totalCount = await this.notifications.countDocuments(filter);
    if (args.after) {
      const [sequence] = decodeCursor(args.after);
      filter.sequence = { $lt: Number(sequence) };
    }
    const rows = await this.notifications
      .find(filter)
      .sort({ sequence: -1 })
      .limit(first + 1)
      .lean<NotificationRecord[]>()
      .exec();
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor([node.sequence]), node })),
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: page[0] ? encodeCursor([page[0].sequence]) : null,
        endCursor: page.at(-1) ? encodeCursor([page.at(-1)!.sequence]) : null,
      },
      totalCount,
    };
  }

  async unreadCount(principal: Principal | null): Promise<number> {
    const caller = access.require(principal, 'Query.unreadNotificationCount');
    return this.countUnread(caller.id);
  }

  countUnread(userId: string): Promise<number> {
    return this.notifications.countDocuments({ userId, inApp: true, readAt: null });
  }

  async markRead(
    principal: Principal | null,
    ids: readonly string[],
  ): Promise<{ updated: number; unreadCount: number }> {
    const caller = access.require(principal, 'Mutation.markNotificationsRead');
    if (ids.length > 500) throw badInput('Paling banyak 500 notifikasi sekaligus.');
    // Scoped to the caller's own rows: ids of someone else's notifications match nothing.
    return this.mark(caller.id, { _id: { $in: [...ids] } });
  }

  async markAllRead(principal: Principal | null) {
    const caller = access.require(principal, 'Mutation.markAllNotificationsRead');
    return this.mark(caller.id, {});
  }

  /** Marks the notifications about one thread read (the person opened it). */
  markThreadRead(userId: string, threadId: string) {
    return this.mark(userId, { threadId });
  }

  private async mark(userId: string, filter: Record<string, unknown>) {
    const result = await this.notifications.updateMany(
      { ...filter, userId, readAt: null },
      { $set: { readAt: new Date() } },
    );
    if (result.modifiedCount) this.live.signal(userId, 'read');
    return { updated: result.modifiedCount, unreadCount: await this.countUnread(userId) };
  }

  /**
   * The next notifications of a stream, oldest first, read by `_id` (no scan on FerretDB). A
   * number below the newest one found that has no notification was given up (its writer failed or
   * lost a race) and is skipped; missing ones at the end may still be in flight, so the returned
   * cursor stops before them.
   */
  async after(
    userId: string,
    sequence: number,
    limit: number,
  ): Promise<{ rows: NotificationRecord[]; cursor: number }> {
    const latest = Math.min(await this.latestSequence(userId), sequence + limit);
    if (latest <= sequence) return { rows: [], cursor: sequence };
    const numbers = Array.from({ length: latest - sequence }, (_, index) => sequence + 1 + index);
    const found = await Promise.all(
      numbers.map((n) =>
        this.notifications.findById(notificationKey(userId, n)).lean<NotificationRecord>().exec(),
      ),
    );
    const present = found.filter((row): row is NotificationRecord => row !== null);
    return {
      rows: present.filter((row) => row.inApp),
      cursor: present.at(-1)?.sequence ?? sequence,
    };
  }

  /** The user's last sequence number handed out (read from its counter, by `_id`). */
  async latestSequence(userId: string): Promise<number> {
    const counter = await this.sequences.findById(userId).lean<{ value: number }>().exec();
    return counter?.value ?? 0;
  }
}
