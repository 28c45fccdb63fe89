import { pendingEventsPlugin, type PendingEvent, type RevisionedRecord } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { MonthlyRecap } from '../generated/graphql.js';
import type { CaseFlow } from './case.model.js';

/** Received and completed cases of one stretch of the month (the recap's chart). */
export interface RecapWeek {
  label: string;
  received: number;
  completed: number;
}

/** A computed recap (GraphQL MonthlyRecap) with the weekly volumes its chart draws. */
export interface RecapData extends Omit<MonthlyRecap, '__typename'> {
  flow: CaseFlow;
  weeks: RecapWeek[];
}

/**
 * The published recap of one flow and month (`_id` = `${flow}:${month}`): the figures as they were
 * when published, so the filed PDF and Excel keep matching what the recap shows. Publishing again
 * replaces the snapshot (revision + 1) and files new documents.
 */
export interface PublishedRecapRecord extends RevisionedRecord {
  _id: string;
  flow: CaseFlow;
  month: string;
  recap: RecapData;
  trigger: 'SCHEDULE' | 'MANUAL';
  publishedAt: Date;
  /** Null when the scheduler published it. */
  publishedBy: { id: string; name: string } | null;
  /** Documents service ids the files are filed under (announced in the event). */
  pdfFileId: string;
  xlsxFileId: string;
  _pendingEvents?: PendingEvent[];
}

const schema = new Schema<PublishedRecapRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    flow: { type: String, required: true },
    month: { type: String, required: true },
    recap: { type: Schema.Types.Mixed, required: true },
    trigger: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: {
      type: new Schema({ id: String, name: String }, { _id: false }),
      default: null,
    },
    pdfFileId: { type: String, required: true },
    xlsxFileId: { type: String, required: true },
  },
  { collection: 'published_recaps', versionKey: false, minimize: false },
);
schema.index({ month: -1, flow: 1 });
schema.plugin(pendingEventsPlugin);

export type PublishedRecapModel = Model<PublishedRecapRecord>;

export function publishedRecapModel(connection: Connection): PublishedRecapModel {
  return (connection.models.PublishedRecap ??
    connection.model<PublishedRecapRecord>('PublishedRecap', schema)) as PublishedRecapModel;
}
