import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

/** Profil pelaksana: an officer serving the public at an agency (Perwali 64 §17(4)b). */
export interface PublicOfficerRecord {
  _id: string;
  organizationCode: string;
  name: string;
  position: string;
  competence: string | null;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const publicOfficerSchema = new Schema<PublicOfficerRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    organizationCode: { type: String, required: true },
    name: { type: String, required: true },
    position: { type: String, required: true },
    competence: { type: String, default: null },
    published: { type: Boolean, default: false },
  },
  { collection: 'public_officers', timestamps: true, versionKey: false },
);
publicOfficerSchema.index({ organizationCode: 1, name: 1 });

export type PublicOfficerModel = Model<PublicOfficerRecord>;

export function publicOfficerModel(connection: Connection): PublicOfficerModel {
  return connection.model<PublicOfficerRecord>('PublicOfficer', publicOfficerSchema);
}
