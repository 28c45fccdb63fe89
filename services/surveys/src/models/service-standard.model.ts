import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { RevisionedRecord } from '@sipadu/events';

/** Who changed or published something (SurveyActor). */
export interface ActorRecord {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

/** The components of PermenPANRB 15/2014 (ServiceStandardComponents). */
export interface StandardComponentsRecord {
  legalBasis: string[];
  requirements: string[];
  procedure: string[];
  completionTime: string;
  completionDays: number | null;
  cost: string;
  products: string[];
  facilities: string[];
  officerCompetence: string[];
  internalSupervision: string;
  complaintHandling: string;
  numberOfOfficers: number | null;
  serviceGuarantee: string;
  securityGuarantee: string;
  performanceEvaluation: string;
}

/** One version of a standard: the draft, the published one, or a superseded one in `history`. */
export interface StandardVersionRecord {
  version: number;
  name: string;
  category: string;
  description: string | null;
  onlineServiceUrl: string | null;
  components: StandardComponentsRecord;
  updatedAt: Date;
  updatedBy: ActorRecord | null;
  publishedAt: Date | null;
  publishedBy: ActorRecord | null;
  supersededAt: Date | null;
}

export const STANDARD_STATUSES = ['DRAFT', 'PUBLISHED', 'PUBLISHED_WITH_DRAFT'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/**
 * A public service and its standard (*Standar Pelayanan*). The published version stays what the
 * directory shows while a draft is edited beside it; publishing moves the published version to
 * `history`. The top-level `name`, `category`, `sortKey` and `searchText` follow the published
 * version (the draft until the first publication) and serve the directory's queries; `listed`
 * is true once a version was published.
 */
export interface ServiceStandardRecord extends RevisionedRecord {
  _id: string;
  organizationCode: string;
  organizationName: string;
  status: StandardStatus;
  published: StandardVersionRecord | null;
  draft: StandardVersionRecord | null;
  /** Superseded versions, oldest first. */
  history: StandardVersionRecord[];
  listed: boolean;
  name: string;
  category: string;
  /** Lowercase `organization name \u0001 service name`: the directory's order. */
  sortKey: string;
  /** Lowercase service name, organization name and code, category: the directory's search. */
  searchText: string;
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

const componentsSchema = new Schema<StandardComponentsRecord>(
  {
    legalBasis: { type: [String], default: [] },
    requirements: { type: [String], default: [] },
    procedure: { type: [String], default: [] },
    completionTime: { type: String, default: '' },
    completionDays: { type: Number, default: null },
    cost: { type: String, default: '' },
    products: { type: [String], default: [] },
    facilities: { type: [String], default: [] },
    officerCompetence: { type: [String], default: [] },
    internalSupervision: { type: String, default: '' },
    complaintHandling: { type: String, default: '' },
    numberOfOfficers: { type: Number, default: null },
    serviceGuarantee: { type: String, default: '' },
    securityGuarantee: { type: String, default: '' },
    performanceEvaluation: { type: String, default: '' },
  },
  { _id: false },
);

const versionSchema = new Schema<StandardVersionRecord>(
  {
    version: { type: Number, required: true },
    name: { type: String, required: true },
    category: { type: String, required: true },
    description: { type: String, default: null },
    onlineServiceUrl: { type: String, default: null },
    components: { type: componentsSchema, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: actorSchema, default: null },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: actorSchema, default: null },
    supersededAt: { type: Date, default: null },
  },
  { _id: false },
);

const serviceStandardSchema = new Schema<ServiceStandardRecord>(
  {
    _id: { type: String, required: true },
    organizationCode: { type: String, required: true },
    organizationName: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    status: { type: String, enum: STANDARD_STATUSES, required: true },
    published: { type: versionSchema, default: null },
    draft: { type: versionSchema, default: null },
    history: { type: [versionSchema], default: [] },
    listed: { type: Boolean, required: true, default: false },
    name: { type: String, required: true },
    category: { type: String, required: true },
    sortKey: { type: String, required: true },
    searchText: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'service_standards', versionKey: false },
);
serviceStandardSchema.plugin(pendingEventsPlugin);
// The directory: published standards in order (sortKey, _id), optionally of one organization.
serviceStandardSchema.index({ listed: 1, sortKey: 1, _id: 1 });
serviceStandardSchema.index({ organizationCode: 1, sortKey: 1, _id: 1 });

export type ServiceStandardModel = Model<ServiceStandardRecord>;

export function serviceStandardModel(connection: Connection): ServiceStandardModel {
  return (connection.models.ServiceStandard ??
    connection.model<ServiceStandardRecord>(
      'ServiceStandard',
      serviceStandardSchema,
    )) as ServiceStandardModel;
}

/** The order and search fields of a standard, from its display name and its organization. */
export function directoryFields(
  name: string,
  category: string,
  organizationCode: string,
  organizationName: string,
): Pick<ServiceStandardRecord, 'name' | 'category' | 'sortKey' | 'searchText'> {
  const lower = (text: string) => text.toLocaleLowerCase('id-ID');
  return {
    name,
    category,
    sortKey: `${lower(organizationName)}\u0001${lower(name)}`,
    searchText: lower([name, organizationName, organizationCode, category].join(' \u0001 ')),
  };
}
