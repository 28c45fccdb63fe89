import { documentsReminderPlans, documentsRules, documentsTrackers } from './documents.rules.js';
import { identityRules } from './identity.rules.js';
import { notificationsRules } from './notifications.rules.js';
import { projectsRules, projectsTrackers } from './projects.rules.js';
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
];
export const SUBJECT_TRACKERS: readonly SubjectTracker[] = [
  ...documentsTrackers,
  ...projectsTrackers,
];
export const REMINDER_PLANS: readonly ReminderPlan[] = [...documentsReminderPlans];

/** Producing services whose events this service consumes (one durable consumer each). */
export const RULE_STREAMS = ['identity', 'documents', 'notifications', 'projects'] as const;
