import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';

export interface MessageRecord {
  _id: string;
  threadId: string;
  author: { id: string; name: string | null; organizationCode: string | null };
  text: string;
  attachmentFileIds: string[];
  createdAt: Date;
}

const messageSchema = new Schema<MessageRecord>(
  {
    _id: { type: String, required: true },
    threadId: { type: String, required: true },
    author: {
      type: new Schema({ id: String, name: String, organizationCode: String }, { _id: false }),
      required: true,
    },
    text: { type: String, required: true },
    attachmentFileIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'messages', versionKey: false },
);
// The message and its `notifications.message.posted` event are one insert (outbox).
messageSchema.plugin(pendingEventsPlugin);
messageSchema.index({ threadId: 1, createdAt: 1, _id: 1 });

export type MessageModel = Model<MessageRecord>;

export function messageModel(connection: Connection): MessageModel {
  return connection.model<MessageRecord>('Message', messageSchema);
}
