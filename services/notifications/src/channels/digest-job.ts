import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { digestModel, type DigestModel, type DigestRecord } from '../models/digest.model.js';
import type { NotificationRecord } from '../models/notification.model.js';
import type { PreferenceRecord } from '../models/preference.model.js';
import { effectivePreferences, type NotificationCategory } from '../rules/categories.js';
import { ClaimLedger } from './claim-ledger.js';
import type { RecipientContact } from './delivery-worker.js';
import type { EmailTransport } from './email-transport.js';
import { renderDigestEmail } from './email-templates.js';

export interface DigestJobDeps {
  connection: Connection;
  loadRecipient(userId: string): Promise<RecipientContact | null>;
  transport: EmailTransport;
  logger: Logger;
}

export interface DigestJobOptions {
  publicWebUrl: string;
  timeZone: string;
  /** DIGEST_HOUR: local hour (TZ_PEMDA) from which the day's digests go out; default 7. */
  digestHour?: number;
  /** How often the clock is checked; default 1 min. */
  pollIntervalMs?: number;
  /** A digest claimed but not finished (crash, failed send) is retried after this; default 10 min. */
  leaseMs?: number;
}

export interface DigestRunSummary {
  /** Pemda-local date, `yyyy-mm-dd`. */
  day: string;
  sent: number;
  empty: number;
  skipped: number;
  failed: number;
}

type DigestOutcome = 'sent' | 'empty' | 'skipped' | 'failed' | 'taken';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The daily digest: once the Pemda clock reaches DIGEST_HOUR, every user who chose it gets one
 * e-mail listing their unread notifications, of the categories they receive by e-mail, created in
 * the 24 hours up to DIGEST_HOUR today. The window is fixed to the hour, not to when the job
 * happens to run, so consecutive digests neither overlap nor leave a gap.
 *
 * Inserting `digests` `${userId}:${day}` claims the digest: one process, once, across replicas and
 * restarts. A claim left 'pending' (crash, SMTP failure) is taken again once its lease has passed,
 * so a failing SMTP server is retried every lease until the day ends.
 */
