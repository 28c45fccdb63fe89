import { Schema, type Connection, type Model } from 'mongoose';
import type { NotificationCategory } from '../rules/categories.js';
import type { SubjectRef } from './subject.model.js';

export interface NotificationRecord {
  /**
   * `<userId>|<sequence>`: a stream reads a user's next notifications by `_id`, the only lookup
   * FerretDB v1 answers without scanning the collection.
   */
  _id: string;
  userId: string;
  /** Per-user order; the SSE event id, so a reconnect resumes after the last one seen. */
  sequence: number;
  /** What produced it (`<eventId>|<ruleId>`, `reminder|<key>`): one notification per source and user. */
  sourceKey: string;
  category: NotificationCategory;
  title: string;
  body: string;
  link: string | null;
  subject: SubjectRef | null;
  threadId: string | null;
  /** False when the user turned the in-app channel off for the category (kept for e-mail/SMS). */
  inApp: boolean;
  createdAt: Date;
  readAt: Date | null;
}

const notificationSchema = new Schema<NotificationRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    sequence: { type: Number, required: true },
    sourceKey: { type: String, required: true },
    category: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    link: { type: String, default: null },
    subject: { type: new Schema({ type: String, id: String }, { _id: false }), default: null },
    threadId: { type: String, default: null },
    inApp: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index({ userId: 1, sourceKey: 1 }, { unique: true });
notificationSchema.index({ userId: 1, sequence: 1 });
notificationSchema.index({ userId: 1, readAt: 1, sequence: 1 });

export function notificationKey(userId: string, sequence: number): string {
  return `${userId}|${sequence}`;
}

export type NotificationModel = Model<NotificationRecord>;

export function notificationModel(connection: Connection): NotificationModel {
  return connection.model<NotificationRecord>('Notification', notificationSchema);
}
