import { randomUUID } from 'node:crypto';
import { OrganizationDirectory } from '@sipadu/directory';
import { createEvent, Outbox, type AnyEventEnvelope, type OutboxRow } from '@sipadu/events';
import type { Principal, Role } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregationService } from './aggregation.service.js';
import { PopulationService } from './population.service.js';
import { QuestionnaireService } from './questionnaire.service.js';
import {
  localDate,
  RecommendationService,
  type RecommendationView,
} from './recommendation.service.js';
import { SatisfactionIndexService } from './satisfaction-index.service.js';
import { ServiceStandardService } from './service-standard.service.js';
import { SurveyReportService } from './survey-report.service.js';

// Recommendations and their follow-up against the real FerretDB, with the real index read from
// aggregates fed by four survey responses: claimed changes per revision, events in the outbox.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-surveys-rec-${randomUUID().slice(0, 8)}`;
const TIME_ZONE = 'Asia/Jakarta';
const Q1 = { year: 2026, quarter: 1 };

const user = (role: Role, organizationCode: string | null, id = `${role}-${organizationCode}`) =>
  ({
    kind: 'user',
    id,
    username: id,
    name: `${role} ${organizationCode ?? ''}`.trim(),
    email: null,
    organizationCode,
    roles: [role],
    clientId: null,
    scopes: [],
    expiresAt: 0,
  }) satisfies Principal;

const evaluator = user('evaluator', 'INSPEKTORAT');
const otherEvaluator = user('evaluator', 'INSPEKTORAT', 'evaluator-2');
const adminDukcapil = user('admin-opd', 'DISDUKCAPIL');
const adminRsud = user('admin-opd', 'RSUD');
const pimpinan = user('pimpinan', 'SETDA');
const superAdmin = user('super-admin', 'DISKOMINFO');

let connection: Connection;
let outbox: Outbox;
let recommendations: RecommendationService;
let reports: SurveyReportService;

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return {
      code: String((error as GraphQLError).extensions.code),
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}
const codeOf = async (promise: Promise<unknown>) => (await failure(promise)).code;

/** Today + `days` in the Pemda's zone, YYYY-MM-DD. */
const inDays = (days: number) => localDate(new Date(Date.now() + days * 86_400_000), TIME_ZONE);

const input = (over: Record<string, unknown> = {}) => ({
  organizationCode: 'DISDUKCAPIL',
  period: Q1,
  elementCode: 'U3',
  text: 'Percepat penerbitan KTP-el: tambah petugas perekaman pada jam sibuk.',
  priority: 'HIGH' as const,
  dueDate: inDays(60),
  ...over,
});

async function eventsOf(type: string, recommendationId: string): Promise<AnyEventEnvelope[]> {
  const rows: OutboxRow[] = await outbox.rows.find({ type }).sort({ seq: 1 }).toArray();
  return rows
    .map((row) => JSON.parse(row.envelope) as AnyEventEnvelope)
    .filter((event) => event.subject.id === recommendationId);
}

