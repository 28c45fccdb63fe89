import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Which notification a source (an event and rule, a reminder) made for a user. Keyed by a hash of
 * (user, source), so "was this already done?" is an `_id` lookup and a second insert fails.
 */
export interface NotificationSourceRecord {
  _id: string;
  userId: string;
  /** The notification is `<userId>|<sequence>`. */
  sequence: number;
  createdAt: Date;
}

const notificationSourceSchema = new Schema<NotificationSourceRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    sequence: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'notification_sources', versionKey: false },
);

export type NotificationSourceModel = Model<NotificationSourceRecord>;

export function notificationSourceModel(connection: Connection): NotificationSourceModel {
  return connection.model<NotificationSourceRecord>('NotificationSource', notificationSourceSchema);
}
