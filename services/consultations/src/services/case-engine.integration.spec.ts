import { randomUUID } from 'node:crypto';
import { Outbox, WRITE_CLAIMS, type AnyEventEnvelope } from '@sipadu/events';
import { createLogger, type Principal, type Role } from '@sipadu/service-kit';
import { defineWorkflow, type WorkflowPrincipal } from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../flows/flow-definition.js';
import type { CaseRecord, PersonRecord } from '../models/case.model.js';
import { CalendarService } from './calendar.service.js';
import { CaseEngine, type CreateCaseInput } from './case-engine.service.js';

// The case engine against the real FerretDB, with small test workflows: numbering under
// concurrency, claimed transitions, history, events, service time on the 2026 calendar (WIB),
// the overdue sweep and the close-out figures.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-consultations-engine-${randomUUID().slice(0, 8)}`;

/** Local WIB time → instant. */
const wib = (local: string) => new Date(`${local}+07:00`);

const principal = (role: Role, id: string, organizationCode = 'DPUPR'): WorkflowPrincipal => ({
  kind: 'user',
  id,
  name: `Nama ${id}`,
  organizationCode,
  roles: [role],
});
const requester = principal('unit-kerja', 'unit-1', 'DINKES');
const otherUnit = principal('unit-kerja', 'unit-2', 'DISDIK');
const admin = principal('super-admin', 'admin-1', 'DISKOMINFO');
const officer = principal('petugas-konsultasi', 'petugas-1');
const person = (p: WorkflowPrincipal): PersonRecord => ({
  id: p.id,
  name: p.name ?? p.id,
  organizationCode: p.organizationCode,
  roles: [...p.roles],
});

const testWorkflow = defineWorkflow({
  name: 'test-consultation',
  states: {
    SUBMITTED: { label: 'Menunggu Disposisi', serviceTime: { workingDays: 1 } },
    DRAFTING: { label: 'Penyusunan Jawaban', serviceTime: { workingDays: 2 } },
    WAITING: { label: 'Menunggu Keterangan', pause: true },
    DONE: { label: 'Selesai', final: true },
    WITHDRAWN: { label: 'Ditarik', final: true },
  },
  initial: 'SUBMITTED',
  transitions: [
    {
      name: 'route',
      from: ['SUBMITTED', 'DRAFTING'],
      to: 'DRAFTING',
      label: 'mendisposisikan konsultasi',
      roles: ['super-admin'],
      requires: { fields: ['assigneeId'] },
    },
    {
      name: 'ask',
      from: 'DRAFTING',
      to: 'WAITING',
      label: 'meminta keterangan',
      roles: ['petugas-konsultasi'],
      actor: 'assignee',
      requires: { note: true },
    },
    {
      name: 'reply',
      from: 'WAITING',
      to: 'DRAFTING',
      label: 'memberikan keterangan',
      roles: ['unit-kerja'],
      actor: 'requester',
    },
    {
      name: 'withdraw',
      from: 'WAITING',
      to: 'WITHDRAWN',
      label: 'menarik konsultasi',
      roles: ['unit-kerja'],
      actor: 'requester',
    },
    {
      name: 'comment',
      from: 'DRAFTING',
      to: 'DRAFTING',
      label: 'memberi catatan',
      roles: 'any',
    },
    {
      name: 'finish',
      from: 'DRAFTING',
      to: 'DONE',
      label: 'menyelesaikan konsultasi',
      roles: ['petugas-konsultasi'],
      actor: 'assignee',
    },
  ],
});

const testFlow: FlowDefinition = {
  flow: 'CONSULTATION',
  workflow: testWorkflow,
  numberPrefix: 'KNS',
  subjectType: 'Consultation',
  linkOf: (id) => `/konsultasi/${id}`,
  canRead: (p, record) =>
    p.roles.includes('super-admin') ||
    record.requesterId === p.id ||
    record.assigneeId === p.id ||
    record.organizationCode === p.organizationCode,
  listScope: (p) =>
    p.roles.includes('super-admin')
      ? {}
      : {
          $or: [
            { requesterId: p.id },
            { assigneeId: p.id },
            { organizationCode: p.organizationCode },
          ],
        },
  pointRule: { transition: 'finish', points: 10, onTimeBonus: 5, event: 'konsultasi selesai' },
};

