import { Schema, type Connection, type Model } from 'mongoose';

/** Source module of an activity item, as the dashboard labels it. */
export type ActivityModule = 'SIPOPI' | 'DOKUMEN' | 'SIPUTRI' | 'PENGADUAN' | 'SI-KIMR';

/**
 * One line of the dashboard's recent activity, written from a module's event. `_id` is the event
 * id (or a key folding repeated events, e.g. a service's survey answers of one day), so a
 * redelivered event writes nothing new. Only the latest few hundred are kept: FerretDB v1 has
 * neither TTL nor capped collections, so the service deletes the older ones itself.
 */
export interface ActivityRecord {
  _id: string;
  module: ActivityModule;
  title: string;
  organizationCode: string | null;
  href: string | null;
  occurredAt: Date;
}

const schema = new Schema<ActivityRecord>(
  {
    _id: { type: String, required: true },
    module: { type: String, required: true },
    title: { type: String, required: true },
    organizationCode: { type: String, default: null },
    href: { type: String, default: null },
    occurredAt: { type: Date, required: true },
  },
  { collection: 'activity', versionKey: false, minimize: false },
);
schema.index({ occurredAt: -1 });

export type ActivityModel = Model<ActivityRecord>;

export function activityModel(connection: Connection): ActivityModel {
  return (connection.models.DashboardActivity ??
    connection.model<ActivityRecord>('DashboardActivity', schema)) as ActivityModel;
}
