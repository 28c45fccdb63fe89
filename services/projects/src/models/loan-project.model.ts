import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import type { HistoryEntry } from '@sipadu/workflow';
import { Schema, type Connection, type Model } from 'mongoose';
import type {
  LoanProjectStage,
  LoanProjectTransition,
} from '../workflows/loan-project.workflow.js';

/** Who did something, as shown on the project (ProjectActor). */
export interface ActorRecord {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

export interface ConsultantRecord {
  name: string;
  contractNumber: string | null;
  supervisor: string | null;
  contact: string | null;
}

/** A sub-kegiatan code cited by the project, with its name in the nomenclature version cited. */
export interface PlanningCitationRecord {
  code: string;
  name: string;
  versionId: string;
}

export interface LngLatRecord {
  lng: number;
  lat: number;
}

export interface LocationRecord {
  id: string;
  latitude: number;
  longitude: number;
  address: string;
  administrativeArea: string;
  /** `{lng, lat}` objects, not coordinate pairs: FerretDB v1 rejects nested arrays. */
  outline: LngLatRecord[] | null;
}

export type LoanProjectHistoryRecord = HistoryEntry<LoanProjectStage, LoanProjectTransition>;

export interface AgreementRecord {
  documentId: string;
  number: string;
  /** YYYY-MM-DD. */
  signedOn: string;
  recordedBy: ActorRecord;
  recordedAt: Date;
}

export const DISBURSEMENT_STATUSES = ['PLANNED', 'REQUESTED', 'APPROVED', 'DISBURSED'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

export interface TrancheRecord {
  id: string;
  sequence: number;
  name: string;
  /** Percent of the loan amount. */
  plannedShare: number;
  plannedAmount: number;
  /** YYYY-MM-DD. */
  plannedDate: string;
  minPhysicalProgress: number;
  /** Requirements of this group (documents service) are the tranche's conditions. */
  requirementGroup: string | null;
  state: DisbursementStatus;
  disbursedAmount: number | null;
  /** YYYY-MM-DD. */
  disbursedOn: string | null;
  history: HistoryEntry<DisbursementStatus>[];
}

export interface ProgressPlanRecord {
  /** YYYY-MM. */
  period: string;
  physicalPercent: number;
  financialPercent: number;
}

export const PROGRESS_REPORT_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REVISION_REQUESTED'] as const;
export type ProgressReportStatus = (typeof PROGRESS_REPORT_STATUSES)[number];

export interface ProgressMediaRecord {
  fileId: string;
  kind: 'PHOTO' | 'VIDEO';
  caption: string | null;
  latitude: number | null;
  longitude: number | null;
  capturedAt: Date | null;
  locationSource: 'EXIF' | 'MANUAL' | 'NONE';
}

export interface ProgressReportRecord {
  id: string;
  /** YYYY-MM. */
  period: string;
  physicalPercent: number;
  financialPercent: number;
  narrative: string;
  problems: string | null;
  media: ProgressMediaRecord[];
  state: ProgressReportStatus;
  submittedBy: ActorRecord;
  submittedAt: Date;
  reviewedBy: ActorRecord | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

/** Counts of the project's document requirements, kept current by the documents consumer. */
export interface RequirementSummaryRecord {
  total: number;
  approved: number;
  waived: number;
  submitted: number;
  revisionRequested: number;
  /** Stage requirements (not a tranche's group) neither approved nor waived. */
  outstanding: number;
}

export const EMPTY_REQUIREMENT_SUMMARY: RequirementSummaryRecord = Object.freeze({
  total: 0,
  approved: 0,
  waived: 0,
  submitted: 0,
  revisionRequested: 0,
  outstanding: 0,
});

/**
 * One loan project (DOMAIN.md §3). Tranches, plan and reports are embedded so every change is a
 * single-document write (FerretDB v1 has no transactions), guarded by `revision`.
 */
export interface LoanProjectRecord {
  _id: string;
  /** PIN-<fiscal year>-<seq3>, unique. */
  code: string;
  fiscalYear: number;
  name: string;
  description: string;
  borrowingReason: string;
  organizationCode: string;
  organizationName: string;
  lenderOrganizationCode: string;
  lenderName: string;
  /** The finance agency managing the project: the creator's organization (BPKAD). */
  managerOrganizationCode: string;
  /** Whole rupiah. */
  amount: number;
  tenorMonths: number;
  consultant: ConsultantRecord | null;
  planningCodes: PlanningCitationRecord[];
  locations: LocationRecord[];
  /** The stage (workflow state). */
  state: LoanProjectStage;
  history: LoanProjectHistoryRecord[];
  agreement: AgreementRecord | null;
  tranches: TrancheRecord[];
  progressPlan: ProgressPlanRecord[];
  progressReports: ProgressReportRecord[];
  /** Latest report's figures, an accepted one preferred (denormalised for the list). */
  physicalProgress: number;
  financialProgress: number;
  behindPlan: boolean;
  /** Sums over the tranches (denormalised for the list and portfolio). */
  disbursedAmount: number;
  approvedAmount: number;
  requirementSummary: RequirementSummaryRecord;
  /** Lower-case name and code for the list search (FerretDB v1 has no text index). */
  searchText: string;
  createdBy: ActorRecord;
  /** Optimistic concurrency: every write matches and bumps it. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What every projects event carries about its project (packages/events projects.schema.ts). */
export function projectEventSnapshot(
  record: Pick<
    LoanProjectRecord,
    | '_id'
    | 'code'
    | 'name'
    | 'fiscalYear'
    | 'organizationCode'
    | 'lenderOrganizationCode'
    | 'managerOrganizationCode'
    | 'state'
  >,
) {
  return {
    id: record._id,
    code: record.code,
    name: record.name,
    fiscalYear: record.fiscalYear,
    organizationCode: record.organizationCode,
    lenderOrganizationCode: record.lenderOrganizationCode,
    managerOrganizationCode: record.managerOrganizationCode,
    stage: record.state,
  };
}

/** The lower-case text the list's search matches. */
export function searchTextOf(record: Pick<LoanProjectRecord, 'code' | 'name'>): string {
  return `${record.code} ${record.name}`.toLowerCase();
}

const actorSchema = new Schema<ActorRecord>(
  {
    id: { type: String, required: true },
    name: { type: String, default: null },
    organizationCode: { type: String, default: null },
  },
  { _id: false },
);

const historyActorSchema = new Schema(
  {
    kind: { type: String, required: true },
    id: { type: String, required: true },
    name: { type: String, default: null },
    organization: { type: String, default: null },
    roles: { type: [String], default: [] },
  },
  { _id: false },
);

const historySchema = new Schema(
  {
    transition: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    actor: { type: historyActorSchema, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

const lngLatSchema = new Schema<LngLatRecord>(
  { lng: { type: Number, required: true }, lat: { type: Number, required: true } },
  { _id: false },
);

const locationSchema = new Schema<LocationRecord>(
  {
    id: { type: String, required: true },
    latitude: { type: Number, required: true },
    longitude: { type: Number, required: true },
    address: { type: String, required: true },
    administrativeArea: { type: String, required: true },
    outline: { type: [lngLatSchema], default: null },
  },
  { _id: false },
);

const trancheSchema = new Schema<TrancheRecord>(
  {
    id: { type: String, required: true },
    sequence: { type: Number, required: true },
    name: { type: String, required: true },
    plannedShare: { type: Number, required: true },
    plannedAmount: { type: Number, required: true },
    plannedDate: { type: String, required: true },
    minPhysicalProgress: { type: Number, default: 0 },
    requirementGroup: { type: String, default: null },
    state: { type: String, enum: DISBURSEMENT_STATUSES, required: true },
    disbursedAmount: { type: Number, default: null },
    disbursedOn: { type: String, default: null },
    history: { type: [historySchema], default: [] },
  },
  { _id: false },
);

const mediaSchema = new Schema<ProgressMediaRecord>(
  {
    fileId: { type: String, required: true },
    kind: { type: String, enum: ['PHOTO', 'VIDEO'], required: true },
    caption: { type: String, default: null },
    latitude: { type: Number, default: null },
    longitude: { type: Number, default: null },
    capturedAt: { type: Date, default: null },
    locationSource: { type: String, enum: ['EXIF', 'MANUAL', 'NONE'], required: true },
  },
  { _id: false },
);

const reportSchema = new Schema<ProgressReportRecord>(
  {
    id: { type: String, required: true },
    period: { type: String, required: true },
    physicalPercent: { type: Number, required: true },
    financialPercent: { type: Number, required: true },
    narrative: { type: String, required: true },
    problems: { type: String, default: null },
    media: { type: [mediaSchema], default: [] },
    state: { type: String, enum: PROGRESS_REPORT_STATUSES, required: true },
    submittedBy: { type: actorSchema, required: true },
    submittedAt: { type: Date, required: true },
    reviewedBy: { type: actorSchema, default: null },
    reviewedAt: { type: Date, default: null },
    reviewNote: { type: String, default: null },
  },
  { _id: false },
);

const loanProjectSchema = new Schema<LoanProjectRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    code: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    name: { type: String, required: true },
    description: { type: String, required: true },
    borrowingReason: { type: String, required: true },
    organizationCode: { type: String, required: true },
    organizationName: { type: String, required: true },
    lenderOrganizationCode: { type: String, required: true },
    lenderName: { type: String, required: true },
    managerOrganizationCode: { type: String, required: true },
    amount: { type: Number, required: true },
    tenorMonths: { type: Number, required: true },
    consultant: {
      type: new Schema<ConsultantRecord>(
        {
          name: { type: String, required: true },
          contractNumber: { type: String, default: null },
          supervisor: { type: String, default: null },
          contact: { type: String, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    planningCodes: {
      type: [
        new Schema<PlanningCitationRecord>(
          {
            code: { type: String, required: true },
            name: { type: String, required: true },
            versionId: { type: String, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    locations: { type: [locationSchema], default: [] },
    state: { type: String, required: true },
    history: { type: [historySchema], default: [] },
    agreement: {
      type: new Schema<AgreementRecord>(
        {
          documentId: { type: String, required: true },
          number: { type: String, required: true },
          signedOn: { type: String, required: true },
          recordedBy: { type: actorSchema, required: true },
          recordedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    tranches: { type: [trancheSchema], default: [] },
    progressPlan: {
      type: [
        new Schema<ProgressPlanRecord>(
          {
            period: { type: String, required: true },
            physicalPercent: { type: Number, required: true },
            financialPercent: { type: Number, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    progressReports: { type: [reportSchema], default: [] },
    physicalProgress: { type: Number, default: 0 },
    financialProgress: { type: Number, default: 0 },
    behindPlan: { type: Boolean, default: false },
    disbursedAmount: { type: Number, default: 0 },
    approvedAmount: { type: Number, default: 0 },
    requirementSummary: {
      type: new Schema<RequirementSummaryRecord>(
        {
          total: { type: Number, default: 0 },
          approved: { type: Number, default: 0 },
          waived: { type: Number, default: 0 },
          submitted: { type: Number, default: 0 },
          revisionRequested: { type: Number, default: 0 },
          outstanding: { type: Number, default: 0 },
        },
        { _id: false },
      ),
      default: () => ({ ...EMPTY_REQUIREMENT_SUMMARY }),
    },
    searchText: { type: String, required: true },
    createdBy: { type: actorSchema, required: true },
    revision: { type: Number, default: 0 },
  },
  { collection: 'loan_projects', timestamps: true, versionKey: false },
);
loanProjectSchema.plugin(pendingEventsPlugin);
loanProjectSchema.index({ code: 1 }, { unique: true });
loanProjectSchema.index({ fiscalYear: 1, state: 1 });
loanProjectSchema.index({ organizationCode: 1 });
loanProjectSchema.index({ lenderOrganizationCode: 1 });
loanProjectSchema.index({ createdAt: 1, _id: 1 });

export type LoanProjectModel = Model<LoanProjectRecord>;

export function loanProjectModel(connection: Connection): LoanProjectModel {
  return connection.model<LoanProjectRecord>('LoanProject', loanProjectSchema);
}
