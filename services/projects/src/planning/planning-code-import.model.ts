import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ImportRejectionReason, PlanningCodeKind } from './planning-code.parser.js';

/** Rejected rows listed in a stored report; `rejected` still counts all of them. */
export const MAX_LISTED_REJECTIONS = 1_000;

export interface ImportRejectionRecord {
  row: number;
  code: string | null;
  reason: ImportRejectionReason;
  message: string;
}

export interface ImportActorRecord {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

/** The report of one import (dry runs are reported to the caller but not stored). */
export interface PlanningCodeImportRecord {
  _id: string;
  versionId: string;
  kind: PlanningCodeKind;
  format: 'CSV' | 'XLSX';
  filename: string;
  dryRun: boolean;
  /** Non-blank data rows of the file. */
  totalRows: number;
  accepted: number;
  rejected: number;
  /** Accepted rows that were new to the version (the others were already there, same name). */
  inserted: number;
  /** The first MAX_LISTED_REJECTIONS rejections, by row. */
  rejections: ImportRejectionRecord[];
  importedBy: ImportActorRecord;
  importedAt: Date;
}

const importSchema = new Schema<PlanningCodeImportRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    versionId: { type: String, required: true },
    kind: { type: String, required: true },
    format: { type: String, required: true },
    filename: { type: String, required: true },
    dryRun: { type: Boolean, default: false },
    totalRows: { type: Number, required: true },
    accepted: { type: Number, required: true },
    rejected: { type: Number, required: true },
    inserted: { type: Number, default: 0 },
    rejections: {
      type: [
        new Schema<ImportRejectionRecord>(
          {
            row: { type: Number, required: true },
            code: { type: String, default: null },
            reason: { type: String, required: true },
            message: { type: String, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    importedBy: {
      type: new Schema<ImportActorRecord>(
        {
          id: { type: String, required: true },
          name: { type: String, default: null },
          organizationCode: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    importedAt: { type: Date, required: true },
  },
  { collection: 'planning_code_imports', versionKey: false },
);

importSchema.plugin(pendingEventsPlugin);
importSchema.index({ importedAt: -1 });

export type PlanningCodeImportModel = Model<PlanningCodeImportRecord>;

export function planningCodeImportModel(connection: Connection): PlanningCodeImportModel {
  return connection.model<PlanningCodeImportRecord>('PlanningCodeImport', importSchema);
}
