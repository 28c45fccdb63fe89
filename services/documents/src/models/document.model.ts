import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';

export const CONFIDENTIALITIES = ['PUBLIK', 'TERBATAS', 'RAHASIA'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

export interface ActorRecord {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

export interface SubjectRecord {
  type: string;
  id: string;
}

/** One immutable version: appended, never changed. */
export interface DocumentVersionRecord {
  number: number;
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  note: string | null;
  uploadedBy: ActorRecord;
  uploadedAt: Date;
}

export interface DocumentRecord {
  _id: string;
  title: string;
  subject: SubjectRecord;
  /** Owning organization (the data owner sets the confidentiality, Perwali 64 §15(4)). */
  organizationCode: string;
  /** Organizations with a role on the subject (e.g. reviewers of a requirement) read TERBATAS too. */
  relatedOrganizationCodes: string[];
  confidentiality: Confidentiality;
  /** Named readers of a RAHASIA document (user ids). */
  readerIds: string[];
  versions: DocumentVersionRecord[];
  /** The requirement this document answers, when it was created by a submission. */
  requirementId: string | null;
  withdrawn: { at: Date; by: ActorRecord; reason: string } | null;
  createdBy: ActorRecord;
  /** Optimistic concurrency: every change matches and bumps it. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const actorSchema = new Schema<ActorRecord>(
  { id: { type: String, required: true }, name: String, organizationCode: String },
  { _id: false },
);

const versionSchema = new Schema<DocumentVersionRecord>(
  {
    number: { type: Number, required: true },
    fileId: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    note: { type: String, default: null },
    uploadedBy: { type: actorSchema, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);

const documentSchema = new Schema<DocumentRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    title: { type: String, required: true },
    subject: {
      type: new Schema<SubjectRecord>(
        { type: { type: String, required: true }, id: { type: String, required: true } },
        { _id: false },
      ),
      required: true,
    },
    organizationCode: { type: String, required: true },
    relatedOrganizationCodes: { type: [String], default: [] },
    confidentiality: { type: String, enum: CONFIDENTIALITIES, required: true },
    readerIds: { type: [String], default: [] },
    versions: { type: [versionSchema], default: [] },
    requirementId: { type: String, default: null },
    withdrawn: {
      type: new Schema(
        {
          at: { type: Date, required: true },
          by: { type: actorSchema, required: true },
          reason: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    createdBy: { type: actorSchema, required: true },
    revision: { type: Number, default: 0 },
  },
  { collection: 'documents', timestamps: true, versionKey: false },
);
documentSchema.plugin(pendingEventsPlugin);
documentSchema.index({ 'subject.type': 1, 'subject.id': 1, createdAt: 1 });
documentSchema.index({ 'versions.fileId': 1 });
documentSchema.index({ requirementId: 1 });

export type DocumentModel = Model<DocumentRecord>;

export function documentModel(connection: Connection): DocumentModel {
  return connection.model<DocumentRecord>('Document', documentSchema);
}
