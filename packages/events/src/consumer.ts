import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Connection, mongo } from 'mongoose';
import { parseEnvelope, type AnyEventEnvelope } from './envelope.js';
import { defaultLogger, type EventsLogger } from './logger.js';
import { ensureStream, subjectForType } from './subjects.js';
import { TRACEPARENT_HEADER, contextFromTraceparent } from './tracing.js';

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

export interface ProcessedEvent {
  /** `<consumer>|<eventId>`: looked up by `_id`, the only lookup FerretDB v1 serves without a scan. */
  _id: string;
  consumer: string;
  eventId: string;
  type: string;
  processedAt: Date;
}

export interface EventContext {
  /** W3C traceparent of the producer (header, else envelope); the handler already runs inside it. */
  traceparent: string | undefined;
  subject: string;
  /** 1 on the first delivery. */
  deliveryCount: number;
  /** The message's sequence in its stream: increasing, so a single writer can skip what it applied. */
  streamSequence: number;
}

export type EventHandler = (envelope: AnyEventEnvelope, ctx: EventContext) => Promise<void>;

export interface ConsumerOptions {
  nc: NatsConnection;
  /** Stream name, e.g. `streamName('identity')`; a `SIPADU_<SERVICE>` stream is created if missing. */
  stream: string;
  /** Durable consumer name; also the inbox key, so keep it stable across deployments. */
  durable: string;
  /** e.g. `['sipadu.identity.user.>']`. */
  filterSubjects: string[];
  handler: EventHandler;
  /** Database holding the `processed_events` inbox (the consuming service's own database). */
  connection: Connection;
  /**
   * Where a consumer created now starts: every event the stream holds (default), or only those
   * published from now on. An existing durable consumer keeps its position either way.
   */
  deliverFrom?: 'all' | 'new';
  /**
   * Events handled at once (default 1). Events about the same subject (`subject.type:id`) are
   * still handled one after another, in stream order.
   */
  concurrency?: number;
  /** Unacknowledged messages the server lets this consumer have (default 100). */
  maxAckPending?: number;
  /**
   * Skip the `processed_events` inbox: for handlers idempotent on their own (unique inserts,
   * sequence-guarded updates) on high-volume streams. FerretDB v1 finds an absent `_id` only by
   * scanning, so an inbox of a hundred thousand events costs about a second per event.
   */
  withoutInbox?: boolean;
  /** Redelivery after this long without an ack (default 30 s); long handlers extend it automatically. */
  ackWaitMs?: number;
  /** Delay of the first redelivery after a handler error, doubled each time up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  logger?: EventsLogger;
}

export interface RunningConsumer {
  /** Resolves once the durable consumer exists and messages are being pulled. */
  ready: Promise<void>;
  /** Stops pulling and waits for the event being handled; unhandled buffered messages are redelivered. */
  stop(): Promise<void>;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

const tracer = trace.getTracer('@sipadu/events');

/** The ordering key of a message: its envelope's subject, or the NATS subject if unreadable. */
function laneOf(msg: JsMsg): string {
  try {
    const { subject } = JSON.parse(msg.string()) as { subject?: { type?: unknown; id?: unknown } };
    if (typeof subject?.type === 'string' && typeof subject.id === 'string') {
      return `${subject.type}:${subject.id}`;
    }
  } catch {
    // handled (and terminated) as an invalid event
  }
  return msg.subject;
}

/** Runs tasks with bounded concurrency, in order within each lane. Tasks must not reject. */
class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  /** Resolves once the task is started or queued and a slot is free for the next one. */
  async run(lane: string, task: () => Promise<void>): Promise<void> {
    if (this.limit <= 1) return task();
    const tail = (this.tails.get(lane) ?? Promise.resolve()).then(task);
    this.tails.set(lane, tail);
    const tracked: Promise<void> = tail.finally(() => {
      this.running.delete(tracked);
      if (this.tails.get(lane) === tail) this.tails.delete(lane);
    });
    this.running.add(tracked);
    if (this.running.size >= this.limit) await Promise.race(this.running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
  }
}

/**
 * Durable, explicitly acknowledged pull consumer with an inbox of processed event ids.
 *
 * For each message: validate envelope and payload (invalid → logged and terminated, never
 * redelivered); skip (ack) if the inbox already holds (consumer, eventId); else run the handler,
 * record the id in the inbox, then ack. A handler error naks with a growing delay.
 *
 * Limits, stated plainly: without transactions the handler's effects and the inbox write are two
 * writes. If the process dies after the handler but before the inbox write (or the ack is lost and
 * the inbox write failed), the event is delivered again and the handler runs again. Handlers must
 * therefore be idempotent in their side effects (upsert by event id, conditional updates, …); the
 * inbox turns the common redeliveries (lost acks, restarts, re-publishes) into no-ops. A handler
 * that always fails is retried forever (at most every `maxRetryDelayMs`) and blocks nothing else
 * but its own redeliveries; it shows in the logs.
 */
export function startConsumer(options: ConsumerOptions): RunningConsumer {
  const logger = options.logger ?? defaultLogger();
  const inbox = processedEventsCollection(options.connection);
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const log = { stream: options.stream, durable: options.durable };

  let stopping = false;
  let messages: ConsumerMessages | undefined;
  let wakeRetry: (() => void) | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function setUp(): Promise<ConsumerMessages> {
    await inbox.createIndex(
      { consumer: 1, eventId: 1 },
      { unique: true, name: 'consumer_event_unique' },
    );
    const jsm = await jetstreamManager(options.nc, { checkAPI: false });
    const service = /^SIPADU_([A-Z][A-Z0-9]*)$/.exec(options.stream)?.[1];
    if (service) await ensureStream(jsm, service.toLowerCase());
    const settings = {
      filter_subjects: options.filterSubjects,
      max_ack_pending: options.maxAckPending ?? 100,
      ack_wait: nanos(ackWaitMs),
    };
    try {
      await jsm.consumers.info(options.stream, options.durable);
      await jsm.consumers.update(options.stream, options.durable, settings);
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound))
        throw err;
      await jsm.consumers.add(options.stream, {
        ...settings,
        durable_name: options.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: options.deliverFrom === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      });
    }
    const consumer = await jetstream(options.nc).consumers.get(options.stream, options.durable);
    return consumer.consume({ max_messages: Math.min(options.maxAckPending ?? 100, 100) });
  }

  async function recordProcessed(inboxId: string, envelope: AnyEventEnvelope): Promise<void> {
    try {
      await inbox.insertOne({
        _id: inboxId,
        consumer: options.durable,
        eventId: envelope.id,
        type: envelope.type,
        processedAt: new Date(),
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async function handle(msg: JsMsg): Promise<void> {
    let envelope: AnyEventEnvelope;
    try {
      envelope = parseEnvelope(JSON.parse(msg.string()));
      if (subjectForType(envelope.type) !== msg.subject)
        throw new Error(`type ${envelope.type} sent on ${msg.subject}`);
    } catch (err) {
      logger.error({ ...log, err, subject: msg.subject, seq: msg.seq }, 'invalid event terminated');
      msg.term(err instanceof Error ? err.message.slice(0, 200) : 'invalid event');
      return;
    }
    const inboxId = `${options.durable}|${envelope.id}`;
    const eventLog = {
      ...log,
      eventId: envelope.id,
      type: envelope.type,
      delivery: msg.info.deliveryCount,
    };
    try {
      if (
        !options.withoutInbox &&
        (await inbox.findOne({ _id: inboxId }, { projection: { _id: 1 } }))
      ) {
        logger.debug(eventLog, 'event already processed, skipped');
        msg.ack();
        return;
      }
      const traceparent = msg.headers?.get(TRACEPARENT_HEADER) || envelope.traceparent;
      const eventContext = {
        traceparent,
        subject: msg.subject,
        deliveryCount: msg.info.deliveryCount,
        streamSequence: msg.info.streamSequence,
      };
      await runTraced(msg, envelope, eventContext);
      if (!options.withoutInbox) await recordProcessed(inboxId, envelope);
      msg.ack();
      logger.debug(eventLog, 'event processed');
    } catch (err) {
      const delay = Math.min(retryDelayMs * 2 ** (msg.info.deliveryCount - 1), maxRetryDelayMs);
      logger.error(
        { ...eventLog, err, retryInMs: delay },
        'event handling failed, will be redelivered',
      );
      msg.nak(delay);
    }
  }

  async function runTraced(
    msg: JsMsg,
    envelope: AnyEventEnvelope,
    eventContext: EventContext,
  ): Promise<void> {
    // Keeps the message ours while a slow handler runs, instead of letting ack_wait redeliver it.
    const keepAlive = setInterval(() => msg.working(), Math.max(ackWaitMs / 2, 500));
    try {
      await tracer.startActiveSpan(
        msg.subject,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'nats',
            'messaging.destination.name': msg.subject,
            'messaging.message.id': envelope.id,
            'messaging.consumer.group.name': options.durable,
          },
        },
        contextFromTraceparent(eventContext.traceparent),
        async (span) => {
          try {
            await options.handler(envelope, eventContext);
          } catch (err) {
            span.recordException(err instanceof Error ? err : String(err));
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw err;
          } finally {
            span.end();
          }
        },
      );
    } finally {
      clearInterval(keepAlive);
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopping) {
      try {
        messages = await setUp();
        if (stopping) {
          await messages.close();
          break;
        }
        failures = 0;
        markReady();
        logger.info(log, 'consumer started');
        const lanes = new Lanes(options.concurrency ?? 1);
        try {
          for await (const msg of messages) {
            // Buffered messages after stop() go back at once rather than after ack_wait.
            if (stopping) msg.nak();
            else await lanes.run(laneOf(msg), () => handle(msg));
          }
        } finally {
          await lanes.drain();
        }
      } catch (err) {
        failures += 1;
        logger.warn({ ...log, err, failures }, 'consumer interrupted, restarting');
      }
      if (!stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(500 * 2 ** failures, 10_000));
          wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  const running = run();
  return {
    ready,
    async stop() {
      stopping = true;
      wakeRetry?.();
      await messages?.close();
      await running;
    },
  };
}

/** The inbox shared by every consumer of a service's database (keyed by consumer and event id). */
export function processedEventsCollection(
  connection: Connection,
): mongo.Collection<ProcessedEvent> {
  return connection.collection(
    PROCESSED_EVENTS_COLLECTION,
  ) as unknown as mongo.Collection<ProcessedEvent>;
}
