import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ActorRecord } from './service-standard.model.js';
import type { RevisionedRecord } from '@sipadu/events';

/** One version of an organization's pledge (ServicePledgeVersion). */
export interface PledgeVersionRecord {
  version: number;
  text: string;
  commitments: string[];
  signatoryName: string;
  signatoryPosition: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  updatedAt: Date;
  updatedBy: ActorRecord | null;
  publishedAt: Date | null;
  publishedBy: ActorRecord | null;
}

/**
 * The service pledge (*Maklumat Pelayanan*) of one organization (`_id` = its code): the published
 * version the public reads and the draft its editors work on.
 */
export interface ServicePledgeRecord extends RevisionedRecord {
  _id: string;
  organizationName: string;
  published: PledgeVersionRecord | null;
  draft: PledgeVersionRecord | null;
  /** Versions published so far. */
  publishedVersions: number;
  createdAt: Date;
  updatedAt: Date;
}

const actorSchema = new Schema<ActorRecord>(
  {
    id: { type: String, required: true },
    name: { type: String, default: null },
    organizationCode: { type: String, default: null },
  },
  { _id: false },
);

const pledgeVersionSchema = new Schema<PledgeVersionRecord>(
  {
    version: { type: Number, required: true },
    text: { type: String, required: true },
    commitments: { type: [String], default: [] },
    signatoryName: { type: String, required: true },
    signatoryPosition: { type: String, required: true },
    effectiveDate: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: actorSchema, default: null },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: actorSchema, default: null },
  },
  { _id: false },
);

const servicePledgeSchema = new Schema<ServicePledgeRecord>(
  {
    _id: { type: String, required: true },
    organizationName: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    published: { type: pledgeVersionSchema, default: null },
    draft: { type: pledgeVersionSchema, default: null },
    publishedVersions: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'service_pledges', versionKey: false },
);
servicePledgeSchema.plugin(pendingEventsPlugin);

export type ServicePledgeModel = Model<ServicePledgeRecord>;

export function servicePledgeModel(connection: Connection): ServicePledgeModel {
  return (connection.models.ServicePledge ??
    connection.model<ServicePledgeRecord>(
      'ServicePledge',
      servicePledgeSchema,
    )) as ServicePledgeModel;
}
