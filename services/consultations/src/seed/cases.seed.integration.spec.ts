// The demo cases on the whole consultations service (real FerretDB, NATS): they wait for the demo
// users, cover the stages of the four flows with chronological histories, and load only once.
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats, streamName } from '@sipadu/events';
import { createLogger, type Principal, type Role } from '@sipadu/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsultationsService, type RunningConsultationsService } from '../app.js';
import { consultationsEnvironment } from '../environment.js';
import type { CaseRecord } from '../models/case.model.js';
import { seedDemoCases } from './cases.seed.js';

const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-consultations-seed-${RUN}`;
const PREFIX = `test-consultations-seed-${RUN}`;
const logger = createLogger('consultations-seed-test', 'silent');

/** The realm's demo users: username = role. */
const demo = (role: Role, organizationCode: string): Principal => ({
  kind: 'user',
  id: `${role}-${RUN}`,
  username: role,
  name: `Demo ${role}`,
  email: null,
  organizationCode,
  roles: [role],
  clientId: 'sipadu-web',
  scopes: [],
  expiresAt: 0,
});

let service: RunningConsultationsService;

beforeAll(async () => {
  service = await startConsultationsService(
    consultationsEnvironment({
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      MONGO_DATABASE: DATABASE,
      CONSUMER_PREFIX: PREFIX,
      CONSUMER_DELIVER_FROM: 'new',
      // The service-time sweeper and the recap scheduler stay quiet; the tests drive time.
      SLA_SWEEP_MS: '3600000',
      RECAP_CHECK_MS: '3600000',
    }),
  );
  await service.services.organizations.model.create(
    [
      ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
      ['DISKOMINFO', 'Dinas Komunikasi dan Informatika'],
      ['DINKES', 'Dinas Kesehatan'],
      ['RSUD', 'RSUD H. Abdul Manap'],
    ].map(([code, name]) => ({ _id: code, name, kind: 'DINAS', updatedAt: new Date() })),
  );
});

afterAll(async () => {
  await service?.stop();
  const nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'seed-spec');
  try {
    const jsm = await jetstreamManager(nc);
    for (const [stream, durable] of [
      ['identity', `${PREFIX}-identity`],
      ['surveys', `${PREFIX}-surveys`],
    ] as const) {
      await jsm.consumers.delete(streamName(stream), durable).catch(() => undefined);
    }
  } finally {
    await nc.close();
  }
  if (service) {
    const mongoose = await import('mongoose');
    const connection = await mongoose.default
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DATABASE })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
});

describe('demo cases', () => {
  it('waits for the demo users, then loads every flow in several stages, once', async () => {
    const { services } = service;
    // The users arrive while the seed waits for them (as identity's mirror events would).
    const seeding = seedDemoCases({ services, logger });
    for (const [role, organizationCode] of [
      ['unit-kerja', 'DPUPR'],
      ['petugas-konsultasi', 'DPUPR'],
      ['kasubdit', 'DPUPR'],
      ['super-admin', 'DISKOMINFO'],
      ['pemberi-tugas', 'DPUPR'],
      ['pengelola-tik', 'DISKOMINFO'],
      ['petugas-tik', 'DISKOMINFO'],
    ] as const) {
      await services.staff.remember(demo(role, organizationCode));
    }
    expect(await seeding).toBe(25);

    const cases = await services.engine.model.find({}).lean<CaseRecord[]>().exec();
    expect(cases).toHaveLength(25);
    const states = (flow: CaseRecord['flow']) =>
      cases
        .filter((c) => c.flow === flow)
        .map((c) => c.state)
        .sort();
    expect(states('CONSULTATION')).toEqual([
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'DELIVERED',
      'IN_REVIEW',
      'SUBMITTED',
      'WAITING_FOR_REQUESTER',
    ]);
    expect(states('WORK_ITEM')).toEqual([
      'ASSIGNED',
      'CANCELLED',
      'COMPLETED',
      'COMPLETED',
      'IN_PROGRESS',
      'IN_VERIFICATION',
    ]);
    expect(states('ICT_COMPLAINT')).toEqual([
      'AWAITING_CONFIRMATION',
      'FILED',
      'REPORTED',
      'REPORTED',
      'SOLVED',
    ]);
    expect(states('PUBLIC_COMPLAINT')).toEqual([
      'ANSWERED',
      'CLOSED',
      'CLOSED',
      'IN_FOLLOW_UP',
      'REJECTED',
      'SUBMITTED',
    ]);
    expect(cases.some((c) => c.consultation?.returnCount === 1)).toBe(true);
    expect(cases.some((c) => c.workItem?.returnCount === 1)).toBe(true);
    expect(cases.some((c) => c.ict?.reopenCount === 1)).toBe(true);
    // A late consultation among the on-time ones; points only for completed cases.
    const closed = cases.filter((c) => c.flow === 'CONSULTATION' && c.closedAt);
    expect(closed.map((c) => c.onTime).sort()).toEqual([false, true, true, true]);
    expect(closed.map((c) => c.points).sort()).toEqual([10, 12, 12, 12]);

    const now = Date.now();
    const created = cases.map((c) => new Date(c.createdAt).getTime());
    // Spread over about three months, all in the past, each history in order.
    expect(now - Math.min(...created)).toBeGreaterThan(60 * 86_400_000);
    for (const record of cases) {
      const times = [record.createdAt, ...record.history.map((e) => e.at)].map((at) =>
        new Date(at).getTime(),
      );
      expect(times, record.number).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times), record.number).toBeLessThan(now);
    }

    expect(await seedDemoCases({ services, logger })).toBe(0);
    expect(await services.engine.model.countDocuments({})).toBe(25);
  });
});
