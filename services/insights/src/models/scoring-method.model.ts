import { Schema, type Connection, type Model } from 'mongoose';
import { DEFAULT_MINIMUM_COVERAGE, type MethodDefinition } from '../scoring/default-method.js';

/**
 * One published version of the scoring method (`_id` = version number). Versions are never
 * changed: publishing inserts the next number, and the unique `_id` makes two concurrent
 * publishers of the same number collide instead of both winning.
 */
export interface ScoringMethodRecord extends Omit<MethodDefinition, 'version' | 'minimumCoverage'> {
  _id: number;
  /** Absent on versions stored before the setting existed. */
  minimumCoverage?: number;
  publishedAt: Date;
  /** Name of the super-admin who published it; null for the built-in version 1. */
  publishedBy: string | null;
  publishedById: string | null;
}

const parameter = new Schema({ key: String, label: String, value: Number }, { _id: false });
const component = new Schema(
  {
    key: { type: String, required: true },
    label: { type: String, required: true },
    weight: { type: Number, required: true },
    formula: { type: String, required: true },
    parameters: { type: [parameter], default: [] },
  },
  { _id: false },
);
const grade = new Schema({ grade: String, label: String, minScore: Number }, { _id: false });

const schema = new Schema<ScoringMethodRecord>(
  {
    _id: { type: Number, required: true },
    name: { type: String, required: true },
    description: { type: String, required: true },
    components: { type: [component], required: true },
    grades: { type: [grade], required: true },
    // Versions stored before the setting existed read as the default.
    minimumCoverage: { type: Number, default: DEFAULT_MINIMUM_COVERAGE },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, default: null },
    publishedById: { type: String, default: null },
  },
  { collection: 'scoring_methods', versionKey: false, minimize: false },
);

export type ScoringMethodModel = Model<ScoringMethodRecord>;

export function scoringMethodModel(connection: Connection): ScoringMethodModel {
  return (connection.models.ScoringMethod ??
    connection.model<ScoringMethodRecord>('ScoringMethod', schema)) as ScoringMethodModel;
}