const complaintWorkflow = defineWorkflow({
  name: 'test-complaint',
  states: {
    SUBMITTED: { label: 'Menunggu Verifikasi', serviceTime: { workingDays: 3 } },
    ANSWERED: { label: 'Dijawab', pause: true },
    CLOSED: { label: 'Selesai', final: true },
  },
  initial: 'SUBMITTED',
  transitions: [
    {
      name: 'answer',
      from: 'SUBMITTED',
      to: 'ANSWERED',
      label: 'menjawab',
      roles: ['super-admin'],
    },
    { name: 'reply', from: 'ANSWERED', to: 'SUBMITTED', label: 'menanggapi', roles: 'any' },
    { name: 'autoClose', from: 'ANSWERED', to: 'CLOSED', label: 'menutup', roles: 'system' },
  ],
});

const complaintFlow: FlowDefinition = {
  flow: 'PUBLIC_COMPLAINT',
  workflow: complaintWorkflow,
  numberPrefix: 'ADU',
  subjectType: 'PublicComplaint',
  linkOf: (id) => `/pengaduan/${id}`,
  canRead: (p) => p.roles.includes('super-admin'),
  listScope: (p) => (p.roles.includes('super-admin') ? {} : null),
  pointRule: null,
  timer: { state: 'ANSWERED', transition: 'autoClose', dateField: 'complaint.autoCloseDate' },
};

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return {
      code: String((error as GraphQLError).extensions?.code ?? (error as Error).message),
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}

let connection: Connection;
let outbox: Outbox;
let calendar: CalendarService;
let engine: CaseEngine;

async function events(type?: string): Promise<AnyEventEnvelope[]> {
  const rows = await outbox.rows
    .find(type ? { type } : {})
    .sort({ seq: 1 })
    .toArray();
  return rows.map((row) => JSON.parse(row.envelope) as AnyEventEnvelope);
}

const consultation = (now: Date, over: Partial<CreateCaseInput> = {}) =>
  engine.create({
    flow: 'CONSULTATION',
    principal: requester,
    title: 'Retakan pada jembatan Kampung Baru',
    organizationCode: 'DINKES',
    organizationName: 'Dinas Kesehatan',
    requester: person(requester),
    extraSearch: 'Bidang Jalan',
    attachmentFileIds: ['file-1'],
    fields: {
      consultation: {
        topic: 'Retakan pada jembatan',
        detail: 'Mohon arahan.',
        answer: null,
        returnNote: null,
        returnCount: 0,
      },
    },
    now,
    ...over,
  });

const route = (record: CaseRecord, now: Date, by = admin, assignee = officer) =>
  engine.transition({
    flow: 'CONSULTATION',
    id: record._id,
    revision: record.revision,
    transition: 'route',
    principal: by,
    note: 'Mohon ditangani.',
    data: { assigneeId: assignee.id },
    set: () => ({
      assigneeId: assignee.id,
      assignee: person(assignee),
      handlerOrganizationCode: assignee.organizationCode,
    }),
    now,
  });

const step = (
  record: CaseRecord,
  transition: string,
  by: WorkflowPrincipal,
  now: Date,
  over: Record<string, unknown> = {},
) =>
  engine.transition({
    flow: 'CONSULTATION',
    id: record._id,
    revision: record.revision,
    transition,
    principal: by,
    now,
    ...over,
  });

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  const logger = createLogger('consultations-test', 'silent');
  outbox = new Outbox({ connection, logger });
  calendar = new CalendarService({ connection, timeZone: 'Asia/Jakarta', logger });
  engine = new CaseEngine({
    connection,
    outbox,
    calendar,
    flows: [testFlow, complaintFlow],
    pointOverrides: {},
    logger,
  });
  await Promise.all([calendar.init(), engine.init(), outbox.init()]);
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

