import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSED_EVENTS_COLLECTION, startConsumer, type EventHandler } from './consumer.js';
import { createEvent } from './envelope.js';
import { connectNats } from './nats-connection.js';
import {
  startMongoServer,
  startNatsServer,
  type MongoServer,
  type NatsServer,
} from './spec-infra.js';
import { DUPLICATE_WINDOW_MS, ensureStream, streamName, subjectForType } from './subjects.js';

const logger = pino({ level: process.env.EVENTS_SPEC_LOG_LEVEL ?? 'silent' });

async function waitFor(
  label: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let nats: NatsServer;
let mongo: MongoServer;
let db: Connection;
let nc: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  [nats, mongo] = await Promise.all([startNatsServer(), startMongoServer()]);
  db = await mongoose.createConnection(mongo.url).asPromise();
  nc = await connectNats(nats.url, 'events-consumer-spec');
  jsm = await jetstreamManager(nc);
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await db?.close();
  await Promise.all([nats?.destroy(), mongo?.destroy()]);
});

describe('ensureStream', () => {
  it('creates the stream once and restores its subjects and duplicate window', async () => {
    const first = await ensureStream(jsm, 'surveys');
    const again = await ensureStream(jsm, 'surveys');
    expect(again.created).toEqual(first.created);
    expect(first.config).toMatchObject({
      name: 'SIPADU_SURVEYS',
      subjects: ['sipadu.surveys.>'],
      storage: 'file',
    });
    await jsm.streams.update('SIPADU_SURVEYS', { duplicate_window: nanos(10_000) });
    const repaired = await ensureStream(jsm, 'surveys');
    expect(repaired.config.duplicate_window).toBe(nanos(DUPLICATE_WINDOW_MS));
    expect(repaired.created).toEqual(first.created);
  });
});

describe('durable consumer', () => {
  it('processes every event exactly once across a stop in the middle of a batch', async () => {
    const js = jetstream(nc);
    await ensureStream(jsm, 'identity');
    const events = Array.from({ length: 60 }, (_, i) =>
      createEvent(
        'identity.user.rolesChanged',
        { userId: `u-${i}`, roles: ['verifikator'], previousRoles: [] },
        {
          actor: { type: 'system', id: null },
          subject: { type: 'user', id: `u-${i}` },
          org: 'BKPSDM',
        },
      ),
    );
    for (const event of events)
      await js.publish(subjectForType(event.type), JSON.stringify(event), { msgID: event.id });

    const applied = db.collection<{ _id: string; count: number }>('role_counts');
    let inFlight = 0;
    const handler: EventHandler = async (envelope) => {
      inFlight += 1;
      await new Promise((resolve) => setTimeout(resolve, 25));
      await applied.updateOne({ _id: envelope.id }, { $inc: { count: 1 } }, { upsert: true });
      inFlight -= 1;
    };
    const options = {
      nc,
      stream: streamName('identity'),
      durable: 'spec-roles',
      filterSubjects: ['sipadu.identity.user.rolesChanged'],
      connection: db,
      handler,
      maxAckPending: 20,
      ackWaitMs: 2_000,
      logger,
    };

    const first = startConsumer(options);
    await first.ready;
    await waitFor('part of the batch', async () => (await applied.countDocuments({})) >= 10);
    await first.stop();
    expect(inFlight).toBe(0);
    const afterStop = await applied.countDocuments({});
    expect(afterStop).toBeLessThan(events.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await applied.countDocuments({})).toBe(afterStop);

    const second = startConsumer(options);
    await second.ready;
    await waitFor(
      'the whole batch',
      async () => (await applied.countDocuments({})) === events.length,
    );
    await waitFor('nothing left to ack', async () => {
      const info = await jsm.consumers.info(streamName('identity'), 'spec-roles');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
    await second.stop();

    const counts = await applied.find({}).toArray();
    expect(counts.every((row) => row.count === 1)).toBe(true);
    expect(new Set(counts.map((row) => row._id))).toEqual(new Set(events.map((event) => event.id)));
    expect(
      await db.collection(PROCESSED_EVENTS_COLLECTION).countDocuments({ consumer: 'spec-roles' }),
    ).toBe(events.length);
  }, 60_000);

  it('handles different subjects at once but one subject in stream order', async () => {
    const js = jetstream(nc);
    await ensureStream(jsm, 'identity');
    // Five users, four role changes each, published interleaved.
    const events = Array.from({ length: 20 }, (_, i) =>
      createEvent(
        'identity.user.rolesChanged',
        { userId: `lane-${i % 5}`, roles: [`step-${Math.floor(i / 5)}`], previousRoles: [] },
        {
          actor: { type: 'system', id: null },
          subject: { type: 'user', id: `lane-${i % 5}` },
          org: 'BKPSDM',
        },
      ),
    );
    const seen = new Map<string, string[]>();
    let inFlight = 0;
    let mostAtOnce = 0;
    const handler: EventHandler = async (envelope) => {
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
      const data = envelope.data as { userId: string; roles: string[] };
      seen.set(data.userId, [...(seen.get(data.userId) ?? []), data.roles[0]!]);
      inFlight -= 1;
    };
    const consumer = startConsumer({
      nc,
      stream: streamName('identity'),
      durable: 'spec-lanes',
      filterSubjects: ['sipadu.identity.user.rolesChanged'],
      deliverFrom: 'new',
      concurrency: 4,
      connection: db,
      handler,
      logger,
    });
    await consumer.ready;
    for (const event of events)
      await js.publish(subjectForType(event.type), JSON.stringify(event), { msgID: event.id });
    await waitFor(
      'every event',
      async () => [...seen.values()].reduce((sum, list) => sum + list.length, 0) === events.length,
    );
    await consumer.stop();
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(4);
    for (let user = 0; user < 5; user += 1) {
      expect(seen.get(`lane-${user}`)).toEqual(['step-0', 'step-1', 'step-2', 'step-3']);
    }
  }, 60_000);
});
