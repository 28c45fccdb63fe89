import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import {
  deliveryModel,
  type DeliveryChannel,
  type DeliveryModel,
  type DeliveryRecord,
} from '../models/delivery.model.js';
import type { NotificationCategory } from '../rules/categories.js';
import { ClaimLedger } from './claim-ledger.js';
import type { EmailTransport, SentMessage } from './email-transport.js';
import { portalUrl, renderNotificationEmail } from './email-templates.js';
import { smsText, type SmsGateway } from './sms-gateway.js';

export interface DeliveryNotification {
  userId: string;
  title: string;
  body: string;
  link: string | null;
  category: NotificationCategory;
  createdAt: Date;
}

/** What the e-mails need of a person: the name for the greeting, the address for digests. */
export interface RecipientContact {
  name: string | null;
  email: string | null;
}

export interface DeliveryInput {
  notificationId: string;
  userId: string;
  channel: DeliveryChannel;
  /** E-mail address or +62… number, as chosen when the notification was made. */
  to: string;
}

export interface DeliveryWorkerDeps {
  connection: Connection;
  loadNotification(id: string): Promise<DeliveryNotification | null>;
  /** For the greeting; the address comes from the delivery row. */
  loadRecipient(userId: string): Promise<RecipientContact | null>;
  transport: EmailTransport;
  smsGateway: SmsGateway;
  logger: Logger;
}

export interface DeliveryWorkerOptions {
  publicWebUrl: string;
  timeZone: string;
  /** How often due rows (new or retrying) are looked for without a wake(); default 5 s. */
  pollIntervalMs?: number;
  /** Attempts before a row is 'failed'; default 8 (about an hour of retries at the default base). */
  maxAttempts?: number;
  /** How long a claim holds; past it another worker may take the row. Default 2 min. */
  leaseMs?: number;
  /** First retry delay, doubling per attempt up to 1 h; default 30 s. */
  retryBaseMs?: number;
}

const CONCURRENCY = 4;
const BATCH_SIZE = 50;
const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** Bursts of wake() (one per dispatched notification) start one pass. */
const WAKE_DEBOUNCE_MS = 20;
const INBOX_PATH = '/notifikasi';

/** A send that can never succeed (the notification is gone): failed at once, not retried. */
class PermanentDeliveryError extends Error {}

/**
 * Sends queued e-mail and SMS deliveries from the `deliveries` collection, up to four at a time.
 * Each attempt on a row is claimed once, across replicas, through the ClaimLedger, and held for
 * a lease (a crashed worker's rows are taken over when it ends); the row is then sent and marked
 * 'sent', rescheduled with exponential backoff, or 'failed' after maxAttempts.
 *
 * At-least-once: a crash (or a lease running out) between the send and marking the row 'sent'
 * sends that one message again.
 */
export class DeliveryWorker {
  private readonly deliveries: DeliveryModel;
  private readonly ledger: ClaimLedger;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly retryBaseMs: number;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** A wake-up arrived during a pass: run another pass instead of sleeping. */
  private woken = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeSleeper: (() => void) | undefined;

  constructor(
    private readonly deps: DeliveryWorkerDeps,
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.deliveries = deliveryModel(deps.connection);
    this.ledger = new ClaimLedger(deps.connection);
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.leaseMs = options.leaseMs ?? 2 * 60_000;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
  }

  /** Builds the queue's indexes. */
  async init(): Promise<void> {
    await this.deliveries.init();
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Stops claiming and resolves once the sends in flight are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeSleeper?.();
    await this.running;
    this.running = undefined;
  }

