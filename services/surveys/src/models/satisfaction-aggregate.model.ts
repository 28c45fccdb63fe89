import { Schema, type Connection, type Model } from 'mongoose';
import type { IndexScope } from '../services/types.js';

/**
 * Running sums of one scope (a service, an organization, the whole Pemda) over one period, so an
 * index read is one `_id` lookup whatever the number of responses. Written only by the single
 * responses consumer (and by a recompute with `apply`).
 *
 * `counts` holds flat counters, absent = 0:
 *   - `respondents`;
 *   - `U1:1` … `U9:4`: answers of element U1..U9 with score 1..4 (sums derive from them);
 *   - `gender:LAKI_LAKI`, `ageGroup:USIA_20_29`, …: respondents who gave that profile option.
 */
export interface SatisfactionAggregateRecord {
  /** `SERVICE:<serviceId>:<periodKey>`, `ORGANIZATION:<code>:<periodKey>`, `PEMDA:<periodKey>`. */
  _id: string;
  scope: IndexScope;
  /** Service id or organization code; null for the Pemda. */
  scopeId: string | null;
  periodKey: string;
  counts: Record<string, number>;
  /**
   * Stream sequence of the last response applied: the consumer applies an event only to the
   * aggregates whose `appliedSeq` is lower, so a redelivery after a crash never counts twice.
   */
  appliedSeq: number;
  updatedAt: Date;
}

const satisfactionAggregateSchema = new Schema<SatisfactionAggregateRecord>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    scopeId: { type: String, default: null },
    periodKey: { type: String, required: true },
    counts: { type: Schema.Types.Mixed, required: true },
    appliedSeq: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'satisfaction_aggregates', versionKey: false, minimize: false },
);
satisfactionAggregateSchema.index({ periodKey: 1, scope: 1 });

export type SatisfactionAggregateModel = Model<SatisfactionAggregateRecord>;

export function satisfactionAggregateModel(connection: Connection): SatisfactionAggregateModel {
  return (connection.models.SatisfactionAggregate ??
    connection.model<SatisfactionAggregateRecord>(
      'SatisfactionAggregate',
      satisfactionAggregateSchema,
    )) as SatisfactionAggregateModel;
}

/** The `_id` of the aggregate of a scope and period. */
export function aggregateKey(scope: IndexScope, scopeId: string | null, periodKey: string): string {
  return scope === 'PEMDA' ? `PEMDA:${periodKey}` : `${scope}:${scopeId}:${periodKey}`;
}
