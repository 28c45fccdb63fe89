import { pendingEventsPlugin, type PendingEvent, type RevisionedRecord } from '@sipadu/events';
import type { HistoryEntry } from '@sipadu/workflow';
import { Schema, type Connection, type Model } from 'mongoose';

/** The four case flows of the service (GraphQL CaseFlow). */
export type CaseFlow = 'CONSULTATION' | 'WORK_ITEM' | 'ICT_COMPLAINT' | 'PUBLIC_COMPLAINT';
export const CASE_FLOWS: readonly CaseFlow[] = [
  'CONSULTATION',
  'WORK_ITEM',
  'ICT_COMPLAINT',
  'PUBLIC_COMPLAINT',
];

/** A person as recorded on the case (names are copied: the record reads on its own). */
export interface PersonRecord {
  id: string;
  name: string;
  organizationCode: string | null;
  /** Realm roles when the person was recorded on the case. */
  roles: string[];
}

export interface AttachmentRecord {
  fileId: string;
  addedAt: Date;
  /** Same shape as the history actor (a citizen's evidence: kind `public`). */
  addedBy: HistoryEntry['actor'];
}

/**
 * One stay in a timed step, written when the case leaves it (or a pause interrupts it for
 * good): the raw material of SLA compliance and of the recaps.
 */
export interface StepOutcomeRecord {
  step: string;
  startedAt: Date;
  endedAt: Date;
  /** Null when the step has no service time. */
  dueAt: Date | null;
  onTime: boolean;
  /** Working days spent in the step (pauses excluded). */
  workingDays: number;
}

/** Consultation-only fields. */
export interface ConsultationFields {
  topic: string;
  detail: string;
  answer: string | null;
  returnNote: string | null;
  returnCount: number;
}

/** Work item-only fields. */
export interface WorkItemFields {
  description: string;
  result: string | null;
  returnNote: string | null;
  returnCount: number;
}

/** ICT complaint fields: the form of Lampiran 2 of the SOP. */
export interface IctComplaintFields {
  unit: string;
  problem: string;
  handlingTried: string | null;
  handling: string | null;
  followUp: string | null;
  reopenCount: number;
}

export interface ComplaintMessageRecord {
  author: 'CITIZEN' | 'HANDLER';
  text: string;
  at: Date;
}

/** Public complaint fields. Contact data is personal data (UU 27/2022): handlers only. */
export interface PublicComplaintFields {
  description: string;
  categoryCode: string;
  categoryName: string;
  serviceId: string | null;
  serviceName: string | null;
  visibility: 'PUBLIC' | 'CONFIDENTIAL';
  anonymous: boolean;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  location: { latitude: number; longitude: number; address: string | null } | null;
  messages: ComplaintMessageRecord[];
  answer: string | null;
  answeredAt: Date | null;
  /** Last working day before the system closes an answered complaint nobody replied to. */
  autoCloseDate: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** SHA-256 (hex) of the tracking code; the code itself is never stored. */
  trackingHash: string;
  /** Form id of the filing (idempotent resubmission). */
  submissionId: string;
}

/**
 * One case of any flow. Flow-specific data lives in the sub-document named after the flow; the
 * shared part is what the workflow engine, the clock, the lists and the recaps read.
 */
