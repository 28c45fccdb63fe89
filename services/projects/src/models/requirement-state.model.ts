import { Schema, type Connection, type Model } from 'mongoose';

/** Projection of a documents-service requirement whose subject is a loan project. */
export interface RequirementStateRecord {
  /** The requirement id. */
  _id: string;
  projectId: string;
  title: string;
  group: string | null;
  /** The requirement workflow's state (REQUESTED … APPROVED, WAIVED). */
  status: string;
  /** Time of the event last applied; older events are ignored when redelivered late. */
  updatedAt: Date;
}

const requirementStateSchema = new Schema<RequirementStateRecord>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    title: { type: String, required: true },
    group: { type: String, default: null },
    status: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'requirement_states', versionKey: false },
);
requirementStateSchema.index({ projectId: 1 });

export type RequirementStateModel = Model<RequirementStateRecord>;

export function requirementStateModel(connection: Connection): RequirementStateModel {
  return connection.model<RequirementStateRecord>('RequirementState', requirementStateSchema);
}
