import { Schema, type Collection, type Connection, type mongo } from 'mongoose';
import { createEvent, parseEnvelope, type EventEnvelope, type EventMeta } from './envelope.js';
import { defaultLogger, type EventsLogger } from './logger.js';
import type { EventDataInput, EventType } from './registry.js';
import { subjectForType } from './subjects.js';

/**
 * Outbox without transactions (FerretDB v1 has none).
 *
 * 1. A business write carries its events in the same single-document write, under
 *    `_pendingEvents` (`withEvents` for an update, `eventsForInsert` for a new document), so the
 *    change and its events are stored atomically or not at all.
 * 2. `flush` copies them into the service's `outbox` collection (keyed by event id: an event
 *    already there is skipped, so a repeated flush is harmless) and only then removes them from the business document. A crash
 *    between the two leaves them on the document; the relay's sweep flushes them again.
 * 3. The relay publishes unsent outbox rows in `seq` order with Nats-Msg-Id = event id and sets
 *    `sentAt` after the JetStream ack.
 *
 * Pending events are stored as JSON strings: FerretDB v1 rejects nested arrays and keys containing
 * '.' or '$', which a future payload may contain. FerretDB v1 also ignores `$pull` with a condition,
 * so flush removes the exact elements it read with `$pullAll`.
 */
export const PENDING_EVENTS_FIELD = '_pendingEvents';

export interface PendingEvent {
  id: string;
  type: string;
  envelope: string;
  /** When the write carrying it was made (ISO); absent on events written before it existed. */
  storedAt?: string;
}

export interface OutboxRow {
  /** The event id. */
  _id: string;
  /** Creation order within this outbox; the relay sends in this order. */
  seq: number;
  type: string;
  natsSubject: string;
  envelope: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError?: string;
}

/** A business collection (or the mongoose model owning it) whose documents may carry pending events. */
export type EventSource = { readonly collection: Collection } | { readonly collectionName: string };

type AnyDocument = mongo.Document;

function toPending(events: readonly EventEnvelope[]): PendingEvent[] {
  const storedAt = new Date().toISOString();
  return events.map((event) => {
    const valid = parseEnvelope(event);
    return { id: valid.id, type: valid.type, envelope: JSON.stringify(valid), storedAt };
  });
}

/**
 * Merges events into a single-document update: `{ $push: { _pendingEvents: { $each } } }`. Other
 * operators of `update` (including other `$push` fields) are kept.
 */
export function withEvents<U extends AnyDocument>(
  events: readonly EventEnvelope[],
  update: U = {} as U,
): U & { $push: AnyDocument } {
  const push = (update.$push ?? {}) as AnyDocument;
  return { ...update, $push: { ...push, [PENDING_EVENTS_FIELD]: { $each: toPending(events) } } };
}

/** Fields to spread into a new document so its insert carries its events. */
export function eventsForInsert(events: readonly EventEnvelope[]): {
  [PENDING_EVENTS_FIELD]: PendingEvent[];
} {
  return { [PENDING_EVENTS_FIELD]: toPending(events) };
}

/** Mongoose plugin declaring `_pendingEvents`, so strict schemas keep it in inserts and updates. */
export function pendingEventsPlugin(schema: Schema): void {
  // Not `select: false`: FerretDB v1 rejects findAndModify with a projection.
  schema.add({
    [PENDING_EVENTS_FIELD]: { type: [Schema.Types.Mixed], default: undefined },
  });
}

