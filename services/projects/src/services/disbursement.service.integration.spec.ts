import { Outbox } from '@sipadu/events';
import type { Principal, Role } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileCaptureModel, type FileCaptureModel } from '../models/file-capture.model.js';
import { storeListSummary } from '../models/loan-project-list.model.js';
import {
  loanProjectModel,
  type LoanProjectModel,
  type LoanProjectRecord,
} from '../models/loan-project.model.js';
import {
  requirementStateModel,
  type RequirementStateModel,
} from '../models/requirement-state.model.js';
import { DisbursementService } from './disbursement.service.js';
import { PortfolioService } from './portfolio.service.js';
import { ProgressService } from './progress.service.js';

// Disbursements, progress and the portfolio against the real FerretDB: single-document updates
// claimed per `revision`, events written with the record, moved to the outbox and cleared.
const DATABASE = 'sipadu_projects_disbursement_spec';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const NOW = new Date('2026-03-06T03:00:00Z');

let connection: Connection;
let projects: LoanProjectModel;
let requirements: RequirementStateModel;
let captures: FileCaptureModel;
let outbox: Outbox;
let disbursements: DisbursementService;
let progress: ProgressService;
let portfolio: PortfolioService;

const user = (role: Role, organizationCode: string): Principal => ({
  kind: 'user',
  id: `${role}-${organizationCode}`,
  username: role,
  name: `${role} ${organizationCode}`,
  email: null,
  organizationCode,
  roles: [role],
  clientId: 'sipadu-web',
  scopes: [],
  expiresAt: 0,
});
const bpkad = user('bpkad', 'BPKAD');
const lender = user('pemberi-pinjaman', 'PTSMI');
const pelaksana = user('pelaksana', 'DPUPR');
const pimpinan = user('pimpinan', 'SETDA');

function codeOf(error: unknown): string {
  expect(error).toBeInstanceOf(GraphQLError);
  return String((error as GraphQLError).extensions.code);
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: codeOf(error), message: (error as Error).message };
  }
  throw new Error('expected a failure');
}

async function createProject(over: Partial<LoanProjectRecord> = {}): Promise<LoanProjectRecord> {
  const doc = await projects.create({
    code: `PIN-2026-${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`,
    fiscalYear: 2026,
    name: 'Peningkatan Jalan Lingkar Barat',
    description: 'Pelebaran jalan 4,2 km.',
    borrowingReason: 'Konektivitas kawasan barat.',
    organizationCode: 'DPUPR',
    organizationName: 'Dinas PUPR',
    lenderOrganizationCode: 'PTSMI',
    lenderName: 'PT SMI',
    managerOrganizationCode: 'BPKAD',
    amount: 10_000_000_001,
    tenorMonths: 96,
    state: 'AGREEMENT_SIGNED',
    locations: [
      {
        id: 'loc1',
        latitude: -1.61,
        longitude: 103.61,
        address: 'Jl. Lingkar Barat',
        administrativeArea: 'Kota Jambi',
        outline: null,
      },
    ],
    searchText: 'pin jalan',
    createdBy: { id: 'bpkad', name: 'BPKAD', organizationCode: 'BPKAD' },
    ...over,
  });
  const record = doc.toObject<LoanProjectRecord>();
  // Its list row, as LoanProjectService.create stores it (the portfolio reads those).
  await storeListSummary(projects, record);
  return record;
}

const outboxTypes = async () =>
  (await outbox.rows.find({}).sort({ seq: 1 }).toArray()).map((row) => row.type);

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  projects = loanProjectModel(connection);
  requirements = requirementStateModel(connection);
  captures = fileCaptureModel(connection);
  outbox = new Outbox({ connection });
  const options = { timeZone: 'Asia/Jakarta', now: () => NOW };
  disbursements = new DisbursementService(projects, requirements, outbox, options);
  progress = new ProgressService(projects, captures, outbox, options);
  portfolio = new PortfolioService(projects, requirements, options);
});

