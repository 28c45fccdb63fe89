import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import type { HistoryEntry } from '@sipadu/workflow';
import { Schema, type Connection, type Model } from 'mongoose';
import type { RequirementState, RequirementTransition } from '../workflows/requirement.workflow.js';
import type { SubjectRecord } from './document.model.js';

export interface RequirementHistoryRecord extends HistoryEntry<
  RequirementState,
  RequirementTransition
> {
  /** Document version submitted by this step (submissions only). */
  documentVersion: number | null;
}

export interface RequirementRecord {
  _id: string;
  subject: SubjectRecord;
  title: string;
  description: string | null;
  group: string | null;
  dueDate: string | null;
  requesterOrganizationCode: string;
  uploaderOrganizationCode: string;
  reviewerOrganizationCodes: string[];
  /** Index in reviewerOrganizationCodes of the reviewer holding it (while under review). */
  reviewIndex: number;
  state: RequirementState;
  documentId: string | null;
  confidentiality: 'PUBLIK' | 'TERBATAS' | 'RAHASIA';
  history: RequirementHistoryRecord[];
  templateId: string | null;
  position: number;
  createdBy: { id: string; name: string | null; organizationCode: string | null };
  /** Optimistic concurrency: every transition matches and bumps it. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const historySchema = new Schema(
  {
    transition: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    actor: {
      type: new Schema(
        {
          kind: { type: String, required: true },
          id: { type: String, required: true },
          name: String,
          organization: String,
          roles: { type: [String], default: [] },
        },
        { _id: false },
      ),
      required: true,
    },
    at: { type: Date, required: true },
    note: { type: String, default: null },
    documentVersion: { type: Number, default: null },
  },
  { _id: false },
);

const requirementSchema = new Schema<RequirementRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    subject: {
      type: new Schema<SubjectRecord>(
        { type: { type: String, required: true }, id: { type: String, required: true } },
        { _id: false },
      ),
      required: true,
    },
    title: { type: String, required: true },
    description: { type: String, default: null },
    group: { type: String, default: null },
    dueDate: { type: String, default: null },
    requesterOrganizationCode: { type: String, required: true },
    uploaderOrganizationCode: { type: String, required: true },
    reviewerOrganizationCodes: { type: [String], required: true },
    reviewIndex: { type: Number, default: 0 },
    state: { type: String, required: true },
    documentId: { type: String, default: null },
    confidentiality: { type: String, default: 'TERBATAS' },
    history: { type: [historySchema], default: [] },
    templateId: { type: String, default: null },
    position: { type: Number, default: 0 },
    createdBy: {
      type: new Schema(
        { id: { type: String, required: true }, name: String, organizationCode: String },
        { _id: false },
      ),
      required: true,
    },
    revision: { type: Number, default: 0 },
  },
  { collection: 'requirements', timestamps: true, versionKey: false },
);
requirementSchema.plugin(pendingEventsPlugin);
requirementSchema.index({ 'subject.type': 1, 'subject.id': 1, position: 1 });
requirementSchema.index({ uploaderOrganizationCode: 1, state: 1, createdAt: 1 });
requirementSchema.index({ reviewerOrganizationCodes: 1, state: 1, createdAt: 1 });

export type RequirementModel = Model<RequirementRecord>;

export function requirementModel(connection: Connection): RequirementModel {
  return connection.model<RequirementRecord>('DocumentRequirement', requirementSchema);
}