beforeEach(async () => {
  await engine.model.deleteMany({});
  await outbox.rows.deleteMany({});
  await connection.collection('case_numbers').deleteMany({});
  await connection.collection(WRITE_CLAIMS).deleteMany({});
});

describe('CaseEngine.create', () => {
  it('numbers 10 concurrent cases uniquely and consecutively per flow and local year', async () => {
    // 31 Dec 2026 23:30 WIB is still 2026 locally (already 2027 nowhere west of it: 16:30 UTC).
    const created = await Promise.all(
      Array.from({ length: 10 }, () => consultation(wib('2026-12-31T23:30:00'))),
    );
    const numbers = created.map((record) => record.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 10 }, (_, i) => `KNS-2026-${String(i + 1).padStart(5, '0')}`),
    );
    const next = await consultation(wib('2027-01-01T00:30:00'));
    expect(next.number).toBe('KNS-2027-00001');
    const complaint = await engine.create({
      flow: 'PUBLIC_COMPLAINT',
      principal: { kind: 'public', id: 'public:x', name: null, organizationCode: null, roles: [] },
      title: 'Lampu jalan mati',
      organizationCode: 'DPUPR',
      organizationName: null,
      requester: null,
      fields: {},
      now: wib('2026-06-08T09:00:00'),
    });
    expect(complaint.number).toBe('ADU-2026-00001');
  });

  it('stores the case in its initial state with the create event in the outbox', async () => {
    const now = wib('2026-06-08T09:00:00');
    const record = await consultation(now);
    const stored = await engine.model.findById(record._id).lean<CaseRecord>();
    expect(stored).toMatchObject({
      state: 'SUBMITTED',
      history: [],
      requesterId: 'unit-1',
      searchText: `retakan pada jembatan kampung baru ${record.number.toLowerCase()} bidang jalan`,
      stepDueAt: wib('2026-06-10T00:00:00'),
      _pendingEvents: [],
    });
    expect(stored?.attachments).toEqual([
      { fileId: 'file-1', addedAt: now, addedBy: expect.objectContaining({ id: 'unit-1' }) },
    ]);
    const [event] = await events();
    expect(event).toMatchObject({
      type: 'consultations.case.transitioned',
      actor: { type: 'user', id: 'unit-1', org: 'DINKES' },
      subject: { type: 'Consultation', id: record._id },
      org: 'DINKES',
      data: {
        workflow: 'test-consultation',
        subjectId: record._id,
        transition: 'create',
        from: 'SUBMITTED',
        to: 'SUBMITTED',
        note: null,
        pointsAwarded: 0,
        case: {
          number: record.number,
          status: 'SUBMITTED',
          statusLabel: 'Menunggu Disposisi',
          dueDate: '2026-06-09',
          attachmentFileIds: ['file-1'],
          link: `/konsultasi/${record._id}`,
          assigneeId: null,
        },
      },
    });
  });
});

