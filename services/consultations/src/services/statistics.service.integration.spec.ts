import { randomUUID } from 'node:crypto';
import { OrganizationDirectory } from '@sipadu/directory';
import { Outbox } from '@sipadu/events';
import { createLogger, type PartnerScope, type Principal, type Role } from '@sipadu/service-kit';
import { SYSTEM_PRINCIPAL, type WorkflowPrincipal } from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { FLOWS } from '../flows/index.js';
import type {
  CaseFlow,
  CaseRecord,
  PersonRecord,
  PublicComplaintFields,
} from '../models/case.model.js';
import { statisticsResolvers } from '../resolvers/statistics.resolver.js';
import { trackingPrincipal } from '../workflows/public-complaint.workflow.js';
import { CalendarService } from './calendar.service.js';
import { CaseEngine } from './case-engine.service.js';
import { StatisticsService } from './statistics.service.js';

// The statistics against the real FerretDB: cases of the four flows created and moved through
// their workflows with back-dated times over April and May 2026 (WIB, with the 2026 holidays),
// then every figure checked against a count made here from the raw `cases` documents and
// against the figures the scenario was designed to produce. Everything open in a timed step is
// long overdue by the time the tests run (the clock is the real now).
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-consultations-statistics-${randomUUID().slice(0, 8)}`;
const TIME_ZONE = 'Asia/Jakarta';
const FROM = '2026-04-01';
const TO = '2026-05-31';
/** The range in instants, written out (WIB = UTC+7), independent of the service's calendar. */
const START = new Date('2026-03-31T17:00:00Z');
const END = new Date('2026-05-31T17:00:00Z');
const CONTACT_EMAIL = 'budi.warga@contoh.id';

/** Local WIB time → instant. */
const wib = (local: string) => new Date(`${local}+07:00`);

const user = (role: Role, id: string, organizationCode: string | null = 'DPUPR'): Principal => ({
  kind: 'user',
  id,
  username: id,
  name: `Nama ${id}`,
  email: null,
  organizationCode,
  roles: [role],
  clientId: null,
  scopes: [],
  expiresAt: 0,
});
const client = (id: string, scopes: PartnerScope[]): Principal => ({
  ...user('pimpinan', id, null),
  kind: 'client',
  roles: [],
  clientId: id,
  scopes,
});
const person = (p: Principal): PersonRecord => ({
  id: p.id,
  name: p.name ?? p.id,
  organizationCode: p.organizationCode,
  roles: [...p.roles],
});

const superAdmin = user('super-admin', 'admin-1', 'DISKOMINFO');
const pimpinan = user('pimpinan', 'pimpinan-1', 'SETDA');
const kasubdit = user('kasubdit', 'kasubdit-1');
const assigner = user('pemberi-tugas', 'pemberi-1');
const officer = user('petugas-konsultasi', 'officer-a');
const unit = user('unit-kerja', 'unit-1', 'DINKES');
const adminDinkes = user('admin-opd', 'admin-dinkes', 'DINKES');
const adminDpupr = user('admin-opd', 'admin-dpupr', 'DPUPR');
const handlerOf: Record<string, Principal> = { DINKES: adminDinkes, DPUPR: adminDpupr };

let connection: Connection;
let engine: CaseEngine;
let statistics: StatisticsService;
const numbers: Record<string, string> = {};

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as GraphQLError).extensions?.code ?? (error as Error).message);
  }
  throw new Error('expected a failure');
}

type Step = [
  transition: string,
  at: string,
  by: WorkflowPrincipal | 'citizen',
  extra?: Record<string, unknown>,
];

/** Applies the steps in order at their (past) times; `citizen` acts through the tracking code. */
async function run(flow: CaseFlow, record: CaseRecord, steps: Step[]): Promise<CaseRecord> {
  let current = record;
  for (const [transition, at, by, extra = {}] of steps) {
    const citizen = by === 'citizen';
    current = await engine.transition({
      flow,
      id: current._id,
      revision: null,
      transition,
      principal: citizen ? trackingPrincipal(current._id) : by,
      skipReadCheck: citizen || by === SYSTEM_PRINCIPAL,
      now: wib(at),
      ...extra,
    });
  }
  return current;
}

const note = (text: string) => ({ note: text });
const answer = { data: { answer: 'Sudah ditindaklanjuti.' } };
const rating = (value: number) => ({
  data: { rating: value },
  set: () => ({ 'complaint.rating': value }),
});

/** A complaint's step, taken by the target agency's admin-opd, the citizen or the system. */
type ComplaintStep = [
  transition: string,
  at: string,
  by: 'handler' | 'citizen' | 'system',
  extra?: Record<string, unknown>,
];

async function complaint(
  name: string,
  organizationCode: string,
  filedAt: string,
  steps: ComplaintStep[],
): Promise<CaseRecord> {
  const fields: PublicComplaintFields = {
    description: `Uraian ${name}`,
    categoryCode: 'infrastruktur',
    categoryName: 'Infrastruktur',
    serviceId: null,
    serviceName: null,
    visibility: 'CONFIDENTIAL',
    anonymous: false,
    contact: { name: 'Budi Warga', email: CONTACT_EMAIL, phone: '081234567890' },
    location: null,
    messages: [],
    answer: null,
    answeredAt: null,
    autoCloseDate: null,
    rating: null,
    ratingComment: null,
    trackingHash: randomUUID(),
    submissionId: randomUUID(),
  };
  const id = randomUUID();
  const created = await engine.create({
    flow: 'PUBLIC_COMPLAINT',
    id,
    principal: trackingPrincipal(id),
    title: name,
    organizationCode,
    organizationName: null,
    requester: null,
    fields: { complaint: fields },
    now: wib(filedAt),
  });
  const handler = handlerOf[organizationCode] as Principal;
  const record = await run(
    'PUBLIC_COMPLAINT',
    created,
    steps.map(([transition, at, by, extra]): Step => [
      transition,
      at,
      by === 'handler' ? handler : by === 'system' ? SYSTEM_PRINCIPAL : 'citizen',
      extra,
    ]),
  );
  numbers[name] = record.number;
  return record;
}

const routeTo = (p: Principal) => ({
  data: { assigneeId: p.id },
  set: () => ({
    assigneeId: p.id,
    assignee: person(p),
    handlerOrganizationCode: p.organizationCode,
  }),
});

async function consultation(name: string, createdAt: string, steps: Step[]) {
  const created = await engine.create({
    flow: 'CONSULTATION',
    principal: unit,
    title: name,
    organizationCode: 'DINKES',
    organizationName: 'Dinas Kesehatan',
    requester: person(unit),
    fields: {
      consultation: { topic: name, detail: name, answer: null, returnNote: null, returnCount: 0 },
    },
    now: wib(createdAt),
  });
  numbers[name] = created.number;
  return run('CONSULTATION', created, steps);
}

async function workItem(name: string, createdAt: string, steps: Step[]) {
  const created = await engine.create({
    flow: 'WORK_ITEM',
    principal: assigner,
    title: name,
    organizationCode: 'DPUPR',
    organizationName: null,
    requester: person(assigner),
    assignee: person(officer),
    fields: { workItem: { description: name, result: null, returnNote: null, returnCount: 0 } },
    now: wib(createdAt),
  });
  numbers[name] = created.number;
  return run('WORK_ITEM', created, steps);
}

// --- Counts from the raw documents ------------------------------------------------------------

async function rawCases(): Promise<CaseRecord[]> {
  const rows = await connection.collection<CaseRecord>('cases').find({}).toArray();
  return rows.filter((row) => row.createdAt >= START && row.createdAt < END);
}

/**
 * Open and past its step's due time as the case page's clock shows it: a step paused after its
 * due time (a complaint answered late, waiting for the citizen) stays overdue.
 */
const rawOverdue = (row: CaseRecord, now: Date) =>
  row.closedAt == null && engine.clock(row, now).overdue;
const rawCompleted = (row: CaseRecord) =>
  row.closedAt != null && !['CANCELLED', 'REJECTED'].includes(row.state);
const rawResponsible = (row: CaseRecord) =>
  row.flow === 'CONSULTATION' || row.flow === 'ICT_COMPLAINT'
    ? (row.handlerOrganizationCode ?? row.organizationCode)
    : row.organizationCode;
const localMonth = (date: Date) =>
  new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);

function rawComplaintRow(rows: CaseRecord[], now: Date) {
  const ratings = rows.flatMap((row) => row.complaint?.rating ?? []);
  const open = rows.filter((row) => row.closedAt == null);
  return {
    received: rows.filter((row) => row.state !== 'REJECTED').length,
    rejected: rows.filter((row) => row.state === 'REJECTED').length,
    answered: rows.filter((row) => row.history.some((entry) => entry.to === 'ANSWERED')).length,
    closed: rows.filter((row) => row.state === 'CLOSED').length,
    rated: ratings.length,
    ratingSum: ratings.reduce((sum, value) => sum + value, 0),
    open: open.length,
    overdue: open.filter((row) => rawOverdue(row, now)).length,
  };
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  const logger = createLogger('consultations-test', 'silent');
  const outbox = new Outbox({ connection, logger });
  await outbox.init();
  const calendar = new CalendarService({ connection, timeZone: TIME_ZONE, logger });
  engine = new CaseEngine({
    connection,
    outbox,
    calendar,
    flows: FLOWS,
    pointOverrides: {},
    logger,
  });
  const organizations = new OrganizationDirectory(connection);
  statistics = new StatisticsService({ engine, organizations, calendar });
  await Promise.all([calendar.init(), engine.init(), organizations.init()]);
  // Identity announced DINKES only: DPUPR is named by its code.
  await organizations.model.create({
    _id: 'DINKES',
    name: 'Dinas Kesehatan',
    kind: 'DINAS',
    updatedAt: new Date(),
  });

  // Public complaints. Service times: SUBMITTED 3, IN_FOLLOW_UP 5 working days; ANSWERED pauses.
  // A0 on 31 March 23:30 WIB and A8 on 1 June 00:10 WIB lie outside the range.
  await complaint('A0', 'DINKES', '2026-03-31T23:30:00', [
    ['accept', '2026-04-01T09:00:00', 'handler'],
  ]);
  // A1 answered on time (due end of 14 April), rated 4: closed.
  await complaint('A1', 'DINKES', '2026-04-06T09:00:00', [
    ['accept', '2026-04-07T09:00:00', 'handler'],
    ['answer', '2026-04-10T10:00:00', 'handler', answer],
    ['rate', '2026-04-13T09:00:00', 'citizen', rating(4)],
  ]);
  // A2 answered late (follow-up due end of 21 April), waiting for the citizen: open, overdue.
  await complaint('A2', 'DINKES', '2026-04-13T09:00:00', [
    ['accept', '2026-04-14T09:00:00', 'handler'],
    ['answer', '2026-04-28T09:00:00', 'handler', answer],
  ]);
  // A3 rejected.
  await complaint('A3', 'DINKES', '2026-04-20T09:00:00', [
    ['reject', '2026-04-21T09:00:00', 'handler', note('Bukan kewenangan Pemda.')],
  ]);
  // A4 at 23:30 WIB on 30 April (16:30 UTC): April's. First answer on time; the citizen replies,
  // the second answer comes late (the step resumed: due end of 13 May); rated 2.
  await complaint('A4', 'DPUPR', '2026-04-30T23:30:00', [
    ['accept', '2026-05-04T09:00:00', 'handler'],
    ['answer', '2026-05-06T09:00:00', 'handler', answer],
    ['reply', '2026-05-07T09:00:00', 'citizen', note('Belum diperbaiki.')],
    ['answer', '2026-05-20T09:00:00', 'handler', answer],
    ['rate', '2026-05-21T09:00:00', 'citizen', rating(2)],
  ]);
  // A5 at 00:30 WIB on 1 May (still 30 April in UTC): May's. Never verified: overdue.
  await complaint('A5', 'DPUPR', '2026-05-01T00:30:00', []);
  // A6 answered on time, closed for silence, rated late (5) as the service does.
  const a6 = await complaint('A6', 'DPUPR', '2026-05-11T09:00:00', [
    ['accept', '2026-05-11T10:00:00', 'handler'],
    ['answer', '2026-05-12T09:00:00', 'handler', answer],
    ['autoClose', '2026-05-27T07:00:00', 'system'],
  ]);
  await engine.model.updateOne({ _id: a6._id }, { $set: { 'complaint.rating': 5 } }).exec();
  // A7 in follow-up since 18 May: overdue.
  await complaint('A7', 'DINKES', '2026-05-18T09:00:00', [
    ['accept', '2026-05-18T10:00:00', 'handler'],
  ]);
  await complaint('A8', 'DINKES', '2026-06-01T00:10:00', []);

  // Consultations of DINKES. K1 handled by DPUPR's officer, on time; K2 never routed (DINKES's).
  await consultation('K1', '2026-04-07T09:00:00', [
    ['route', '2026-04-07T11:00:00', superAdmin, routeTo(officer)],
    ['submitDraft', '2026-04-08T10:00:00', officer, { data: { answer: 'Jawaban.' } }],
    ['approve', '2026-04-09T09:00:00', kasubdit],
    ['deliver', '2026-04-09T10:00:00', officer],
    ['acknowledge', '2026-04-10T09:00:00', unit],
  ]);
  await consultation('K2', '2026-05-04T09:00:00', []);

  // Work items of DPUPR: W1 on time; W2 cancelled (not completed); W3 in progress, overdue.
  const result = { data: { result: 'Selesai.' } };
  await workItem('W1', '2026-04-06T09:00:00', [
    ['accept', '2026-04-06T10:00:00', officer],
    ['submitResult', '2026-04-08T10:00:00', officer, result],
    ['approve', '2026-04-09T09:00:00', superAdmin],
  ]);
  await workItem('W2', '2026-04-28T09:00:00', [
    ['cancel', '2026-05-05T09:00:00', assigner, note('Tidak diperlukan lagi.')],
  ]);
  await workItem('W3', '2026-05-25T09:00:00', [['accept', '2026-05-25T10:00:00', officer]]);

  // An ICT complaint of DINKES never routed.
  const ict = await engine.create({
    flow: 'ICT_COMPLAINT',
    principal: unit,
    title: 'Printer rusak',
    organizationCode: 'DINKES',
    organizationName: 'Dinas Kesehatan',
    requester: person(unit),
    fields: {
      ict: {
        unit: 'Sekretariat',
        problem: 'Printer rusak',
        handlingTried: null,
        handling: null,
        followUp: null,
        reopenCount: 0,
      },
    },
    now: wib('2026-05-06T09:00:00'),
  });
  numbers.I1 = ict.number;
}, 240_000);

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('complaint statistics', () => {
  it('per agency, in total and per month, match the cases in the database', async () => {
    const now = new Date();
    const stats = await statistics.complaintStatistics(null, FROM, TO, now);
    const rows = (await rawCases()).filter((row) => row.flow === 'PUBLIC_COMPLAINT');

    const { averageRating, ...total } = stats.total;
    expect(total).toEqual({
      organizationCode: null,
      organizationName: 'Seluruh Pemda',
      ...rawComplaintRow(rows, now),
      answeredOnTime: 3,
    });
    for (const line of stats.organizations) {
      const mine = rows.filter((row) => row.organizationCode === line.organizationCode);
      expect(line).toMatchObject(rawComplaintRow(mine, now));
    }
    expect(stats.organizations.map((line) => line.organizationCode).sort()).toEqual(
      [...new Set(rows.map((row) => row.organizationCode))].sort(),
    );
    for (const month of stats.months) {
      const mine = rows.filter((row) => localMonth(row.createdAt) === month.month);
      const raw = rawComplaintRow(mine, now);
      expect([month.received, month.answered]).toEqual([raw.received, raw.answered]);
    }

    // As designed: A1–A7 filed in range, A3 rejected; A1 A2 A4 A6 answered, A2 late (A4's first
    // answer on time); A1 A4 A6 closed and rated 4, 2, 5; A2 A5 A7 open and overdue (A2 waits for
    // the citizen, but its follow-up was late when the answer paused it).
    expect(stats).toMatchObject({ from: FROM, to: TO });
    expect(stats.total).toMatchObject({
      received: 6,
      rejected: 1,
      answered: 4,
      answeredOnTime: 3,
      closed: 3,
      rated: 3,
      ratingSum: 11,
      open: 3,
      overdue: 3,
    });
    expect(averageRating).toBe(3.7);
    expect(stats.organizations).toEqual([
      {
        organizationCode: 'DINKES',
        organizationName: 'Dinas Kesehatan',
        received: 3,
        rejected: 1,
        answered: 2,
        answeredOnTime: 1,
        closed: 1,
        rated: 1,
        ratingSum: 4,
        averageRating: 4,
        open: 2,
        overdue: 2,
      },
      {
        organizationCode: 'DPUPR',
        organizationName: 'DPUPR',
        received: 3,
        rejected: 0,
        answered: 2,
        answeredOnTime: 2,
        closed: 2,
        rated: 2,
        ratingSum: 7,
        averageRating: 3.5,
        open: 1,
        overdue: 1,
      },
    ]);
    // A4 (30 April, 23:30 WIB) is April's, A5 (1 May, 00:30 WIB) May's.
    expect(stats.months).toEqual([
      { month: '2026-04', received: 3, answered: 3, answeredOnTime: 2 },
      { month: '2026-05', received: 3, answered: 1, answeredOnTime: 1 },
    ]);
    // Open data: figures only.
    expect(JSON.stringify(stats)).not.toContain(CONTACT_EMAIL);
    expect(JSON.stringify(stats)).not.toContain('A1');
  });

  it('lists every month of the range, empty ones included', async () => {
    const stats = await statistics.complaintStatistics(null, '2026-02-15', '2026-04-05');
    expect(stats.months).toEqual([
      { month: '2026-02', received: 0, answered: 0, answeredOnTime: 0 },
      { month: '2026-03', received: 1, answered: 0, answeredOnTime: 0 },
      { month: '2026-04', received: 0, answered: 0, answeredOnTime: 0 },
    ]);
    // A0 (31 March WIB) only, in follow-up; A1 was filed on 6 April.
    expect(stats.total).toMatchObject({ received: 1, open: 1, overdue: 1, averageRating: null });
  });

  it('refuses malformed dates, reversed ranges and ranges over three years', async () => {
    for (const [from, to] of [
      ['2026-02-30', '2026-03-01'],
      ['2026-4-1', '2026-05-01'],
      ['2026-05-01', '2026-04-30'],
      ['2023-01-01', '2026-01-01'],
      ['1999-12-31', '2000-01-01'],
    ] as const) {
      expect(await failure(statistics.complaintStatistics(null, from, to))).toBe('BAD_USER_INPUT');
    }
    const longest = await statistics.complaintStatistics(null, '2023-01-02', '2026-01-01');
    expect(longest.months).toHaveLength(37);
  });
});

describe('service-time statistics', () => {
  it('per flow and answerable organization match the cases in the database', async () => {
    const now = new Date();
    const lines = await statistics.serviceTimeStatistics(pimpinan, FROM, TO, now);
    const rows = await rawCases();
    const keys = [...new Set(rows.map((row) => `${row.flow} ${rawResponsible(row)}`))].sort();
    expect(lines.map((line) => `${line.flow} ${line.organizationCode}`).sort()).toEqual(keys);
    for (const line of lines) {
      const mine = rows.filter(
        (row) => row.flow === line.flow && rawResponsible(row) === line.organizationCode,
      );
      const completed = mine.filter(rawCompleted);
      expect(line).toMatchObject({
        received: mine.length,
        completed: completed.length,
        completedOnTime: completed.filter((row) => row.onTime === true).length,
        open: mine.filter((row) => row.closedAt == null).length,
        overdue: mine.filter((row) => rawOverdue(row, now)).length,
      });
    }

    const figures = lines.map((line) => [
      line.flow,
      line.organizationName,
      line.received,
      line.completed,
      line.completedOnTime,
      line.open,
      line.overdue,
    ]);
    expect(figures).toEqual([
      // K1 handled (on time) by DPUPR's officer; K2 not routed yet: still DINKES's.
      ['CONSULTATION', 'Dinas Kesehatan', 1, 0, 0, 1, 1],
      ['CONSULTATION', 'DPUPR', 1, 1, 1, 0, 0],
      // W2 cancelled: neither completed nor open.
      ['WORK_ITEM', 'DPUPR', 3, 1, 1, 1, 1],
      ['ICT_COMPLAINT', 'Dinas Kesehatan', 1, 0, 0, 1, 1],
      // A4 closed late (its second answer), A6 on time.
      ['PUBLIC_COMPLAINT', 'Dinas Kesehatan', 4, 1, 1, 2, 2],
      ['PUBLIC_COMPLAINT', 'DPUPR', 3, 2, 1, 1, 1],
    ]);
  });
});

describe('statistic records', () => {
  it('lists the cases behind a line, newest first, without contact data', async () => {
    const records = await statistics.statisticRecords(
      superAdmin,
      'PUBLIC_COMPLAINT',
      'DPUPR',
      FROM,
      TO,
      200,
    );
    expect(records.map((record) => record.number)).toEqual([numbers.A6, numbers.A5, numbers.A4]);
    const [a6, a5, a4] = records;
    expect(a4).toMatchObject({
      flow: 'PUBLIC_COMPLAINT',
      title: 'A4',
      status: 'CLOSED',
      statusLabel: 'Selesai',
      receivedAt: wib('2026-04-30T23:30:00').toISOString(),
      completedAt: wib('2026-05-21T09:00:00').toISOString(),
      onTime: false,
      overdue: false,
      rating: 2,
    });
    expect(a5).toMatchObject({
      status: 'SUBMITTED',
      statusLabel: 'Menunggu Verifikasi',
      completedAt: null,
      onTime: null,
      overdue: true,
      rating: null,
    });
    expect(a6).toMatchObject({ status: 'CLOSED', onTime: true, rating: 5 });
    expect(JSON.stringify(records)).not.toContain(CONTACT_EMAIL);
    expect(JSON.stringify(records)).not.toContain('Budi');

    const newest = await statistics.statisticRecords(
      pimpinan,
      'PUBLIC_COMPLAINT',
      'DPUPR',
      FROM,
      TO,
      1,
    );
    expect(newest.map((record) => record.number)).toEqual([numbers.A6]);
  });

  it('follows the answerable organization and adds up to the service-time lines', async () => {
    const dinkes = await statistics.statisticRecords(
      pimpinan,
      'CONSULTATION',
      'DINKES',
      FROM,
      TO,
      200,
    );
    expect(dinkes.map((record) => record.number)).toEqual([numbers.K2]);
    const dpupr = await statistics.statisticRecords(
      pimpinan,
      'CONSULTATION',
      'DPUPR',
      FROM,
      TO,
      200,
    );
    expect(dpupr).toMatchObject([{ number: numbers.K1, status: 'ACKNOWLEDGED', onTime: true }]);

    for (const line of await statistics.serviceTimeStatistics(pimpinan, FROM, TO)) {
      const records = await statistics.statisticRecords(
        pimpinan,
        line.flow,
        line.organizationCode,
        FROM,
        TO,
        500,
      );
      expect(records).toHaveLength(line.received);
      expect(records.filter((record) => record.completedAt === null)).toHaveLength(line.open);
      expect(records.filter((record) => record.overdue)).toHaveLength(line.overdue);
    }
  });

  it('refuses a page size over 500 and an empty organization', async () => {
    expect(
      await failure(statistics.statisticRecords(pimpinan, 'WORK_ITEM', 'DPUPR', FROM, TO, 501)),
    ).toBe('BAD_USER_INPUT');
    expect(
      await failure(statistics.statisticRecords(pimpinan, 'WORK_ITEM', ' ', FROM, TO, 10)),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('access through the resolvers', () => {
  type Call = (root: unknown, args: unknown, context: unknown, info: unknown) => Promise<unknown>;
  const query = statisticsResolvers.Query as unknown as Record<string, Call>;
  const call = (field: string, principal: Principal | null, args: Record<string, unknown>) =>
    (query[field] as Call)(
      {},
      { from: FROM, to: TO, ...args },
      { principal, services: { statistics } } as unknown as ServiceContext,
      {},
    );
  const records = { flow: 'WORK_ITEM', organizationCode: 'DPUPR', first: 10 };

  it('opens complaint statistics to everyone and the rest to leaders and scoped partners', async () => {
    await expect(call('complaintStatistics', null, {})).resolves.toMatchObject({ from: FROM });

    expect(await failure(call('serviceTimeStatistics', null, {}))).toBe('UNAUTHENTICATED');
    expect(await failure(call('serviceTimeStatistics', unit, {}))).toBe('FORBIDDEN');
    expect(await failure(call('serviceTimeStatistics', kasubdit, {}))).toBe('FORBIDDEN');
    await expect(call('serviceTimeStatistics', superAdmin, {})).resolves.toHaveLength(6);
    const statistik = client('mitra-provinsi', ['sipadu:statistik']);
    await expect(call('serviceTimeStatistics', statistik, {})).resolves.toHaveLength(6);
    expect(await failure(call('serviceTimeStatistics', client('sipd', ['sipadu:sipd']), {}))).toBe(
      'FORBIDDEN',
    );

    expect(await failure(call('statisticRecords', unit, records))).toBe('FORBIDDEN');
    expect(await failure(call('statisticRecords', statistik, records))).toBe('FORBIDDEN');
    const internal = client('sipadu-insights', ['sipadu:internal', 'sipadu:statistik']);
    await expect(call('statisticRecords', internal, records)).resolves.toHaveLength(3);
  });
});