export interface CaseRecord extends RevisionedRecord {
  _id: string;
  flow: CaseFlow;
  /** Human number, unique per flow and year: KNS-2026-00012, PKJ-…, TIK-…, ADU-…. */
  number: string;
  /** Topic / title / problem, for lists, search and notifications. */
  title: string;
  /** Lower-cased title + number (+ unit) for the case-insensitive list search. */
  searchText: string;
  /** Workflow state. */
  state: string;
  /** The requester's organization, or the complaint's target agency (engine: `organization`). */
  organizationCode: string;
  organizationName: string | null;
  /** Organization of the assigned officer (consultations, ICT); null before routing. */
  handlerOrganizationCode: string | null;
  /** Filing person (engine: `requester`); null for a citizen. */
  requesterId: string | null;
  requester: PersonRecord | null;
  /** Assigned officer (engine: `assignee`). */
  assigneeId: string | null;
  assignee: PersonRecord | null;
  history: HistoryEntry[];
  attachments: AttachmentRecord[];
  stepOutcomes: StepOutcomeRecord[];
  /** Due instant of the step running now (null when paused, final or untimed); for queries. */
  stepDueAt: Date | null;
  /** `${state}@${stepStartedAt}` of the step already reported overdue (once per step). */
  overdueReportedFor: string | null;
  /** Set when the case reached a final state. */
  closedAt: Date | null;
  /** Null while open; then whether every timed step finished within its service time. */
  onTime: boolean | null;
  /** Working days of handling, written when the case closes (pauses excluded). */
  handlingWorkingDays: number | null;
  /** Performance points awarded to the assignee when the case completed. */
  points: number;
  consultation?: ConsultationFields;
  workItem?: WorkItemFields;
  ict?: IctComplaintFields;
  complaint?: PublicComplaintFields;
  createdAt: Date;
  updatedAt: Date;
  _pendingEvents?: PendingEvent[];
}

const person = new Schema<PersonRecord>(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    organizationCode: { type: String, default: null },
    roles: { type: [String], default: [] },
  },
  { _id: false },
);

const actor = new Schema(
  {
    kind: { type: String, required: true },
    id: { type: String, required: true },
    name: { type: String, default: null },
    organization: { type: String, default: null },
    roles: { type: [String], default: [] },
  },
  { _id: false },
);

const history = new Schema<HistoryEntry>(
  {
    transition: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    actor: { type: actor, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

const attachment = new Schema<AttachmentRecord>(
  {
    fileId: { type: String, required: true },
    addedAt: { type: Date, required: true },
    addedBy: { type: actor, required: true },
  },
  { _id: false },
);

const stepOutcome = new Schema<StepOutcomeRecord>(
  {
    step: { type: String, required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date, required: true },
    dueAt: { type: Date, default: null },
    onTime: { type: Boolean, required: true },
    workingDays: { type: Number, required: true },
  },
  { _id: false },
);

const caseSchema = new Schema<CaseRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    flow: { type: String, required: true },
    number: { type: String, required: true },
    title: { type: String, required: true },
    searchText: { type: String, required: true },
    state: { type: String, required: true },
    organizationCode: { type: String, required: true },
    organizationName: { type: String, default: null },
    handlerOrganizationCode: { type: String, default: null },
    requesterId: { type: String, default: null },
    requester: { type: person, default: null },
    assigneeId: { type: String, default: null },
    assignee: { type: person, default: null },
    history: { type: [history], default: [] },
    attachments: { type: [attachment], default: [] },
    stepOutcomes: { type: [stepOutcome], default: [] },
    stepDueAt: { type: Date, default: null },
    overdueReportedFor: { type: String, default: null },
    closedAt: { type: Date, default: null },
    onTime: { type: Boolean, default: null },
    handlingWorkingDays: { type: Number, default: null },
    points: { type: Number, default: 0 },
    // Flow-specific parts are plain objects validated by the flow services (zod) before writing.
    consultation: { type: Schema.Types.Mixed, default: undefined },
    workItem: { type: Schema.Types.Mixed, default: undefined },
    ict: { type: Schema.Types.Mixed, default: undefined },
    complaint: { type: Schema.Types.Mixed, default: undefined },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'cases', versionKey: false, minimize: false },
);
caseSchema.index({ flow: 1, number: 1 }, { unique: true });
caseSchema.index({ flow: 1, state: 1, createdAt: -1 });
caseSchema.index({ stepDueAt: 1 });
caseSchema.plugin(pendingEventsPlugin);

export type CaseModel = Model<CaseRecord>;

export function caseModel(connection: Connection): CaseModel {
  return (connection.models.Case ?? connection.model<CaseRecord>('Case', caseSchema)) as CaseModel;
}