describe('CaseEngine.transition', () => {
  it('refuses wrong roles, stale revisions, wrong states, missing notes and unreadable cases', async () => {
    const now = wib('2026-06-08T09:00:00');
    const record = await consultation(now);
    const later = wib('2026-06-08T10:00:00');
    expect((await failure(route(record, later, requester))).code).toBe('FORBIDDEN');
    expect(
      (await failure(route({ ...record, revision: record.revision - 1 }, later))).message,
    ).toBe('Data sudah diubah oleh pengguna lain. Muat ulang lalu coba lagi.');
    // A reader who holds the role, in the wrong state.
    const wrongState = await failure(
      step(record, 'finish', principal('petugas-konsultasi', 'petugas-x', 'DINKES'), later),
    );
    expect(wrongState).toEqual({
      code: 'CONFLICT',
      message: 'Tidak dapat menyelesaikan konsultasi: status saat ini Menunggu Disposisi.',
    });
    // Who may not read the case learns nothing about it.
    expect((await failure(step(record, 'finish', officer, later))).code).toBe('NOT_FOUND');
    expect((await failure(step(record, 'reply', otherUnit, later))).code).toBe('NOT_FOUND');
    expect(
      (await failure(engine.transition({ ...baseOf(record), id: 'nope', principal: admin })))
        .message,
    ).toBe('Kasus tidak ditemukan.');

    const routed = await route(record, later);
    const missing = await failure(step(routed, 'ask', officer, later, { note: '  ' }));
    expect(missing.code).toBe('BAD_USER_INPUT');
    // Nothing was written by the refused attempts.
    const stored = await engine.model.findById(record._id).lean<CaseRecord>();
    expect(stored?.history.map((entry) => entry.transition)).toEqual(['route']);
  });

  it('appends history, writes the set paths and publishes the transition with the case facts', async () => {
    const record = await consultation(wib('2026-06-08T09:00:00'));
    const at = wib('2026-06-08T10:00:00');
    const routed = await engine.transition({
      ...baseOf(record),
      transition: 'route',
      principal: admin,
      note: ' Mohon ditangani. ',
      data: { assigneeId: officer.id },
      attachmentFileIds: ['file-1', 'file-2'],
      set: (current) => ({
        assigneeId: officer.id,
        assignee: person(officer),
        handlerOrganizationCode: 'DPUPR',
        'consultation.returnCount': (current.consultation?.returnCount ?? 0) + 1,
      }),
      now: at,
    });
    expect(routed.revision).toBeGreaterThan(record.revision);
    expect(routed).toMatchObject({
      state: 'DRAFTING',
      assigneeId: 'petugas-1',
      handlerOrganizationCode: 'DPUPR',
      consultation: { topic: 'Retakan pada jembatan', returnCount: 1 },
      updatedAt: at,
      stepDueAt: wib('2026-06-11T00:00:00'),
    });
    expect(routed.history).toEqual([
      {
        transition: 'route',
        from: 'SUBMITTED',
        to: 'DRAFTING',
        actor: {
          kind: 'user',
          id: 'admin-1',
          name: 'Nama admin-1',
          organization: 'DISKOMINFO',
          roles: ['super-admin'],
        },
        at,
        note: 'Mohon ditangani.',
      },
    ]);
    expect(routed.attachments.map((a) => [a.fileId, a.addedBy.id])).toEqual([
      ['file-1', 'unit-1'],
      ['file-2', 'admin-1'],
    ]);
    expect(engine.historyView(routed)[0]).toMatchObject({
      label: 'mendisposisikan konsultasi',
      fromLabel: 'Menunggu Disposisi',
      toLabel: 'Penyusunan Jawaban',
      actor: { organizationCode: 'DISKOMINFO' },
      at: at.toISOString(),
    });
    expect(engine.actions(routed, officer).map((a) => a.name)).toEqual([
      'ask',
      'comment',
      'finish',
    ]);
    expect(engine.actions(routed, requester).map((a) => a.name)).toEqual(['comment']);

    const [, transitioned] = await events('consultations.case.transitioned');
    expect(transitioned?.data).toMatchObject({
      transition: 'route',
      from: 'SUBMITTED',
      to: 'DRAFTING',
      note: 'Mohon ditangani.',
      at: at.toISOString(),
      actor: { kind: 'user', id: 'admin-1' },
      pointsAwarded: 0,
      case: {
        assigneeId: 'petugas-1',
        assigneeName: 'Nama petugas-1',
        handlerOrganizationCode: 'DPUPR',
        status: 'DRAFTING',
        dueDate: '2026-06-10',
        attachmentFileIds: ['file-1', 'file-2'],
      },
    });
    const stored = await engine.model.findById(record._id).lean<CaseRecord>();
    expect(stored?._pendingEvents).toEqual([]);
  });

  it('lets exactly one of 10 concurrent transitions of a revision win', async () => {
    const record = await consultation(wib('2026-06-08T09:00:00'));
    const officers = Array.from({ length: 10 }, (_, i) =>
      principal('petugas-konsultasi', `petugas-${i}`),
    );
    const results = await Promise.allSettled(
      officers.map((o) => route(record, wib('2026-06-08T10:00:00'), admin, o)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      expect((lost.reason as GraphQLError).extensions.code).toBe('CONFLICT');
    }
    const stored = await engine.model.findById(record._id).lean<CaseRecord>();
    expect(stored?.history).toHaveLength(1);
    expect(stored?.assigneeId).toBe(
      (won[0] as PromiseFulfilledResult<CaseRecord>).value.assigneeId,
    );
    expect(await events('consultations.case.transitioned')).toHaveLength(2);
  });

  it('retries transitions without a revision on the fresh record (citizen and system paths)', async () => {
    const routed = await route(
      await consultation(wib('2026-06-08T09:00:00')),
      wib('2026-06-08T10:00:00'),
    );
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        engine.transition({
          ...baseOf(routed),
          revision: null,
          transition: 'comment',
          principal: principal('unit-kerja', `unit-${i}`, 'DINKES'),
          now: wib('2026-06-08T11:00:00'),
        }),
      ),
    );
    const stored = await engine.model.findById(routed._id).lean<CaseRecord>();
    expect(stored?.history.map((entry) => entry.transition)).toEqual([
      'route',
      'comment',
      'comment',
      'comment',
      'comment',
    ]);
  });
});