beforeEach(async () => {
  await connection.dropDatabase();
  await outbox.init();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('disbursement tranches', () => {
  it('plans, requests, approves and disburses, opening the disbursement stage', async () => {
    const project = await createProject();
    const planned = await disbursements.savePlan(bpkad, project._id, [
      {
        name: 'Uang muka',
        plannedShare: 20,
        plannedDate: '2026-03-15',
        minPhysicalProgress: 0,
        requirementGroup: 'Termin 1',
      },
      { name: 'Termin 2', plannedShare: 50, plannedDate: '2026-07-31', minPhysicalProgress: 40 },
      { name: 'Termin 3', plannedShare: 30, plannedDate: '2026-11-30', minPhysicalProgress: 90 },
    ]);
    // 20 % = 2 000 000 000,2 → …000 and 50 % = 5 000 000 000,5 → …001 (half up); the last
    // takes the remainder 10 000 000 001 − 7 000 000 001.
    expect(planned.tranches.map((t) => t.plannedAmount)).toEqual([
      2_000_000_000, 5_000_000_001, 3_000_000_000,
    ]);
    const first = planned.tranches[0]!;

    await requirements.create([
      {
        _id: 'r1',
        projectId: project._id,
        title: 'MC-0',
        group: 'Termin 1',
        status: 'APPROVED',
        updatedAt: NOW,
      },
      {
        _id: 'r2',
        projectId: project._id,
        title: 'SPTJM',
        group: 'Termin 1',
        status: 'SUBMITTED',
        updatedAt: NOW,
      },
      {
        _id: 'r3',
        projectId: 'other',
        title: 'X',
        group: 'Termin 1',
        status: 'SUBMITTED',
        updatedAt: NOW,
      },
    ]);
    const views = await disbursements.tranchesOf(planned);
    expect(disbursements.warningsFor(views[0]!)).toEqual([
      "1 persyaratan kelompok 'Termin 1' belum disetujui dan tenggat 15 Mar 2026 tinggal 9 hari",
    ]);
    expect(disbursements.actionsFor(bpkad, views[0]!)[0]?.blockedReason).toBe(
      "1 persyaratan kelompok 'Termin 1' belum disetujui",
    );
    expect(
      await failure(disbursements.transition(bpkad, project._id, first.id, 'request', {})),
    ).toEqual({
      code: 'CONFLICT',
      message:
        "Tidak dapat mengajukan pencairan termin: 1 persyaratan kelompok 'Termin 1' belum disetujui",
    });
    await requirements.updateOne({ _id: 'r2' }, { $set: { status: 'WAIVED' } });

    expect(
      (await failure(disbursements.transition(pelaksana, project._id, first.id, 'request', {})))
        .code,
    ).toBe('FORBIDDEN');
    await disbursements.transition(bpkad, project._id, first.id, 'request', {});
    expect(
      (await failure(disbursements.transition(bpkad, project._id, first.id, 'approve', {}))).code,
    ).toBe('FORBIDDEN');
    await disbursements.transition(lender, project._id, first.id, 'approve', {});
    expect(
      await failure(
        disbursements.transition(lender, project._id, first.id, 'disburse', {
          disbursedAmount: 10_000_000_002,
          disbursedOn: '2026-03-05',
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('melebihi sisa') });
    expect(
      (
        await failure(
          disbursements.transition(lender, project._id, first.id, 'disburse', {
            disbursedAmount: 2_000_000_000,
            disbursedOn: '2026-03-07',
          }),
        )
      ).message,
    ).toBe('Tanggal pencairan tidak boleh di masa depan.');

    const paid = await disbursements.transition(lender, project._id, first.id, 'disburse', {
      disbursedAmount: 1_999_000_000,
      disbursedOn: '2026-03-06',
    });
    expect(paid.state).toBe('DISBURSEMENT');
    expect(paid.history.at(-1)).toMatchObject({
      transition: 'startDisbursement',
      from: 'AGREEMENT_SIGNED',
      to: 'DISBURSEMENT',
      actor: { kind: 'system' },
    });
    expect(paid.tranches[0]).toMatchObject({
      state: 'DISBURSED',
      disbursedAmount: 1_999_000_000,
      disbursedOn: '2026-03-06',
    });
    expect(paid.tranches[0]!.history.map((h) => h.transition)).toEqual([
      'request',
      'approve',
      'disburse',
    ]);
    expect(paid.disbursedAmount).toBe(1_999_000_000);
    expect(paid.approvedAmount).toBe(2_000_000_000);
    // Each of the four writes bumps the revision twice: the change, then clearing its events.
    expect(paid.revision).toBe(project.revision + 8);
    expect(disbursements.summaryOf(paid)).toEqual({
      plannedAmount: 10_000_000_001,
      approvedAmount: 2_000_000_000,
      disbursedAmount: 1_999_000_000,
      remainingAmount: 8_001_000_001,
      disbursedShare: 19.99,
    });
    expect(await outboxTypes()).toEqual([
      'projects.project.updated',
      'projects.tranche.requested',
      'projects.tranche.approved',
      'projects.tranche.disbursed',
      'projects.project.stageChanged',
    ]);
    const stored = await projects.findById(project._id).lean().exec();
    expect((stored as { _pendingEvents?: unknown[] } | null)?._pendingEvents ?? []).toEqual([]);

    // The disbursed tranche can be neither removed nor changed by a new plan.
    expect(
      await failure(
        disbursements.savePlan(bpkad, project._id, [
          { name: 'Baru', plannedShare: 100, plannedDate: '2026-12-01', minPhysicalProgress: 0 },
        ]),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'Termin "Uang muka" sudah dicairkan dan tidak dapat dihapus.',
    });
    const replanned = await disbursements.savePlan(bpkad, project._id, [
      {
        id: first.id,
        name: 'diabaikan',
        plannedShare: 20,
        plannedDate: '2026-01-01',
        minPhysicalProgress: 0,
      },
      { name: 'Sisa', plannedShare: 80, plannedDate: '2026-12-01', minPhysicalProgress: 50 },
    ]);
    expect(replanned.tranches.map((t) => [t.name, t.state, t.plannedAmount])).toEqual([
      ['Uang muka', 'DISBURSED', 2_000_000_000],
      ['Sisa', 'PLANNED', 8_000_000_001],
    ]);
  });

  it('keeps every one of concurrent writes and publishes all their events', async () => {
    for (let round = 0; round < 5; round += 1) {
      await outbox.rows.deleteMany({});
      const project = await createProject({ state: 'DISBURSEMENT' });
      await Promise.all([
        disbursements.savePlan(bpkad, project._id, [
          { name: 'A', plannedShare: 10, plannedDate: '2026-06-30', minPhysicalProgress: 0 },
        ]),
        progress.savePlan(pelaksana, project._id, [
          { period: '2026-03', physicalPercent: 10, financialPercent: 5 },
        ]),
        progress.submitReport(pelaksana, project._id, {
          period: '2026-02',
          physicalPercent: 4,
          financialPercent: 2,
          narrative: 'Mobilisasi alat.',
        }),
      ]);
      const stored = (await projects.findById(project._id).lean<LoanProjectRecord>().exec())!;
      expect(stored.tranches).toHaveLength(1);
      expect(stored.progressPlan).toHaveLength(1);
      expect(stored.progressReports).toHaveLength(1);
      expect(stored.physicalProgress).toBe(4);
      expect((stored as { _pendingEvents?: unknown[] })._pendingEvents ?? []).toEqual([]);
      expect((await outboxTypes()).sort()).toEqual([
        'projects.progress.submitted',
        'projects.project.updated',
        'projects.project.updated',
      ]);
    }
  });
});

describe('progress reports', () => {
  it('takes EXIF positions, loops through a revision and recomputes the figures', async () => {
    const project = await createProject({ state: 'DISBURSEMENT' });
    await captures.create([
      {
        _id: 'photo-1',
        contentType: 'image/jpeg',
        latitude: -1.6101,
        longitude: 103.6131,
        takenAt: new Date('2026-02-27T02:00:00Z'),
      },
      { _id: 'video-1', contentType: 'video/mp4', latitude: null, longitude: null, takenAt: null },
    ]);
    await progress.savePlan(bpkad, project._id, [
      { period: '2026-01', physicalPercent: 5, financialPercent: 0 },
      { period: '2026-03', physicalPercent: 25, financialPercent: 20 },
    ]);
    expect(
      (
        await failure(
          progress.submitReport(user('pelaksana', 'RSUD'), project._id, {
            period: '2026-02',
            physicalPercent: 10,
            financialPercent: 5,
            narrative: 'x',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          progress.submitReport(pelaksana, project._id, {
            period: '2026-02',
            physicalPercent: 10,
            financialPercent: 5,
            narrative: 'Galian',
            media: [{ fileId: 'video-1', kind: 'PHOTO' }],
          }),
        )
      ).message,
    ).toBe('Berkas video-1 bukan foto (video/mp4).');

    const submitted = await progress.submitReport(pelaksana, project._id, {
      period: '2026-02',
      physicalPercent: 8,
      financialPercent: 5,
      narrative: 'Galian saluran tepi jalan.',
      media: [
        { fileId: 'photo-1', kind: 'PHOTO', caption: 'Galian' },
        { fileId: 'video-1', kind: 'VIDEO', latitude: -1.62, longitude: 103.62 },
      ],
    });
    expect(submitted.media.map((m) => [m.fileId, m.locationSource, m.latitude])).toEqual([
      ['photo-1', 'EXIF', -1.6101],
      ['video-1', 'MANUAL', -1.62],
    ]);
    expect(submitted.media[0]?.capturedAt).toEqual(new Date('2026-02-27T02:00:00Z'));
    let record = (await projects.findById(project._id).lean<LoanProjectRecord>().exec())!;
    // Plan for February: 15 %; 8 % trails by 7 points.
    expect([record.physicalProgress, record.financialProgress, record.behindPlan]).toEqual([
      8,
      5,
      true,
    ]);
    expect(
      (
        await failure(
          progress.submitReport(pelaksana, project._id, {
            period: '2026-02',
            physicalPercent: 9,
            financialPercent: 5,
            narrative: 'Lagi',
          }),
        )
      ).code,
    ).toBe('CONFLICT');

    expect(
      (await failure(progress.review(bpkad, project._id, submitted.id, 'REQUEST_REVISION', ' ')))
        .code,
    ).toBe('BAD_USER_INPUT');
    const sentBack = await progress.review(
      bpkad,
      project._id,
      submitted.id,
      'REQUEST_REVISION',
      'Foto galian kurang jelas.',
    );
    expect(sentBack).toMatchObject({
      state: 'REVISION_REQUESTED',
      reviewNote: 'Foto galian kurang jelas.',
    });

    const again = await progress.submitReport(pelaksana, project._id, {
      period: '2026-02',
      physicalPercent: 12,
      financialPercent: 6,
      narrative: 'Galian saluran, foto diperbaiki.',
    });
    expect(again.id).toBe(submitted.id);
    const accepted = await progress.review(bpkad, project._id, again.id, 'ACCEPT', null);
    expect(accepted.state).toBe('ACCEPTED');
    record = (await projects.findById(project._id).lean<LoanProjectRecord>().exec())!;
    expect(record.progressReports).toHaveLength(1);
    expect([record.physicalProgress, record.behindPlan]).toEqual([12, false]);
    expect(
      progress.sCurveOf(record).map((p) => [p.period, p.plannedPhysical, p.actualPhysical]),
    ).toEqual([
      ['2026-01', 5, null],
      ['2026-02', 15, 12],
      ['2026-03', 25, null],
    ]);
    expect(
      (
        await failure(
          progress.submitReport(pelaksana, project._id, {
            period: '2026-03',
            physicalPercent: 11,
            financialPercent: 6,
            narrative: 'Turun',
          }),
        )
      ).message,
    ).toBe('Kemajuan fisik 11% lebih kecil dari laporan yang sudah diterima (12%).');
    expect(
      (
        await failure(
          progress.submitReport(pelaksana, project._id, {
            period: '2026-04',
            physicalPercent: 20,
            financialPercent: 6,
            narrative: 'Bulan depan',
          }),
        )
      ).message,
    ).toBe('Periode laporan tidak boleh melewati bulan berjalan.');
    expect(await outboxTypes()).toEqual([
      'projects.project.updated',
      'projects.progress.submitted',
      'projects.progress.reviewed',
      'projects.progress.submitted',
      'projects.progress.reviewed',
    ]);
  });

  it('refuses reports before the agreement', async () => {
    const project = await createProject({ state: 'VERIFICATION' });
    expect(progress.canReport(pelaksana, project)).toBe(false);
    expect(
      (
        await failure(
          progress.submitReport(pelaksana, project._id, {
            period: '2026-02',
            physicalPercent: 1,
            financialPercent: 0,
            narrative: 'x',
          }),
        )
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('portfolio', () => {
  it('aggregates the caller scope with one query and exports it', async () => {
    await createProject({
      code: 'PIN-2026-001',
      amount: 60_000_000_000,
      disbursedAmount: 6_000_000_000,
      physicalProgress: 20,
      behindPlan: true,
      state: 'IMPLEMENTATION',
    });
    await createProject({
      code: 'PIN-2025-001',
      fiscalYear: 2025,
      amount: 40_000_000_000,
      state: 'VERIFICATION',
      organizationCode: 'RSUD',
      organizationName: 'RSUD',
    });
    await createProject({
      code: 'PIN-2025-002',
      fiscalYear: 2025,
      amount: 10_000_000_000,
      lenderOrganizationCode: 'BJB',
      lenderName: 'Bank Jambi',
    });

    const all = await portfolio.portfolio(pimpinan, null);
    expect(all.totals).toMatchObject({
      projectCount: 3,
      loanAmount: 110_000_000_000,
      behindPlanCount: 1,
    });
    expect(all.byYear.map((y) => y.fiscalYear)).toEqual([2025, 2026]);
    expect(all.behindPlan.map((p) => p.code)).toEqual(['PIN-2026-001']);
    expect(all.behindPlan[0]?.locations).toHaveLength(1);

    const lenderView = await portfolio.portfolio(lender, 2025);
    expect(lenderView.totals.projectCount).toBe(1);
    expect(lenderView.byYear.map((y) => y.fiscalYear)).toEqual([2025, 2026]);
    expect((await failure(portfolio.portfolio(pelaksana, null))).code).toBe('FORBIDDEN');

    const points = await portfolio.map(pelaksana, { fiscalYear: 2026 });
    expect(points.map((p) => p.projectName)).toEqual(['Peningkatan Jalan Lingkar Barat']);
    expect(await portfolio.map(user('pelaksana', 'DINKES'), null)).toEqual([]);

    const xlsx = await portfolio.export(pimpinan, 'XLSX', 2026);
    expect(xlsx.filename).toBe('portofolio-pinjaman-2026-20260306.xlsx');
    expect(xlsx.size).toBeGreaterThan(1000);
    const pdf = await portfolio.export(lender, 'PDF', null);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
  });

  it('exports a project as OC4IDS with its approved requirement documents', async () => {
    const project = await createProject({ code: 'PIN-2026-010' });
    await requirements.create({
      _id: 'fs',
      projectId: project._id,
      title: 'Studi Kelayakan',
      group: null,
      status: 'APPROVED',
      updatedAt: NOW,
    });
    const oc4ids = await portfolio.oc4ids(project);
    expect(oc4ids.id).toBe('oc4ids-sipadu-PIN-2026-010');
    expect(oc4ids.documents).toEqual([
      expect.objectContaining({ id: 'fs', documentType: 'feasibilityStudy' }),
    ]);
  });
});