const follow = (
  principal: Principal,
  recommendation: { id: string },
  action: 'PLAN' | 'PROGRESS' | 'COMPLETE' | 'VERIFY' | 'REOPEN',
  over: { plan?: string | null; progressPercent?: number | null; note?: string | null } = {},
) =>
  recommendations.updateFollowUp(principal, {
    recommendationId: recommendation.id,
    action,
    ...over,
  });

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  outbox = new Outbox({ connection });
  const organizations = new OrganizationDirectory(connection);
  const questionnaire = new QuestionnaireService(connection);
  const standards = new ServiceStandardService({ connection, outbox, organizations });
  const populations = new PopulationService({ connection, standards });
  const aggregation = new AggregationService({ connection, questionnaire, timeZone: TIME_ZONE });
  const index = new SatisfactionIndexService({
    connection,
    questionnaire,
    standards,
    organizations,
    populations,
    timeZone: TIME_ZONE,
  });
  recommendations = new RecommendationService({
    connection,
    outbox,
    index,
    organizations,
    questionnaire,
    timeZone: TIME_ZONE,
  });
  reports = new SurveyReportService({ index, recommendations, organizations, questionnaire });
  await Promise.all([
    organizations.init(),
    questionnaire.init(),
    standards.init(),
    populations.init(),
    aggregation.init(),
    recommendations.init(),
    outbox.init(),
  ]);
  for (const [code, name, kind] of [
    ['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'DINAS'],
    ['RSUD', 'RSUD Kayuagung', 'RSUD'],
  ] as const) {
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
  const service = await standards.create(adminDukcapil, {
    name: 'Penerbitan KTP Elektronik',
    category: 'Administrasi Kependudukan',
    description: null,
    onlineServiceUrl: null,
    components: {
      legalBasis: ['Undang-Undang Nomor 24 Tahun 2013'],
      requirements: ['Kartu Keluarga'],
      procedure: ['Perekaman', 'Pencetakan'],
      completionTime: '1 hari kerja',
      completionDays: 1,
      cost: 'Gratis',
      products: ['KTP-el'],
      facilities: ['Ruang tunggu'],
      officerCompetence: ['Menguasai SIAK'],
      internalSupervision: 'Atasan langsung',
      complaintHandling: 'SP4N-LAPOR!',
      numberOfOfficers: 4,
      serviceGuarantee: 'Sesuai standar',
      securityGuarantee: 'Data dijaga',
      performanceEvaluation: 'SKM tiap triwulan',
    },
  });
  await standards.publish(adminDukcapil, service.id);
  // Four respondents in February 2026; U3 scored 2, 2, 3, 2 → NRR 2.25; every other element 3
  // → IKM (8 × 3 + 2.25) / 9 = 2.9167, converted 72.92 (C).
  const u3 = [2, 2, 3, 2];
  for (const [i, score] of u3.entries()) {
    const scores = [3, 3, score, 3, 3, 3, 3, 3, 3];
    const event = createEvent(
      'surveys.response.submitted',
      {
        responseId: randomUUID(),
        serviceId: service.id,
        serviceName: 'Penerbitan KTP Elektronik',
        organizationCode: 'DISDUKCAPIL',
        questionnaireVersion: (await questionnaire.current()).version,
        scores,
        profile: { gender: null, ageGroup: null, education: null, occupation: null },
        suggestion: null,
        channel: 'ONLINE',
        submittedAt: `2026-02-1${i}T03:00:00.000Z`,
      },
      {
        actor: { type: 'system', id: null },
        subject: { type: 'ServiceStandard', id: service.id },
        org: 'DISDUKCAPIL',
      },
    );
    await aggregation.apply(event, i + 1);
  }
}, 60_000);

afterAll(async () => {
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
});

