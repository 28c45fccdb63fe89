import { jetstream, jetstreamManager, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { TimeoutError, headers, type NatsConnection, type Status } from '@nats-io/nats-core';
import { defaultLogger, type EventsLogger } from './logger.js';
import type { EventSource, Outbox, OutboxRow } from './outbox.js';
import { ensureStream } from './subjects.js';
import { TRACEPARENT_HEADER } from './tracing.js';

type WakeState = 'none' | 'rows' | 'urgent';

export interface RelayOptions {
  outbox: Outbox;
  nc: NatsConnection;
  /** Producing service: its stream `SIPADU_<SERVICE>` is ensured before the first publish. */
  service: string;
  /** Business collections whose documents may hold events stranded by a crash before `flush`. */
  sources?: EventSource[];
  /** How often unsent rows and stranded documents are looked for (default 1 s). */
  sweepIntervalMs?: number;
  batchSize?: number;
  /** PubAck wait per message (default 5 s). */
  publishTimeoutMs?: number;
  /** Retry delay after a failure doubles from `minBackoffMs` up to `maxBackoffMs` (200 ms … 5 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  logger?: EventsLogger;
}

/** Publishes one stored envelope with Nats-Msg-Id = event id, so JetStream drops a re-send. */
export function publishOutboxRow(
  js: JetStreamClient,
  row: OutboxRow,
  timeout: number,
): Promise<PubAck> {
  const traceparent = (JSON.parse(row.envelope) as { traceparent?: string }).traceparent;
  const hdrs = headers();
  hdrs.set('Content-Type', 'application/json');
  if (traceparent) hdrs.set(TRACEPARENT_HEADER, traceparent);
  return js.publish(row.natsSubject, row.envelope, { msgID: row._id, timeout, headers: hdrs });
}

/**
 * Sends the outbox to JetStream, one message at a time in `seq` order (a failure stops the batch,
 * so a later event never overtakes an earlier one), and marks each row sent after its ack. Outages
 * of NATS or the database only delay sending: the loop retries with backoff forever and is woken
 * when NATS reconnects or new rows are enqueued.
 *
 * Several relays on one outbox (replicas) are safe but wasteful: a row sent twice is dropped by
 * the stream's duplicate window and, beyond it, by the consumers' inboxes.
 */
export class OutboxRelay {
  private readonly outbox: Outbox;
  private readonly nc: NatsConnection;
  private readonly js: JetStreamClient;
  private readonly sources: EventSource[];
  private readonly logger: EventsLogger;
  private readonly options: Required<Omit<RelayOptions, 'outbox' | 'nc' | 'sources' | 'logger'>>;
  private streamReady = false;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** Wake-up received while the loop was busy: 'urgent' (reconnect, stop) or 'rows' (new rows). */
  private woken: WakeState = 'none';
  private wakeSleeper: ((urgent: boolean) => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private statusIterator: AsyncIterator<Status> | undefined;

  constructor(options: RelayOptions) {
    this.outbox = options.outbox;
    this.nc = options.nc;
    this.js = jetstream(options.nc);
    this.sources = [...(options.sources ?? [])];
    this.logger = options.logger ?? defaultLogger();
    this.options = {
      service: options.service,
      sweepIntervalMs: options.sweepIntervalMs ?? 1_000,
      batchSize: options.batchSize ?? 100,
      publishTimeoutMs: options.publishTimeoutMs ?? 5_000,
      minBackoffMs: options.minBackoffMs ?? 200,
      maxBackoffMs: options.maxBackoffMs ?? 5_000,
    };
  }

  /** Adds a business collection to the crash-recovery sweep. */
  watch(source: EventSource): void {
    this.sources.push(source);
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.unsubscribe = this.outbox.onEnqueued(() => this.wake());
    void this.watchConnection();
    this.running = this.loop();
  }

  /** Stops after the in-flight publish (and its `sentAt` write) completes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    void this.statusIterator?.return?.();
    this.wake(true);
    await this.running;
    this.running = undefined;
  }

  /** Sends now instead of at the next sweep; `urgent` also cuts a retry backoff short. */
  wake(urgent = false): void {
    if (urgent) this.woken = 'urgent';
    else if (this.woken === 'none') this.woken = 'rows';
    this.wakeSleeper?.(urgent);
  }

  private async watchConnection(): Promise<void> {
    this.statusIterator = this.nc.status()[Symbol.asyncIterator]();
    try {
      while (!this.stopped) {
        const next = await this.statusIterator.next();
        if (next.done) return;
        if (next.value.type === 'reconnect') {
          this.logger.info(
            { service: this.options.service },
            'NATS reconnected, draining the outbox',
          );
          this.wake(true);
        }
      }
    } catch (err) {
      this.logger.debug({ err }, 'status watcher ended');
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let lastSweep = 0;
    while (!this.stopped) {
      this.woken = 'none';
      let backoff = 0;
      try {
        // Stranded documents only exist after a crash or a failed flush: scanned once per interval, not per wake-up.
        if (Date.now() - lastSweep >= this.options.sweepIntervalMs) {
          for (const source of this.sources) await this.outbox.sweep(source);
          lastSweep = Date.now();
        }
        await this.drain();
        failures = 0;
      } catch (err) {
        failures += 1;
        backoff = Math.min(
          this.options.minBackoffMs * 2 ** (failures - 1),
          this.options.maxBackoffMs,
        );
        const log = failures === 1 || failures % 20 === 0 ? this.logger.warn : this.logger.debug;
        log.call(
          this.logger,
          { err, failures, retryInMs: backoff },
          'outbox relay could not send, retrying',
        );
      }
      // During a backoff only urgent wake-ups (reconnect, stop) count, so new rows do not hammer a dead server.
      const woken = this.pendingWake();
      const skipSleep = woken === 'urgent' || (woken === 'rows' && backoff === 0);
      if (!this.stopped && !skipSleep)
        await this.sleep(backoff || this.options.sweepIntervalMs, backoff > 0);
    }
  }

  private pendingWake(): WakeState {
    return this.woken;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const rows = await this.outbox.unsent(this.options.batchSize);
      if (rows.length === 0) return;
      // Acks are recorded once per batch (one database round trip); a crash before that only
      // re-sends rows the stream then reports as duplicates.
      const sent: string[] = [];
      try {
        for (const row of rows) {
          if (this.stopped) break;
          await this.send(row);
          sent.push(row._id);
        }
      } finally {
        await this.outbox.markSent(sent);
        if (sent.length > 0) this.logger.debug({ sent: sent.length }, 'outbox rows sent');
      }
    }
  }

  private async send(row: OutboxRow): Promise<PubAck> {
    if (this.nc.isClosed()) throw new Error('NATS connection is closed');
    if (!this.streamReady) {
      const jsm = await jetstreamManager(this.nc, {
        checkAPI: false,
        timeout: this.options.publishTimeoutMs,
      });
      await ensureStream(jsm, this.options.service);
      this.streamReady = true;
    }
    try {
      return await publishOutboxRow(this.js, row, this.options.publishTimeoutMs);
    } catch (err) {
      // Anything but a timeout (server unreachable) may mean the server lost the stream (new store).
      if (!(
        err instanceof TimeoutError ||
        (err instanceof Error && err.cause instanceof TimeoutError)
      )) {
        this.streamReady = false;
      }
      await this.outbox
        .markFailed(row._id, err instanceof Error ? err.message : String(err))
        .catch(() => undefined);
      throw err;
    }
  }

  private sleep(ms: number, backingOff: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = (urgent) => {
        if (urgent || !backingOff) done();
      };
    });
  }
}
