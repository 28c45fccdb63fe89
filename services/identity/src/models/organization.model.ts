import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';

export const ORGANIZATION_KINDS = [
  'SEKRETARIAT',
  'DINAS',
  'BADAN',
  'INSPEKTORAT',
  'RSUD',
  'BUMD',
  'KECAMATAN',
  'KELURAHAN',
  'BAGIAN',
  'UNIT_KERJA',
  'LENDER',
  'PARTNER',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OpeningHoursRecord {
  days: string;
  hours: string;
}

export interface ServiceProviderProfileRecord {
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  headName?: string | null;
  headPosition?: string | null;
  legalBasis: string[];
  tasksAndFunctions?: string | null;
  openingHours: OpeningHoursRecord[];
  /** Office coordinates (WGS84), both set or both null: the leaders' dashboard map. */
  latitude?: number | null;
  longitude?: number | null;
  updatedAt?: Date | null;
}

export interface OrganizationRecord {
  _id: string;
  code: string;
  name: string;
  /** Lower-cased name and code, for case-insensitive search without collation (FerretDB v1). */
  searchText: string;
  kind: OrganizationKind;
  parentCode: string | null;
  profile: ServiceProviderProfileRecord;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const profileSchema = new Schema<ServiceProviderProfileRecord>(
  {
    address: String,
    phone: String,
    email: String,
    website: String,
    headName: String,
    headPosition: String,
    legalBasis: { type: [String], default: [] },
    tasksAndFunctions: String,
    openingHours: { type: [{ _id: false, days: String, hours: String }], default: [] },
    latitude: Number,
    longitude: Number,
    updatedAt: Date,
  },
  { _id: false },
);

const organizationSchema = new Schema<OrganizationRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    searchText: { type: String, required: true },
    kind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    parentCode: { type: String, default: null },
    profile: { type: profileSchema, default: () => ({ legalBasis: [], openingHours: [] }) },
    version: { type: Number, default: 0 },
  },
  { collection: 'organizations', timestamps: true, versionKey: false },
);
organizationSchema.plugin(pendingEventsPlugin);
organizationSchema.index({ name: 1, _id: 1 });
organizationSchema.index({ kind: 1, name: 1 });
organizationSchema.index({ parentCode: 1 });

export type OrganizationModel = Model<OrganizationRecord>;

export function organizationSearchText(code: string, name: string): string {
  return `${code} ${name}`.toLowerCase();
}

export function organizationModel(connection: Connection): OrganizationModel {
  return connection.model<OrganizationRecord>('Organization', organizationSchema);
}
