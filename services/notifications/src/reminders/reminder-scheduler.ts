import type { Logger } from '@sipadu/service-kit';
import { createWorkingCalendar } from '@sipadu/workflow';
import {
  parseRecipientSpecs,
  type ReminderModel,
  type ReminderRecord,
} from '../models/reminder.model.js';
import type { ReminderSettings, ReminderSpec } from '../rules/rule.js';
import type { NotificationDispatcher } from '../services/notification-dispatcher.js';

export interface ReminderSchedulerOptions {
  timeZone: string;
  reminderHour: number;
  dueSoonDays: number;
  pollIntervalMs: number;
  /** A claimed reminder whose process died is taken over after this long. */
  leaseMs?: number;
}

const HOUR_MS = 3_600_000;

/**
 * The persistent schedule of reminders. Rules schedule and cancel them by key; a poller fires the
 * due ones. Each fire claims the row (pending → firing with a lease), dispatches notifications
 * keyed by the reminder (so a repeat creates nothing) and marks it sent: a reminder reaches each
 * person once, across restarts and replicas.
 */
export class ReminderScheduler {
  readonly settings: ReminderSettings;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly reminders: ReminderModel,
    private readonly dispatcher: NotificationDispatcher,
    private readonly options: ReminderSchedulerOptions,
    private readonly logger: Logger,
  ) {
    const calendar = createWorkingCalendar({ timeZone: options.timeZone });
    this.settings = {
      atReminderHour: (date) =>
        new Date(calendar.startOf(date).getTime() + options.reminderHour * HOUR_MS),
      dueSoonDays: options.dueSoonDays,
    };
  }

  async init(): Promise<void> {
    await this.reminders.init();
  }

  /** Arms reminders; one already sent stays sent, a cancelled one is armed again. */
  async schedule(specs: readonly ReminderSpec[]): Promise<void> {
    const now = new Date();
    for (const spec of specs) {
      const fields = {
        dueAt: spec.dueAt,
        category: spec.content.category,
        title: spec.content.title,
        body: spec.content.body,
        link: spec.content.link,
        subject: spec.content.subject,
        recipients: JSON.stringify(spec.recipients),
      };
      const updated = await this.reminders.updateOne(
        { _id: spec.key, status: { $in: ['pending', 'cancelled'] } },
        { $set: { ...fields, status: 'pending' } },
      );
      if (updated.matchedCount) continue;
      try {
        await this.reminders.create({
          _id: spec.key,
          ...fields,
          status: 'pending',
          claimedUntil: null,
          attempts: 0,
          firedAt: null,
          createdAt: now,
        });
      } catch (error) {
        // Exists already (firing or sent): nothing to arm.
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
  }

  async cancel(keys: readonly string[]): Promise<void> {
    if (!keys.length) return;
    await this.reminders.updateMany(
      { _id: { $in: [...keys] }, status: 'pending' },
      { $set: { status: 'cancelled' } },
    );
  }

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, 'pengingat gagal diproses'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollIntervalMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Fires every reminder due at `now`; returns how many were fired. */
  async runOnce(now = new Date()): Promise<number> {
    const leaseMs = this.options.leaseMs ?? 5 * 60_000;
    let fired = 0;
    for (;;) {
      const claimed = await this.reminders
        .findOneAndUpdate(
          {
            dueAt: { $lte: now },
            $or: [{ status: 'pending' }, { status: 'firing', claimedUntil: { $lt: now } }],
          },
          {
            $set: { status: 'firing', claimedUntil: new Date(Date.now() + leaseMs) },
            $inc: { attempts: 1 },
          },
          { sort: { dueAt: 1 }, returnDocument: 'after' },
        )
        .lean<ReminderRecord>()
        .exec();
      if (!claimed) return fired;
      await this.fire(claimed);
      fired += 1;
    }
  }

  private async fire(reminder: ReminderRecord): Promise<void> {
    try {
      await this.dispatcher.dispatch(
        `reminder|${reminder._id}`,
        {
          category: reminder.category,
          title: reminder.title,
          body: reminder.body,
          link: reminder.link,
          subject: reminder.subject,
          threadId: null,
        },
        parseRecipientSpecs(reminder.recipients),
      );
      await this.reminders.updateOne(
        { _id: reminder._id, status: 'firing' },
        { $set: { status: 'sent', firedAt: new Date(), claimedUntil: null } },
      );
    } catch (error) {
      // Back to pending: the next poll tries again; notifications already made are not repeated.
      await this.reminders.updateOne(
        { _id: reminder._id, status: 'firing' },
        { $set: { status: 'pending', claimedUntil: null } },
      );
      throw error;
    }
  }
}
