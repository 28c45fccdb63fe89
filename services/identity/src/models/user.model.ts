import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';

export interface ActivationChangeRecord {
  active: boolean;
  at: Date;
  byUserId: string | null;
  reason: string | null;
}

/**
 * Mirror of a Keycloak user. Keycloak stays the authority for credentials, roles and the enabled
 * flag; this copy serves lists, federation references and the history Keycloak does not keep.
 */
export interface UserRecord {
  /** Keycloak subject. */
  _id: string;
  username: string;
  name: string;
  searchText: string;
  nip: string | null;
  email: string | null;
  phone: string | null;
  position: string | null;
  organizationCode: string | null;
  roles: string[];
  active: boolean;
  activationHistory: ActivationChangeRecord[];
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<UserRecord>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    searchText: { type: String, required: true },
    nip: { type: String, default: null },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    position: { type: String, default: null },
    organizationCode: { type: String, default: null },
    roles: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    activationHistory: {
      type: [{ _id: false, active: Boolean, at: Date, byUserId: String, reason: String }],
      default: [],
    },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);
userSchema.plugin(pendingEventsPlugin);
userSchema.index({ organizationCode: 1, username: 1 });
userSchema.index({ username: 1, _id: 1 });

export type UserModel = Model<UserRecord>;

export function userSearchText(username: string, name: string, nip: string | null): string {
  return [username, name, nip ?? ''].join(' ').toLowerCase();
}

export function userModel(connection: Connection): UserModel {
  return connection.model<UserRecord>('User', userSchema);
}
