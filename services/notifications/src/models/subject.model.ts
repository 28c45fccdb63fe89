import { Schema, type Connection, type Model } from 'mongoose';

export interface SubjectRef {
  type: string;
  id: string;
}

/**
 * A subject of another service this service learned from its events (a document requirement, a
 * loan project…): its title, portal link and the parties that take part in its correspondence.
 */
export interface SubjectEntryRecord {
  /** `<type>:<id>`, also the id of its thread. */
  _id: string;
  subject: SubjectRef;
  title: string;
  link: string | null;
  organizationCodes: string[];
  userIds: string[];
  updatedAt: Date;
}

const subjectSchema = new Schema<SubjectEntryRecord>(
  {
    _id: { type: String, required: true },
    subject: {
      type: new Schema({ type: String, id: String }, { _id: false }),
      required: true,
    },
    title: { type: String, required: true },
    link: { type: String, default: null },
    organizationCodes: { type: [String], default: [] },
    userIds: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'subjects', versionKey: false },
);

export type SubjectModel = Model<SubjectEntryRecord>;

export function subjectKey(subject: SubjectRef): string {
  return `${subject.type}:${subject.id}`;
}

export function subjectModel(connection: Connection): SubjectModel {
  return connection.model<SubjectEntryRecord>('Subject', subjectSchema);
}
