import { Schema, type Connection, type Model } from 'mongoose';

/** Projection of identity's organizations, to validate and name a project's parties. */
export interface OrganizationRecord {
  /** Organization code, e.g. DPUPR, PTSMI. */
  _id: string;
  name: string;
  /** e.g. 'LENDER' for a lender, any other kind for a Pemda agency. */
  kind: string;
  updatedAt: Date;
}

const organizationSchema = new Schema<OrganizationRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'organizations', versionKey: false },
);

export type OrganizationModel = Model<OrganizationRecord>;

export function organizationModel(connection: Connection): OrganizationModel {
  return connection.model<OrganizationRecord>('Organization', organizationSchema);
}
