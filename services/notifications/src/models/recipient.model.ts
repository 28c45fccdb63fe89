import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Who can receive notifications: a copy of identity's users kept from its events and from the
 * tokens this service sees, so recipients by role or organization resolve without asking identity.
 */
export interface RecipientRecord {
  /** Keycloak subject. */
  _id: string;
  username: string | null;
  name: string | null;
  email: string | null;
  organizationCode: string | null;
  roles: string[];
  active: boolean;
  updatedAt: Date;
}

const recipientSchema = new Schema<RecipientRecord>(
  {
    _id: { type: String, required: true },
    username: { type: String, default: null },
    name: { type: String, default: null },
    email: { type: String, default: null },
    organizationCode: { type: String, default: null },
    roles: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'recipients', versionKey: false },
);
recipientSchema.index({ organizationCode: 1, active: 1 });
recipientSchema.index({ roles: 1, active: 1 });

export type RecipientModel = Model<RecipientRecord>;

export function recipientModel(connection: Connection): RecipientModel {
  return connection.model<RecipientRecord>('Recipient', recipientSchema);
}
