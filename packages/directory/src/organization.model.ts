import { Schema, type Connection, type Model } from 'mongoose';

/** Kind of a lender organization (identity): not a Pemda agency. */
export const LENDER_KIND = 'LENDER';

/** Projection of identity's organizations, to validate and name the organizations a service holds. */
export interface OrganizationRecord {
  /** Organization code, e.g. DISDUKCAPIL, KEC-KOTABARU. */
  _id: string;
  name: string;
  /** DINAS, BADAN, KECAMATAN, RSUD, …; LENDER for a lender. */
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
  return (connection.models.Organization ??
    connection.model<OrganizationRecord>('Organization', organizationSchema)) as OrganizationModel;
}
