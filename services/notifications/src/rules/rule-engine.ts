import type { AnyEventEnvelope } from '@sipadu/events';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.js';
import type { DirectoryService } from '../services/directory.service.js';
import type { NotificationDispatcher } from '../services/notification-dispatcher.js';
import type { SubjectService } from '../services/subject.service.js';
import type { NotificationRule, ReminderPlan, SubjectTracker } from './rule.js';

export interface RuleTables {
  rules: readonly NotificationRule[];
  trackers: readonly SubjectTracker[];
  plans: readonly ReminderPlan[];
}

/**
 * Interprets the rule tables for one event, in an order that lets later steps see earlier ones:
 * directory (a new user can be notified), subject parties (a thread's participants), reminders,
 * then notifications. Every step is idempotent, so a redelivered event changes nothing.
 */
export class RuleEngine {
  constructor(
    private readonly tables: RuleTables,
    private readonly deps: {
      directory: DirectoryService;
      subjects: SubjectService;
      reminders: ReminderScheduler;
      dispatcher: NotificationDispatcher;
    },
  ) {}

  async handle(event: AnyEventEnvelope): Promise<number> {
    await this.deps.directory.apply(event);
    for (const tracker of this.tables.trackers) {
      if (tracker.on === event.type) await this.deps.subjects.track(tracker.facts(event));
    }
    for (const plan of this.tables.plans) {
      if (plan.on !== event.type) continue;
      const { schedule, cancel } = plan.plan(event, this.deps.reminders.settings);
      await this.deps.reminders.cancel(cancel);
      await this.deps.reminders.schedule(schedule);
    }
    let delivered = 0;
    for (const rule of this.tables.rules) {
      if (rule.on !== event.type || (rule.when && !rule.when(event))) continue;
      const actorId = event.actor.type === 'user' ? event.actor.id : null;
      delivered += await this.deps.dispatcher.dispatch(
        `${event.id}|${rule.id}`,
        rule.content(event),
        rule.recipients(event),
        rule.notifyActor || !actorId ? [] : [actorId],
      );
    }
    return delivered;
  }
}
