import type { EventEnvelope, EventType } from '@sipadu/events';
import type { SubjectRef } from '../models/subject.model.js';
import type { NotificationCategory } from './categories.js';

/** Who receives a notification. */
export type RecipientSpec =
  /** Active users of an organization, optionally only those holding one of `roles`. */
  | { kind: 'organization'; code: string; roles?: string[] }
  | { kind: 'role'; role: string }
  | { kind: 'user'; id: string }
  /** The parties of a subject (its organizations and named users). */
  | { kind: 'participants'; subject: SubjectRef };

export interface NotificationContent {
  category: NotificationCategory;
  title: string;
  body: string;
  link: string | null;
  subject: SubjectRef | null;
  threadId: string | null;
}

/** One line of the rule table: which event, who, and what they read. */
export interface NotificationRule<T extends EventType = EventType> {
  /** Stable: part of the idempotency key of the notifications it creates. */
  id: string;
  on: T;
  recipients(event: EventEnvelope<T>): RecipientSpec[];
  content(event: EventEnvelope<T>): NotificationContent;
  /** The person who caused the event is not told about it, unless this is false. */
  notifyActor?: boolean;
  /** Skip the event altogether (e.g. a change nobody needs to hear about). */
  when?(event: EventEnvelope<T>): boolean;
}

/** What this service learns about a subject of another service, for its thread. */
export interface SubjectFacts {
  subject: SubjectRef;
  title: string;
  link: string | null;
  organizationCodes: string[];
  userIds: string[];
}

export interface SubjectTracker<T extends EventType = EventType> {
  on: T;
  facts(event: EventEnvelope<T>): SubjectFacts;
}

export interface ReminderSpec {
  key: string;
  dueAt: Date;
  content: NotificationContent;
  recipients: RecipientSpec[];
}

export interface ReminderSettings {
  /** The instant a local date's reminder hour falls on. */
  atReminderHour(date: string): Date;
  dueSoonDays: number;
}

export interface ReminderPlan<T extends EventType = EventType> {
  on: T;
  plan(
    event: EventEnvelope<T>,
    settings: ReminderSettings,
  ): { schedule: ReminderSpec[]; cancel: string[] };
}

// The tables hold rules of many event types; each entry is checked against its own type here.
export const defineRule = <T extends EventType>(rule: NotificationRule<T>) =>
  rule as unknown as NotificationRule;
export const defineTracker = <T extends EventType>(tracker: SubjectTracker<T>) =>
  tracker as unknown as SubjectTracker;
export const defineReminderPlan = <T extends EventType>(plan: ReminderPlan<T>) =>
  plan as unknown as ReminderPlan;