export class DigestJob {
  private readonly digests: DigestModel;
  private readonly ledger: ClaimLedger;
  private readonly digestHour: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: DigestJobDeps,
    private readonly options: DigestJobOptions,
  ) {
    this.digests = digestModel(deps.connection);
    this.ledger = new ClaimLedger(deps.connection);
    this.digestHour = options.digestHour ?? 7;
    this.pollIntervalMs = options.pollIntervalMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
  }

  start(): void {
    if (this.timer || this.running) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops checking; resolves once the digest being sent (if any) is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One check at `now`: null before DIGEST_HOUR, else what this run did for the day. */
  async runOnce(now: Date): Promise<DigestRunSummary | null> {
    const clock = pemdaClock(now, this.options.timeZone);
    if (clock.hour < this.digestHour) return null;
    const windowEnd = new Date(clock.startOfDay.getTime() + this.digestHour * 60 * 60_000);
    const window = { start: new Date(windowEnd.getTime() - DAY_MS), end: windowEnd };
    const summary: DigestRunSummary = { day: clock.day, sent: 0, empty: 0, skipped: 0, failed: 0 };
    // Checked every poll all day long: users whose digest is done are skipped up front.
    const [chosen, done] = await Promise.all([
      this.deps.connection
        .collection<PreferenceRecord>('preferences')
        .find({ dailyDigest: true })
        .toArray(),
      this.digests.distinct('userId', { day: clock.day, status: { $ne: 'pending' } }).exec(),
    ]);
    const finished = new Set<string>(done);
    for (const preference of chosen) {
      // Shutting down: the users not reached yet are served by the next run (or another replica).
      if (this.stopped) break;
      if (finished.has(preference._id)) continue;
      const outcome = await this.digestFor(preference, clock.day, window, now);
      if (outcome !== 'taken') summary[outcome] += 1;
    }
    return summary;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.pollIntervalMs);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      const summary = await this.runOnce(new Date());
      if (summary && summary.sent + summary.failed > 0) {
        this.deps.logger.info(summary, 'daily digests processed');
      }
    } catch (err) {
      this.deps.logger.warn({ err }, 'daily digest run failed, retrying at the next check');
    }
  }

  private async digestFor(
    preference: PreferenceRecord,
    day: string,
    window: { start: Date; end: Date },
    now: Date,
  ): Promise<DigestOutcome> {
    const userId = preference._id;
    const id = `${userId}:${day}`;
    if (!(await this.claim(id, userId, day, now))) return 'taken';

    const categories: NotificationCategory[] = effectivePreferences(preference)
      .categories.filter((entry) => entry.email)
      .map((entry) => entry.category);
    const recipient = await this.deps.loadRecipient(userId);
    if (!recipient?.email) {
      await this.finish(id, {
        status: 'skipped',
        lastError: 'Pengguna tidak memiliki alamat email.',
      });
      return 'skipped';
    }
    const notifications = categories.length
      ? await this.deps.connection
          .collection<NotificationRecord>('notifications')
          .find({
            userId,
            readAt: null,
            category: { $in: categories },
            createdAt: { $gte: window.start, $lt: window.end },
          })
          .sort({ createdAt: 1 })
          .toArray()
      : [];
    if (!notifications.length) {
      await this.finish(id, { status: 'empty' });
      return 'empty';
    }

    const email = renderDigestEmail(
      { recipientName: recipient.name, day, notifications },
      { publicWebUrl: this.options.publicWebUrl, timeZone: this.options.timeZone },
    );
    try {
      await this.deps.transport.send({ to: recipient.email, ...email });
    } catch (error) {
      // The claim stays 'pending' and is retried once its lease has passed.
      const message = error instanceof Error ? error.message : String(error);
      await this.digests.updateOne(
        { _id: id, status: 'pending' },
        { $set: { lastError: message } },
      );
      this.deps.logger.warn({ err: error, digestId: id }, 'daily digest not sent, will retry');
      return 'failed';
    }
    await this.finish(id, {
      status: 'sent',
      notificationIds: notifications.map((n) => n._id),
      sentAt: now,
      lastError: null,
    });
    return 'sent';
  }

  /**
   * The insert wins a new day. A 'pending' row whose lease has passed (crash, failed send) is
   * taken again through the ClaimLedger, since a conditional update is no claim on FerretDB.
   */
  private async claim(id: string, userId: string, day: string, now: Date): Promise<boolean> {
    try {
      await this.digests.create({
        _id: id,
        userId,
        day,
        status: 'pending',
        notificationIds: [],
        attempts: 1,
        claimedUntil: new Date(now.getTime() + this.leaseMs),
        lastError: null,
        sentAt: null,
        createdAt: now,
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const row = await this.digests.findById(id).lean<DigestRecord>().exec();
    if (row?.status !== 'pending' || (row.claimedUntil && row.claimedUntil >= now)) return false;
    const claim = await this.ledger.claimAttempt(`digest:${id}`, row.attempts, this.leaseMs, now, {
      claimed: async (attempt, claimedUntil) => {
        await this.digests.updateOne({ _id: id }, { $set: { attempts: attempt, claimedUntil } });
      },
      abandoned: async (attempt) => {
        await this.digests.updateOne(
          { _id: id, attempts: row.attempts },
          { $set: { attempts: attempt, claimedUntil: null } },
        );
      },
    });
    return claim !== null;
  }

  private async finish(id: string, outcome: Partial<DigestRecord>): Promise<void> {
    await this.digests.updateOne(
      { _id: id, status: 'pending' },
      { $set: { ...outcome, claimedUntil: null } },
    );
  }
}

/**
 * The Pemda's calendar day and hour at `now`, and the instant that day began. The offset is the
 * zone's at `now`; Indonesian zones have no daylight saving, so it holds for the whole day.
 */
function pemdaClock(now: Date, timeZone: string): { day: string; hour: number; startOfDay: Date } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((entry) => entry.type === type)?.value ?? '0';
  const [year, month, date, hour, minute, second] = (
    ['year', 'month', 'day', 'hour', 'minute', 'second'] as const
  ).map((type) => Number(part(type))) as [number, number, number, number, number, number];
  const wallClock = Date.UTC(year, month - 1, date, hour, minute, second);
  const offsetMs = wallClock - Math.floor(now.getTime() / 1000) * 1000;
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    hour,
    startOfDay: new Date(Date.UTC(year, month - 1, date) - offsetMs),
  };
}
