import { pendingEventsPlugin, type PendingEvent, type RevisionedRecord } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { DashboardAlertKind } from '../generated/graphql.js';

export type AlertSeverity = 'TINGGI' | 'SEDANG' | 'RENDAH';

/**
 * One alert of the leaders' dashboard. `_id` is the key of its cause (e.g.
 * `PROJECT_BEHIND_PLAN:<projectId>:<period>`), so the same cause raises it once: the unique insert
 * is the only guard FerretDB v1 applies atomically. The insert carries `insights.alert.raised`.
 */
export interface AlertRecord extends RevisionedRecord {
  _id: string;
  kind: DashboardAlertKind;
  severity: AlertSeverity;
  title: string;
  detail: string;
  organizationCode: string | null;
  reference: string | null;
  href: string | null;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  /** Name (else username) of the leader who acknowledged it. */
  acknowledgedBy: string | null;
  acknowledgedById: string | null;
  note: string | null;
  _pendingEvents?: PendingEvent[];
}

const schema = new Schema<AlertRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    kind: { type: String, required: true },
    severity: { type: String, required: true },
    title: { type: String, required: true },
    detail: { type: String, required: true },
    organizationCode: { type: String, default: null },
    reference: { type: String, default: null },
    href: { type: String, default: null },
    raisedAt: { type: Date, required: true },
    acknowledgedAt: { type: Date, default: null },
    acknowledgedBy: { type: String, default: null },
    acknowledgedById: { type: String, default: null },
    note: { type: String, default: null },
  },
  { collection: 'alerts', versionKey: false, minimize: false },
);
schema.index({ raisedAt: -1 });
schema.plugin(pendingEventsPlugin);

export type AlertModel = Model<AlertRecord>;

export function alertModel(connection: Connection): AlertModel {
  return (connection.models.DashboardAlert ??
    connection.model<AlertRecord>('DashboardAlert', schema)) as AlertModel;
}
