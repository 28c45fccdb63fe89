import { Schema, type Connection, type Model } from 'mongoose';

export type DeliveryChannel = 'email' | 'sms';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One notification sent over one outside channel. The row is the queue: the DeliveryWorker claims
 * it with a lease, sends, and records the outcome, so sending survives restarts and replicas.
 */
export interface DeliveryRecord {
  /** `${notificationId}:${channel}`: enqueueing the same delivery twice keeps one row. */
  _id: string;
  notificationId: string;
  userId: string;
  channel: DeliveryChannel;
  /** Address at enqueue time: e-mail address or +62… number. */
  to: string;
  status: DeliveryStatus;
  /** Claims so far; also the fencing token of the current claim. */
  attempts: number;
  nextAttemptAt: Date;
  /** While 'sending': the claim lapses after this, and another worker may take the row. */
  claimedUntil: Date | null;
  lastError: string | null;
  provider: string | null;
  /** Provider's id of the sent message (SMTP Message-ID, gateway reference). */
  reference: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

const deliverySchema = new Schema<DeliveryRecord>(
  {
    _id: { type: String, required: true },
    notificationId: { type: String, required: true },
    userId: { type: String, required: true },
    channel: { type: String, required: true },
    to: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    claimedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    provider: { type: String, default: null },
    reference: { type: String, default: null },
    sentAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'deliveries', versionKey: false },
);
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ notificationId: 1 });

export type DeliveryModel = Model<DeliveryRecord>;

export function deliveryModel(connection: Connection): DeliveryModel {
  return (
    (connection.models.Delivery as DeliveryModel | undefined) ??
    connection.model<DeliveryRecord>('Delivery', deliverySchema)
  );
}
