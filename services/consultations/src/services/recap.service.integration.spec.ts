import { randomUUID } from 'node:crypto';
import { OrganizationDirectory, StaffDirectory } from '@sipadu/directory';
import { Outbox, type AnyEventEnvelope, type EventEnvelope } from '@sipadu/events';
import { createLogger, type Principal, type Role } from '@sipadu/service-kit';
import ExcelJS from 'exceljs';
import type { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../flows/index.js';
import type { CaseFlow, CaseRecord, PersonRecord } from '../models/case.model.js';
import { CalendarService } from './calendar.service.js';
import { CaseEngine } from './case-engine.service.js';
import { PerformanceService } from './performance.service.js';
import { RecapScheduler } from './recap-scheduler.js';
import { RecapService } from './recap.service.js';

// The monthly recaps against the real FerretDB: work items and consultations created and moved
// through their workflows with back-dated times over April and May 2026 (WIB, with the 2026
// holidays), then every recap figure checked against a count made here from the raw `cases`
// documents, and against the figures the scenario was designed to produce. Publishing stores
// the snapshot and puts the announcement with both files in the outbox; the scheduler publishes
// once, on the first working day of June (2 June: 1 June is Hari Lahir Pancasila).
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-consultations-recap-${randomUUID().slice(0, 8)}`;
const TIME_ZONE = 'Asia/Jakarta';

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
const person = (p: Principal): PersonRecord => ({
  id: p.id,
  name: p.name ?? p.id,
  organizationCode: p.organizationCode,
  roles: [...p.roles],
});

const superAdmin = user('super-admin', 'admin-1', 'DISKOMINFO');
const pimpinan = user('pimpinan', 'pimpinan-1', 'SETDA');
const direktur = user('direktur', 'direktur-1');
const kasubdit = user('kasubdit', 'kasubdit-1');
const pengelolaTik = user('pengelola-tik', 'pengelola-tik-1', 'DISKOMINFO');
const assigner = user('pemberi-tugas', 'pemberi-1');
const assignerDinkes = user('pemberi-tugas', 'pemberi-2', 'DINKES');
const officerA = user('petugas-konsultasi', 'officer-a');
const officerB = user('petugas-konsultasi', 'officer-b');
const officerC = user('pelaksana', 'officer-c', 'DINKES');
const unit = user('unit-kerja', 'unit-1', 'DINKES');

let connection: Connection;
let outbox: Outbox;
let calendar: CalendarService;
let engine: CaseEngine;
let performance: PerformanceService;
let recaps: RecapService;

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as GraphQLError).extensions?.code ?? (error as Error).message);
  }
  throw new Error('expected a failure');
}

type Step = [transition: string, at: string, by: Principal, extra?: Record<string, unknown>];

/** Applies the steps in order at their (past) times. */
async function run(flow: CaseFlow, record: CaseRecord, steps: Step[]): Promise<CaseRecord> {
  let current = record;
  for (const [transition, at, by, extra = {}] of steps) {
    current = await engine.transition({
      flow,
      id: current._id,
      revision: null,
      transition,
      principal: by,
      now: wib(at),
      ...extra,
    });
  }
  return current;
}

const note = (text: string) => ({ note: text });
const result = { data: { result: 'Pekerjaan selesai dikerjakan.' } };
const answer = { data: { answer: 'Rencana tindak lanjut disusun.' } };

async function workItem(
  title: string,
  createdAt: string,
  by: Principal,
  assignee: Principal,
  steps: Step[],
): Promise<CaseRecord> {
  const created = await engine.create({
    flow: 'WORK_ITEM',
    principal: by,
    title,
    organizationCode: by.organizationCode as string,
    organizationName: `Dinas ${by.organizationCode}`,
    requester: person(by),
    assignee: person(assignee),
    fields: {
      workItem: { description: title, result: null, returnNote: null, returnCount: 0 },
    },
    now: wib(createdAt),
  });
  return run('WORK_ITEM', created, steps);
}

const routeTo = (officer: Principal) => ({
  data: { assigneeId: officer.id },
  set: () => ({
    assigneeId: officer.id,
    assignee: person(officer),
    handlerOrganizationCode: officer.organizationCode,
  }),
});

async function consultation(title: string, createdAt: string, steps: Step[]) {
  const created = await engine.create({
    flow: 'CONSULTATION',
    principal: unit,
    title,
    organizationCode: 'DINKES',
    organizationName: 'Dinas Kesehatan',
    requester: person(unit),
    fields: {
      consultation: {
        topic: title,
        detail: title,
        answer: null,
        returnNote: null,
        returnCount: 0,
      },
    },
    now: wib(createdAt),
  });
  return run('CONSULTATION', created, steps);
}

/** Month boundaries written out (WIB = UTC+7), independent of the service's calendar code. */
const MONTHS = {
  '2026-04': { start: new Date('2026-03-31T17:00:00Z'), end: new Date('2026-04-30T17:00:00Z') },
  '2026-05': { start: new Date('2026-04-30T17:00:00Z'), end: new Date('2026-05-31T17:00:00Z') },
} as const;
type Month = keyof typeof MONTHS;
const COMPLETING: Record<string, string[]> = {
  WORK_ITEM: ['COMPLETED'],
  CONSULTATION: ['ACKNOWLEDGED'],
};
const LOOP: Record<string, string> = { WORK_ITEM: 'return', CONSULTATION: 'return' };

/** The recap's figures counted directly from the stored case documents. */
async function countFromDatabase(flow: 'WORK_ITEM' | 'CONSULTATION', month: Month) {
  const { start, end } = MONTHS[month];
  const rows = await connection.collection<CaseRecord>('cases').find({ flow }).toArray();
  const inMonth = (date: Date | null | undefined) => date != null && date >= start && date < end;
  const numbers = (list: CaseRecord[]) => list.map((row) => row.number).sort();
  const received = rows.filter((row) => inMonth(row.createdAt));
  const completed = rows.filter(
    (row) => COMPLETING[flow]?.includes(row.state) && inMonth(row.closedAt),
  );
  const open = rows.filter(
    (row) => row.createdAt < end && (row.closedAt == null || row.closedAt >= end),
  );
  const onTime = completed.filter((row) => row.onTime === true).length;
  const days = completed.map((row) => row.handlingWorkingDays as number);
  return {
    received: received.length,
    completed: completed.length,
    completedOnTime: onTime,
    onTimeShare: completed.length ? onTime / completed.length : null,
    averageHandlingDays: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
    openAtEnd: open.length,
    loops: rows
      .flatMap((row) => row.history)
      .filter((entry) => entry.transition === LOOP[flow] && inMonth(entry.at)).length,
    points: completed.reduce((sum, row) => sum + row.points, 0),
    receivedCaseNumbers: numbers(received),
    completedCaseNumbers: numbers(completed),
    openCaseNumbers: numbers(open),
    completedRows: completed,
    openRows: open,
  };
}

function closeOrNull(actual: number | null | undefined, expected: number | null, digits: number) {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, digits);
}

async function expectMatchesDatabase(flow: 'WORK_ITEM' | 'CONSULTATION', month: Month) {
  const recap = await recaps.compute(flow, month);
  const raw = await countFromDatabase(flow, month);
  expect(recap).toMatchObject({
    flow,
    month,
    received: raw.received,
    completed: raw.completed,
    completedOnTime: raw.completedOnTime,
    openAtEnd: raw.openAtEnd,
    loops: raw.loops,
    points: raw.points,
    receivedCaseNumbers: raw.receivedCaseNumbers,
    completedCaseNumbers: raw.completedCaseNumbers,
    openCaseNumbers: raw.openCaseNumbers,
  });
  closeOrNull(recap.onTimeShare, raw.onTimeShare, 4);
  closeOrNull(recap.averageHandlingDays, raw.averageHandlingDays, 2);
  expect(recap.weeks.reduce((sum, week) => sum + week.received, 0)).toBe(raw.received);
  expect(recap.weeks.reduce((sum, week) => sum + week.completed, 0)).toBe(raw.completed);

  // Officer and unit lines add up to the same cases.
  for (const lines of [recap.byOfficer, recap.byUnit]) {
    const assigned = lines === recap.byOfficer;
    const completed = raw.completedRows.filter((row) => !assigned || row.assigneeId);
    const open = raw.openRows.filter((row) => !assigned || row.assigneeId);
    expect(lines.reduce((sum, line) => sum + line.completed, 0)).toBe(completed.length);
    expect(lines.reduce((sum, line) => sum + line.open, 0)).toBe(open.length);
    expect(lines.reduce((sum, line) => sum + line.points, 0)).toBe(
      completed.reduce((sum, row) => sum + row.points, 0),
    );
  }
  for (const line of recap.byOfficer) {
    const mine = raw.completedRows.filter((row) => row.assigneeId === line.officer.id);
    expect(line.completed).toBe(mine.length);
    expect(line.onTime).toBe(mine.filter((row) => row.onTime).length);
    expect(line.open).toBe(raw.openRows.filter((row) => row.assigneeId === line.officer.id).length);
  }
  return recap;
}

async function recapEvents(): Promise<EventEnvelope<'consultations.recap.published'>[]> {
  const rows = await outbox.rows
    .find({ type: 'consultations.recap.published' })
    .sort({ seq: 1 })
    .toArray();
  return rows.map(
    (row) => JSON.parse(row.envelope) as AnyEventEnvelope,
  ) as EventEnvelope<'consultations.recap.published'>[];
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  const logger = createLogger('consultations-test', 'silent');
  outbox = new Outbox({ connection, logger });
  await outbox.init();
  calendar = new CalendarService({ connection, timeZone: TIME_ZONE, logger });
  engine = new CaseEngine({
    connection,
    outbox,
    calendar,
    flows: FLOWS,
    pointOverrides: {},
    logger,
  });
  const staff = new StaffDirectory(connection);
  const organizations = new OrganizationDirectory(connection);
  performance = new PerformanceService({ engine, staff, organizations, calendar });
  recaps = new RecapService({
    connection,
    outbox,
    engine,
    performance,
    calendar,
    timeZone: TIME_ZONE,
    logger,
  });
  await Promise.all([calendar.init(), engine.init(), staff.init(), recaps.init()]);
  // The directory knows officer A by a newer name than the cases recorded.
  await staff.remember({ ...officerA, name: 'Andi Petugas' });

  // Work items. Service times: ASSIGNED 1, IN_PROGRESS 3, IN_VERIFICATION 1 working day.
  // W1 on time in April.
  await workItem('W1', '2026-04-06T09:00:00', assigner, officerA, [
    ['accept', '2026-04-06T10:00:00', officerA],
    ['submitResult', '2026-04-08T10:00:00', officerA, result],
    ['approve', '2026-04-09T09:00:00', superAdmin],
  ]);
  // W2 accepted late (due end of 21 April), completed in April, not on time.
  await workItem('W2', '2026-04-20T09:00:00', assigner, officerA, [
    ['accept', '2026-04-22T09:00:00', officerA],
    ['submitResult', '2026-04-23T09:00:00', officerA, result],
    ['approve', '2026-04-24T09:00:00', superAdmin],
  ]);
  // W3 returned in April (a loop), completed on 4 May: 1 May is a holiday, so on time.
  await workItem('W3', '2026-04-27T09:00:00', assigner, officerB, [
    ['accept', '2026-04-27T10:00:00', officerB],
    ['submitResult', '2026-04-28T10:00:00', officerB, result],
    ['return', '2026-04-29T09:00:00', superAdmin, note('Lampiran belum lengkap.')],
    ['submitResult', '2026-04-30T15:00:00', officerB, result],
    ['approve', '2026-05-04T09:00:00', superAdmin],
  ]);
  // W4 never accepted: overdue at the end of April, cancelled in May (not completed).
  await workItem('W4', '2026-04-28T09:00:00', assigner, officerB, [
    ['cancel', '2026-05-05T09:00:00', assigner, note('Tidak diperlukan lagi.')],
  ]);
  // W8 at 23:30 WIB on 30 April (16:30 UTC): April's. Completed on time on 4 May.
  await workItem('W8', '2026-04-30T23:30:00', assigner, officerB, [
    ['accept', '2026-05-04T09:00:00', officerB],
    ['submitResult', '2026-05-04T10:00:00', officerB, result],
    ['approve', '2026-05-04T11:00:00', superAdmin],
  ]);
  // W9 at 00:30 WIB on 1 May (still 30 April in UTC): May's. On time.
  await workItem('W9', '2026-05-01T00:30:00', assigner, officerA, [
    ['accept', '2026-05-04T08:00:00', officerA],
    ['submitResult', '2026-05-06T09:00:00', officerA, result],
    ['approve', '2026-05-07T09:00:00', superAdmin],
  ]);
  // W5 returned in May, then in progress since 13 May: due end of 20 May, overdue at month end.
  await workItem('W5', '2026-05-11T09:00:00', assigner, officerA, [
    ['accept', '2026-05-11T10:00:00', officerA],
    ['submitResult', '2026-05-12T09:00:00', officerA, result],
    ['return', '2026-05-13T09:00:00', superAdmin, note('Perbaiki format laporan.')],
  ]);
  // W6 in progress since 25 May: 27–28 May, 31 May and 1 June are off, due end of 2 June.
  await workItem('W6', '2026-05-25T09:00:00', assigner, officerB, [
    ['accept', '2026-05-25T10:00:00', officerB],
  ]);
  // W7 of another organization, filed 29 May, completed in June.
  await workItem('W7', '2026-05-29T14:00:00', assignerDinkes, officerC, [
    ['accept', '2026-06-02T09:00:00', officerC],
    ['submitResult', '2026-06-03T09:00:00', officerC, result],
    ['approve', '2026-06-04T09:00:00', superAdmin],
  ]);

  // Consultations. SUBMITTED 1, DRAFTING 2, IN_REVIEW 1, APPROVED 1 working day; pauses stop.
  // K4 filed in March, drafted late, completed in April.
  await consultation('K4', '2026-03-30T09:00:00', [
    ['route', '2026-03-30T10:00:00', superAdmin, routeTo(officerA)],
    ['submitDraft', '2026-04-02T09:00:00', officerA, answer],
    ['approve', '2026-04-02T10:00:00', kasubdit],
    ['deliver', '2026-04-02T11:00:00', officerA],
    ['acknowledge', '2026-04-06T09:00:00', unit],
  ]);
  // K1 with a pause for information and a return, all on time, completed in April.
  await consultation('K1', '2026-04-07T09:00:00', [
    ['route', '2026-04-07T11:00:00', superAdmin, routeTo(officerA)],
    ['requestInformation', '2026-04-08T09:00:00', officerA, note('Mohon data pendukung.')],
    ['provideInformation', '2026-04-13T10:00:00', unit, note('Data terlampir.')],
    ['submitDraft', '2026-04-15T09:00:00', officerA, answer],
    ['return', '2026-04-16T09:00:00', kasubdit, note('Lengkapi dasar hukum.')],
    ['submitDraft', '2026-04-17T10:00:00', officerA, answer],
    ['approve', '2026-04-17T14:00:00', kasubdit],
    ['deliver', '2026-04-20T09:00:00', officerA],
    ['acknowledge', '2026-04-22T09:00:00', unit],
  ]);
  // K6 drafting overdue at the end of April (due end of 27 April), in review since 4 May.
  await consultation('K6', '2026-04-23T09:00:00', [
    ['route', '2026-04-23T10:00:00', superAdmin, routeTo(officerA)],
    ['submitDraft', '2026-05-04T09:00:00', officerA, answer],
  ]);
  // K2 routed late, completed in May.
  await consultation('K2', '2026-04-28T09:00:00', [
    ['route', '2026-04-30T09:00:00', superAdmin, routeTo(officerB)],
    ['submitDraft', '2026-05-04T09:00:00', officerB, answer],
    ['approve', '2026-05-05T09:00:00', kasubdit],
    ['deliver', '2026-05-05T10:00:00', officerB],
    ['acknowledge', '2026-05-06T09:00:00', unit],
  ]);
  // K5 returned in May, in review since 11 May (due end of 12 May).
  await consultation('K5', '2026-04-29T09:00:00', [
    ['route', '2026-04-29T10:00:00', superAdmin, routeTo(officerB)],
    ['submitDraft', '2026-05-04T09:00:00', officerB, answer],
    ['return', '2026-05-04T15:00:00', kasubdit, note('Belum menjawab pertanyaan.')],
    ['submitDraft', '2026-05-11T09:00:00', officerB, answer],
  ]);
  // K7 waiting for the unit since 18 May: paused, so not overdue however long it waits.
  await consultation('K7', '2026-05-18T09:00:00', [
    ['route', '2026-05-18T10:00:00', superAdmin, routeTo(officerB)],
    ['requestInformation', '2026-05-18T11:00:00', officerB, note('Mohon peta lokasi.')],
  ]);
  // K3 never routed: 27–28 May are off, due end of 29 May.
  await consultation('K3', '2026-05-26T09:00:00', []);
}, 240_000);

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('monthly recap numbers match the cases in the database', () => {
  it('work items, April 2026', async () => {
    const recap = await expectMatchesDatabase('WORK_ITEM', '2026-04');
    // As designed: W1 W2 W3 W4 W8 received; W1 (on time) and W2 completed; W3 W4 W8 open, of
    // which W4 overdue; W3's return; W1 8+2 and W2 8 points.
    expect(recap).toMatchObject({
      flowLabel: 'Pekerjaan Internal',
      monthLabel: 'April 2026',
      received: 5,
      completed: 2,
      completedOnTime: 1,
      onTimeShare: 0.5,
      openAtEnd: 3,
      overdueAtEnd: 1,
      loops: 1,
      points: 18,
    });
    expect(recap.byOfficer.map((line) => [line.officer.name, line.points, line.open])).toEqual([
      ['Andi Petugas', 18, 0],
      ['Nama officer-b', 0, 3],
    ]);
  });

  it('work items, May 2026 (cancelled is not completed; month boundary in WIB)', async () => {
    const recap = await expectMatchesDatabase('WORK_ITEM', '2026-05');
    // W9 W5 W6 W7 received; W3 W8 W9 completed on time (W4 cancelled); W5 W6 W7 open, W5
    // overdue; W5's return; 3 × 10 points.
    expect(recap).toMatchObject({
      received: 4,
      completed: 3,
      completedOnTime: 3,
      onTimeShare: 1,
      openAtEnd: 3,
      overdueAtEnd: 1,
      loops: 1,
      points: 30,
    });
    expect(recap.receivedCaseNumbers).toHaveLength(4);
    expect(recap.byUnit.map((line) => [line.organizationCode, line.completed, line.open])).toEqual([
      ['DPUPR', 3, 2],
      ['DINKES', 0, 1],
    ]);
  });

  it('consultations, April 2026 (a case filed in March counts when completed)', async () => {
    const recap = await expectMatchesDatabase('CONSULTATION', '2026-04');
    // K1 K6 K2 K5 received; K4 (late) and K1 (on time despite its pause) completed; K6 K2 K5
    // open, K6 overdue; K1's return; K4 10 and K1 10+2 points.
    expect(recap).toMatchObject({
      received: 4,
      completed: 2,
      completedOnTime: 1,
      openAtEnd: 3,
      overdueAtEnd: 1,
      loops: 1,
      points: 22,
    });
  });

  it('consultations, May 2026 (a paused case is open but not overdue)', async () => {
    const recap = await expectMatchesDatabase('CONSULTATION', '2026-05');
    // K7 K3 received; K2 completed late; K6 K5 K7 K3 open, all but K7 overdue; K5's return.
    expect(recap).toMatchObject({
      received: 2,
      completed: 1,
      completedOnTime: 0,
      onTimeShare: 0,
      openAtEnd: 4,
      overdueAtEnd: 3,
      loops: 1,
      points: 10,
    });
  });

  it('refuses months that are malformed or have not begun, and readers of other flows', async () => {
    expect(await failure(recaps.compute('WORK_ITEM', '2026-13'))).toBe('BAD_USER_INPUT');
    expect(await failure(recaps.compute('WORK_ITEM', '2999-01'))).toBe('BAD_USER_INPUT');
    expect(await failure(recaps.monthlyRecap(kasubdit, 'CONSULTATION', '2026-04'))).toBe(
      'FORBIDDEN',
    );
    expect(await failure(recaps.monthlyRecap(pengelolaTik, 'WORK_ITEM', '2026-04'))).toBe(
      'FORBIDDEN',
    );
    expect(await failure(recaps.monthlyRecap(null, 'WORK_ITEM', '2026-04'))).toBe(
      'UNAUTHENTICATED',
    );
    const ict = await recaps.monthlyRecap(pengelolaTik, 'ICT_COMPLAINT', '2026-04');
    expect(ict).toMatchObject({ received: 0, completed: 0, onTimeShare: null, byOfficer: [] });
  });
});

describe('performance points', () => {
  it('per officer and unit over a month and a year, within the caller scope', async () => {
    const april = await performance.report(superAdmin, '2026-04', 'WORK_ITEM');
    const recap = await recaps.compute('WORK_ITEM', '2026-04');
    expect(april.officers).toEqual(recap.byOfficer);
    expect(april.units).toEqual(recap.byUnit);
    expect(april.pointRules).toEqual([
      { flow: 'WORK_ITEM', event: 'pekerjaan diterima', points: 8, onTimeBonus: 2 },
    ]);

    const year = await performance.report(pimpinan, '2026');
    const officerA2026 = year.officers.find((line) => line.officer.id === officerA.id);
    // W1 10 + W2 8 + W9 10 (work items), K4 10 + K1 12 (consultations); W5 and K6 still open.
    expect(officerA2026).toMatchObject({ points: 50, completed: 5, onTime: 3, open: 2 });
    expect(year.pointRules.map((rule) => rule.flow)).toEqual([
      'CONSULTATION',
      'WORK_ITEM',
      'ICT_COMPLAINT',
    ]);

    // The direktur of DPUPR: DPUPR's work items and the consultations DPUPR handles, not DINKES's
    // work item.
    const scoped = await performance.report(direktur, '2026-05');
    expect(scoped.units.map((line) => line.organizationCode).sort()).toEqual(['DINKES', 'DPUPR']);
    expect(scoped.officers.some((line) => line.officer.id === officerC.id)).toBe(false);
    const filtered = await performance.report(superAdmin, '2026-05', 'WORK_ITEM', 'DINKES');
    expect(filtered.officers.map((line) => line.officer.id)).toEqual([officerC.id]);

    expect(await failure(performance.report(pengelolaTik, '2026-04', 'CONSULTATION'))).toBe(
      'FORBIDDEN',
    );
    expect(await failure(performance.report(officerA, '2026-04'))).toBe('FORBIDDEN');
    expect(await failure(performance.report(superAdmin, 'April 2026'))).toBe('BAD_USER_INPUT');
  });
});

describe('publishing', () => {
  it('stores the snapshot and announces it with the PDF and the workbook', async () => {
    expect(await failure(recaps.publish('WORK_ITEM', '2026-04', 'MANUAL', pimpinan))).toBe(
      'FORBIDDEN',
    );
    expect(await failure(recaps.publish('WORK_ITEM', '2026-04', 'MANUAL', pengelolaTik))).toBe(
      'FORBIDDEN',
    );
    const current = new Date().toISOString().slice(0, 7);
    expect(await failure(recaps.publish('WORK_ITEM', current, 'MANUAL', superAdmin))).toBe(
      'BAD_USER_INPUT',
    );

    const published = await recaps.publish('WORK_ITEM', '2026-04', 'MANUAL', direktur);
    expect(published).toMatchObject({
      id: 'WORK_ITEM:2026-04',
      flow: 'WORK_ITEM',
      month: '2026-04',
      trigger: 'MANUAL',
      publishedBy: 'Nama direktur-1',
      recap: { received: 5, completed: 2, points: 18 },
    });

    const [event] = await recapEvents();
    expect(event?.data).toMatchObject({
      recapId: 'WORK_ITEM:2026-04',
      flowLabel: 'Pekerjaan Internal',
      monthLabel: 'April 2026',
      trigger: 'MANUAL',
      received: 5,
      completed: 2,
      completedOnTime: 1,
      openAtEnd: 3,
      points: 18,
      readerRoles: ['direktur', 'super-admin', 'pimpinan'],
    });
    expect(event?.actor).toMatchObject({ type: 'user', id: direktur.id });
    const [pdf, xlsx] = event?.data.files ?? [];
    expect(pdf).toMatchObject({
      fileId: published.pdfFile?.id,
      filename: 'rekap-pekerjaan-internal-2026-04.pdf',
      contentType: 'application/pdf',
    });
    expect(
      Buffer.from(pdf?.base64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(xlsx?.fileId).toBe(published.xlsxFile?.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx?.base64 ?? '', 'base64') as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Ringkasan',
      'Petugas',
      'Unit',
      'Kasus',
    ]);
    // Header + W1 W2 W3 W4 W8 (received; W1 W2 completed; W3 W4 W8 open).
    expect(workbook.getWorksheet('Kasus')?.rowCount).toBe(1 + 5);
    expect(workbook.getWorksheet('Petugas')?.getRow(2).getCell(1).value).toBe('Andi Petugas');
    const record = await recaps.model.findById('WORK_ITEM:2026-04').lean().exec();
    expect(record?._pendingEvents ?? []).toEqual([]);
  });

  it('republishes as a new revision with new files; the listing shows the latest', async () => {
    const again = await recaps.publish('WORK_ITEM', '2026-04', 'MANUAL', superAdmin);
    const events = await recapEvents();
    expect(events).toHaveLength(2);
    expect(events[1]?.data.files[0]?.fileId).toBe(again.pdfFile?.id);
    expect(events[1]?.data.files[0]?.fileId).not.toBe(events[0]?.data.files[0]?.fileId);
    const record = await recaps.model.findById('WORK_ITEM:2026-04').lean().exec();
    expect(record?.revision).toBeGreaterThan(0);
    expect(record?.publishedBy?.id).toBe(superAdmin.id);

    const listed = await recaps.published(direktur, null, 24);
    expect(listed.map((recap) => recap.id)).toEqual(['WORK_ITEM:2026-04']);
    expect(await recaps.published(pengelolaTik, null, 24)).toEqual([]);
    expect(await failure(recaps.published(pengelolaTik, 'WORK_ITEM', 24))).toBe('FORBIDDEN');
    expect(await failure(recaps.published(kasubdit, null, 24))).toBe('FORBIDDEN');

    const file = await recaps.file(direktur, 'WORK_ITEM', '2026-04', 'XLSX');
    expect(file).toMatchObject({ filename: 'rekap-pekerjaan-internal-2026-04.xlsx' });
    expect(file.size).toBe(Buffer.from(file.base64, 'base64').length);
    // Not published: computed on the spot.
    const computed = await recaps.file(direktur, 'CONSULTATION', '2026-04', 'PDF');
    expect(Buffer.from(computed.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the recap scheduler', () => {
  it('publishes last month once, on the first working day from 07:00, across replicas', async () => {
    const logger = createLogger('consultations-test', 'silent');
    const replicas = [1, 2].map(
      () => new RecapScheduler({ recaps, calendar, intervalMs: 60_000, logger }),
    );
    const [first, second] = replicas as [RecapScheduler, RecapScheduler];
    expect(await first.runOnce(wib('2026-06-01T09:00:00'))).toEqual([]); // Hari Lahir Pancasila
    expect(await first.runOnce(wib('2026-06-02T06:30:00'))).toEqual([]);
    expect(await recapEvents()).toHaveLength(2);

    const at = wib('2026-06-02T07:05:00');
    const [a, b] = await Promise.all([first.runOnce(at), second.runOnce(at)]);
    const ids = [...a, ...b].map((recap) => recap.id).sort();
    expect(ids).toEqual([
      'CONSULTATION:2026-05',
      'ICT_COMPLAINT:2026-05',
      'PUBLIC_COMPLAINT:2026-05',
      'WORK_ITEM:2026-05',
    ]);
    expect([...a, ...b].every((recap) => recap.trigger === 'SCHEDULE')).toBe(true);
    expect(await second.runOnce(wib('2026-06-02T10:00:00'))).toEqual([]);
    expect(await first.runOnce(wib('2026-06-03T08:00:00'))).toEqual([]);

    const scheduled = (await recapEvents()).filter((event) => event.data.trigger === 'SCHEDULE');
    expect(scheduled.map((event) => event.data.recapId).sort()).toEqual(ids);
    expect(scheduled.every((event) => event.actor.type === 'system')).toBe(true);
    const ictEvent = scheduled.find((event) => event.data.flow === 'ICT_COMPLAINT');
    expect(ictEvent?.data.readerRoles).toEqual(['pengelola-tik', 'super-admin', 'pimpinan']);
    const consultations = scheduled.find((event) => event.data.flow === 'CONSULTATION');
    expect(consultations?.data).toMatchObject({ received: 2, completed: 1, openAtEnd: 4 });
  });
});
