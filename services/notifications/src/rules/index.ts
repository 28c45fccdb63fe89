import { subjectForType } from '@sipadu/events';
import { consultationsRules, consultationsTrackers } from './consultations.rules.js';
import { documentsReminderPlans, documentsRules, documentsTrackers } from './documents.rules.js';
import { identityRules } from './identity.rules.js';
import { insightsRules } from './insights.rules.js';
import { notificationsRules } from './notifications.rules.js';
import { projectsRules, projectsTrackers } from './projects.rules.js';
import { surveysRules } from './surveys.rules.js';
import type { NotificationRule, ReminderPlan, SubjectTracker } from './rule.js';

/**
 * The rule tables of every module. A module adds `<module>.rules.ts` and spreads it here; the
 * consumers subscribe to the streams of `RULE_STREAMS`.
 */
export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  ...identityRules,
  ...documentsRules,
  ...notificationsRules,
  ...projectsRules,
  ...surveysRules,
  ...consultationsRules,
  ...insightsRules,
];
export const SUBJECT_TRACKERS: readonly SubjectTracker[] = [
  ...documentsTrackers,
  ...projectsTrackers,
  ...consultationsTrackers,
];
export const REMINDER_PLANS: readonly ReminderPlan[] = [...documentsReminderPlans];

/** Producing services whose events this service consumes (one durable consumer each). */
export const RULE_STREAMS = [
  'identity',
  'documents',
  'notifications',
  'projects',
  'surveys',
  'consultations',
  'insights',
] as const;

export type RuleStream = (typeof RULE_STREAMS)[number];

/**
 * The subjects a stream's consumer takes when it needs only some of the stream: the surveys
 * stream carries one `surveys.response.submitted` per citizen's answers (no rule: nobody is told
 * of a single answer), so only the event types the surveys rules handle are delivered. Every other
 * stream is consumed whole (`sipadu.<service>.>`).
 */
export const RULE_STREAM_SUBJECTS: Readonly<Partial<Record<RuleStream, readonly string[]>>> = {
  surveys: [...new Set(surveysRules.map((rule) => subjectForType(rule.on)))],
};
