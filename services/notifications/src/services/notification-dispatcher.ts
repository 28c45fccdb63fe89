import { createHash } from 'node:crypto';
import type { Logger } from '@sipadu/service-kit';
import type { LiveHub } from '../live/live-hub.js';
import type {
  NotificationSourceModel,
  NotificationSourceRecord,
} from '../models/notification-source.model.js';
import {
  notificationKey,
  type NotificationModel,
  type NotificationRecord,
} from '../models/notification.model.js';
import type { PreferenceModel, PreferenceRecord } from '../models/preference.model.js';
import type { SequenceModel } from '../models/sequence.model.js';
import { effectivePreferences } from '../rules/categories.js';
import type { NotificationContent, RecipientSpec } from '../rules/rule.js';
import type { DirectoryService } from './directory.service.js';

export interface DeliveryRequest {
  notificationId: string;
  userId: string;
  channel: 'email' | 'sms';
  to: string;
}

/** The e-mail/SMS side (channels/): queues sends idempotently and sends them in the background. */
export interface DeliveryQueue {
  enqueue(rows: readonly DeliveryRequest[]): Promise<void>;
  wake(): void;
}

function sourceMarkerId(userId: string, sourceKey: string): string {
  return createHash('sha256').update(`${userId}\n${sourceKey}`).digest('base64url').slice(0, 32);
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/**
 * Turns "these recipients should hear this" into one notification per user, the e-mail/SMS sends
 * their preferences ask for, and a live signal. Idempotent per (user, sourceKey): running the
 * same source again (a redelivered event, a re-fired reminder) creates nothing new, but completes
 * what a crash may have left undone (the delivery rows, the signal).
 */
export class NotificationDispatcher {
  /** Serializes sequence allocation and insert per user, so streams never see a later one first. */
  private readonly userLocks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: {
      notifications: NotificationModel;
      sources: NotificationSourceModel;
      sequences: SequenceModel;
      preferences: PreferenceModel;
      directory: DirectoryService;
      deliveries: DeliveryQueue;
      live: LiveHub;
      logger: Logger;
    },
  ) {}

  async init(): Promise<void> {
    await Promise.all([
      this.deps.notifications.init(),
      this.deps.sources.init(),
      this.deps.sequences.init(),
      this.deps.preferences.init(),
    ]);
  }

  async dispatch(
    sourceKey: string,
    content: NotificationContent,
    recipients: readonly RecipientSpec[],
    exclude: readonly string[] = [],
  ): Promise<number> {
    const userIds = (await this.deps.directory.resolve(recipients)).filter(
      (id) => !exclude.includes(id),
    );
    if (!userIds.length) return 0;
    const [people, preferenceRows] = await Promise.all([
      this.deps.directory.many(userIds),
      this.deps.preferences
        .find({ _id: { $in: userIds } })
        .lean<PreferenceRecord[]>()
        .exec(),
    ]);
    const preferences = new Map(preferenceRows.map((row) => [row._id, row]));
    const deliveries: DeliveryRequest[] = [];
    for (const userId of userIds) {
      const choice = effectivePreferences(preferences.get(userId) ?? null);
      const channels = choice.categories.find((entry) => entry.category === content.category)!;
      const notification = await this.withUserLock(userId, () =>
        this.store(userId, sourceKey, content, channels.inApp),
      );
      const email = people.get(userId)?.email;
      if (channels.email && !choice.dailyDigest && email) {
        deliveries.push({ notificationId: notification._id, userId, channel: 'email', to: email });
      }
      if (channels.sms && choice.phone) {
        deliveries.push({
          notificationId: notification._id,
          userId,
          channel: 'sms',
          to: choice.phone,
        });
      }
      if (notification.inApp) this.deps.live.signal(userId, 'notification');
    }
    if (deliveries.length) {
      await this.deps.deliveries.enqueue(deliveries);
      this.deps.deliveries.wake();
    }
    return userIds.length;
  }

  /**
   * The notification of (user, source), made once. Order of writes: the source marker (its unique
   * `_id` makes one writer win), then the notification under the marker's sequence. A crash in
   * between leaves a marker without its notification; the redelivered event completes it.
   */
  private async store(
    userId: string,
    sourceKey: string,
    content: NotificationContent,
    inApp: boolean,
  ): Promise<NotificationRecord> {
    const { notifications, sources, sequences } = this.deps;
    const markerId = sourceMarkerId(userId, sourceKey);
    for (let attempt = 1; ; attempt += 1) {
      let marker = await sources.findById(markerId).lean<NotificationSourceRecord>().exec();
      if (marker) {
        const existing = await notifications
          .findById(notificationKey(userId, marker.sequence))
          .lean<NotificationRecord>()
          .exec();
        if (existing) return existing;
      } else {
        const counter = await sequences
          .findOneAndUpdate(
            { _id: userId },
            { $inc: { value: 1 } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<{ value: number }>()
          .exec();
        marker = { _id: markerId, userId, sequence: counter!.value, createdAt: new Date() };
        try {
          await sources.create(marker);
        } catch (error) {
          // Another replica took this source first: read what it made.
          if (!isDuplicateKey(error) || attempt >= 20) throw error;
          continue;
        }
      }
      const record: NotificationRecord = {
        _id: notificationKey(userId, marker.sequence),
        userId,
        sequence: marker.sequence,
        sourceKey,
        category: content.category,
        title: content.title,
        body: content.body,
        link: content.link,
        subject: content.subject,
        threadId: content.threadId,
        inApp,
        createdAt: new Date(),
        readAt: null,
      };
      try {
        await notifications.create(record);
        return record;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 20) throw error;
        // FerretDB v1 may give two concurrent $inc one value: this sequence is taken by another
        // source. Drop the marker and draw a new number.
        await sources.deleteOne({ _id: markerId, sequence: marker.sequence });
      }
    }
  }

  private async withUserLock<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.userLocks.get(userId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.userLocks.set(userId, settled);
    try {
      return await next;
    } finally {
      if (this.userLocks.get(userId) === settled) this.userLocks.delete(userId);
    }
  }
}