describe('service time', () => {
  it('is due at the end of Tuesday 2 June for a 1-day step submitted on the Friday before the 1 June holiday', async () => {
    const record = await consultation(wib('2026-05-29T15:00:00'));
    expect(record.stepDueAt).toEqual(wib('2026-06-03T00:00:00'));
    expect(engine.clock(record, wib('2026-06-01T12:00:00'))).toMatchObject({
      step: 'SUBMITTED',
      stepLabel: 'Menunggu Disposisi',
      paused: false,
      serviceWorkingDays: 1,
      remainingWorkingDays: 1,
      dueDate: '2026-06-02',
      dueAt: wib('2026-06-03T00:00:00').toISOString(),
      overdue: false,
    });
    expect(engine.clock(record, wib('2026-06-03T00:00:00')).overdue).toBe(true);
  });

  it('stops the clock while paused: the due date moves by the paused working days', async () => {
    const routed = await route(
      await consultation(wib('2026-06-08T09:00:00')),
      wib('2026-06-08T10:00:00'),
    );
    // Counting Tue 9 and Wed 10: due at the end of Wednesday.
    expect(engine.clock(routed).dueDate).toBe('2026-06-10');
    const asked = await step(routed, 'ask', officer, wib('2026-06-09T10:00:00'), {
      note: 'Lampirkan foto retakan.',
    });
    expect(asked.stepDueAt).toBeNull();
    expect(engine.clock(asked, wib('2026-06-10T12:00:00'))).toMatchObject({
      step: 'DRAFTING',
      paused: true,
      dueAt: null,
      overdue: false,
    });
    // Tue 9, Wed 10 and Thu 11 are touched by the pause; Fri 12 and Mon 15 count.
    const replied = await step(asked, 'reply', requester, wib('2026-06-11T10:00:00'));
    expect(engine.clock(replied, wib('2026-06-11T10:00:00')).dueDate).toBe('2026-06-15');
    expect(replied.stepDueAt).toEqual(wib('2026-06-16T00:00:00'));
    expect(replied.stepOutcomes).toEqual([
      expect.objectContaining({ step: 'SUBMITTED', onTime: true }),
    ]);
  });

  it('raises exactly one overdue event per step', async () => {
    const record = await consultation(wib('2026-05-29T15:00:00'));
    expect(await engine.sweep(wib('2026-06-02T23:59:00'))).toEqual({ overdue: 0, autoClosed: 0 });
    const [first, again] = await Promise.all([
      engine.sweep(wib('2026-06-03T08:00:00')),
      engine.sweep(wib('2026-06-03T08:00:00')),
    ]);
    expect(first.overdue + again.overdue).toBe(1);
    expect((await engine.sweep(wib('2026-06-04T08:00:00'))).overdue).toBe(0);
    const overdue = await events('consultations.case.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      actor: { type: 'system', id: null },
      subject: { type: 'Consultation', id: record._id },
      data: {
        step: 'SUBMITTED',
        stepLabel: 'Menunggu Disposisi',
        dueDate: '2026-06-02',
        dueAt: wib('2026-06-03T00:00:00').toISOString(),
        case: { id: record._id, status: 'SUBMITTED' },
      },
    });
    const late = await engine.model.findById(record._id).lean<CaseRecord>();
    expect(
      (
        await engine.list({
          flow: 'CONSULTATION',
          principal: admin,
          queue: 'OVERDUE',
          first: 10,
        })
      ).nodes.map((node) => node._id),
    ).toEqual([record._id]);

    // The next step is a new one: reported once again when it runs late.
    const routed = await route(late as CaseRecord, wib('2026-06-03T09:00:00'));
    expect(routed.overdueReportedFor).toBeNull();
    expect(routed.stepOutcomes).toEqual([
      expect.objectContaining({ step: 'SUBMITTED', onTime: false }),
    ]);
    expect((await engine.sweep(wib('2026-06-06T09:00:00'))).overdue).toBe(1);
    expect((await engine.sweep(wib('2026-06-07T09:00:00'))).overdue).toBe(0);
    expect(
      (await events('consultations.case.overdue')).map(
        (event) => (event.data as { step: string }).step,
      ),
    ).toEqual(['SUBMITTED', 'DRAFTING']);
  });

  it('writes step outcomes, onTime, handling time and points when the case closes', async () => {
    const routed = await route(
      await consultation(wib('2026-06-08T09:00:00')),
      wib('2026-06-08T10:00:00'),
    );
    const done = await step(routed, 'finish', officer, wib('2026-06-09T12:00:00'));
    expect(done).toMatchObject({
      state: 'DONE',
      closedAt: wib('2026-06-09T12:00:00'),
      onTime: true,
      // Monday 09:00–24:00 (15/24) and Tuesday 00:00–12:00 (12/24).
      handlingWorkingDays: 1.13,
      points: 15,
      stepDueAt: null,
    });
    expect(done.stepOutcomes).toEqual([
      {
        step: 'SUBMITTED',
        startedAt: wib('2026-06-08T09:00:00'),
        endedAt: wib('2026-06-08T10:00:00'),
        dueAt: wib('2026-06-10T00:00:00'),
        onTime: true,
        workingDays: 0.04,
      },
      {
        step: 'DRAFTING',
        startedAt: wib('2026-06-08T10:00:00'),
        endedAt: wib('2026-06-09T12:00:00'),
        dueAt: wib('2026-06-11T00:00:00'),
        onTime: true,
        workingDays: 1.08,
      },
    ]);
    const transitioned = await events('consultations.case.transitioned');
    expect(transitioned.at(-1)?.data).toMatchObject({
      transition: 'finish',
      pointsAwarded: 15,
      case: { status: 'DONE', dueAt: null, dueDate: null },
    });

    // Late: the step ran past Wednesday; no on-time bonus.
    const lateRouted = await route(
      await consultation(wib('2026-06-08T09:00:00')),
      wib('2026-06-08T10:00:00'),
    );
    const late = await step(lateRouted, 'finish', officer, wib('2026-06-12T09:00:00'));
    expect(late).toMatchObject({ onTime: false, points: 10 });
    expect(late.stepOutcomes.at(-1)).toMatchObject({ step: 'DRAFTING', onTime: false });
  });

  it('ends a step left for a pause it never returned from when the pause began', async () => {
    const routed = await route(
      await consultation(wib('2026-06-08T09:00:00')),
      wib('2026-06-08T10:00:00'),
    );
    const asked = await step(routed, 'ask', officer, wib('2026-06-09T10:00:00'), { note: 'Foto?' });
    const withdrawn = await step(asked, 'withdraw', requester, wib('2026-06-19T10:00:00'));
    expect(withdrawn.stepOutcomes.at(-1)).toEqual({
      step: 'DRAFTING',
      startedAt: wib('2026-06-08T10:00:00'),
      endedAt: wib('2026-06-09T10:00:00'),
      dueAt: wib('2026-06-11T00:00:00'),
      onTime: true,
      workingDays: 1,
    });
    // The pause does not count as handling time; there is no point rule for withdrawing.
    expect(withdrawn).toMatchObject({ onTime: true, handlingWorkingDays: 1.04, points: 0 });
  });

  it('closes an answered public complaint after its autoCloseDate, once', async () => {
    const complaint = await engine.create({
      flow: 'PUBLIC_COMPLAINT',
      principal: { kind: 'public', id: 'public:x', name: null, organizationCode: null, roles: [] },
      title: 'Lampu jalan mati',
      organizationCode: 'DPUPR',
      organizationName: null,
      requester: null,
      fields: {},
      now: wib('2026-06-08T09:00:00'),
    });
    const answered = await engine.transition({
      flow: 'PUBLIC_COMPLAINT',
      id: complaint._id,
      revision: complaint.revision,
      transition: 'answer',
      principal: admin,
      set: () => ({ complaint: { autoCloseDate: '2026-06-22' } }),
      now: wib('2026-06-08T10:00:00'),
    });
    expect(answered.state).toBe('ANSWERED');
    expect((await engine.sweep(wib('2026-06-22T20:00:00'))).autoClosed).toBe(0);
    const results = await Promise.all([
      engine.sweep(wib('2026-06-23T08:00:00')),
      engine.sweep(wib('2026-06-23T08:00:00')),
    ]);
    expect(results[0].autoClosed + results[1].autoClosed).toBe(1);
    const closed = await engine.model.findById(complaint._id).lean<CaseRecord>();
    expect(closed).toMatchObject({ state: 'CLOSED', onTime: true, closedAt: expect.any(Date) });
    expect(closed?.history.at(-1)).toMatchObject({
      transition: 'autoClose',
      actor: { kind: 'system', id: 'system' },
    });
    const envelope = (await events('consultations.case.transitioned')).at(-1);
    expect(envelope).toMatchObject({ actor: { type: 'system', id: null }, org: 'DPUPR' });
  });
});

