import { randomUUID } from 'node:crypto';
import { OrganizationDirectory } from '@sipadu/directory';
import { Outbox, createEvent, type AnyEventEnvelope } from '@sipadu/events';
import { createLogger, type Principal, type Role } from '@sipadu/service-kit';
import type { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../flows/index.js';
import type { FilePublicComplaintInput } from '../generated/graphql.js';
import type { CaseRecord } from '../models/case.model.js';
import { CalendarService } from './calendar.service.js';
import { CaseEngine } from './case-engine.service.js';
import { ComplaintCatalog } from './complaint-catalog.service.js';
import {
  FILING_LIMITED,
  PublicComplaintService,
  TRACKING_LIMITED,
  autoCloseDateOf,
} from './public-complaint.service.js';
import { randomTrackingCode, trackingHash } from './tracking-code.js';

// Public complaints end to end on the real FerretDB with the real case engine and the 2026
// calendar (WIB): a citizen without an account files, tracks, replies and rates with a tracking
// code; handlers verify, reroute and answer; silence closes it after 10 working days; resends,
// bots and floods are handled.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-consultations-complaints-${randomUUID().slice(0, 8)}`;
const TIME_ZONE = 'Asia/Jakarta';
const CODE = /^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Local WIB time → instant. */
const wib = (local: string) => new Date(`${local}+07:00`);

const user = (role: Role, organizationCode: string): Principal => ({
  kind: 'user',
  id: `${role}-${organizationCode}`,
  username: `${role}-${organizationCode}`.toLowerCase(),
  name: `Petugas ${role} ${organizationCode}`,
  email: null,
  organizationCode,
  roles: [role],
  clientId: 'sipadu-web',
  scopes: [],
  expiresAt: 0,
});

const adminDinkes = user('admin-opd', 'DINKES');
const adminRsud = user('admin-opd', 'RSUD');
const superAdmin = user('super-admin', 'DISKOMINFO');
const pimpinan = user('pimpinan', 'SETDA');

const ORGANIZATIONS = [
  ['SETDA', 'Sekretariat Daerah Kota Jambi', 'SEKRETARIAT'],
  ['DINKES', 'Dinas Kesehatan', 'DINAS'],
  ['RSUD', 'RSUD H. Abdul Manap Kota Jambi', 'RSUD'],
  ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'DINAS'],
  ['DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'DINAS'],
  ['PTSMI', 'PT Sarana Multi Infrastruktur (Persero)', 'LENDER'],
] as const;
const RSUD_SERVICE = randomUUID();

let connection: Connection;
let outbox: Outbox;
let calendar: CalendarService;
let engine: CaseEngine;
let catalog: ComplaintCatalog;
let complaints: PublicComplaintService;
let organizations: OrganizationDirectory;

const logger = createLogger('consultations-test', 'silent');

function complaintService(limits: { filingsPerClient: number; trackingPerClient: number }) {
  return new PublicComplaintService({
    connection,
    engine,
    catalog,
    organizations,
    calendar,
    limits: { ...limits, windowMs: 60_000 },
    trackingSecret: 'kunci-uji-kode-pelacakan-pengaduan-32+',
    logger,
  });
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return {
      code: String((error as GraphQLError).extensions?.code),
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}
const codeOf = async (promise: Promise<unknown>) => (await failure(promise)).code;

const filing = (over: Partial<FilePublicComplaintInput> = {}): FilePublicComplaintInput => ({
  submissionId: randomUUID(),
  categoryCode: 'KESEHATAN',
  title: 'Antrean puskesmas sangat panjang',
  description: 'Antrean di Puskesmas Kebun Kopi mengular sejak pukul 06.00 setiap Senin.',
  anonymous: true,
  ...over,
});

const caseOf = (number: string) =>
  engine.model.findOne({ flow: 'PUBLIC_COMPLAINT', number }).lean<CaseRecord>().exec();

async function eventsOf(caseId: string): Promise<AnyEventEnvelope[]> {
  const rows = await outbox.rows.find({ type: 'consultations.case.transitioned' }).toArray();
  return rows
    .map((row) => JSON.parse(row.envelope) as AnyEventEnvelope)
    .filter((event) => event.subject.id === caseId);
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  outbox = new Outbox({ connection });
  organizations = new OrganizationDirectory(connection);
  calendar = new CalendarService({ connection, timeZone: TIME_ZONE, logger });
  engine = new CaseEngine({
    connection,
    outbox,
    calendar,
    flows: FLOWS,
    pointOverrides: {},
    logger,
  });
  catalog = new ComplaintCatalog({ connection, organizations });
  complaints = complaintService({ filingsPerClient: 50, trackingPerClient: 500 });
  await Promise.all([organizations.init(), calendar.init(), engine.init(), outbox.init()]);
  await Promise.all([catalog.init(), complaints.init()]);
  for (const [code, name, kind] of ORGANIZATIONS) {
    await organizations.applyIdentity(
      createEvent(
        'identity.organization.created',
        { organizationCode: code, name, kind, parentCode: null },
        {
          actor: { type: 'system', id: null },
          subject: { type: 'organization', id: code },
          org: code,
        },
      ),
    );
  }
  for (const version of [2, 1]) {
    // The older version arrives late: it must not win.
    await catalog.applySurveysEvent(
      createEvent(
        'surveys.standard.published',
        {
          standard: {
            id: RSUD_SERVICE,
            name: version === 2 ? 'Pendaftaran Rawat Jalan' : 'Pendaftaran Pasien',
            category: 'Kesehatan',
            organizationCode: 'RSUD',
            organizationName: 'RSUD H. Abdul Manap Kota Jambi',
          },
          version,
          publishedBy: { id: 'admin-rsud', name: null, organizationCode: 'RSUD' },
        },
        {
          actor: { type: 'user', id: 'admin-rsud', org: 'RSUD' },
          subject: { type: 'ServiceStandard', id: RSUD_SERVICE },
          org: 'RSUD',
        },
      ),
    );
  }
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('complaint catalog', () => {
  it('ships the categories with existing default agencies, and follows SIPUTRI services', async () => {
    const categories = await catalog.categories();
    expect(categories.map((category) => category.code)).toContain('ADMINDUK');
    expect(categories.at(-1)).toMatchObject({ code: 'LAINNYA', defaultOrganizationCode: 'SETDA' });
    expect(await catalog.category('RUMAH-SAKIT')).toMatchObject({
      name: 'Pelayanan Rumah Sakit',
      defaultOrganizationCode: 'RSUD',
    });
    expect(await catalog.serviceOptions({ organizationCode: 'RSUD', search: 'rawat' })).toEqual([
      {
        id: RSUD_SERVICE,
        name: 'Pendaftaran Rawat Jalan',
        organizationCode: 'RSUD',
        organizationName: 'RSUD H. Abdul Manap Kota Jambi',
      },
    ]);
    expect(await catalog.serviceOptions({ organizationCode: 'DINKES' })).toEqual([]);
    const agencies = await catalog.organizationOptions();
    expect(agencies.map((agency) => agency.code)).toContain('DINKES');
    expect(agencies.map((agency) => agency.code)).not.toContain('PTSMI');
  });
});

describe('public complaints', () => {
  it('runs anonymous filing → tracking → verification → answer → reply loop → answer → rating', async () => {
    const receipt = await complaints.file(
      filing({ contact: { name: 'Tidak Disimpan', email: 'warga@example.id' } }),
      '198.51.100.1',
    );
    expect(receipt).toMatchObject({
      number: expect.stringMatching(/^ADU-\d{4}-\d{5}$/),
      status: 'SUBMITTED',
      statusLabel: 'Menunggu Verifikasi',
      organizationName: 'Dinas Kesehatan',
      verificationDueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      duplicate: false,
    });
    expect(receipt.trackingCode).toMatch(CODE);
    const code = receipt.trackingCode;

    // Only the code's hash is stored; an anonymous complaint keeps no contact.
    const stored = (await caseOf(receipt.number)) as CaseRecord;
    expect(stored.complaint?.trackingHash).toBe(trackingHash(code));
    expect(stored.complaint?.contact).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain('warga@example.id');
    expect(stored.organizationCode).toBe('DINKES');

    const tracked = await complaints.track(code, '198.51.100.1');
    expect(tracked).toMatchObject({
      number: receipt.number,
      status: 'SUBMITTED',
      organizationName: 'Dinas Kesehatan',
      canReply: false,
      canRate: false,
      dueDate: receipt.verificationDueDate,
      timeline: [{ status: 'SUBMITTED', label: 'Pengaduan diterima', note: null }],
    });
    // As people type it: lower case, no dashes, spaces.
    const typed = code.toLowerCase().replaceAll('-', ' ');
    expect((await complaints.track(typed, '198.51.100.1'))?.number).toBe(receipt.number);

    // Citizens cannot verify; the target agency's admin-opd can, at the revision it saw.
    let view = await complaints.verify(adminDinkes, {
      id: stored._id,
      decision: 'ACCEPT',
      revision: stored.revision,
    });
    expect(view.status).toBe('IN_FOLLOW_UP');
    expect(
      await codeOf(
        complaints.verify(adminDinkes, { id: stored._id, decision: 'ACCEPT', revision: 0 }),
      ),
    ).toBe('CONFLICT');

    const before = new Date();
    view = await complaints.answer(adminDinkes, {
      id: view.id,
      answer: 'Mulai Senin depan loket dibuka pukul 07.00 dengan dua petugas tambahan.',
      revision: view.revision,
    });
    expect(view).toMatchObject({
      status: 'ANSWERED',
      statusLabel: 'Dijawab, Menunggu Tanggapan Warga',
      clock: { paused: true },
      messages: [{ author: 'HANDLER' }],
    });
    expect(new Date(view.answeredAt as string).getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(view.autoCloseDate).toBe(
      autoCloseDateOf(calendar.calendar(), new Date(view.answeredAt as string)),
    );

    let citizen = await complaints.track(code, '198.51.100.1');
    expect(citizen).toMatchObject({ status: 'ANSWERED', canReply: true, canRate: true });
    expect(citizen?.answer).toContain('pukul 07.00');

    citizen = await complaints.reply(code, 'Hari ini antrean masih panjang.', '198.51.100.1');
    expect(citizen).toMatchObject({
      status: 'IN_FOLLOW_UP',
      autoCloseDate: null,
      canReply: false,
      messages: [
        { author: 'HANDLER' },
        { author: 'CITIZEN', text: 'Hari ini antrean masih panjang.' },
      ],
    });

    const current = (await caseOf(receipt.number)) as CaseRecord;
    view = await complaints.answer(superAdmin, {
      id: current._id,
      answer: 'Kepala puskesmas sudah menambah loket pendaftaran daring.',
      revision: current.revision,
    });
    expect(view.status).toBe('ANSWERED');
    expect(view.messages).toHaveLength(3);

    // Only from ANSWERED: rating closes it.
    citizen = await complaints.rate(code, { rating: 5, comment: 'Cepat.' }, '198.51.100.1');
    expect(citizen).toMatchObject({
      status: 'CLOSED',
      rating: 5,
      ratingComment: 'Cepat.',
      canRate: false,
      canReply: false,
    });
    expect(await codeOf(complaints.rate(code, { rating: 1 }, null))).toBe('CONFLICT');
    expect(await codeOf(complaints.reply(code, 'Masih?', null))).toBe('CONFLICT');
    expect(await codeOf(complaints.rate(code, { rating: 6 }, null))).toBe('BAD_USER_INPUT');

    // The citizen's timeline names no officer.
    expect(citizen?.timeline.map((step) => step.status)).toEqual([
      'SUBMITTED',
      'IN_FOLLOW_UP',
      'ANSWERED',
      'IN_FOLLOW_UP',
      'ANSWERED',
      'CLOSED',
    ]);
    expect(JSON.stringify(citizen)).not.toContain(adminDinkes.name);

    const events = await eventsOf(current._id);
    expect(events.map((event) => (event.data as { transition: string }).transition)).toEqual([
      'create',
      'accept',
      'answer',
      'reply',
      'answer',
      'rate',
    ]);
    expect(events[0]).toMatchObject({
      subject: { type: 'PublicComplaint', id: current._id },
      org: 'DINKES',
    });
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it('answers null for another or a malformed code, NOT_FOUND when acting with one', async () => {
    expect(await complaints.track(randomTrackingCode(), null)).toBeNull();
    expect(await complaints.track('bukan-kode', null)).toBeNull();
    expect(await complaints.track('', null)).toBeNull();
    expect(await codeOf(complaints.reply(randomTrackingCode(), 'Halo', null))).toBe('NOT_FOUND');
    expect(await codeOf(complaints.rate('ADU-0000', { rating: 3 }, null))).toBe('NOT_FOUND');
  });

  it('routes to the service’s agency and shows the contact to its handlers only', async () => {
    const receipt = await complaints.file(
      filing({
        categoryCode: 'RUMAH-SAKIT',
        serviceId: RSUD_SERVICE,
        organizationCode: 'DINKES',
        anonymous: false,
        contact: { name: 'Siti Aminah', email: 'siti@example.id', phone: '0812 3456 7890' },
        location: { latitude: -1.61, longitude: 103.61, address: 'Jl. Sudirman' },
        visibility: 'PUBLIC',
      }),
      null,
    );
    expect(receipt.organizationName).toBe('RSUD H. Abdul Manap Kota Jambi');
    const record = (await caseOf(receipt.number)) as CaseRecord;
    expect(record.organizationCode).toBe('RSUD');
    expect(record.complaint).toMatchObject({
      serviceName: 'Pendaftaran Rawat Jalan',
      contact: { name: 'Siti Aminah', email: 'siti@example.id', phone: '0812 3456 7890' },
    });

    const contact = { name: 'Siti Aminah', email: 'siti@example.id', phone: '0812 3456 7890' };
    expect((await complaints.get(adminRsud, record._id))?.contact).toEqual(contact);
    expect((await complaints.get(superAdmin, record._id))?.contact).toEqual(contact);
    const read = await complaints.get(pimpinan, record._id);
    expect(read?.number).toBe(receipt.number);
    expect(read?.contact).toBeNull();
    expect(await complaints.get(adminDinkes, record._id)).toBeNull();
    expect(await codeOf(complaints.get(null, record._id))).toBe('UNAUTHENTICATED');

    const ofDinkes = await complaints.list(adminDinkes, { queue: 'ALL', first: 100 });
    expect(ofDinkes.edges.map((edge) => edge.node.id)).not.toContain(record._id);
    const mine = await complaints.list(adminRsud, { queue: 'MINE', first: 100 });
    expect(mine.edges.map((edge) => edge.node.id)).toContain(record._id);
    expect(
      await codeOf(
        complaints.list(adminDinkes, { queue: 'ALL', first: 20, organizationCode: 'RSUD' }),
      ),
    ).toBe('FORBIDDEN');
    const forLeaders = await complaints.list(pimpinan, {
      queue: 'ALL',
      first: 100,
      organizationCode: 'RSUD',
    });
    expect(forLeaders.edges.every((edge) => edge.node.contact === null)).toBe(true);
    expect(forLeaders.edges.map((edge) => edge.node.id)).toContain(record._id);

    // Events never carry personal data.
    expect(JSON.stringify(await eventsOf(record._id))).not.toMatch(/siti@example\.id|0812/);
  });

  it('addresses the named agency, else the category’s; refuses unknown ones and lenders', async () => {
    const named = await complaints.file(filing({ organizationCode: 'DPUPR' }), null);
    expect((await caseOf(named.number))?.organizationCode).toBe('DPUPR');
    const fallback = await complaints.file(filing({ categoryCode: 'LAINNYA' }), null);
    expect((await caseOf(fallback.number))?.organizationCode).toBe('SETDA');
    for (const wrong of [
      filing({ organizationCode: 'PTSMI' }),
      filing({ organizationCode: 'TIDAKADA' }),
      filing({ categoryCode: 'TIDAKADA' }),
      filing({ serviceId: randomUUID() }),
      filing({ submissionId: 'bukan-uuid' }),
      filing({ title: '' }),
    ]) {
      expect(await codeOf(complaints.file(wrong, null))).toBe('BAD_USER_INPUT');
    }
  });

  it('lets super-admin reroute and the new agency reject with a reason the citizen reads', async () => {
    const receipt = await complaints.file(filing(), null);
    const record = (await caseOf(receipt.number)) as CaseRecord;
    expect(
      await codeOf(
        complaints.reroute(adminDinkes, {
          id: record._id,
          organizationCode: 'RSUD',
          note: 'Urusan rumah sakit.',
          revision: record.revision,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        complaints.reroute(superAdmin, {
          id: record._id,
          organizationCode: 'DINKES',
          note: 'Tetap.',
          revision: record.revision,
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const rerouted = await complaints.reroute(superAdmin, {
      id: record._id,
      organizationCode: 'RSUD',
      note: 'Urusan rumah sakit.',
      revision: record.revision,
    });
    expect(rerouted).toMatchObject({
      status: 'SUBMITTED',
      organizationCode: 'RSUD',
      organizationName: 'RSUD H. Abdul Manap Kota Jambi',
    });
    // The former agency lost it; the new one verifies anew.
    expect(await complaints.get(adminDinkes, record._id)).toBeNull();
    expect(
      await codeOf(
        complaints.verify(adminRsud, {
          id: record._id,
          decision: 'REJECT',
          revision: rerouted.revision,
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const rejected = await complaints.verify(adminRsud, {
      id: record._id,
      decision: 'REJECT',
      note: 'Bukan layanan RSUD; silakan hubungi BPJS Kesehatan.',
      revision: rerouted.revision,
    });
    expect(rejected.status).toBe('REJECTED');
    const tracked = await complaints.track(receipt.trackingCode, null);
    expect(tracked?.timeline.at(-1)).toMatchObject({
      status: 'REJECTED',
      note: 'Bukan layanan RSUD; silakan hubungi BPJS Kesehatan.',
    });
    expect(tracked?.timeline[1]).toMatchObject({ status: 'SUBMITTED', note: null });
    expect(await codeOf(complaints.rate(receipt.trackingCode, { rating: 2 }, null))).toBe(
      'CONFLICT',
    );
  });

  it('closes an answer the citizen ignored after 10 working days, then takes a late rating', async () => {
    // Answered Monday 2 February 2026 10:00 WIB: 16–17 February are Imlek (cuti bersama and
    // holiday), so the 10th working day after is Wednesday 18 February.
    const filedAt = wib('2026-02-02T08:00:00');
    const receipt = await complaints.file(filing(), null, { now: filedAt });
    const record = (await caseOf(receipt.number)) as CaseRecord;
    const accepted = await complaints.verify(
      adminDinkes,
      { id: record._id, decision: 'ACCEPT', revision: record.revision },
      { now: wib('2026-02-02T09:00:00') },
    );
    const answered = await complaints.answer(
      adminDinkes,
      {
        id: record._id,
        answer: 'Jadwal imunisasi sudah diumumkan di papan informasi puskesmas.',
        revision: accepted.revision,
      },
      { now: wib('2026-02-02T10:00:00') },
    );
    expect(answered.autoCloseDate).toBe('2026-02-18');

    // Still the citizen's last day: nothing closes.
    await engine.sweep(wib('2026-02-18T23:59:00'));
    expect((await caseOf(receipt.number))?.state).toBe('ANSWERED');

    const { autoClosed } = await engine.sweep(wib('2026-02-19T00:00:01'));
    expect(autoClosed).toBeGreaterThanOrEqual(1);
    const closed = (await caseOf(receipt.number)) as CaseRecord;
    expect(closed).toMatchObject({ state: 'CLOSED' });
    expect(closed.history.at(-1)).toMatchObject({
      transition: 'autoClose',
      actor: { kind: 'system' },
    });

    const tracked = await complaints.track(receipt.trackingCode, null);
    expect(tracked).toMatchObject({ status: 'CLOSED', canRate: true, canReply: false });
    expect(tracked?.timeline.at(-1)).toMatchObject({
      label: 'Ditutup otomatis',
      note: expect.stringContaining('10 hari kerja'),
    });

    const rated = await complaints.rate(receipt.trackingCode, { rating: 3 }, null);
    expect(rated).toMatchObject({ status: 'CLOSED', rating: 3, canRate: false });
    const after = (await caseOf(receipt.number)) as CaseRecord;
    expect(after.history).toHaveLength(closed.history.length);
    expect(await codeOf(complaints.rate(receipt.trackingCode, { rating: 4 }, null))).toBe(
      'CONFLICT',
    );

    // An answer given now closes once "now" is past its tenth working day.
    const fresh = await complaints.file(filing(), null);
    const freshRecord = (await caseOf(fresh.number)) as CaseRecord;
    const inFollowUp = await complaints.verify(adminDinkes, {
      id: freshRecord._id,
      decision: 'ACCEPT',
      revision: freshRecord.revision,
    });
    const answeredNow = await complaints.answer(adminDinkes, {
      id: freshRecord._id,
      answer: 'Sudah kami tindak lanjuti dengan kunjungan lapangan.',
      revision: inFollowUp.revision,
    });
    const lastDay = calendar.calendar().startOf(answeredNow.autoCloseDate as string);
    await engine.sweep(new Date(lastDay.getTime() + 12 * 3_600_000));
    expect((await caseOf(fresh.number))?.state).toBe('ANSWERED');
    await engine.sweep(new Date(lastDay.getTime() + 86_400_000 + 1_000));
    expect((await caseOf(fresh.number))?.state).toBe('CLOSED');
  });

  it('answers a resent form with the same number and code, stored once', async () => {
    const input = filing();
    const first = await complaints.file(input, null);
    const again = await complaints.file(input, null);
    expect(again).toMatchObject({
      number: first.number,
      trackingCode: first.trackingCode,
      duplicate: true,
    });
    const concurrent = filing();
    const both = await Promise.all([
      complaints.file(concurrent, null),
      complaints.file(concurrent, null),
    ]);
    expect(both[0].number).toBe(both[1].number);
    expect(both[0].trackingCode).toBe(both[1].trackingCode);
    expect(both.filter((receipt) => receipt.duplicate)).toHaveLength(1);
    for (const submissionId of [input.submissionId, concurrent.submissionId]) {
      expect(
        await engine.model.countDocuments({ 'complaint.submissionId': submissionId }).exec(),
      ).toBe(1);
    }
  });

  it('gives a bot that fills the honeypot a receipt that matches nothing', async () => {
    const count = await engine.model.countDocuments({ flow: 'PUBLIC_COMPLAINT' }).exec();
    const receipt = await complaints.file(filing({ website: 'https://spam.example' }), null);
    expect(receipt.trackingCode).toMatch(CODE);
    expect(receipt).toMatchObject({ status: 'SUBMITTED', duplicate: false });
    expect(await complaints.track(receipt.trackingCode, null)).toBeNull();
    expect(await engine.model.countDocuments({ flow: 'PUBLIC_COMPLAINT' }).exec()).toBe(count);
  });

  it('limits filings and tracking attempts per client address', async () => {
    const limited = complaintService({ filingsPerClient: 2, trackingPerClient: 3 });
    await limited.init();
    await limited.file(filing(), '203.0.113.5');
    await limited.file(filing(), '203.0.113.5');
    expect(await failure(limited.file(filing(), '203.0.113.5'))).toEqual({
      code: 'RATE_LIMITED',
      message: FILING_LIMITED,
    });
    // Another address, or a call from inside the cluster, is not affected.
    await limited.file(filing(), '203.0.113.6');
    await limited.file(filing(), null);

    for (let i = 0; i < 3; i += 1) {
      expect(await limited.track(randomTrackingCode(), '203.0.113.5')).toBeNull();
    }
    expect(await failure(limited.track(randomTrackingCode(), '203.0.113.5'))).toEqual({
      code: 'RATE_LIMITED',
      message: TRACKING_LIMITED,
    });
    expect(await codeOf(limited.reply(randomTrackingCode(), 'Halo', '203.0.113.5'))).toBe(
      'RATE_LIMITED',
    );
  });
});
