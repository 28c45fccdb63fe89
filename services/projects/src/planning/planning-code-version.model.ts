import { Schema, type Connection, type Model } from 'mongoose';

/** Codes per kind, refreshed after every import into the version. */
export interface PlanningCodeCounts {
  NOMENCLATURE: number;
  ACCOUNT: number;
}

/**
 * One version of the nomenclature and chart of accounts, e.g. Permendagri 90/2019 as updated by
 * Kepmendagri 050-5889/2021. Which version is active is kept in a single settings document
 * (`planning_code_settings`, `_id: 'active'`), so activating is one atomic write and there is
 * never more than one active version.
 */
export interface PlanningCodeVersionRecord {
  /** Slug, e.g. `kepmendagri-050-5889-2021`. */
  _id: string;
  name: string;
  legalBasis: string;
  counts: PlanningCodeCounts;
  createdAt: Date;
  updatedAt: Date;
}

/** A version as the API shows it: with whether it is the active one. */
export interface PlanningCodeVersionView extends PlanningCodeVersionRecord {
  active: boolean;
}

const planningCodeVersionSchema = new Schema<PlanningCodeVersionRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    legalBasis: { type: String, required: true },
    counts: {
      type: new Schema<PlanningCodeCounts>(
        { NOMENCLATURE: { type: Number, default: 0 }, ACCOUNT: { type: Number, default: 0 } },
        { _id: false },
      ),
      default: () => ({ NOMENCLATURE: 0, ACCOUNT: 0 }),
    },
  },
  { collection: 'planning_code_versions', timestamps: true, versionKey: false },
);

planningCodeVersionSchema.index({ createdAt: -1 });

export type PlanningCodeVersionModel = Model<PlanningCodeVersionRecord>;

export function planningCodeVersionModel(connection: Connection): PlanningCodeVersionModel {
  return connection.model<PlanningCodeVersionRecord>(
    'PlanningCodeVersion',
    planningCodeVersionSchema,
  );
}

/** The active-version pointer: one document, `_id: 'active'`. */
export interface PlanningCodeSettingRecord {
  _id: 'active';
  versionId: string;
  updatedAt: Date;
}

const planningCodeSettingSchema = new Schema<PlanningCodeSettingRecord>(
  {
    _id: { type: String, required: true },
    versionId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'planning_code_settings', versionKey: false },
);

export type PlanningCodeSettingModel = Model<PlanningCodeSettingRecord>;

export function planningCodeSettingModel(connection: Connection): PlanningCodeSettingModel {
  return connection.model<PlanningCodeSettingRecord>(
    'PlanningCodeSetting',
    planningCodeSettingSchema,
  );
}
