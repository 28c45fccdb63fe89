import { randomUUID } from 'node:crypto';
import { Outbox } from '@sipadu/events';
import { createLogger, type Principal } from '@sipadu/service-kit';
import type { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardHub } from '../live/dashboard-hub.js';
import { ActivityService } from './activity.service.js';
import { AlertService, type AlertDraft } from './alert.service.js';
import type { OrganizationSatisfaction, OwnerClient } from './owner-client.js';

// Alerts and recent activity against the real FerretDB: an alert is raised once per cause with
// its event in the outbox, acknowledged once; the activity keeps only its newest lines.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-insights-alerts-${randomUUID().slice(0, 8)}`;
const logger = createLogger('insights-test', 'silent');

const pimpinan: Principal = {
  kind: 'user',
  id: 'u-walikota',
  username: 'walikota',
  name: 'Wali Kota',
  email: null,
  organizationCode: 'SETDA',
  roles: ['pimpinan'],
  clientId: null,
  scopes: [],
  expiresAt: 0,
};

const draft = (id: string): AlertDraft => ({
  id,
  kind: 'PROJECT_BEHIND_PLAN',
  severity: 'SEDANG',
  title: 'Proyek PIN-2026-001 di bawah rencana fisik',
  detail: 'Laporan kemajuan Juli 2026 proyek «Jalan Lingkar Barat»: fisik 40% dari rencana 55%.',
  organizationCode: 'DPUPR',
  reference: 'PIN-2026-001',
  href: '/proyek/p-1?tab=progres',
});

const index = (grade: string, respondents: number): OrganizationSatisfaction => ({
  organizationCode: 'DUKCAPIL',
  organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
  ikm: null,
  ikmConverted: null,
  grade,
  performance: null,
  respondents,
  sampleAdequate: null,
});

let connection: Connection;
let outbox: Outbox;
let hub: DashboardHub;
let alerts: AlertService;
const satisfactionReads: string[] = [];

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as GraphQLError).extensions?.code ?? (error as Error).message);
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  outbox = new Outbox({ connection, logger });
  await outbox.init();
  hub = new DashboardHub({ logger });
  const owners = {
    organizationSatisfaction: async (key: string) => {
      satisfactionReads.push(key);
      return key === '2026-Q3' ? [index('C', 12)] : [index('B', 30)];
    },
  } as unknown as OwnerClient;
  alerts = new AlertService({ connection, outbox, owners, hub, logger, timeZone: 'Asia/Jakarta' });
  await alerts.init();
});

afterAll(async () => {
  hub?.close();
  await connection?.dropDatabase();
  await connection?.close();
});

