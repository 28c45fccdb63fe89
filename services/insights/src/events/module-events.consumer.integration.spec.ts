import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  Outbox,
  connectNats,
  createEvent,
  ensureStream,
  streamName,
  subjectForType,
  type EventDataInput,
  type EventType,
} from '@sipadu/events';
import { createLogger } from '@sipadu/service-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardHub, type SignalSink } from '../live/dashboard-hub.js';
import { ActivityService } from '../services/activity.service.js';
import { AlertService } from '../services/alert.service.js';
import type { OwnerClient, OwnerModule } from '../services/owner-client.js';
import { MODULE_EVENT_SUBJECTS, startModuleEventsConsumer } from './module-events.consumer.js';

// The consumer on the shared NATS: events published to the modules' streams become activity
// lines and alerts in this service's database, clear the owner cache of their module and wake
// an open dashboard.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-insights-consumer-${RUN}`;
const PREFIX = `insights-test-${RUN}`;
const logger = createLogger('insights-test', 'silent');

let connection: Connection;
let nc: NatsConnection;
let hub: DashboardHub;
let consumer: ReturnType<typeof startModuleEventsConsumer>;
const invalidated: (OwnerModule | undefined)[] = [];
const chunks: string[] = [];

async function publish<T extends EventType>(type: T, data: EventDataInput<T>): Promise<string> {
  const event = createEvent(type, data, {
    actor: { type: 'user', id: 'u-1', org: 'DPUPR' },
    subject: { type: 'LoanProject', id: `p-${RUN}` },
    org: 'DPUPR',
  });
  await jetstream(nc).publish(subjectForType(type), JSON.stringify(event), { msgID: event.id });
  return event.id;
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  nc = await connectNats(NATS_URL, `insights-test-${RUN}`);
  const jsm = await jetstreamManager(nc);
  for (const service of Object.keys(MODULE_EVENT_SUBJECTS)) await ensureStream(jsm, service);
  const outbox = new Outbox({ connection, logger });
  await outbox.init();
  hub = new DashboardHub({ logger, debounceMs: 50 });
  const sink: SignalSink = { write: (chunk) => chunks.push(chunk), end: () => undefined };
  hub.attach(sink);
  const owners = {
    invalidate: (module?: OwnerModule) => invalidated.push(module),
    organizations: async () => [
      { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'OPD', latitude: null, longitude: null },
    ],
    loanProjects: async () => [],
    organizationSatisfaction: async () => [],
  } as unknown as OwnerClient;
  const alerts = new AlertService({ connection, outbox, owners, hub, logger });
  const activity = new ActivityService({ connection, hub });
  await Promise.all([alerts.init(), activity.init()]);
  consumer = startModuleEventsConsumer({
    nc,
    connection,
    prefix: PREFIX,
    deliverFrom: 'new',
    logger,
    owners,
    alerts,
    activity,
    hub,
  });
  await consumer.ready;
});

afterAll(async () => {
  await consumer?.stop();
  hub?.close();
  const jsm = await jetstreamManager(nc);
  for (const service of Object.keys(MODULE_EVENT_SUBJECTS)) {
    await jsm.consumers.delete(streamName(service), `${PREFIX}-${service}`).catch(() => undefined);
  }
  await nc?.close();
  await connection?.dropDatabase();
  await connection?.close();
});

describe('module events consumer', () => {
  it('turns a progress report behind plan into activity, an alert and a refresh signal', async () => {
    const projectId = `p-${RUN}`;
    const eventId = await publish('projects.progress.submitted', {
      project: {
        id: projectId,
        code: 'PIN-2026-077',
        name: 'Drainase Kota',
        fiscalYear: 2026,
        organizationCode: 'DPUPR',
        lenderOrganizationCode: 'PTSMI',
        managerOrganizationCode: 'BPKAD',
        stage: 'IMPLEMENTATION',
      },
      reportId: 'rep-1',
      period: '2026-07',
      physicalPercent: 40,
      financialPercent: 35,
      plannedPhysicalPercent: 55,
      behindPlan: true,
      submittedBy: { id: 'u-1', name: 'Budi', organizationCode: 'DPUPR' },
    });
    await expect
      .poll(() => connection.collection('activity').findOne({ _id: eventId as never }), {
        timeout: 15_000,
      })
      .toMatchObject({
        module: 'SIPOPI',
        title: 'Laporan kemajuan «Drainase Kota» (PIN-2026-077) Juli 2026: fisik 40% (rencana 55%)',
      });
    await expect
      .poll(() =>
        connection
          .collection('alerts')
          .findOne({ _id: `PROJECT_BEHIND_PLAN:${projectId}:2026-07` as never }),
      )
      .toMatchObject({ kind: 'PROJECT_BEHIND_PLAN', reference: 'PIN-2026-077' });
    expect(invalidated).toContain('projects');
    await expect.poll(() => chunks.join('')).toContain('projects.progress.submitted');
  });

  it('tells of a new public complaint with the agency’s name', async () => {
    const eventId = await publish('consultations.case.transitioned', {
      workflow: 'public-complaint',
      subjectId: `c-${RUN}`,
      transition: 'create',
      from: 'BARU',
      to: 'DITERIMA',
      actor: { kind: 'public', id: 'anon', name: null, organization: null, roles: [] },
      at: new Date().toISOString(),
      note: null,
      case: {
        id: `c-${RUN}`,
        flow: 'PUBLIC_COMPLAINT',
        number: 'ADU-2026-00031',
        title: 'Antrean panjang',
        organizationCode: 'DINKES',
        handlerOrganizationCode: null,
        requesterId: null,
        assigneeId: null,
        assigneeName: null,
        status: 'DITERIMA',
        statusLabel: 'Diterima',
        dueAt: null,
        dueDate: null,
        attachmentFileIds: [],
        link: `/pengaduan/c-${RUN}`,
      },
      pointsAwarded: 0,
    });
    await expect
      .poll(() => connection.collection('activity').findOne({ _id: eventId as never }), {
        timeout: 15_000,
      })
      .toMatchObject({
        module: 'PENGADUAN',
        title: 'Pengaduan baru ADU-2026-00031 untuk Dinas Kesehatan',
      });
    expect(invalidated).toContain('consultations');
  });
});
