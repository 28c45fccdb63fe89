import { Schema, type Connection, type Model } from 'mongoose';
import type { SubjectRef } from './subject.model.js';

/** A correspondence thread, stored from its first message on (before that it exists virtually). */
export interface ThreadRecord {
  /** `<subject.type>:<subject.id>`. */
  _id: string;
  subject: SubjectRef;
  /** Participants added by hand, on top of the subject's parties. */
  extraOrganizationCodes: string[];
  extraUserIds: string[];
  /** Everyone taking part (subject parties + extras + authors), for "my threads" queries. */
  participantOrganizationCodes: string[];
  participantUserIds: string[];
  messageCount: number;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  createdAt: Date;
}

const threadSchema = new Schema<ThreadRecord>(
  {
    _id: { type: String, required: true },
    subject: {
      type: new Schema({ type: String, id: String }, { _id: false }),
      required: true,
    },
    extraOrganizationCodes: { type: [String], default: [] },
    extraUserIds: { type: [String], default: [] },
    participantOrganizationCodes: { type: [String], default: [] },
    participantUserIds: { type: [String], default: [] },
    messageCount: { type: Number, default: 0 },
    lastMessageAt: { type: Date, default: null },
    lastMessagePreview: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'threads', versionKey: false },
);
threadSchema.index({ participantOrganizationCodes: 1, lastMessageAt: -1 });
threadSchema.index({ participantUserIds: 1, lastMessageAt: -1 });

export type ThreadModel = Model<ThreadRecord>;

export function threadModel(connection: Connection): ThreadModel {
  return connection.model<ThreadRecord>('Thread', threadSchema);
}