function nativeCollection(source: EventSource): mongo.Collection {
  // A mongoose Model is a function carrying its collection; anything else is a collection.
  const model = source as { collection?: Collection };
  return (typeof source === 'function' && model.collection
    ? model.collection
    : source) as unknown as mongo.Collection;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

export interface OutboxOptions {
  connection: Connection;
  /** Defaults to `outbox`. */
  collection?: string;
  logger?: EventsLogger;
  /**
   * The sweep leaves events younger than this to the write that carries them (default 10 s).
   * FerretDB v1 applies an update by rewriting the whole document, so a sweep's `$pullAll` racing
   * the service's next write to the same document can undo that write; a service releases its
   * own events within milliseconds, so only a crashed writer's events are ever this old.
   */
  sweepGraceMs?: number;
}

export class Outbox {
  readonly rows: mongo.Collection<OutboxRow>;
  private readonly counters: mongo.Collection<{ _id: string; value: number }>;
  private readonly listeners = new Set<() => void>();
  private readonly logger: EventsLogger;
  private readonly sweepGraceMs: number;

  constructor(options: OutboxOptions) {
    this.sweepGraceMs = options.sweepGraceMs ?? 10_000;
    const name = options.collection ?? 'outbox';
    this.rows = options.connection.collection<OutboxRow>(
      name,
    ) as unknown as mongo.Collection<OutboxRow>;
    this.counters = options.connection.collection(
      `${name}_sequence`,
    ) as unknown as mongo.Collection<{
      _id: string;
      value: number;
    }>;
    this.logger = options.logger ?? defaultLogger();
  }

  /** Creates the indexes the relay's queries use; idempotent. */
  async init(): Promise<void> {
    await this.rows.createIndex({ sentAt: 1, seq: 1 }, { name: 'unsent_by_seq' });
    await this.rows.createIndex({ seq: 1 }, { name: 'seq_unique', unique: true });
  }

  /** Called after rows were added, so a relay can send them without waiting for its next sweep. */
  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores events that belong to no business document (the outbox row is the only write). */
  async enqueue(events: EventEnvelope | readonly EventEnvelope[]): Promise<void> {
    await this.store(toPending(Array.isArray(events) ? events : [events as EventEnvelope]));
    this.notify();
  }

  /** Typed shortcut: builds the envelope of `type` (payload checked at compile time and runtime) and enqueues it. */
  async publish<T extends EventType>(
    type: T,
    data: EventDataInput<T>,
    meta: EventMeta,
  ): Promise<EventEnvelope<T>> {
    const event = createEvent(type, data, meta);
    await this.enqueue(event);
    return event;
  }

  /** Moves the pending events of one business document into the outbox. Returns how many. */
  async flush(source: EventSource, docId: unknown): Promise<number> {
    const moved = await this.flushDocument(nativeCollection(source), docId);
    if (moved > 0) this.notify();
    return moved;
  }

  /** Flushes every document of `source` still carrying pending events (crash recovery). */
  async sweep(source: EventSource, limit = 500): Promise<number> {
    const collection = nativeCollection(source);
    const stranded = await collection
      .find({ [`${PENDING_EVENTS_FIELD}.0`]: { $exists: true } }, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    let moved = 0;
    const settledBefore = Date.now() - this.sweepGraceMs;
    for (const doc of stranded) {
      moved += await this.flushDocument(collection, doc._id, settledBefore);
    }
    if (moved > 0) {
      // Also happens when the sweep beats a service's own flush, which is harmless.
      this.logger.info(
        { collection: collection.collectionName, moved },
        'moved events left on documents',
      );
      this.notify();
    }
    return moved;
  }

  /** Oldest unsent rows, in sending order. */
  unsent(limit: number): Promise<OutboxRow[]> {
    return this.rows.find({ sentAt: null }).sort({ seq: 1 }).limit(limit).toArray();
  }

  /** Marks rows sent after their JetStream ack, in one round trip. */
  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // One updateMany: FerretDB v1 (SQLite) hangs on a bulkWrite of many updates.
    await this.rows.updateMany(
      { _id: { $in: [...ids] } },
      { $set: { sentAt: new Date() }, $inc: { attempts: 1 } },
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.rows.updateOne({ _id: id }, { $set: { lastError: error }, $inc: { attempts: 1 } });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** With `settledBefore`, a document carrying an event stored after that instant is left alone. */
  private async flushDocument(
    collection: mongo.Collection,
    docId: unknown,
    settledBefore?: number,
  ): Promise<number> {
    const filter = { _id: docId } as mongo.Filter<AnyDocument>;
    const doc = await collection.findOne(filter, { projection: { [PENDING_EVENTS_FIELD]: 1 } });
    const pending = (doc?.[PENDING_EVENTS_FIELD] ?? []) as PendingEvent[];
    if (pending.length === 0) return 0;
    const fresh = (event: PendingEvent) =>
      event.storedAt !== undefined && Date.parse(event.storedAt) > (settledBefore ?? Infinity);
    if (settledBefore !== undefined && pending.some(fresh)) return 0;
    await this.store(pending);
    // Removes exactly what was stored: events pushed meanwhile stay for the next flush.
    await collection.updateOne(filter, {
      $pullAll: { [PENDING_EVENTS_FIELD]: pending },
    } as unknown as mongo.UpdateFilter<AnyDocument>);
    return pending.length;
  }

  /** Idempotent: events already in the outbox (a flush interrupted before its $pullAll) are skipped. */
  private async store(pending: readonly PendingEvent[]): Promise<void> {
    if (pending.length === 0) return;
    const existing = await this.rows
      .find({ _id: { $in: pending.map((p) => p.id) } }, { projection: { _id: 1 } })
      .toArray();
    const known = new Set(existing.map((row) => row._id));
    const fresh = pending.filter(
      (p, index) => !known.has(p.id) && pending.findIndex((q) => q.id === p.id) === index,
    );
    if (fresh.length === 0) return;
    let next = (await this.reserve(fresh.length)) - fresh.length + 1;
    const createdAt = new Date();
    // One insert per event (usually one or two per write): FerretDB v1 hangs on large bulk writes.
    for (const p of fresh) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.rows.insertOne({
            _id: p.id,
            seq: next,
            type: p.type,
            natsSubject: subjectForType(p.type),
            envelope: p.envelope,
            createdAt,
            sentAt: null,
            attempts: 0,
          });
          next += 1;
          break;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          // A concurrent flush of the same document stored this event first.
          if (await this.rows.findOne({ _id: p.id }, { projection: { _id: 1 } })) break;
          // Otherwise the sequence number was taken: FerretDB's $inc is not atomic, so two
          // stores can reserve the same numbers. Take a fresh one rather than drop the event.
          if (attempt >= 20) throw err;
          next = await this.reserve(1);
        }
      }
    }
  }

  /** Reserves `count` sequence numbers and returns the last one. */
  private async reserve(count: number): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const counter = await this.counters.findOneAndUpdate(
          { _id: 'seq' },
          { $inc: { value: count } },
          { upsert: true, returnDocument: 'after' },
        );
        return counter?.value ?? count;
      } catch (err) {
        // Two first-ever upserts of the counter race on its _id; the loser simply increments.
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }
}
