import { Schema, type Connection, type Model } from 'mongoose';

/** 'empty': nothing to report that day; 'skipped': the user has no e-mail address. */
export type DigestStatus = 'pending' | 'sent' | 'empty' | 'skipped';

/**
 * One user's daily digest for one Pemda day. Inserting the row is the claim: its unique id lets
 * one process, once, send a given day's digest, across replicas and restarts.
 */
export interface DigestRecord {
  /** `${userId}:${day}`. */
  _id: string;
  userId: string;
  /** Pemda-local date, `yyyy-mm-dd`. */
  day: string;
  status: DigestStatus;
  notificationIds: string[];
  /** Claims so far (the insert is the first); see channels/claim-ledger.ts. */
  attempts: number;
  /** While 'pending': another process may retry once this has passed (a crash or a failed send). */
  claimedUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

const digestSchema = new Schema<DigestRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    day: { type: String, required: true },
    status: { type: String, required: true },
    notificationIds: { type: [String], default: [] },
    attempts: { type: Number, default: 1 },
    claimedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'digests', versionKey: false },
);
digestSchema.index({ day: 1, status: 1 });

export type DigestModel = Model<DigestRecord>;

export function digestModel(connection: Connection): DigestModel {
  return (
    (connection.models.Digest as DigestModel | undefined) ??
    connection.model<DigestRecord>('Digest', digestSchema)
  );
}
