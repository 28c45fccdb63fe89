import { Schema, type Connection, type Model } from 'mongoose';

/** The last notification sequence number given to a user. */
export interface SequenceRecord {
  _id: string;
  value: number;
}

const sequenceSchema = new Schema<SequenceRecord>(
  {
    _id: { type: String, required: true },
    value: { type: Number, required: true },
  },
  { collection: 'notification_sequences', versionKey: false },
);

export type SequenceModel = Model<SequenceRecord>;

export function sequenceModel(connection: Connection): SequenceModel {
  return connection.model<SequenceRecord>('NotificationSequence', sequenceSchema);
}
