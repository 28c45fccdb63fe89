import { Schema, type Connection, type Model } from 'mongoose';
import type { PlanningCodeKind, PlanningCodeLevel } from './planning-code.parser.js';

/**
 * One code of one version: a nomenclature code (urusan … sub kegiatan) or an account code (akun …
 * sub rincian objek). Keyed `<versionId>|<kind>|<code>` so an import is an idempotent upsert and
 * every lookup of known codes is an `_id` lookup.
 */
export interface PlanningCodeRecord {
  _id: string;
  versionId: string;
  kind: PlanningCodeKind;
  code: string;
  name: string;
  level: PlanningCodeLevel;
  parentCode: string | null;
  /** `_id` of the parent (null at the top): children are counted by it in one aggregate. */
  parentId: string | null;
  /** 1 = urusan/akun … 6 = sub rincian objek. */
  depth: number;
  /** Lowercase `code name`, for `$regex` search (FerretDB v1 has no text index). */
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

export function planningCodeId(versionId: string, kind: PlanningCodeKind, code: string): string {
  return `${versionId}|${kind}|${code}`;
}

const planningCodeSchema = new Schema<PlanningCodeRecord>(
  {
    _id: { type: String, required: true },
    versionId: { type: String, required: true },
    kind: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, required: true },
    parentCode: { type: String, default: null },
    parentId: { type: String, default: null },
    depth: { type: Number, required: true },
    searchText: { type: String, required: true },
  },
  { collection: 'planning_codes', timestamps: true, versionKey: false },
);

planningCodeSchema.index({ versionId: 1, kind: 1, parentCode: 1 });
planningCodeSchema.index({ parentId: 1 });
planningCodeSchema.index({ versionId: 1, kind: 1, level: 1 });

export type PlanningCodeModel = Model<PlanningCodeRecord>;

export function planningCodeModel(connection: Connection): PlanningCodeModel {
  return connection.model<PlanningCodeRecord>('PlanningCode', planningCodeSchema);
}
