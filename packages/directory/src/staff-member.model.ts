import { Schema, type Connection, type Model } from 'mongoose';

/** Projection of identity's users (staff accounts), to name, route to and check officers. */
export interface StaffMemberDocument {
  /** Keycloak subject. */
  _id: string;
  username: string;
  name: string;
  organizationCode: string | null;
  roles: string[];
  active: boolean;
  updatedAt: Date;
}

const staffMemberSchema = new Schema<StaffMemberDocument>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    name: { type: String, required: true },
    organizationCode: { type: String, default: null },
    roles: { type: [String], default: [] },
    active: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'staff', versionKey: false },
);
staffMemberSchema.index({ roles: 1 });
staffMemberSchema.index({ organizationCode: 1 });

export type StaffMemberModel = Model<StaffMemberDocument>;

export function staffMemberModel(connection: Connection): StaffMemberModel {
  return (connection.models.StaffMember ??
    connection.model<StaffMemberDocument>('StaffMember', staffMemberSchema)) as StaffMemberModel;
}
