import { Schema, type Connection, type Model } from 'mongoose';
import type { NotificationCategory } from '../rules/categories.js';

export interface CategoryPreferenceRecord {
  category: NotificationCategory;
  inApp: boolean;
  email: boolean;
  sms: boolean;
}

/** A user's choices; categories not listed keep their defaults (rules/categories.ts). */
export interface PreferenceRecord {
  _id: string;
  categories: CategoryPreferenceRecord[];
  dailyDigest: boolean;
  phone: string | null;
  updatedAt: Date;
}

const preferenceSchema = new Schema<PreferenceRecord>(
  {
    _id: { type: String, required: true },
    categories: {
      type: [
        new Schema(
          { category: String, inApp: Boolean, email: Boolean, sms: Boolean },
          { _id: false },
        ),
      ],
      default: [],
    },
    dailyDigest: { type: Boolean, default: false },
    phone: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'preferences', versionKey: false },
);

export type PreferenceModel = Model<PreferenceRecord>;

export function preferenceModel(connection: Connection): PreferenceModel {
  return connection.model<PreferenceRecord>('Preference', preferenceSchema);
}