  /** Looks for due rows soon instead of at the next poll. */
  wake(): void {
    if (this.stopped || this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.woken = true;
      this.wakeSleeper?.();
    }, WAKE_DEBOUNCE_MS);
  }

  /**
   * Queues sends; a row that already exists (any status) is left as it is. An insert that skips
   * duplicates rather than an upsert with $setOnInsert: FerretDB v1 drops null fields from
   * $setOnInsert, and the unique _id makes a repeat harmless all the same.
   */
  async enqueue(rows: readonly DeliveryInput[]): Promise<void> {
    if (!rows.length) return;
    const now = new Date();
    const records: DeliveryRecord[] = rows.map((row) => ({
      _id: `${row.notificationId}:${row.channel}`,
      notificationId: row.notificationId,
      userId: row.userId,
      channel: row.channel,
      to: row.to,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      lastError: null,
      provider: null,
      reference: null,
      sentAt: null,
      createdAt: now,
    }));
    try {
      await this.deliveries.insertMany(records, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.woken = false;
      try {
        await this.drain();
        failures = 0;
      } catch (err) {
        // Database trouble: retried at the next poll; logged once, then every 20th time.
        failures += 1;
        if (failures === 1 || failures % 20 === 0) {
          this.deps.logger.warn({ err, failures }, 'delivery worker pass failed, retrying');
        }
      }
      if (!this.stopped && !this.woken) await this.sleep(this.pollIntervalMs);
    }
  }

  /**
   * Sends due rows in batches, four lanes sharing each batch, until a batch yields nothing this
   * process could claim (empty, or every row taken by other replicas).
   */
  private async drain(): Promise<void> {
    while (!this.stopped) {
      const due = await this.dueRows();
      let next = 0;
      let claimedAny = false;
      const lane = async (): Promise<void> => {
        while (!this.stopped && next < due.length) {
          const claimed = await this.claim(due[next++]!);
          if (!claimed) continue;
          claimedAny = true;
          await this.deliver(claimed);
        }
      };
      // allSettled: a lane that fails must not leave the others running into the next pass.
      const lanes = await Promise.allSettled(Array.from({ length: CONCURRENCY }, lane));
      const failed = lanes.find(
        (result): result is PromiseRejectedResult => result.status === 'rejected',
      );
      if (failed) throw failed.reason;
      if (!claimedAny) return;
    }
  }

  private dueRows(): Promise<DeliveryRecord[]> {
    const now = new Date();
    return this.deliveries
      .find({
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          // A claim whose lease ran out: its worker died or hangs.
          { status: 'sending', claimedUntil: { $lt: now } },
        ],
      })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH_SIZE)
      .lean<DeliveryRecord[]>()
      .exec();
  }

  /** The next attempt of `row`, if this process wins it (see ClaimLedger). */
  private async claim(row: DeliveryRecord): Promise<DeliveryRecord | null> {
    const claim = await this.ledger.claimAttempt(
      `delivery:${row._id}`,
      row.attempts,
      this.leaseMs,
      new Date(),
      {
        claimed: async (attempt, claimedUntil) => {
          await this.deliveries.updateOne(
            { _id: row._id },
            { $set: { status: 'sending', attempts: attempt, claimedUntil } },
          );
        },
        abandoned: async (attempt) => {
          await this.deliveries.updateOne(
            { _id: row._id, attempts: row.attempts },
            {
              $set: {
                status: 'pending',
                attempts: attempt,
                nextAttemptAt: new Date(),
                claimedUntil: null,
              },
            },
          );
        },
      },
    );
    return claim
      ? { ...row, status: 'sending', attempts: claim.attempt, claimedUntil: claim.claimedUntil }
      : null;
  }

  private async deliver(row: DeliveryRecord): Promise<void> {
    const log = this.deps.logger.child({ deliveryId: row._id, attempt: row.attempts });
    // Only a claim that lapsed mid-send (or was written off) gets past the limit: stop rather
    // than loop on a message that takes the process down.
    if (row.attempts > this.maxAttempts) {
      await this.finish(row, {
        status: 'failed',
        lastError: 'Pengiriman terputus berulang kali sebelum selesai.',
      });
      log.error('delivery abandoned after repeated interrupted attempts');
      return;
    }
    let sent: SentMessage;
    try {
      sent = await this.send(row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof PermanentDeliveryError || row.attempts >= this.maxAttempts;
      if (final) {
        await this.finish(row, { status: 'failed', lastError: message });
        log.error({ err: error }, 'delivery failed for good');
      } else {
        const delay = Math.min(this.retryBaseMs * 2 ** (row.attempts - 1), MAX_RETRY_DELAY_MS);
        await this.finish(row, {
          status: 'pending',
          lastError: message,
          nextAttemptAt: new Date(Date.now() + delay),
        });
        log.warn({ err: error, retryInMs: delay }, 'delivery failed, will retry');
      }
      return;
    }
    await this.finish(row, {
      status: 'sent',
      sentAt: new Date(),
      provider: sent.provider,
      reference: sent.reference,
      lastError: null,
    });
    log.debug({ channel: row.channel, provider: sent.provider }, 'delivery sent');
  }

  private async send(row: DeliveryRecord): Promise<SentMessage> {
    const notification = await this.deps.loadNotification(row.notificationId);
    if (!notification) {
      throw new PermanentDeliveryError(`Notifikasi ${row.notificationId} tidak ditemukan.`);
    }
    const url = portalUrl(this.options.publicWebUrl, notification.link);
    if (row.channel === 'sms') {
      const inboxUrl = portalUrl(this.options.publicWebUrl, INBOX_PATH);
      return this.deps.smsGateway.send(row.to, smsText(notification.title, url, inboxUrl));
    }
    const recipient = await this.deps.loadRecipient(row.userId);
    const email = renderNotificationEmail(
      { ...notification, recipientName: recipient?.name ?? null },
      { publicWebUrl: this.options.publicWebUrl, timeZone: this.options.timeZone },
    );
    return this.deps.transport.send({ to: row.to, ...email });
  }

  /**
   * Records the outcome only while the claim is still ours (same attempt): a worker whose lease
   * ran out and whose row was taken over leaves the newer claim alone.
   */
  private async finish(row: DeliveryRecord, outcome: Partial<DeliveryRecord>): Promise<void> {
    const result = await this.deliveries
      .updateOne(
        { _id: row._id, status: 'sending', attempts: row.attempts },
        { $set: { ...outcome, claimedUntil: null } },
      )
      .exec();
    if (result.matchedCount === 0) {
      this.deps.logger.warn(
        { deliveryId: row._id, attempt: row.attempts, status: outcome.status },
        'delivery claim was taken over before its outcome was recorded',
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}

function onlyDuplicateKeys(error: unknown): boolean {
  const { code, writeErrors } = (error ?? {}) as { code?: number; writeErrors?: unknown };
  if (Array.isArray(writeErrors) && writeErrors.length > 0) {
    return writeErrors.every((e: { code?: number }) => e.code === 11000);
  }
  return code === 11000;
}
