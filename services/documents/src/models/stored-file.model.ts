import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';

export interface StoredFileUploader {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

/**
 * Uploader of a file sent without signing in (a citizen's complaint evidence): no account, so
 * nobody reads it as its uploader; only a grant (the complaint's handlers) opens it.
 */
export const ANONYMOUS_UPLOADER: StoredFileUploader = {
  id: 'public',
  name: null,
  organizationCode: null,
};

export interface StoredFileAttachment {
  documentId: string;
  version: number;
}

/**
 * Readers a file was shared with outside any document, by what it was attached to (`source`):
 * the participants of a correspondence thread (type `Thread`), or the parties of a case of the
 * consultations service (its subject type, e.g. `Consultation`); a snapshot of their
 * organizations and named users. `roles`: realm roles that read it Pemda-wide (a published
 * recap's readers, a flow's Pemda-wide handlers); absent when none.
 */
export interface StoredFileGrant {
  source: { type: string; id: string };
  organizationCodes: string[];
  userIds: string[];
  roles?: string[];
}

/** Where and when a photo was taken, from its EXIF metadata (each part null when absent). */
export interface StoredFileCapture {
  latitude: number | null;
  longitude: number | null;
  takenAt: Date | null;
}

/** A finished file: bytes in FileStorage under `storageKey`, never modified after creation. */
export interface StoredFileRecord {
  /** uuid: the file id clients see (`/files/<id>`). */
  _id: string;
  /** Original name (sanitised), as sent in the tus metadata. */
  filename: string;
  /** Sniffed from the bytes, never taken from the client. */
  contentType: string;
  size: number;
  /** Lowercase hex. */
  sha256: string;
  /** 'photo' | 'video' | 'document' | 'stamped' | … */
  purpose: string;
  uploader: StoredFileUploader;
  storageKey: string;
  /** Cached default-size thumbnail (images only), set once on first request. */
  thumbnailKey: string | null;
  /** A stamped PDF points at the file it was made from. */
  derivedFrom: string | null;
  /** Set once, by FileService.attach: the document version this file became. */
  attachedTo: StoredFileAttachment | null;
  /**
   * The tus upload this file came from (32 hex characters), so a client resuming that upload
   * after it finished still learns the file id; null for files the service made itself.
   */
  uploadId: string | null;
  /** Absent on files stored before sharing existed. */
  sharedWith?: StoredFileGrant[];
  /**
   * Photos: GPS position and capture time read from EXIF when stored; null when the photo has
   * none (or is no photo), absent on files stored before it was read.
   */
  capture?: StoredFileCapture | null;
  createdAt: Date;
}

const uploaderSchema = new Schema<StoredFileUploader>(
  {
    id: { type: String, required: true },
    name: { type: String, default: null },
    organizationCode: { type: String, default: null },
  },
  { _id: false },
);

const attachmentSchema = new Schema<StoredFileAttachment>(
  {
    documentId: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { _id: false },
);

const grantSchema = new Schema<StoredFileGrant>(
  {
    source: {
      type: new Schema(
        {
          type: { type: String, required: true },
          id: { type: String, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    organizationCodes: { type: [String], default: [] },
    userIds: { type: [String], default: [] },
    // Left out when empty: an identical grant must stay identical for $addToSet.
    roles: { type: [String], default: undefined },
  },
  { _id: false },
);

const captureSchema = new Schema<StoredFileCapture>(
  {
    latitude: { type: Number, default: null },
    longitude: { type: Number, default: null },
    takenAt: { type: Date, default: null },
  },
  { _id: false },
);

const storedFileSchema = new Schema<StoredFileRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true, min: 0 },
    sha256: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    purpose: { type: String, required: true },
    uploader: { type: uploaderSchema, required: true },
    storageKey: { type: String, required: true },
    thumbnailKey: { type: String, default: null },
    derivedFrom: { type: String, default: null },
    attachedTo: { type: attachmentSchema, default: null },
    uploadId: { type: String, default: null },
    sharedWith: { type: [grantSchema], default: undefined },
    capture: { type: captureSchema, default: null },
  },
  {
    collection: 'stored_files',
    timestamps: { createdAt: true, updatedAt: false },
    versionKey: false,
  },
);
// `documents.file.stored` rides on the insert of the record (outbox, see FileService).
storedFileSchema.plugin(pendingEventsPlugin);
// Public verification by hash, and "which file was this document version".
storedFileSchema.index({ sha256: 1 });
storedFileSchema.index({ 'attachedTo.documentId': 1 });
storedFileSchema.index({ derivedFrom: 1 });
// A tus HEAD or PATCH on an upload that already finished (see tus-uploads.ts).
storedFileSchema.index({ uploadId: 1 });
// Files shared in a thread or a case gain its later participants.
storedFileSchema.index({ 'sharedWith.source.id': 1 });

export type StoredFileModel = Model<StoredFileRecord>;

export function storedFileModel(connection: Connection): StoredFileModel {
  return (
    (connection.models.StoredFile as StoredFileModel | undefined) ??
    connection.model<StoredFileRecord>('StoredFile', storedFileSchema)
  );
}
