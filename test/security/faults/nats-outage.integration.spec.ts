// NATS stopped for 30 s under steady writes, then a consumer stopped in the middle of a backlog:
// every event reaches the consumer exactly once and the outbox drains. Real identity (producer:
// organization profile edits, each one document write carrying its event) and notifications
// (consumer: inbox `processed_events`, one notification per event for DINKES's admin-opd), on a
// private JetStream this spec stops and restarts with the same store.
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  connectNats,
  PROCESSED_EVENTS_COLLECTION,
  streamName,
  subjectForType,
} from '@sipadu/events';
import { decodeClaims, eventually, getUserToken, graphqlRequest } from '@sipadu/test-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityService, type IdentityService } from '../../../services/identity/src/app.js';
import { identityEnvironment } from '../../../services/identity/src/environment.js';
import {
  startNotificationsService,
  type RunningNotificationsService,
} from '../../../services/notifications/src/app.js';
import { notificationsEnvironment } from '../../../services/notifications/src/environment.js';
import {
  Cleanup,
  dropDatabases,
  freePort,
  getJson,
  originOf,
  startNatsServer,
  type NatsServer,
} from './fault-kit.js';

const RUN = randomUUID().slice(0, 8);
const DATABASES = {
  identity: `faults-nats-identity-${RUN}`,
  notifications: `faults-nats-notif-${RUN}`,
};
const CONSUMER = `faults-${RUN}-identity`;
const EVENT_TYPE = 'identity.organization.profileUpdated';
const RULE_ID = 'organization-profile-updated';
const OUTAGE_MS = 30_000;
const WRITE_EVERY_MS = 200;
const ORGANIZATION = 'DINKES';

const UPDATE_PROFILE = `mutation ($code: String!, $input: OrganizationProfileInput!) {
  updateOrganizationProfile(code: $code, input: $input) { code }
}`;

const cleanup = new Cleanup();
let nats: NatsServer;
let identity: IdentityService;
let notifications: RunningNotificationsService;
let identityDb: Connection;
let notificationsDb: Connection;
let superAdmin: string;
let writes = 0;

async function startNotifications(): Promise<RunningNotificationsService> {
  return startNotificationsService(
    notificationsEnvironment({
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      NATS_URL: nats.url,
      MONGO_DATABASE: DATABASES.notifications,
      // The same durable consumers on every start: a restart resumes where the last one acked.
      CONSUMER_PREFIX: `faults-${RUN}`,
      // Nothing listens there: no mail of this spec reaches the shared Mailpit.
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    }),
  );
}

/** One profile edit as super-admin: one document write, one event in it. */
async function writeOnce(): Promise<string | null> {
  writes += 1;
  const response = await graphqlRequest(identity.url, UPDATE_PROFILE, {
    token: superAdmin,
    variables: { code: ORGANIZATION, input: { headName: `Kepala uji ${writes}` } },
  });
  return response.errors ? JSON.stringify(response.errors) : null;
}

/** Writes every `WRITE_EVERY_MS` until stopped; counts successes and keeps every failure. */
function steadyWrites(): { succeeded: () => number; stop: () => Promise<string[]> } {
  let running = true;
  let succeeded = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const failure = await writeOnce().catch((error: unknown) => String(error));
      if (failure) failures.push(failure);
      else succeeded += 1;
      await new Promise((resolve) => setTimeout(resolve, WRITE_EVERY_MS));
    }
  })();
  return {
    succeeded: () => succeeded,
    stop: async () => {
      running = false;
      await loop;
      return failures;
    },
  };
}

/** The ids of every profile event identity stored in its outbox. */
async function producedEventIds(): Promise<string[]> {
  const rows = await identityDb
    .collection('outbox')
    .find({ type: EVENT_TYPE }, { projection: { _id: 1 } })
    .toArray();
  return rows.map((row) => String(row._id));
}

async function unsentCount(): Promise<number> {
  return identityDb.collection('outbox').countDocuments({ sentAt: null });
}

/** How many times the consumer recorded each profile event in its inbox. */
async function processedCounts(): Promise<Map<string, number>> {
  const rows = await notificationsDb
    .collection(PROCESSED_EVENTS_COLLECTION)
    .find({ consumer: CONSUMER, type: EVENT_TYPE }, { projection: { eventId: 1 } })
    .toArray();
  const counts = new Map<string, number>();
  for (const row of rows)
    counts.set(String(row.eventId), (counts.get(String(row.eventId)) ?? 0) + 1);
  return counts;
}

/**
 * Every produced event: published to the stream once, recorded once in the consumer's inbox,
 * turned into exactly one notification; and nothing left unsent in the outbox.
 */