describe('CaseEngine.list and get', () => {
  it('pages newest first within the scope, by queue and search', async () => {
    const a = await consultation(wib('2026-06-08T09:00:00'));
    const b = await consultation(wib('2026-06-08T10:00:00'), { title: 'Drainase tersumbat' });
    const c = await consultation(wib('2026-06-08T11:00:00'), {
      principal: otherUnit,
      requester: person(otherUnit),
      organizationCode: 'DISDIK',
    });
    const routed = await route(b, wib('2026-06-08T12:00:00'));

    const page = (over: Record<string, unknown>) =>
      engine.list({ flow: 'CONSULTATION', principal: admin, queue: 'ALL', first: 20, ...over });
    const first = await page({ first: 2 });
    expect(first.nodes.map((n) => n._id)).toEqual([c._id, b._id]);
    expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
    const second = await page({ first: 2, after: first.endCursor });
    expect(second.nodes.map((n) => n._id)).toEqual([a._id]);
    expect(second.hasNextPage).toBe(false);

    expect((await page({ search: 'DRAINASE' })).nodes.map((n) => n._id)).toEqual([b._id]);
    expect((await page({ search: a.number })).nodes.map((n) => n._id)).toEqual([a._id]);
    expect((await page({ search: '(.*' })).totalCount).toBe(0);
    expect((await page({ states: ['DRAFTING'] })).nodes.map((n) => n._id)).toEqual([b._id]);
    // super-admin routes submitted cases; the re-route of a drafting one is not "waiting".
    expect((await page({ queue: 'MINE' })).nodes.map((n) => n._id)).toEqual([c._id, a._id]);
    const mine = await engine.list({
      flow: 'CONSULTATION',
      principal: officer,
      queue: 'MINE',
      first: 20,
    });
    expect(mine.nodes.map((n) => n._id)).toEqual([routed._id]);
    const requested = await engine.list({
      flow: 'CONSULTATION',
      principal: otherUnit,
      queue: 'ALL',
      first: 20,
    });
    expect(requested.nodes.map((n) => n._id)).toEqual([c._id]);

    expect(await engine.get('CONSULTATION', c._id, otherUnit)).toMatchObject({ _id: c._id });
    expect(await engine.get('CONSULTATION', c._id, requester)).toBeNull();
    expect(await engine.get('CONSULTATION', c._id, null)).toBeNull();
    expect(await engine.get('PUBLIC_COMPLAINT', c._id, admin)).toBeNull();
  });
});

