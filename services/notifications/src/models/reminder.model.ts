import { Schema, type Connection, type Model } from 'mongoose';
import type { NotificationCategory } from '../rules/categories.js';
import type { RecipientSpec } from '../rules/rule.js';
import type { SubjectRef } from './subject.model.js';

export type ReminderStatus = 'pending' | 'firing' | 'sent' | 'cancelled';

/**
 * One scheduled reminder. It lives in the database, so it survives restarts; a claim with a lease
 * lets exactly one process fire it, and the notifications it creates are keyed by the reminder,
 * so a fire repeated after a crash adds nothing.
 */
export interface ReminderRecord {
  /** Stable key chosen by the rule, e.g. `DocumentRequirement:<id>|due-soon`. */
  _id: string;
  dueAt: Date;
  status: ReminderStatus;
  category: NotificationCategory;
  title: string;
  body: string;
  link: string | null;
  subject: SubjectRef | null;
  /** JSON of RecipientSpec[] (specs may hold shapes FerretDB stores awkwardly). */
  recipients: string;
  claimedUntil: Date | null;
  attempts: number;
  firedAt: Date | null;
  createdAt: Date;
}

const reminderSchema = new Schema<ReminderRecord>(
  {
    _id: { type: String, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, required: true },
    category: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    link: { type: String, default: null },
    subject: { type: new Schema({ type: String, id: String }, { _id: false }), default: null },
    recipients: { type: String, required: true },
    claimedUntil: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    firedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'reminders', versionKey: false },
);
reminderSchema.index({ status: 1, dueAt: 1 });

export type ReminderModel = Model<ReminderRecord>;

export function parseRecipientSpecs(json: string): RecipientSpec[] {
  return JSON.parse(json) as RecipientSpec[];
}

export function reminderModel(connection: Connection): ReminderModel {
  return connection.model<ReminderRecord>('Reminder', reminderSchema);
}