async function expectEachEventOnce(expectedEvents: number): Promise<void> {
  await eventually('outbox terkirim semua', async () => (await unsentCount()) === 0, 60_000);
  const produced = await producedEventIds();
  expect(produced).toHaveLength(expectedEvents);
  const counts = await eventually(
    'semua peristiwa diproses konsumen',
    async () => {
      const current = await processedCounts();
      return current.size >= produced.length ? current : null;
    },
    90_000,
    500,
  );
  expect([...counts.keys()].sort()).toEqual([...produced].sort());
  expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);

  const nc = await connectNats(nats.url, `faults-check-${RUN}`);
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(streamName('identity'), {
      subjects_filter: subjectForType(EVENT_TYPE),
    });
    expect(info.state.subjects?.[subjectForType(EVENT_TYPE)]).toBe(produced.length);
  } finally {
    await nc.close();
  }

  const notified = await notificationsDb
    .collection('notifications')
    .find(
      { sourceKey: { $in: produced.map((id) => `${id}|${RULE_ID}`) } },
      { projection: { sourceKey: 1 } },
    )
    .toArray();
  expect(notified).toHaveLength(produced.length);
  expect(new Set(notified.map((row) => row.sourceKey)).size).toBe(produced.length);
}

beforeAll(async () => {
  try {
    nats = await startNatsServer();
    cleanup.add(() => nats.destroy());
    cleanup.add(() => dropDatabases(process.env.MONGO_URL!, Object.values(DATABASES)));
    // Started first (deliver everything, private stream): it hears every identity event.
    notifications = await startNotifications();
    cleanup.add(() => notifications.stop());
    identity = await startIdentityService(
      identityEnvironment({
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'silent',
        NATS_URL: nats.url,
        MONGO_DATABASE: DATABASES.identity,
        SYNC_USERS_ON_START: 'false',
      }),
    );
    cleanup.add(() => identity.stop());
    identityDb = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: DATABASES.identity })
      .asPromise();
    cleanup.add(() => identityDb.close());
    notificationsDb = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: DATABASES.notifications })
      .asPromise();
    cleanup.add(() => notificationsDb.close());

    superAdmin = await getUserToken('super-admin');
    const created = await graphqlRequest(
      identity.url,
      `mutation { createOrganization(input: { code: "${ORGANIZATION}", name: "Dinas Kesehatan", kind: DINAS }) { code } }`,
      { token: superAdmin },
    );
    expect(created.errors).toBeUndefined();
    // admin-opd's first call mirrors the account; notifications learns it from that event.
    const adminOpd = await getUserToken('admin-opd');
    expect(
      (await graphqlRequest(identity.url, 'query { me { username } }', { token: adminOpd })).errors,
    ).toBeUndefined();
    const adminOpdId = String(decodeClaims(adminOpd).sub);
    await eventually('notifications mengenal admin-opd', () =>
      notificationsDb
        .collection('recipients')
        .findOne({ _id: adminOpdId as never, organizationCode: ORGANIZATION }),
    );
  } catch (error) {
    await cleanup.run();
    throw error;
  }
});

afterAll(() => cleanup.run());

async function readiness(origin: string): Promise<{ status: number; nats?: string }> {
  const { status, body } = await getJson(`${origin}/readyz`, 10_000);
  return { status, nats: (body.checks as Record<string, string> | undefined)?.nats };
}

describe('events across a NATS outage and a consumer restart', () => {
  it('NATS stopped 30 s under steady writes: writes succeed, nothing lost or applied twice', async () => {
    const writer = steadyWrites();
    let failures: string[];
    try {
      await eventually('peristiwa pertama sampai', async () => (await processedCounts()).size >= 3);
      await nats.stop();
      const outageEnds = Date.now() + OUTAGE_MS;
      for (const origin of [originOf(identity.url), originOf(notifications.url)]) {
        await eventually(`${origin} tidak siap tanpa NATS`, async () => {
          const ready = await readiness(origin);
          return ready.status === 503 && ready.nats === 'down';
        });
        // Alive all the same: an orchestrator must not restart it for an outage of NATS.
        expect((await getJson(`${origin}/healthz`)).status).toBe(200);
      }
      const before = writer.succeeded();
      // The outage itself, the one fixed wait of the spec.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageEnds - Date.now())));
      expect(writer.succeeded() - before).toBeGreaterThan(10);
      expect(await unsentCount()).toBeGreaterThan(10);
      await nats.start();
      for (const origin of [originOf(identity.url), originOf(notifications.url)]) {
        await eventually(
          `${origin} siap lagi`,
          async () => (await readiness(origin)).status === 200,
        );
      }
      const afterRestart = writer.succeeded();
      await eventually(
        'menulis setelah NATS kembali',
        async () => writer.succeeded() >= afterRestart + 5,
      );
    } finally {
      failures = await writer.stop();
    }
    expect(failures).toEqual([]);
    await expectEachEventOnce(writer.succeeded());
  }, 180_000);

  it('a consumer stopped mid-batch and started again processes every event once', async () => {
    const already = (await producedEventIds()).length;
    const backlog = 20;
    await notifications.stop();
    for (let i = 0; i < backlog; i += 1) expect(await writeOnce()).toBeNull();
    await eventually('outbox terkirim', async () => (await unsentCount()) === 0, 60_000);

    notifications = await startNotifications();
    await eventually(
      'konsumen mulai memproses antrean',
      async () => (await processedCounts()).size > already,
      60_000,
      25,
    );
    await notifications.stop();
    const atStop = (await processedCounts()).size;
    // Really in the middle: some of the backlog handled, some not.
    expect(atStop).toBeGreaterThan(already);
    expect(atStop).toBeLessThan(already + backlog);

    notifications = await startNotifications();
    await expectEachEventOnce(already + backlog);
  }, 150_000);
});
