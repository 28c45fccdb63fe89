// The three staff flows of SI-KIMR (consultation, work item, ICT complaint) on the whole
// consultations service with real FerretDB and NATS JetStream: every step through the flow
// services at back-dated instants (so service times are exact), the return and reopen loops, the
// information pause that stops the clock, refused roles and relations, read scopes, points
// awarded once, events relayed to NATS; and the resolvers' gate over HTTP with signed tokens.
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { AnyEventEnvelope } from '@sipadu/events';
import { connectNats, streamName } from '@sipadu/events';
import type { Principal, Role } from '@sipadu/service-kit';
import {
  eventually,
  graphqlRequest,
  startLocalIssuer,
  type GraphQLResponse,
  type LocalIssuer,
} from '@sipadu/test-kit';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsultationsService, type RunningConsultationsService } from '../app.js';
import { consultationsEnvironment } from '../environment.js';
import type { CaseFlow } from '../models/case.model.js';

const RUN = randomUUID().slice(0, 8);
const DATABASE = `test-consultations-flows-${RUN}`;
const PREFIX = `test-consultations-${RUN}`;
const AUDIENCE = 'sipadu-api';

/** Local WIB time → instant. */
const wib = (local: string) => new Date(`${local}+07:00`);

function user(role: Role, name: string, organizationCode: string): Principal {
  const id = `${role}-${name}-${RUN}`;
  return {
    kind: 'user',
    id,
    username: id,
    name: `${name} (${role})`,
    email: null,
    organizationCode,
    roles: [role],
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
}

// The unit asks from DINKES; its consultations are handled by Dinas PUPR's officers.
const unit = user('unit-kerja', 'yusuf', 'DINKES');
const unitColleague = user('unit-kerja', 'rina', 'DINKES');
const foreignUnit = user('unit-kerja', 'dodi', 'DISDIK');
const officer = user('petugas-konsultasi', 'nurul', 'DPUPR');
const otherOfficer = user('petugas-konsultasi', 'andi', 'DPUPR');
const kasubdit = user('kasubdit', 'agus', 'DPUPR');
const unitKasubdit = user('kasubdit', 'sari', 'DINKES');
const direktur = user('direktur', 'bambang', 'DPUPR');
const admin = user('super-admin', 'rudi', 'DISKOMINFO');
const pimpinan = user('pimpinan', 'ahmad', 'SETDA');
const assigner = user('pemberi-tugas', 'wahyuni', 'DPUPR');
const otherAssigner = user('pemberi-tugas', 'joko', 'DPUPR');
const worker = user('pelaksana', 'budi', 'DPUPR');
const rsudWorker = user('pelaksana', 'maya', 'RSUD');
const ictManager = user('pengelola-tik', 'fitri', 'DISKOMINFO');
const ictOfficer = user('petugas-tik', 'eko', 'DISKOMINFO');
const otherIctOfficer = user('petugas-tik', 'tono', 'DISKOMINFO');
const everyone = [
  unit,
  unitColleague,
  foreignUnit,
  officer,
  otherOfficer,
  kasubdit,
  unitKasubdit,
  direktur,
  admin,
  pimpinan,
  assigner,
  otherAssigner,
  worker,
  rsudWorker,
  ictManager,
  ictOfficer,
  otherIctOfficer,
];

let service: RunningConsultationsService;
let issuer: LocalIssuer;

const services = () => service.services;

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
const codeOf = async (promise: Promise<unknown>) => (await failure(promise)).code;

async function caseEvents(caseId: string): Promise<AnyEventEnvelope[]> {
  const rows = await service.connection
    .collection<{ seq: number; envelope: string; type: string }>('outbox')
    .find({ type: 'consultations.case.transitioned' })
    .sort({ seq: 1 })
    .toArray();
  return rows
    .map((row) => JSON.parse(row.envelope) as AnyEventEnvelope)
    .filter((event) => event.subject.id === caseId);
}

/** Points of a case's events: exactly one event awards them, the one of the completing step. */
async function pointEvents(caseId: string) {
  return (await caseEvents(caseId))
    .map((event) => event.data as { transition: string; pointsAwarded: number })
    .filter((data) => data.pointsAwarded > 0)
    .map((data) => [data.transition, data.pointsAwarded]);
}

/** The stored case, for the clock at a chosen instant. */
async function stored(flow: CaseFlow, id: string) {
  const record = await services().engine.get(flow, id, admin);
  if (!record) throw new Error(`case ${id} not found`);
  return record;
}

async function gql<T = Record<string, unknown>>(
  caller: Principal | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const token = caller
    ? await issuer.sign({
        iss: issuer.issuer,
        aud: AUDIENCE,
        sub: caller.id,
        preferred_username: caller.username,
        name: caller.name,
        org: caller.organizationCode,
        azp: 'sipadu-web',
        realm_access: { roles: [...caller.roles] },
      })
    : undefined;
  return graphqlRequest<T>(service.url, query, { variables, ...(token ? { token } : {}) });
}

beforeAll(async () => {
  issuer = await startLocalIssuer();
  service = await startConsultationsService(
    consultationsEnvironment({
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      TZ_PEMDA: 'Asia/Jakarta',
      MONGO_DATABASE: DATABASE,
      CONSUMER_PREFIX: PREFIX,
      CONSUMER_DELIVER_FROM: 'new',
      KEYCLOAK_ISSUER: issuer.issuer,
      KEYCLOAK_JWKS_URL: issuer.jwksUrl,
      JWT_AUDIENCE: AUDIENCE,
      // The service-time sweeper and the recap scheduler stay quiet; the tests drive time.
      SLA_SWEEP_MS: '3600000',
      RECAP_CHECK_MS: '3600000',
    }),
  );
  // The staff and organization projections, written directly: this run announces nothing to
  // identity (a token seen by the service would record its caller the same way).
  for (const person of everyone) await services().staff.remember(person);
  await services().organizations.model.create(
    [
      ['DINKES', 'Dinas Kesehatan'],
      ['DISDIK', 'Dinas Pendidikan'],
      ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
      ['DISKOMINFO', 'Dinas Komunikasi dan Informatika'],
      ['RSUD', 'RSUD H. Abdul Manap'],
      ['SETDA', 'Sekretariat Daerah'],
    ].map(([code, name]) => ({ _id: code, name, kind: 'DINAS', updatedAt: new Date() })),
  );
});

afterAll(async () => {
  await service?.stop();
  await issuer?.close();
  const nc = await connectNats(
    process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    'consultations-spec',
  );
  try {
    // The durable consumers of this run would otherwise stay on the shared NATS server.
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

describe('konsultasi', () => {
  it('runs end to end with an information pause (the clock stops) and one return', async () => {
    const { consultations, engine } = services();
    // Monday 2 March 2026, a plain working week (no holiday until 18 March).
    let c = await consultations.submit(
      unit,
      {
        topic: 'Retak rambut pada dinding gedung puskesmas',
        detail: 'Dinding bagian timur Puskesmas Simpang Kawat retak rambut sejak bulan lalu.',
        attachmentFileIds: ['6f1c2b3a-1d2e-4f50-8a9b-0c1d2e3f4a5b'],
      },
      { now: wib('2026-03-02T08:00') },
    );
    expect(c).toMatchObject({
      number: 'KNS-2026-00001',
      status: 'SUBMITTED',
      statusLabel: 'Menunggu Disposisi',
      organizationCode: 'DINKES',
      organizationName: 'Dinas Kesehatan',
      requester: { id: unit.id, organizationName: 'Dinas Kesehatan' },
      officer: null,
      handlerOrganizationCode: null,
      returnCount: 0,
      thread: { type: 'Consultation', id: c.id },
    });
    expect(c.attachments.map((a) => a.fileId)).toEqual(['6f1c2b3a-1d2e-4f50-8a9b-0c1d2e3f4a5b']);

    // Only super-admin routes, and only to an active consultation officer. (Who may not even
    // read the case learns nothing about it: NOT_FOUND.)
    expect(
      await codeOf(
        consultations.route(unit, { id: c.id, officerId: officer.id, revision: c.revision }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        consultations.route(kasubdit, { id: c.id, officerId: officer.id, revision: c.revision }),
      ),
    ).toBe('NOT_FOUND');
    const notAnOfficer = await failure(
      consultations.route(admin, { id: c.id, officerId: kasubdit.id, revision: c.revision }),
    );
    expect(notAnOfficer).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Petugas tidak ditemukan atau tidak memegang peran petugas-konsultasi.',
    });
    c = await consultations.route(
      admin,
      { id: c.id, officerId: otherOfficer.id, revision: c.revision },
      { now: wib('2026-03-02T08:30') },
    );
    // Re-routed to the officer who will answer; the drafting step keeps running.
    c = await consultations.route(
      admin,
      { id: c.id, officerId: officer.id, note: 'Dialihkan ke Nurul.', revision: c.revision },
      { now: wib('2026-03-02T09:00') },
    );
    expect(c).toMatchObject({
      status: 'DRAFTING',
      officer: { id: officer.id, name: officer.name, organizationCode: 'DPUPR' },
      handlerOrganizationCode: 'DPUPR',
    });
    // Two working days, the day it started not counted: due at the end of Wednesday.
    const unpaused = engine.clock(await stored('CONSULTATION', c.id), wib('2026-03-02T10:00'));
    expect(unpaused).toMatchObject({ step: 'DRAFTING', paused: false, dueDate: '2026-03-04' });

    for (const [caller, code] of [
      [admin, 'FORBIDDEN'],
      [direktur, 'FORBIDDEN'],
      [otherOfficer, 'NOT_FOUND'],
    ] as const) {
      const asked = consultations.requestInformation(caller, {
        id: c.id,
        note: 'Mohon foto retakan.',
        revision: c.revision,
      });
      expect(await codeOf(asked), caller.username).toBe(code);
    }
    c = await consultations.requestInformation(
      officer,
      { id: c.id, note: 'Mohon kirim foto retakan dan denah gedung.', revision: c.revision },
      { now: wib('2026-03-02T11:00') },
    );
    expect(c.status).toBe('WAITING_FOR_REQUESTER');
    const paused = engine.clock(await stored('CONSULTATION', c.id), wib('2026-03-04T10:00'));
    expect(paused).toMatchObject({ step: 'DRAFTING', paused: true, overdue: false });
    expect((await stored('CONSULTATION', c.id)).stepDueAt).toBeNull();

    expect(
      await codeOf(
        consultations.provideInformation(unitColleague, {
          id: c.id,
          note: 'Foto terlampir.',
          revision: c.revision,
        }),
      ),
    ).toBe('FORBIDDEN');
    c = await consultations.provideInformation(
      unit,
      {
        id: c.id,
        note: 'Foto retakan dan denah terlampir.',
        attachmentFileIds: ['7a2d3c4b-2e3f-4a61-9b0c-1d2e3f4a5b6c'],
        revision: c.revision,
      },
      { now: wib('2026-03-05T10:00') },
    );
    expect(c.status).toBe('DRAFTING');
    expect(c.attachments).toHaveLength(2);
    // Monday to Thursday were touched by the pause: Friday and Monday count, due 9 March.
    const resumed = engine.clock(await stored('CONSULTATION', c.id), wib('2026-03-05T11:00'));
    expect(resumed).toMatchObject({ step: 'DRAFTING', paused: false, dueDate: '2026-03-09' });

    const tooShort = await failure(
      consultations.draftAnswer(officer, { id: c.id, answer: 'Aman.', revision: c.revision }),
    );
    expect(tooShort.code).toBe('BAD_USER_INPUT');
    expect(tooShort.message).toContain('answer: Jawaban minimal 10 karakter.');
    c = await consultations.draftAnswer(
      officer,
      {
        id: c.id,
        answer: 'Retak rambut tidak struktural; tutup dengan acian dan cat elastomer.',
        revision: c.revision,
      },
      { now: wib('2026-03-06T09:00') },
    );
    expect(c).toMatchObject({ status: 'IN_REVIEW', answer: expect.stringContaining('acian') });
    // The unit does not read the draft; its handlers do.
    expect((await consultations.get(unit, c.id))?.answer).toBeNull();
    expect((await consultations.get(kasubdit, c.id))?.answer).toContain('acian');
    expect((await consultations.get(direktur, c.id))?.answer).toContain('acian');

    expect(
      await codeOf(
        consultations.review(unit, { id: c.id, decision: 'APPROVE', revision: c.revision }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        consultations.review(unitKasubdit, {
          id: c.id,
          decision: 'APPROVE',
          revision: c.revision,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        consultations.review(kasubdit, { id: c.id, decision: 'RETURN', revision: c.revision }),
      ),
    ).toBe('BAD_USER_INPUT');
    c = await consultations.review(
      kasubdit,
      {
        id: c.id,
        decision: 'RETURN',
        note: 'Sebutkan juga pemeriksaan ulang setelah tiga bulan.',
        revision: c.revision,
      },
      { now: wib('2026-03-06T11:00') },
    );
    expect(c).toMatchObject({
      status: 'DRAFTING',
      returnCount: 1,
      returnNote: 'Sebutkan juga pemeriksaan ulang setelah tiga bulan.',
    });
    c = await consultations.draftAnswer(
      officer,
      {
        id: c.id,
        answer:
          'Retak rambut tidak struktural; tutup dengan acian dan cat elastomer, periksa ulang tiga bulan lagi.',
        revision: c.revision,
      },
      { now: wib('2026-03-06T14:00') },
    );
    const stale = c.revision;
    c = await consultations.review(
      kasubdit,
      { id: c.id, decision: 'APPROVE', revision: c.revision },
      { now: wib('2026-03-06T15:00') },
    );
    expect(c.status).toBe('APPROVED');
    expect(await codeOf(consultations.deliver(officer, { id: c.id, revision: stale }))).toBe(
      'CONFLICT',
    );
    c = await consultations.deliver(
      officer,
      { id: c.id, revision: c.revision },
      { now: wib('2026-03-09T09:00') },
    );
    expect(c.status).toBe('DELIVERED');
    expect((await consultations.get(unit, c.id))?.answer).toContain('tiga bulan');

    expect(
      await codeOf(consultations.acknowledge(unitColleague, { id: c.id, revision: c.revision })),
    ).toBe('FORBIDDEN');
    c = await consultations.acknowledge(
      unit,
      { id: c.id, note: 'Terima kasih.', revision: c.revision },
      { now: wib('2026-03-09T10:00') },
    );
    // Every step within its service time: 10 points + 2 on-time bonus.
    expect(c).toMatchObject({ status: 'ACKNOWLEDGED', statusLabel: 'Selesai', onTime: true });
    expect(c.points).toBe(12);
    expect(c.closedAt).toBe(wib('2026-03-09T10:00').toISOString());
    expect(await codeOf(consultations.acknowledge(unit, { id: c.id, revision: c.revision }))).toBe(
      'CONFLICT',
    );

    expect(c.history.map((entry) => [entry.transition, entry.to])).toEqual([
      ['route', 'DRAFTING'],
      ['route', 'DRAFTING'],
      ['requestInformation', 'WAITING_FOR_REQUESTER'],
      ['provideInformation', 'DRAFTING'],
      ['submitDraft', 'IN_REVIEW'],
      ['return', 'DRAFTING'],
      ['submitDraft', 'IN_REVIEW'],
      ['approve', 'APPROVED'],
      ['deliver', 'DELIVERED'],
      ['acknowledge', 'ACKNOWLEDGED'],
    ]);
    expect(c.history[5]).toMatchObject({
      label: 'mengembalikan jawaban',
      fromLabel: 'Menunggu Verifikasi Kasubdit',
      actor: { id: kasubdit.id, roles: ['kasubdit'] },
    });
    const times = c.history.map((entry) => entry.at);
    expect([...times].sort()).toEqual(times);

    expect(await pointEvents(c.id)).toEqual([['acknowledge', 12]]);
    // One event per step, and the creation's.
    expect(await caseEvents(c.id)).toHaveLength(11);
    // The relay published every event to NATS.
    await eventually('events relayed', async () => {
      const unsent = await service.connection.collection('outbox').countDocuments({ sentAt: null });
      return unsent === 0 ? true : null;
    });
  });

  it('shows each caller only the consultations it may read', async () => {
    const { consultations } = services();
    const c = await consultations.submit(unit, {
      topic: 'Kapasitas tangki septik puskesmas',
      detail: 'Mohon arahan kapasitas tangki septik untuk puskesmas rawat inap 20 tempat tidur.',
    });
    const routed = await consultations.route(admin, {
      id: c.id,
      officerId: officer.id,
      revision: c.revision,
    });
    const numbers = async (caller: Principal) =>
      (await consultations.list(caller, {})).edges.map((edge) => edge.node.number);
    for (const reader of [unit, unitColleague, officer, kasubdit, direktur, admin, pimpinan]) {
      expect(await numbers(reader), reader.username).toContain(routed.number);
      expect(await consultations.get(reader, c.id), reader.username).not.toBeNull();
    }
    for (const outsider of [foreignUnit, otherOfficer, unitKasubdit, ictManager]) {
      expect(await numbers(outsider), outsider.username).not.toContain(routed.number);
      expect(await consultations.get(outsider, c.id), outsider.username).toBeNull();
    }
    // Waiting on the officer now; on nobody else.
    const mine = async (caller: Principal) =>
      (await consultations.list(caller, { queue: 'MINE' })).edges.map((edge) => edge.node.id);
    expect(await mine(officer)).toEqual([c.id]);
    expect(await mine(unit)).toEqual([]);
    expect(await mine(kasubdit)).toEqual([]);
    expect(routed.actions.map((action) => action.name)).toEqual(['route']);
    expect((await consultations.get(officer, c.id))?.actions.map((a) => a.name)).toEqual([
      'requestInformation',
      'submitDraft',
    ]);
  });
});

describe('pekerjaan internal', () => {
  it('runs with one return, then completes with its points once', async () => {
    const { workItems } = services();
    const input = {
      title: 'Rekap data kondisi jalan',
      description: 'Susun rekap kondisi jalan kota per kecamatan dari survei triwulan I.',
      assigneeId: worker.id,
    };
    expect(await codeOf(workItems.create(kasubdit, input))).toBe('FORBIDDEN');
    const outsider = await failure(
      workItems.create(assigner, { ...input, assigneeId: rsudWorker.id }),
    );
    expect(outsider).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Petugas tidak ditemukan atau bukan pegawai aktif organisasi Anda.',
    });
    let w = await workItems.create(assigner, input, { now: wib('2026-03-10T08:00') });
    expect(w).toMatchObject({
      number: 'PKJ-2026-00001',
      status: 'ASSIGNED',
      assigner: { id: assigner.id },
      assignee: { id: worker.id, organizationName: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
      organizationCode: 'DPUPR',
    });

    expect(await codeOf(workItems.accept(otherOfficer, { id: w.id, revision: w.revision }))).toBe(
      'NOT_FOUND',
    );
    w = await workItems.accept(
      worker,
      { id: w.id, revision: w.revision },
      {
        now: wib('2026-03-10T09:00'),
      },
    );
    w = await workItems.submitResult(
      worker,
      { id: w.id, result: 'Rekap 312 ruas jalan per kecamatan selesai.', revision: w.revision },
      { now: wib('2026-03-11T15:00') },
    );
    expect(w.status).toBe('IN_VERIFICATION');
    expect(
      await codeOf(
        workItems.verify(assigner, { id: w.id, decision: 'APPROVE', revision: w.revision }),
      ),
    ).toBe('FORBIDDEN');
    w = await workItems.verify(
      admin,
      { id: w.id, decision: 'RETURN', note: 'Tambahkan ruas jalan desa.', revision: w.revision },
      { now: wib('2026-03-12T09:00') },
    );
    expect(w).toMatchObject({
      status: 'IN_PROGRESS',
      returnCount: 1,
      returnNote: 'Tambahkan ruas jalan desa.',
    });
    w = await workItems.submitResult(
      worker,
      {
        id: w.id,
        result: 'Rekap 312 ruas jalan kota dan 48 ruas jalan desa per kecamatan selesai.',
        revision: w.revision,
      },
      { now: wib('2026-03-12T14:00') },
    );
    expect(
      await codeOf(workItems.cancel(assigner, { id: w.id, note: 'Batal.', revision: w.revision })),
    ).toBe('CONFLICT');
    w = await workItems.verify(
      admin,
      { id: w.id, decision: 'APPROVE', revision: w.revision },
      { now: wib('2026-03-13T09:00') },
    );
    expect(w).toMatchObject({ status: 'COMPLETED', onTime: true, points: 10 });
    expect(w.result).toContain('48 ruas jalan desa');
    expect(await pointEvents(w.id)).toEqual([['approve', 10]]);

    // Read by its people, the organization's direktur, super-admin and pimpinan only.
    for (const reader of [assigner, worker, direktur, admin, pimpinan]) {
      expect(await workItems.get(reader, w.id), reader.username).not.toBeNull();
    }
    for (const outsider of [otherAssigner, otherOfficer, rsudWorker, kasubdit]) {
      expect(await workItems.get(outsider, w.id), outsider.username).toBeNull();
    }
  });

  it('lets only its assigner cancel it, with a reason', async () => {
    const { workItems } = services();
    const w = await workItems.create(assigner, {
      title: 'Survei lokasi pos jaga',
      description: 'Survei lokasi rencana pos jaga di ujung jembatan dan buat sketsanya.',
      assigneeId: worker.id,
    });
    expect(
      await codeOf(
        workItems.cancel(otherAssigner, { id: w.id, note: 'Batal.', revision: w.revision }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(workItems.cancel(assigner, { id: w.id, note: ' ', revision: w.revision })),
    ).toBe('BAD_USER_INPUT');
    const cancelled = await workItems.cancel(assigner, {
      id: w.id,
      note: 'Digabung dengan kegiatan penataan kawasan.',
      revision: w.revision,
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', statusLabel: 'Dibatalkan', points: 0 });
    expect(await pointEvents(w.id)).toEqual([]);
  });
});

describe('pengaduan TIK', () => {
  it('runs with one reopening and is documented once', async () => {
    const { ictComplaints } = services();
    let t = await ictComplaints.file(
      unit,
      {
        unit: 'Puskesmas Simpang Kawat',
        problem: 'Koneksi internet di ruang pendaftaran terputus-putus sejak pagi.',
        handlingTried: 'Modem sudah dinyalakan ulang.',
      },
      { now: wib('2026-03-10T08:00') },
    );
    expect(t).toMatchObject({
      number: 'TIK-2026-00001',
      status: 'FILED',
      unit: 'Puskesmas Simpang Kawat',
      handlingTried: 'Modem sudah dinyalakan ulang.',
      requester: { id: unit.id },
      reopenCount: 0,
    });

    expect(
      await codeOf(
        ictComplaints.route(admin, { id: t.id, officerId: ictOfficer.id, revision: t.revision }),
      ),
    ).toBe('FORBIDDEN');
    const wrongRole = await failure(
      ictComplaints.route(ictManager, { id: t.id, officerId: officer.id, revision: t.revision }),
    );
    expect(wrongRole).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Petugas tidak ditemukan atau tidak memegang peran petugas-tik.',
    });
    t = await ictComplaints.route(
      ictManager,
      { id: t.id, officerId: ictOfficer.id, revision: t.revision },
      { now: wib('2026-03-10T09:00') },
    );
    expect(t).toMatchObject({ status: 'HANDLING', officer: { id: ictOfficer.id } });
    expect(
      await codeOf(
        ictComplaints.resolve(otherIctOfficer, {
          id: t.id,
          handling: 'Kabel diganti.',
          revision: t.revision,
        }),
      ),
    ).toBe('NOT_FOUND');
    t = await ictComplaints.resolve(
      ictOfficer,
      { id: t.id, handling: 'Kabel patch ruang pendaftaran diganti.', revision: t.revision },
      { now: wib('2026-03-10T11:00') },
    );
    expect(t.status).toBe('AWAITING_CONFIRMATION');

    expect(
      await codeOf(
        ictComplaints.confirm(ictOfficer, { id: t.id, solved: true, revision: t.revision }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(ictComplaints.confirm(unit, { id: t.id, solved: false, revision: t.revision })),
    ).toBe('BAD_USER_INPUT');
    t = await ictComplaints.confirm(
      unit,
      {
        id: t.id,
        solved: false,
        note: 'Masih terputus setiap siang.',
        revision: t.revision,
      },
      { now: wib('2026-03-10T14:00') },
    );
    expect(t).toMatchObject({ status: 'HANDLING', reopenCount: 1 });
    t = await ictComplaints.resolve(
      ictOfficer,
      {
        id: t.id,
        handling: 'Access point rusak diganti; uji dua jam stabil.',
        revision: t.revision,
      },
      { now: wib('2026-03-11T10:00') },
    );
    t = await ictComplaints.confirm(
      unit,
      { id: t.id, solved: true, revision: t.revision },
      { now: wib('2026-03-11T13:00') },
    );
    expect(t.status).toBe('SOLVED');
    t = await ictComplaints.document(
      ictOfficer,
      {
        id: t.id,
        followUp: 'Access point lama diusulkan untuk penghapusan aset.',
        revision: t.revision,
      },
      { now: wib('2026-03-11T15:00') },
    );
    expect(t).toMatchObject({
      status: 'REPORTED',
      statusLabel: 'Dilaporkan ke Pengelola TIK',
      handling: 'Access point rusak diganti; uji dua jam stabil.',
      followUp: 'Access point lama diusulkan untuk penghapusan aset.',
      onTime: true,
      points: 6,
    });
    expect(await pointEvents(t.id)).toEqual([['document', 6]]);

    for (const reader of [unit, ictManager, ictOfficer, admin, pimpinan]) {
      expect(await ictComplaints.get(reader, t.id), reader.username).not.toBeNull();
    }
    for (const outsider of [unitColleague, otherIctOfficer, kasubdit, direktur]) {
      expect(await ictComplaints.get(outsider, t.id), outsider.username).toBeNull();
    }
  });
});

describe('GraphQL gate', () => {
  const SUBMIT = /* GraphQL */ `
    mutation ($input: SubmitConsultationInput!) {
      submitConsultation(input: $input) {
        id
        number
        status
        requester {
          id
        }
      }
    }
  `;
  const ENTITY = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Consultation {
          id
          topic
        }
      }
    }
  `;
  const input = {
    topic: 'Pemasangan talang air gedung',
    detail: 'Talang air gedung puskesmas bocor dan membasahi dinding ruang tunggu.',
  };

  it('refuses roles the operation does not admit, and callers without a token', async () => {
    const asKasubdit = await gql(kasubdit, SUBMIT, { input });
    expect(asKasubdit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(null, SUBMIT, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const invalid = await gql(unit, SUBMIT, { input: { ...input, topic: 'Atap' } });
    expect(invalid.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('topic: Topik minimal 5 karakter.'),
    });
  });

  it('submits as the unit and resolves the entity only for its readers', async () => {
    const submitted = await gql<{ submitConsultation: { id: string; status: string } }>(
      unit,
      SUBMIT,
      { input },
    );
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitConsultation.id;
    expect(submitted.data!.submitConsultation).toMatchObject({
      status: 'SUBMITTED',
      requester: { id: unit.id },
    });
    const asAdmin = await gql<{ _entities: unknown[] }>(admin, ENTITY, {
      representations: [{ __typename: 'Consultation', id }],
    });
    expect(asAdmin.data?._entities).toEqual([{ id, topic: input.topic }]);
    const asForeignUnit = await gql<{ _entities: unknown[] }>(foreignUnit, ENTITY, {
      representations: [{ __typename: 'Consultation', id }],
    });
    expect(asForeignUnit.data?._entities).toEqual([null]);
  });
});