describe('dashboard alerts', () => {
  it('are raised once per cause, each with its event for pimpinan', async () => {
    const id = 'PROJECT_BEHIND_PLAN:p-1:2026-07';
    expect(await alerts.raise(draft(id), new Date('2026-07-20T03:00:00Z'))).toBe(true);
    expect(await alerts.raise(draft(id), new Date('2026-07-20T04:00:00Z'))).toBe(false);

    const events = await outbox.rows.find({ type: 'insights.alert.raised' }).toArray();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.envelope)).toMatchObject({
      subject: { type: 'DashboardAlert', id },
      org: 'DPUPR',
      data: {
        alertId: id,
        kind: 'PROJECT_BEHIND_PLAN',
        severity: 'SEDANG',
        reference: 'PIN-2026-001',
        link: '/proyek/p-1?tab=progres',
      },
    });
    const stored = await connection.collection('alerts').findOne({ _id: id as never });
    expect(stored?._pendingEvents ?? []).toEqual([]);
    expect(await alerts.list()).toMatchObject([
      { id, raisedAt: '2026-07-20T03:00:00.000Z', acknowledgedAt: null },
    ]);
  });

  it('are acknowledged once, with a note, and then leave the open list', async () => {
    const id = 'COMPLAINT_OVERDUE:c-31:DIVERIFIKASI';
    await alerts.raise(
      { ...draft(id), kind: 'COMPLAINT_OVERDUE' },
      new Date('2026-07-21T03:00:00Z'),
    );
    expect((await alerts.list()).map((alert) => alert.id)).toEqual([
      id,
      'PROJECT_BEHIND_PLAN:p-1:2026-07',
    ]);

    const acknowledged = await alerts.acknowledge(
      id,
      '  Sudah diminta ke Dinkes  ',
      pimpinan,
      new Date('2026-07-21T05:00:00Z'),
    );
    expect(acknowledged).toMatchObject({
      id,
      acknowledgedAt: '2026-07-21T05:00:00.000Z',
      acknowledgedBy: 'Wali Kota',
      note: 'Sudah diminta ke Dinkes',
    });
    expect(await failure(alerts.acknowledge(id, null, pimpinan))).toBe('CONFLICT');
    expect(await failure(alerts.acknowledge('IKM_GRADE_FELL:X:2026-Q1', null, pimpinan))).toBe(
      'NOT_FOUND',
    );
    expect(await failure(alerts.acknowledge(id, 'x'.repeat(1_001), pimpinan))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await failure(alerts.list({ first: 0 }))).toBe('BAD_USER_INPUT');

    expect((await alerts.list()).map((alert) => alert.id)).toEqual([
      'PROJECT_BEHIND_PLAN:p-1:2026-07',
    ]);
    expect((await alerts.list({ includeAcknowledged: true })).map((alert) => alert.id)).toEqual([
      id,
      'PROJECT_BEHIND_PLAN:p-1:2026-07',
    ]);
  });

  it('raise IKM_GRADE_FELL once when a quarter’s grade letter fell', async () => {
    const now = new Date('2026-08-10T03:00:00Z');
    // An answer of an earlier quarter changes nothing now.
    expect(await alerts.checkIkmGrade('DUKCAPIL', new Date('2026-06-30T03:00:00Z'), now)).toBe(
      false,
    );
    expect(satisfactionReads).toEqual([]);

    expect(await alerts.checkIkmGrade('DUKCAPIL', now, now)).toBe(true);
    expect(satisfactionReads.sort()).toEqual(['2026-Q2', '2026-Q3']);
    const [alert] = await alerts.list({ first: 1 });
    expect(alert).toMatchObject({
      id: 'IKM_GRADE_FELL:DUKCAPIL:2026-Q3',
      kind: 'IKM_GRADE_FELL',
      title: 'IKM Dinas Kependudukan dan Pencatatan Sipil turun ke mutu C',
      reference: '2026-Q3',
    });

    // Raised: later answers of the quarter do not even read the surveys again.
    expect(await alerts.checkIkmGrade('DUKCAPIL', now, now)).toBe(false);
    expect(satisfactionReads).toHaveLength(2);
  });
});

describe('recent activity', () => {
  it('keeps only the newest lines, once per event, and moves a folded line up', async () => {
    const activity = new ActivityService({ connection, hub, keep: 5 });
    await activity.init();
    const at = (minute: number) => new Date(Date.UTC(2026, 6, 20, 3, minute));
    const line = (id: string, minute: number) => ({
      id,
      module: 'PENGADUAN' as const,
      title: `Pengaduan baru ${id} untuk Dinas Kesehatan`,
      organizationCode: 'DINKES',
      href: `/pengaduan/${id}`,
      occurredAt: at(minute),
    });
    for (let minute = 1; minute <= 8; minute += 1) {
      await activity.record(line(`ADU-${minute}`, minute));
    }
    // A redelivered event writes nothing new.
    await activity.record(line('ADU-8', 8));

    const latest = await activity.latest(20);
    expect(latest.map((item) => item.id)).toEqual(['ADU-8', 'ADU-7', 'ADU-6', 'ADU-5', 'ADU-4']);
    expect(await connection.collection('activity').countDocuments()).toBe(5);
    expect(latest[0]).toEqual({
      id: 'ADU-8',
      module: 'PENGADUAN',
      title: 'Pengaduan baru ADU-8 untuk Dinas Kesehatan',
      organizationCode: 'DINKES',
      href: '/pengaduan/ADU-8',
      occurredAt: at(8).toISOString(),
    });

    // A folded line (a service's answers of one hour) is refreshed and moves to the top.
    await activity.record({ ...line('SURVEY:svc:2026-07-20T03', 9), module: 'SIPUTRI' });
    await activity.record({ ...line('SURVEY:svc:2026-07-20T03', 12), module: 'SIPUTRI' });
    expect((await activity.latest(2)).map((item) => [item.id, item.occurredAt])).toEqual([
      ['SURVEY:svc:2026-07-20T03', at(12).toISOString()],
      ['ADU-8', at(8).toISOString()],
    ]);
    expect(await connection.collection('activity').countDocuments()).toBe(5);
  });
});