describe('writing recommendations', () => {
  it('lets the evaluator write one on an element, with the index of the period as it was', async () => {
    const created = await recommendations.create(evaluator, input());
    expect(created).toMatchObject({
      organizationCode: 'DISDUKCAPIL',
      organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
      period: { key: '2026-Q1', label: 'Triwulan I 2026' },
      element: { code: 'U3', name: 'Waktu Penyelesaian' },
      elementNrr: 2.25,
      grade: 'C',
      priority: 'HIGH',
      status: 'OPEN',
      progressPercent: 0,
      followUps: [],
      createdBy: { id: evaluator.id },
      availableActions: [],
    });
    expect(created.ikmConverted).toBeCloseTo(72.9167, 3);
    const [event] = await eventsOf('surveys.recommendation.created', created.id);
    expect(event).toMatchObject({
      org: 'DISDUKCAPIL',
      subject: { type: 'Recommendation', id: created.id },
      actor: { type: 'user', id: evaluator.id },
      data: {
        recommendation: {
          id: created.id,
          organizationCode: 'DISDUKCAPIL',
          periodKey: '2026-Q1',
          periodLabel: 'Triwulan I 2026',
          elementCode: 'U3',
          elementName: 'Waktu Penyelesaian',
          createdById: evaluator.id,
        },
        priority: 'HIGH',
        dueDate: input().dueDate,
      },
    });
    // Moved to the outbox: nothing is left on the record.
    const stored = await recommendations.recommendations.findById(created.id).lean().exec();
    expect(stored?._pendingEvents ?? []).toEqual([]);
  });

  it('checks who writes and what', async () => {
    expect(await codeOf(recommendations.create(adminDukcapil, input()))).toBe('FORBIDDEN');
    expect(await codeOf(recommendations.create(pimpinan, input()))).toBe('FORBIDDEN');
    expect(await codeOf(recommendations.create(null, input()))).toBe('UNAUTHENTICATED');
    const bad = async (over: Record<string, unknown>) =>
      failure(recommendations.create(evaluator, input(over)));
    expect(await bad({ organizationCode: 'DINASX' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Organisasi DINASX tidak dikenal.',
    });
    expect((await bad({ elementCode: 'U10' })).code).toBe('BAD_USER_INPUT');
    expect((await bad({ text: 'Singkat' })).message).toContain('minimal 10 karakter');
    expect((await bad({ text: 'x'.repeat(4001) })).code).toBe('BAD_USER_INPUT');
    expect(await bad({ dueDate: inDays(-2) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Tenggat tindak lanjut tidak boleh sebelum hari ini.',
    });
    expect((await bad({ dueDate: '2026-02-30' })).code).toBe('BAD_USER_INPUT');
    expect((await bad({ period: { year: 2026, quarter: 1, month: 2 } })).code).toBe(
      'BAD_USER_INPUT',
    );
    // Without a due date and priority: MEDIUM, no deadline; an element with no answers: no NRR.
    const plain = await recommendations.create(superAdmin, {
      ...input({ organizationCode: 'RSUD', elementCode: 'u9' }),
      dueDate: null,
      priority: null,
    });
    expect(plain).toMatchObject({
      priority: 'MEDIUM',
      dueDate: null,
      elementNrr: null,
      ikmConverted: null,
      element: { code: 'U9' },
    });
  });
});

describe('follow-up', () => {
  let rec: RecommendationView;

  beforeAll(async () => {
    rec = await recommendations.create(evaluator, input({ elementCode: 'U1' }));
  });

  it('runs from the plan to the verification, reopened once', async () => {
    const admin = await recommendations.get(adminDukcapil, rec.id);
    expect(admin?.availableActions).toEqual(['PLAN']);

    let current = await follow(adminDukcapil, rec, 'PLAN', {
      plan: 'Menyederhanakan formulir persyaratan dan memasang papan informasi.',
    });
    expect(current).toMatchObject({
      status: 'PLANNED',
      followUpPlan: 'Menyederhanakan formulir persyaratan dan memasang papan informasi.',
      availableActions: ['PLAN', 'PROGRESS'],
    });
    current = await follow(adminDukcapil, rec, 'PROGRESS', { progressPercent: 40 });
    expect(current).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 40 });
    // The percentage may go down (a target revised).
    current = await follow(adminDukcapil, rec, 'PROGRESS', { progressPercent: 30 });
    expect(current.progressPercent).toBe(30);
    current = await follow(adminDukcapil, rec, 'PLAN', {
      plan: 'Formulir daring menggantikan formulir kertas.',
    });
    expect(current).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 30 });
    current = await follow(adminDukcapil, rec, 'COMPLETE', { note: 'Formulir baru berlaku.' });
    expect(current).toMatchObject({ status: 'COMPLETED', progressPercent: 100 });
    expect(current.availableActions).toEqual([]);
    expect((await recommendations.get(evaluator, rec.id))?.availableActions).toEqual([
      'VERIFY',
      'REOPEN',
    ]);

    expect(await failure(follow(evaluator, rec, 'REOPEN'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Catatan wajib diisi saat membuka kembali tindak lanjut.',
    });
    current = await follow(otherEvaluator, rec, 'REOPEN', {
      note: 'Papan informasi belum terpasang di loket 2.',
    });
    expect(current.status).toBe('IN_PROGRESS');
    await follow(adminDukcapil, rec, 'COMPLETE');
    current = await follow(evaluator, rec, 'VERIFY', { note: 'Sesuai.' });
    expect(current).toMatchObject({ status: 'VERIFIED', progressPercent: 100 });

    const read = await recommendations.get(pimpinan, rec.id);
    expect(read?.availableActions).toEqual([]);
    expect(
      read?.followUps.map((entry) => [entry.action, entry.fromStatus, entry.toStatus]),
    ).toEqual([
      ['PLAN', 'OPEN', 'PLANNED'],
      ['PROGRESS', 'PLANNED', 'IN_PROGRESS'],
      ['PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS'],
      ['PLAN', 'IN_PROGRESS', 'IN_PROGRESS'],
      ['COMPLETE', 'IN_PROGRESS', 'COMPLETED'],
      ['REOPEN', 'COMPLETED', 'IN_PROGRESS'],
      ['COMPLETE', 'IN_PROGRESS', 'COMPLETED'],
      ['VERIFY', 'COMPLETED', 'VERIFIED'],
    ]);
    expect(read?.followUps[1]).toMatchObject({
      progressPercent: 40,
      plan: null,
      actor: { id: adminDukcapil.id, organizationCode: 'DISDUKCAPIL' },
    });
    expect(read?.followUps[5]?.note).toBe('Papan informasi belum terpasang di loket 2.');

    const events = await eventsOf('surveys.followUp.updated', rec.id);
    expect(
      events.map((event) => event.type === 'surveys.followUp.updated' && event.data.action),
    ).toEqual(['PLAN', 'PROGRESS', 'PROGRESS', 'PLAN', 'COMPLETE', 'REOPEN', 'COMPLETE', 'VERIFY']);
    expect(events[5]).toMatchObject({
      org: 'DISDUKCAPIL',
      actor: { type: 'user', id: otherEvaluator.id },
      data: {
        recommendation: { id: rec.id, createdById: evaluator.id, elementCode: 'U1' },
        fromStatus: 'COMPLETED',
        toStatus: 'IN_PROGRESS',
        progressPercent: 100,
        note: 'Papan informasi belum terpasang di loket 2.',
        actor: { id: otherEvaluator.id, organizationCode: 'INSPEKTORAT' },
      },
    });
    // Every change's events were moved to the outbox.
    const left = await recommendations.changes
      .countDocuments({ recommendationId: rec.id, '_pendingEvents.0': { $exists: true } })
      .exec();
    expect(left).toBe(0);
  });

  it('refuses steps the status does not allow with CONFLICT', async () => {
    const fresh = await recommendations.create(evaluator, input({ elementCode: 'U2' }));
    expect(await failure(follow(evaluator, fresh, 'VERIFY'))).toMatchObject({
      code: 'CONFLICT',
      message:
        'Tidak dapat memverifikasi hasil tindak lanjut: status saat ini Belum Ditindaklanjuti.',
    });
    expect(await codeOf(follow(adminDukcapil, fresh, 'COMPLETE'))).toBe('CONFLICT');
    expect(await codeOf(follow(adminDukcapil, fresh, 'PROGRESS', { progressPercent: 10 }))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(follow(adminDukcapil, rec, 'PLAN', { plan: 'Rencana baru yang lain.' })),
    ).toBe('CONFLICT');
    // Missing or wrong data once the step is allowed.
    expect(await failure(follow(adminDukcapil, fresh, 'PLAN'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Rencana tindak lanjut wajib diisi, minimal 10 karakter.',
    });
    await follow(adminDukcapil, fresh, 'PLAN', { plan: 'Menambah satu loket prioritas.' });
    expect(await codeOf(follow(adminDukcapil, fresh, 'PROGRESS'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(follow(adminDukcapil, fresh, 'PROGRESS', { progressPercent: 101 }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(follow(adminDukcapil, { id: 'tidak-ada' }, 'PLAN'))).toBe('NOT_FOUND');
  });

  it('keeps other organizations and roles out', async () => {
    const fresh = await recommendations.create(evaluator, input({ elementCode: 'U4' }));
    expect(await failure(recommendations.get(adminRsud, fresh.id))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Anda hanya dapat melihat rekomendasi untuk organisasi Anda sendiri.',
    });
    expect(
      await codeOf(follow(adminRsud, fresh, 'PLAN', { plan: 'Rencana dari organisasi lain.' })),
    ).toBe('FORBIDDEN');
    expect(
      await failure(follow(evaluator, fresh, 'PLAN', { plan: 'Rencana evaluator.' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Anda tidak berwenang mencatat rencana tindak lanjut.',
    });
    expect(await codeOf(follow(pimpinan, fresh, 'PLAN', { plan: 'Rencana pimpinan.' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(follow(adminDukcapil, fresh, 'VERIFY'))).toBe('FORBIDDEN');
    // super-admin may act for the organization.
    expect(
      (await follow(superAdmin, fresh, 'PLAN', { plan: 'Rencana dicatat oleh super-admin.' }))
        .status,
    ).toBe('PLANNED');
  });

  it('lets concurrent follow-ups through one at a time, none lost', async () => {
    const fresh = await recommendations.create(evaluator, input({ elementCode: 'U5' }));
    await follow(adminDukcapil, fresh, 'PLAN', { plan: 'Melatih petugas produk layanan.' });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        follow(adminDukcapil, fresh, 'PROGRESS', { progressPercent: 10 + i }),
      ),
    );
    const succeeded = results.filter((result) => result.status === 'fulfilled').length;
    for (const result of results) {
      if (result.status === 'rejected') {
        expect((result.reason as GraphQLError).extensions.code).toBe('CONFLICT');
      }
    }
    expect(succeeded).toBeGreaterThan(0);
    const stored = await recommendations.recommendations.findById(fresh.id).lean().exec();
    expect(stored?.followUps).toHaveLength(1 + succeeded);
    expect(stored?.revision).toBe(1 + succeeded);
    expect((await eventsOf('surveys.followUp.updated', fresh.id)).length).toBe(1 + succeeded);
  });

  it('applies a committed change whose write was lost (crashed writer, unguarded sweep)', async () => {
    const fresh = await recommendations.create(evaluator, input({ elementCode: 'U6' }));
    await follow(adminDukcapil, fresh, 'PLAN', { plan: 'Sertifikasi kompetensi petugas.' });
    // The recommendation as it was before the change, as if its update never landed.
    await recommendations.recommendations
      .updateOne(
        { _id: fresh.id },
        { $set: { status: 'OPEN', revision: 0, followUps: [], followUpPlan: null } },
      )
      .exec();
    const read = await recommendations.get(adminDukcapil, fresh.id);
    expect(read).toMatchObject({
      status: 'PLANNED',
      followUpPlan: 'Sertifikasi kompetensi petugas.',
    });
    const listed = await recommendations.list(adminDukcapil, { status: 'PLANNED' });
    expect(listed.edges.map((edge) => edge.node.id)).toContain(fresh.id);
    // The next step builds on it.
    expect(
      (await follow(adminDukcapil, fresh, 'PROGRESS', { progressPercent: 50 })).followUps,
    ).toHaveLength(2);
  });
});

describe('listing', () => {
  it('shows admin-opd only its own organization and everyone else all, newest first', async () => {
    const all = await recommendations.list(evaluator, { first: 100 });
    expect(all.totalCount).toBeGreaterThanOrEqual(7);
    const times = all.edges.map((edge) => edge.node.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(all.edges.map((edge) => edge.node.organizationCode))).toEqual(
      new Set(['DISDUKCAPIL', 'RSUD']),
    );

    const own = await recommendations.list(adminDukcapil, {});
    expect(own.edges.every((edge) => edge.node.organizationCode === 'DISDUKCAPIL')).toBe(true);
    expect(own.totalCount).toBe(all.totalCount - 1);
    const rsud = await recommendations.list(adminRsud, { organizationCode: 'RSUD' });
    expect(rsud.totalCount).toBe(1);
    expect(
      await failure(recommendations.list(adminRsud, { organizationCode: 'DISDUKCAPIL' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Anda hanya dapat melihat rekomendasi untuk organisasi Anda sendiri.',
    });
    expect(await codeOf(recommendations.list(null, {}))).toBe('UNAUTHENTICATED');

    const filtered = await recommendations.list(pimpinan, {
      organizationCode: 'DISDUKCAPIL',
      period: Q1,
      status: 'VERIFIED',
    });
    expect(filtered.totalCount).toBe(1);
    expect(filtered.edges[0]?.node.element.code).toBe('U1');
    expect((await recommendations.list(pimpinan, { period: { year: 2025 } })).totalCount).toBe(0);
  });

  it('pages with a cursor and counts the whole result', async () => {
    const first = await recommendations.list(superAdmin, { first: 3 });
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await recommendations.list(superAdmin, {
      first: 3,
      after: first.pageInfo.endCursor,
    });
    expect(second.totalCount).toBe(first.totalCount);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const ids = [...first.edges, ...second.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await codeOf(recommendations.list(superAdmin, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(recommendations.list(superAdmin, { after: 'bukan-kursor' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('printing', () => {
  it('prints the organization’s recommendations with its real index to PDF', async () => {
    const file = await reports.recommendationReport(adminDukcapil, 'DISDUKCAPIL', Q1);
    expect(file.filename).toBe('rekomendasi-skm-disdukcapil-2026-Q1.pdf');
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await codeOf(reports.recommendationReport(adminRsud, 'DISDUKCAPIL', Q1))).toBe(
      'FORBIDDEN',
    );
    const excel = await reports.satisfactionReport(superAdmin, Q1, 'XLSX');
    expect(excel.filename).toBe('laporan-skm-2026-Q1.xlsx');
    expect(excel.size).toBeGreaterThan(1_000);
  });
});
