import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROCESSED_EVENTS_COLLECTION, startConsumer, type RunningConsumer } from './consumer.js';
import { createEvent, type AnyEventEnvelope, type EventMeta } from './envelope.js';
import { connectNats } from './nats-connection.js';
import {
  Outbox,
  PENDING_EVENTS_FIELD,
  eventsForInsert,
  pendingEventsPlugin,
  withEvents,
} from './outbox.js';
import { OutboxRelay } from './relay.js';
import {
  startMongoServer,
  startNatsServer,
  type MongoServer,
  type NatsServer,
} from './spec-infra.js';
import { streamName, subjectForType } from './subjects.js';

const logger = pino({ level: process.env.EVENTS_SPEC_LOG_LEVEL ?? 'silent' });
const DURABLE = 'spec-counter';
const meta = (id: string): EventMeta => ({
  actor: { type: 'user', id: 'kc-admin', org: 'DISKOMINFO' },
  subject: { type: 'user', id },
  org: 'DISKOMINFO',
});

interface UserDoc {
  _id: string;
  username: string;
  active: boolean;
}

async function waitFor(
  label: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let nats: NatsServer;
let mongo: MongoServer;
let db: Connection;
let producerNc: NatsConnection;
let consumerNc: NatsConnection;
let users: Model<UserDoc>;
let outbox: Outbox;
let relay: OutboxRelay;
let consumer: RunningConsumer;
const seen: {
  envelope: AnyEventEnvelope;
  traceparent: string | undefined;
  activeTraceId: string | undefined;
}[] = [];
/** Event ids whose first handling fails, to exercise nak and redelivery. */
const failOnce = new Set<string>();

const applied = () => db.collection<{ _id: string; count: number }>('applied');
const processedCount = () =>
  db.collection(PROCESSED_EVENTS_COLLECTION).countDocuments({ consumer: DURABLE });
const counters = async (ids: string[]) => {
  const rows = await applied()
    .find({ _id: { $in: ids } })
    .toArray();
  return new Map(rows.map((row) => [row._id, row.count]));
};
const allApplied = (ids: string[]) => async () => (await counters(ids)).size === ids.length;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  [nats, mongo] = await Promise.all([startNatsServer(), startMongoServer()]);
  db = await mongoose.createConnection(mongo.url).asPromise();
  const userSchema = new Schema<UserDoc>({ _id: String, username: String, active: Boolean });
  userSchema.plugin(pendingEventsPlugin);
  users = db.model<UserDoc>('User', userSchema);
  const fast = { reconnectTimeWait: 250, reconnectJitter: 100 };
  producerNc = await connectNats(nats.url, 'events-spec-producer', fast);
  consumerNc = await connectNats(nats.url, 'events-spec-consumer', fast);
  // A short grace, so the crash-recovery test sees the sweep leave fresh events alone first.
  outbox = new Outbox({ connection: db, logger, sweepGraceMs: 2_000 });
  await outbox.init();
  relay = new OutboxRelay({
    outbox,
    nc: producerNc,
    service: 'identity',
    sources: [users],
    sweepIntervalMs: 250,
    publishTimeoutMs: 1_000,
    maxBackoffMs: 1_000,
    logger,
  });
  relay.start();
  consumer = startConsumer({
    nc: consumerNc,
    stream: streamName('identity'),
    durable: DURABLE,
    filterSubjects: ['sipadu.identity.>'],
    connection: db,
    ackWaitMs: 3_000,
    retryDelayMs: 200,
    logger,
    handler: async (envelope, { traceparent }) => {
      if (failOnce.delete(envelope.id)) throw new Error('simulated handler failure');
      seen.push({
        envelope,
        traceparent,
        activeTraceId: trace.getSpanContext(context.active())?.traceId,
      });
      await applied().updateOne({ _id: envelope.id }, { $inc: { count: 1 } }, { upsert: true });
    },
  });
  await consumer.ready;
  // Warm-up: the relay has published once (stream known) before the tests cut NATS.
  const warmUp = await outbox.publish(
    'identity.user.mirrored',
    { userId: 'u-0', organizationCode: 'O' },
    meta('u-0'),
  );
  await waitFor('warm-up event', allApplied([warmUp.id]));
}, 60_000);

afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await producerNc?.close();
  await consumerNc?.close();
  await db?.close();
  await Promise.all([nats?.destroy(), mongo?.destroy()]);
  context.disable();
});

beforeEach(async () => {
  await waitFor(
    'previous test to drain',
    async () => (await outbox.rows.countDocuments({ sentAt: null })) === 0,
  );
  await Promise.all([
    outbox.rows.deleteMany({}),
    applied().deleteMany({}),
    db.collection(PROCESSED_EVENTS_COLLECTION).deleteMany({}),
    users.deleteMany({}),
  ]);
  seen.length = 0;
});

describe('outbox, relay and consumer', () => {
  it('loses nothing and applies nothing twice while NATS is down', async () => {
    const jsm = await jetstreamManager(producerNc);
    const streamBefore = (await jsm.streams.info(streamName('identity'))).state.messages;
    await nats.stop();

    const N = 201;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const userId = `u-${Math.floor(i / 3)}`;
      if (i % 3 === 0) {
        // A new document carrying its event in the insert.
        const event = createEvent(
          'identity.user.created',
          { userId, username: `user${i}`, organizationCode: 'DISKOMINFO', roles: ['operator'] },
          meta(userId),
        );
        await users.create({
          _id: userId,
          username: `user${i}`,
          active: true,
          ...eventsForInsert([event]),
        });
        await outbox.flush(users, userId);
        ids.push(event.id);
      } else if (i % 3 === 1) {
        // A change and its event in one update.
        const event = createEvent(
          'identity.user.activationChanged',
          { userId, active: false, reason: 'mutasi' },
          meta(userId),
        );
        await users.updateOne({ _id: userId }, withEvents([event], { $set: { active: false } }));
        await outbox.flush(users, userId);
        ids.push(event.id);
      } else {
        // No business document: straight into the outbox.
        const event = await outbox.publish(
          'identity.organization.profileUpdated',
          { organizationCode: 'DISKOMINFO', fields: ['alamat'] },
          { ...meta(userId), subject: { type: 'organization', id: 'DISKOMINFO' } },
        );
        ids.push(event.id);
      }
    }

    expect(await users.countDocuments({ active: false })).toBe(N / 3);
    expect(await users.countDocuments({ [`${PENDING_EVENTS_FIELD}.0`]: { $exists: true } })).toBe(
      0,
    );
    expect(await outbox.rows.countDocuments({})).toBe(N);
    // The relay keeps failing meanwhile: nothing is marked sent.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await outbox.rows.countDocuments({ sentAt: { $ne: null } })).toBe(0);
    expect((await outbox.rows.findOne({ _id: ids[0] }))?.attempts).toBeGreaterThan(0);

    await nats.start();
    await waitFor('all events applied', allApplied(ids), 40_000);
    await waitFor(
      'every row marked sent',
      async () => (await outbox.rows.countDocuments({ sentAt: null })) === 0,
    );

    expect(await outbox.rows.countDocuments({})).toBe(N);
    expect(await processedCount()).toBe(N);
    const applications = await counters(ids);
    expect([...applications.values()].every((count) => count === 1)).toBe(true);
    expect(applications.size).toBe(N);
    // Stream de-duplication: retried publishes did not store an event twice.
    expect((await jsm.streams.info(streamName('identity'))).state.messages).toBe(streamBefore + N);
    // Sent (and so consumed) in creation order.
    const rows = await outbox.rows.find({}).sort({ seq: 1 }).toArray();
    expect(rows.map((row) => row._id)).toEqual(ids);
    expect(seen.map((entry) => entry.envelope.id)).toEqual(ids);
  }, 60_000);

  it('recovers events stranded on a document by a crash before flush', async () => {
    const created = createEvent(
      'identity.user.created',
      { userId: 'u-crash', username: 'siti', organizationCode: 'BAPPEDA', roles: [] },
      meta('u-crash'),
    );
    const mirrored = createEvent(
      'identity.user.mirrored',
      { userId: 'u-crash', organizationCode: 'BAPPEDA' },
      meta('u-crash'),
    );
    // The write succeeded; the process died before outbox.flush.
    await users.create({
      _id: 'u-crash',
      username: 'siti',
      active: true,
      ...eventsForInsert([created, mirrored]),
    });
    // A second document whose flush was interrupted after the outbox upsert, before the $pullAll.
    const half = createEvent(
      'identity.user.mirrored',
      { userId: 'u-half', organizationCode: 'BAPPEDA' },
      meta('u-half'),
    );
    await users.collection.insertOne({
      _id: 'u-half' as never,
      username: 'joko',
      active: true,
      ...eventsForInsert([half]),
    });
    await outbox.enqueue(half);
    // Within the grace period the sweep leaves them to the (possibly still running) writer.
    expect(await outbox.sweep(users)).toBe(0);

    const ids = [created.id, mirrored.id, half.id];
    await waitFor('stranded events applied', allApplied(ids));
    await waitFor(
      'documents cleaned',
      async () =>
        (await users.countDocuments({ [`${PENDING_EVENTS_FIELD}.0`]: { $exists: true } })) === 0,
    );
    expect([...(await counters(ids)).values()]).toEqual([1, 1, 1]);
    expect(await outbox.rows.countDocuments({})).toBe(3);
    expect(await outbox.rows.countDocuments({ sentAt: { $ne: null } })).toBe(3);
    expect(await users.findById('u-crash').lean()).toMatchObject({
      username: 'siti',
      active: true,
    });
  });

  it('applies an event delivered twice only once', async () => {
    const event = createEvent(
      'identity.user.rolesChanged',
      { userId: 'u-dup', roles: ['admin'], previousRoles: [] },
      meta('u-dup'),
    );
    const js = jetstream(producerNc);
    const jsm = await jetstreamManager(producerNc);
    const payload = JSON.stringify(event);
    const first = await js.publish(subjectForType(event.type), payload, { msgID: event.id });
    // As if re-sent after the duplicate window: the stream stores it again.
    const second = await js.publish(subjectForType(event.type), payload);
    expect(second.seq).toBe(first.seq + 1);
    await waitFor('both deliveries acknowledged', async () => {
      const info = await jsm.consumers.info(streamName('identity'), DURABLE);
      return info.ack_floor.stream_seq >= second.seq;
    });
    expect((await counters([event.id])).get(event.id)).toBe(1);
    expect(await processedCount()).toBe(1);
  });

  it('terminates invalid messages and redelivers after a handler failure', async () => {
    const js = jetstream(producerNc);
    const jsm = await jetstreamManager(producerNc);
    const garbage = await js.publish('sipadu.identity.user.created', '{"not":"an envelope"}');
    const wrongPayload = await js.publish(
      'sipadu.identity.user.created',
      JSON.stringify({
        ...createEvent('identity.user.mirrored', { userId: 'x', organizationCode: 'O' }, meta('x')),
        type: 'identity.user.created',
      }),
    );
    const flaky = createEvent(
      'identity.user.mirrored',
      { userId: 'u-flaky', organizationCode: 'O' },
      meta('u-flaky'),
    );
    failOnce.add(flaky.id);
    await outbox.enqueue(flaky);
    await waitFor('flaky event applied after redelivery', allApplied([flaky.id]));
    expect(failOnce.has(flaky.id)).toBe(false);
    expect((await counters([flaky.id])).get(flaky.id)).toBe(1);
    const info = await jsm.consumers.info(streamName('identity'), DURABLE);
    expect(info.ack_floor.stream_seq).toBeGreaterThan(Math.max(garbage.seq, wrongPayload.seq));
    expect(info.num_ack_pending).toBe(0);
    expect(await processedCount()).toBe(1);
  });

  it('carries the trace context from the write to the handler', async () => {
    const parent = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    };
    const event = await context.with(trace.setSpanContext(ROOT_CONTEXT, parent), () =>
      outbox.publish(
        'identity.user.mirrored',
        { userId: 'u-trace', organizationCode: 'O' },
        meta('u-trace'),
      ),
    );
    expect(event.traceparent).toBe(`00-${parent.traceId}-${parent.spanId}-01`);
    await waitFor('traced event applied', allApplied([event.id]));
    const delivery = seen.find((entry) => entry.envelope.id === event.id);
    expect(delivery?.traceparent).toBe(event.traceparent);
    expect(delivery?.activeTraceId).toBe(parent.traceId);
  });
});
