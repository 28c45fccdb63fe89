import { Schema, type Connection, type Model } from 'mongoose';

/** How far one user has read one thread. */
export interface ThreadReadRecord {
  /** `<threadId>|<userId>`. */
  _id: string;
  threadId: string;
  userId: string;
  readAt: Date;
}

const threadReadSchema = new Schema<ThreadReadRecord>(
  {
    _id: { type: String, required: true },
    threadId: { type: String, required: true },
    userId: { type: String, required: true },
    readAt: { type: Date, required: true },
  },
  { collection: 'thread_reads', versionKey: false },
);

export type ThreadReadModel = Model<ThreadReadRecord>;

export function threadReadModel(connection: Connection): ThreadReadModel {
  return connection.model<ThreadReadRecord>('ThreadRead', threadReadSchema);
}