/** The identifying part of a transition input for a record. */
function baseOf(record: CaseRecord) {
  return {
    flow: 'CONSULTATION' as const,
    id: record._id,
    revision: record.revision,
    transition: 'route',
  };
}

describe('CalendarService', () => {
  const superAdmin = {
    kind: 'user',
    id: 'admin-1',
    username: 'super-admin',
    name: 'Super Admin',
    email: null,
    organizationCode: 'DISKOMINFO',
    roles: ['super-admin'],
    clientId: null,
    scopes: [],
    expiresAt: 0,
  } satisfies Principal;

  it('ships 2026, imports a year all-or-nothing and the engine counts the new holidays', async () => {
    const shipped = await calendar.year(2026);
    expect(shipped).toMatchObject({ year: 2026, timeZone: 'Asia/Jakarta' });
    expect(shipped.holidays).toContainEqual({
      date: '2026-06-01',
      name: 'Hari Lahir Pancasila',
      kind: 'libur-nasional',
    });
    expect(shipped.source).toMatch(/^Data bawaan/);
    const before = await calendar.year(2027);
    expect(before).toMatchObject({ holidays: [], workingDays: 261 });

    const refused = await calendar.importCsv(
      superAdmin,
      2027,
      'tanggal;jenis;keterangan\n2027-01-01;libur-nasional;Tahun Baru\n2027-13-01;cuti-bersama;X',
    );
    expect(refused).toMatchObject({ imported: 0, errors: [{ line: 3 }] });
    expect((await calendar.year(2027)).holidays).toEqual([]);
    expect(
      (await failure(calendar.importCsv({ ...superAdmin, roles: ['admin-opd'] }, 2027, 'x'))).code,
    ).toBe('FORBIDDEN');

    const imported = await calendar.importCsv(
      superAdmin,
      2027,
      '2027-01-01;libur-nasional;Tahun Baru 2027\n2027-01-04;cuti-bersama;Cuti Bersama Tahun Baru',
    );
    expect(imported).toMatchObject({ year: 2027, imported: 2, errors: [] });
    expect(imported.calendar).toMatchObject({ workingDays: 259 });
    expect(imported.calendar.source).toMatch(/^Impor \d+ Januari|^Impor .* oleh Super Admin$/);
    // Friday 1 Jan and Monday 4 Jan are off: a case filed on Thursday 31 Dec is due on Tuesday.
    const record = await consultation(wib('2026-12-31T10:00:00'));
    expect(engine.clock(record, wib('2026-12-31T11:00:00')).dueDate).toBe('2027-01-05');
    expect(engine.clock(record, wib('2026-12-30T10:00:00')).stepStartedAt).toBe(
      record.createdAt.toISOString(),
    );

    // Another replica sees the import on its next read of the holidays.
    const replica = new CalendarService({
      connection,
      timeZone: 'Asia/Jakarta',
      logger: createLogger('consultations-test', 'silent'),
    });
    await replica.init();
    expect(replica.calendar().isWorkingDay('2027-01-04')).toBe(false);
  });
});
