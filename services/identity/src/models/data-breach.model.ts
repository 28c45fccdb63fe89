import { Schema, type Connection, type Model } from 'mongoose';

/** An incident where personal data was exposed (UU 27/2022 Pasal 46): the Pemda's own record. */
export interface DataBreachRecord {
  _id: string;
  /** IPD-<year>-<seq>, unique. */
  number: string;
  year: number;
  title: string;
  description: string;
  occurredAt: Date | null;
  discoveredAt: Date;
  dataCategories: string[];
  affectedSubjects: number | null;
  affectedSystems: string[];
  measures: string | null;
  notificationDueAt: Date;
  subjectsNotifiedAt: Date | null;
  authorityNotifiedAt: Date | null;
  status: 'OPEN' | 'CLOSED';
  recordedBy: string;
  /** Optimistic concurrency: every update names the revision it read. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const dataBreachSchema = new Schema<DataBreachRecord>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    occurredAt: { type: Date, default: null },
    discoveredAt: { type: Date, required: true },
    dataCategories: { type: [String], default: [] },
    affectedSubjects: { type: Number, default: null },
    affectedSystems: { type: [String], default: [] },
    measures: { type: String, default: null },
    notificationDueAt: { type: Date, required: true },
    subjectsNotifiedAt: { type: Date, default: null },
    authorityNotifiedAt: { type: Date, default: null },
    status: { type: String, required: true },
    recordedBy: { type: String, required: true },
    revision: { type: Number, default: 0 },
  },
  { collection: 'data_breaches', timestamps: true, versionKey: false },
);
dataBreachSchema.index({ number: 1 }, { unique: true });
dataBreachSchema.index({ discoveredAt: -1 });

export type DataBreachModel = Model<DataBreachRecord>;

export function dataBreachModel(connection: Connection): DataBreachModel {
  return connection.model<DataBreachRecord>('DataBreach', dataBreachSchema);
}
