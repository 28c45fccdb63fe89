import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope, type Outbox } from '@sipadu/events';
import {
  badInput,
  conflict,
  forbidden,
  notFound,
  parseInput,
  type Principal,
} from '@sipadu/service-kit';
import { z } from 'zod';
import { access, canManageProject, isExecutingOfficer } from '../access.js';
import type { FileCaptureModel, FileCaptureRecord } from '../models/file-capture.model.js';
import {
  MAX_ATTEMPTS,
  backoff,
  commitAtRevision,
  revisionConflict,
} from '../models/loan-project-writer.js';
import {
  projectEventSnapshot,
  type LoanProjectModel,
  type LoanProjectRecord,
  type ProgressMediaRecord,
  type ProgressPlanRecord,
  type ProgressReportRecord,
  type ProgressReportStatus,
} from '../models/loan-project.model.js';
import type { LoanProjectStage } from '../workflows/loan-project.workflow.js';
import { todayIn } from './disbursement.service.js';
import { actorRecord, eventMeta } from './loan-project.service.js';

// ---------------------------------------------------------------------------------------------
// Pure rules (unit-tested in progress.service.spec.ts)
// ---------------------------------------------------------------------------------------------

/** Stages in which progress is reported: after the agreement, until completion. */
export const REPORTING_STAGES: readonly LoanProjectStage[] = [
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
];

/** A project is behind plan when its physical progress trails the plan by more than this. */
export const BEHIND_PLAN_THRESHOLD = 5;

export const MAX_MEDIA = 20;

export const REPORT_STATUS_LABELS: Record<ProgressReportStatus, string> = {
  SUBMITTED: 'Diajukan',
  ACCEPTED: 'Diterima',
  REVISION_REQUESTED: 'Perlu Perbaikan',
};

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-03" → months since year 0 (2026 × 12 + 2), for linear interpolation by month. */
export function monthIndex(period: string): number {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a period YYYY-MM: ${period}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

type PlanKey = 'physicalPercent' | 'financialPercent';

/**
 * The planned percent at a period, interpolated linearly by month between plan points. Outside
 * the plan: `null` with `clamp` false (S-curve), otherwise 0 before the first point and the last
 * point's value after it (behind-plan check). Null when there is no plan.
 */
export function plannedAt(
  plan: readonly ProgressPlanRecord[],
  period: string,
  key: PlanKey,
  clamp = true,
): number | null {
  if (plan.length === 0) return null;
  const points = [...plan].sort((a, b) => monthIndex(a.period) - monthIndex(b.period));
  const at = monthIndex(period);
  const first = points[0] as ProgressPlanRecord;
  const last = points[points.length - 1] as ProgressPlanRecord;
  if (at < monthIndex(first.period)) return clamp ? 0 : null;
  if (at > monthIndex(last.period)) return clamp ? last[key] : null;
  for (let i = 0; i < points.length; i += 1) {
    const point = points[i] as ProgressPlanRecord;
    const m = monthIndex(point.period);
    if (m === at) return point[key];
    const next = points[i + 1];
    if (next && at > m && at < monthIndex(next.period)) {
      const span = monthIndex(next.period) - m;
      return round2(point[key] + ((next[key] - point[key]) * (at - m)) / span);
    }
  }
  return null;
}

/** The report the project's figures come from: the latest accepted, else the latest submitted. */
export function currentReport<
  R extends Pick<ProgressReportRecord, 'period' | 'state' | 'submittedAt'>,
>(reports: readonly R[]): R | null {
  const latest = (state: ProgressReportStatus) =>
    reports
      .filter((report) => report.state === state)
      .reduce<R | null>((best, report) => {
        if (!best) return report;
        if (report.period !== best.period) return report.period > best.period ? report : best;
        return new Date(report.submittedAt) > new Date(best.submittedAt) ? report : best;
      }, null);
  return latest('ACCEPTED') ?? latest('SUBMITTED');
}

/** Whether a report's physical progress trails the plan of its period by more than the threshold. */
export function reportBehindPlan(
  plan: readonly ProgressPlanRecord[],
  report: Pick<ProgressReportRecord, 'period' | 'physicalPercent'>,
): boolean {
  const planned = plannedAt(plan, report.period, 'physicalPercent');
  return planned !== null && planned - report.physicalPercent > BEHIND_PLAN_THRESHOLD;
}

export interface ProgressFigures {
  physicalProgress: number;
  financialProgress: number;
  behindPlan: boolean;
}

/** The denormalised figures of the record, recomputed after every plan or report change. */
export function progressFigures(
  plan: readonly ProgressPlanRecord[],
  reports: readonly ProgressReportRecord[],
): ProgressFigures {
  const report = currentReport(reports);
  if (!report) return { physicalProgress: 0, financialProgress: 0, behindPlan: false };
  return {
    physicalProgress: report.physicalPercent,
    financialProgress: report.financialPercent,
    behindPlan: reportBehindPlan(plan, report),
  };
}

export interface SCurvePointView {
  period: string;
  plannedPhysical: number | null;
  actualPhysical: number | null;
  plannedFinancial: number | null;
  actualFinancial: number | null;
}

/**
 * Plan vs actual per month: the periods of the plan and of the reports (reports sent back for
 * revision left out), sorted; planned values interpolated inside the plan, null outside it.
 */
export function sCurve(
  plan: readonly ProgressPlanRecord[],
  reports: readonly ProgressReportRecord[],
): SCurvePointView[] {
  const actual = new Map<string, ProgressReportRecord>();
  for (const report of reports) {
    if (report.state === 'REVISION_REQUESTED') continue;
    const seen = actual.get(report.period);
    if (!seen || (seen.state !== 'ACCEPTED' && report.state === 'ACCEPTED')) {
      actual.set(report.period, report);
    }
  }
  const periods = [...new Set([...plan.map((p) => p.period), ...actual.keys()])].sort();
  return periods.map((period) => {
    const report = actual.get(period);
    return {
      period,
      plannedPhysical: plannedAt(plan, period, 'physicalPercent', false),
      actualPhysical: report ? report.physicalPercent : null,
      plannedFinancial: plannedAt(plan, period, 'financialPercent', false),
      actualFinancial: report ? report.financialPercent : null,
    };
  });
}

/** Indonesia's bounding box (same as the project locations). */
export function insideIndonesia(latitude: number, longitude: number): boolean {
  return latitude >= -11.5 && latitude <= 6.5 && longitude >= 94 && longitude <= 141.5;
}

export interface MediaInput {
  fileId: string;
  kind: 'PHOTO' | 'VIDEO';
  caption?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  capturedAt?: string | null;
}

/**
 * Where and when a photo or video was taken: the reporter's coordinates (MANUAL) when given,
 * otherwise the EXIF position of the stored file (EXIF) when it lies in Indonesia, else NONE.
 * The capture time falls back to the EXIF time.
 */
export function resolveMedia(
  input: MediaInput,
  capture: Pick<FileCaptureRecord, 'latitude' | 'longitude' | 'takenAt'> | null,
): ProgressMediaRecord {
  const given = input.capturedAt ? new Date(input.capturedAt) : null;
  const capturedAt = given ?? (capture?.takenAt ? new Date(capture.takenAt) : null);
  const base = {
    fileId: input.fileId,
    kind: input.kind,
    caption: input.caption?.trim() || null,
    capturedAt,
  };
  if (typeof input.latitude === 'number' && typeof input.longitude === 'number') {
    return {
      ...base,
      latitude: input.latitude,
      longitude: input.longitude,
      locationSource: 'MANUAL',
    };
  }
  if (
    capture &&
    typeof capture.latitude === 'number' &&
    typeof capture.longitude === 'number' &&
    insideIndonesia(capture.latitude, capture.longitude)
  ) {
    return {
      ...base,
      latitude: capture.latitude,
      longitude: capture.longitude,
      locationSource: 'EXIF',
    };
  }
  return { ...base, latitude: null, longitude: null, locationSource: 'NONE' };
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

const OUTSIDE_INDONESIA = 'Koordinat di luar wilayah Indonesia';
const period = z.string().trim().regex(PERIOD, 'Periode harus berformat YYYY-MM.');
const percent = (what: string) =>
  z
    .number({ error: `${what} wajib berupa angka.` })
    .min(0, `${what} harus 0–100%.`)
    .max(100, `${what} harus 0–100%.`);

const planSchema = z
  .array(
    z.object({
      period,
      physicalPercent: percent('Rencana fisik'),
      financialPercent: percent('Rencana keuangan'),
    }),
  )
  .max(240, 'Rencana paling banyak 240 bulan.');

const mediaSchema = z.object({
  fileId: z.string().trim().min(1, 'Berkas wajib dipilih.').max(128),
  kind: z.enum(['PHOTO', 'VIDEO'], { error: 'Jenis media harus PHOTO atau VIDEO.' }),
  caption: z.string().trim().max(500, 'Keterangan paling banyak 500 karakter.').nullish(),
  latitude: z.number().min(-11.5, OUTSIDE_INDONESIA).max(6.5, OUTSIDE_INDONESIA).nullish(),
  longitude: z.number().min(94, OUTSIDE_INDONESIA).max(141.5, OUTSIDE_INDONESIA).nullish(),
  capturedAt: z.iso
    .datetime({ offset: true, error: 'Waktu pengambilan harus berformat ISO 8601.' })
    .nullish(),
});

const reportSchema = z.object({
  period,
  physicalPercent: percent('Kemajuan fisik'),
  financialPercent: percent('Kemajuan keuangan'),
  narrative: z
    .string({ error: 'Uraian kemajuan wajib diisi.' })
    .trim()
    .min(1, 'Uraian kemajuan wajib diisi.')
    .max(5_000, 'Uraian paling banyak 5.000 karakter.'),
  problems: z.string().trim().max(5_000, 'Permasalahan paling banyak 5.000 karakter.').nullish(),
  media: z
    .array(mediaSchema)
    .max(MAX_MEDIA, `Paling banyak ${MAX_MEDIA} foto/video per laporan.`)
    .nullish(),
});

export type ProgressReportInput = z.input<typeof reportSchema>;

/** Checks a plan: unique months, cumulative percents never decreasing. Returns it sorted. */
export function validatePlan(points: readonly ProgressPlanRecord[]): ProgressPlanRecord[] {
  const sorted = [...points].sort((a, b) => a.period.localeCompare(b.period));
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1] as ProgressPlanRecord;
    const point = sorted[i] as ProgressPlanRecord;
    if (point.period === prev.period) {
      throw badInput(`Periode ${point.period} disebut lebih dari sekali.`);
    }
    if (point.physicalPercent < prev.physicalPercent) {
      throw badInput(
        `Rencana fisik kumulatif tidak boleh turun (${prev.period} ${prev.physicalPercent}% → ${point.period} ${point.physicalPercent}%).`,
      );
    }
    if (point.financialPercent < prev.financialPercent) {
      throw badInput(
        `Rencana keuangan kumulatif tidak boleh turun (${prev.period} ${prev.financialPercent}% → ${point.period} ${point.financialPercent}%).`,
      );
    }
  }
  return sorted.map((p) => ({
    period: p.period,
    physicalPercent: p.physicalPercent,
    financialPercent: p.financialPercent,
  }));
}

// ---------------------------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------------------------

export interface ProgressServiceOptions {
  timeZone?: string;
  now?: () => Date;
}

/** Progress plan and reports (physical/financial %, photos and videos) of a loan project. */
export class ProgressService {
  private readonly timeZone: string;
  private readonly now: () => Date;

  constructor(
    private readonly projects: LoanProjectModel,
    private readonly captures: FileCaptureModel,
    private readonly outbox: Outbox,
    options: ProgressServiceOptions = {},
  ) {
    this.timeZone = options.timeZone ?? 'Asia/Jakarta';
    this.now = options.now ?? (() => new Date());
  }

  /** Whether the caller may report progress on the project now. */
  canReport(principal: Principal | null, project: LoanProjectRecord): boolean {
    return REPORTING_STAGES.includes(project.state) && mayReport(principal, project);
  }

  async savePlan(
    principal: Principal | null,
    projectId: string,
    input: unknown,
  ): Promise<LoanProjectRecord> {
    const caller = access.require(principal, 'Mutation.saveProgressPlan');
    const plan = validatePlan(parseInput(planSchema, input));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const record = await this.load(projectId);
      if (!mayReport(caller, record)) {
        throw forbidden('Hanya pelaksana proyek atau BPKAD yang dapat menyusun rencana kemajuan.');
      }
      if (record.state === 'CANCELLED' || record.state === 'COMPLETED') {
        throw conflict(
          'Rencana kemajuan proyek yang sudah selesai atau dibatalkan tidak dapat diubah.',
        );
      }
      const figures = progressFigures(plan, record.progressReports);
      const event = createEvent(
        'projects.project.updated',
        { project: projectEventSnapshot(record), fields: ['progressPlan'] },
        eventMeta(caller, record),
      );
      const updated = await this.write(record, [event], { progressPlan: plan, ...figures });
      if (updated) return updated;
      await backoff(attempt);
    }
    throw revisionConflict();
  }

  async submitReport(
    principal: Principal | null,
    projectId: string,
    input: unknown,
  ): Promise<ProgressReportRecord> {
    const caller = access.require(principal, 'Mutation.submitProgressReport');
    const data = parseInput(reportSchema, input);
    const media = data.media ?? [];
    for (const item of media) {
      const hasLat = typeof item.latitude === 'number';
      const hasLng = typeof item.longitude === 'number';
      if (hasLat !== hasLng) {
        throw badInput('Isi lintang dan bujur media bersama-sama, atau kosongkan keduanya.');
      }
    }
    const fileIds = media.map((m) => m.fileId);
    if (new Set(fileIds).size !== fileIds.length) {
      throw badInput('Berkas yang sama dilampirkan dua kali.');
    }
    if (data.period > todayIn(this.timeZone, this.now()).slice(0, 7)) {
      throw badInput('Periode laporan tidak boleh melewati bulan berjalan.');
    }
    const captures = await this.capturesOf(fileIds);
    for (const item of media) {
      const type = captures.get(item.fileId)?.contentType;
      if (!type) continue;
      if (item.kind === 'PHOTO' && !type.startsWith('image/')) {
        throw badInput(`Berkas ${item.fileId} bukan foto (${type}).`);
      }
      if (item.kind === 'VIDEO' && !type.startsWith('video/')) {
        throw badInput(`Berkas ${item.fileId} bukan video (${type}).`);
      }
    }
    const resolved = media.map((item) => resolveMedia(item, captures.get(item.fileId) ?? null));

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const record = await this.load(projectId);
      if (!mayReport(caller, record)) {
        throw forbidden('Hanya pelaksana proyek atau BPKAD yang dapat melaporkan kemajuan.');
      }
      if (!REPORTING_STAGES.includes(record.state)) {
        throw conflict(
          'Kemajuan hanya dapat dilaporkan setelah perjanjian pinjaman ditandatangani dan sebelum proyek selesai.',
        );
      }
      const reports = record.progressReports ?? [];
      const samePeriod = reports.find(
        (r) => r.period === data.period && r.state !== 'REVISION_REQUESTED',
      );
      if (samePeriod) {
        throw conflict(
          `Laporan periode ${data.period} sudah ${samePeriod.state === 'ACCEPTED' ? 'diterima' : 'diajukan dan menunggu tinjauan'}.`,
        );
      }
      const accepted = reports.filter((r) => r.state === 'ACCEPTED');
      const lastAccepted = currentReport(accepted);
      if (lastAccepted && data.period < lastAccepted.period) {
        throw badInput(
          `Periode laporan tidak boleh sebelum laporan terakhir yang diterima (${lastAccepted.period}).`,
        );
      }
      const floor = Math.max(0, ...accepted.map((r) => r.physicalPercent));
      if (data.physicalPercent < floor) {
        throw badInput(
          `Kemajuan fisik ${data.physicalPercent}% lebih kecil dari laporan yang sudah diterima (${floor}%).`,
        );
      }
      const replaced = reports.find(
        (r) => r.period === data.period && r.state === 'REVISION_REQUESTED',
      );
      const report: ProgressReportRecord = {
        // A resubmission keeps the id of the report sent back, so links to it stay valid.
        id: replaced?.id ?? randomUUID(),
        period: data.period,
        physicalPercent: data.physicalPercent,
        financialPercent: data.financialPercent,
        narrative: data.narrative,
        problems: data.problems?.trim() || null,
        media: resolved,
        state: 'SUBMITTED',
        submittedBy: actorRecord(caller),
        submittedAt: this.now(),
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
      };
      const nextReports = [...reports.filter((r) => r !== replaced), report].sort((a, b) =>
        a.period.localeCompare(b.period),
      );
      const figures = progressFigures(record.progressPlan ?? [], nextReports);
      const planned = plannedAt(record.progressPlan ?? [], report.period, 'physicalPercent');
      const event = createEvent(
        'projects.progress.submitted',
        {
          project: projectEventSnapshot(record),
          reportId: report.id,
          period: report.period,
          physicalPercent: report.physicalPercent,
          financialPercent: report.financialPercent,
          plannedPhysicalPercent: planned,
          behindPlan: reportBehindPlan(record.progressPlan ?? [], report),
          submittedBy: {
            id: caller.id,
            name: caller.name,
            organizationCode: caller.organizationCode ?? record.managerOrganizationCode,
          },
        },
        eventMeta(caller, record),
      );
      const updated = await this.write(record, [event], {
        progressReports: nextReports,
        ...figures,
      });
      if (updated) return updated.progressReports.find((r) => r.id === report.id) ?? report;
      await backoff(attempt);
    }
    throw revisionConflict();
  }

  async review(
    principal: Principal | null,
    projectId: string,
    reportId: string,
    decision: 'ACCEPT' | 'REQUEST_REVISION',
    note: string | null | undefined,
  ): Promise<ProgressReportRecord> {
    // The role before the input, so a caller who may never review learns nothing of the rules.
    const caller = access.require(principal, 'Mutation.reviewProgressReport');
    if (decision !== 'ACCEPT' && decision !== 'REQUEST_REVISION') {
      throw badInput('Keputusan tinjauan tidak dikenal.');
    }
    const text = note?.trim() || null;
    if (decision === 'REQUEST_REVISION' && !text) {
      throw badInput('Catatan perbaikan wajib diisi.', { fields: ['note'] });
    }
    if (text && text.length > 2_000) throw badInput('Catatan paling banyak 2.000 karakter.');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const record = await this.load(projectId);
      if (!canManageProject(caller, record)) {
        throw forbidden('Hanya BPKAD pengelola proyek yang dapat meninjau laporan kemajuan.');
      }
      if (record.state === 'CANCELLED') {
        throw conflict('Proyek sudah dibatalkan; laporan tidak dapat ditinjau.');
      }
      const reports = record.progressReports ?? [];
      const report = reports.find((r) => r.id === reportId);
      if (!report) throw notFound('Laporan kemajuan tidak ditemukan.');
      if (report.state !== 'SUBMITTED') {
        throw conflict(
          `Laporan ini sudah ditinjau (${REPORT_STATUS_LABELS[report.state].toLowerCase()}).`,
        );
      }
      if (decision === 'ACCEPT') {
        const earlier = reports.filter((r) => r.state === 'ACCEPTED' && r.period < report.period);
        const floor = Math.max(0, ...earlier.map((r) => r.physicalPercent));
        if (report.physicalPercent < floor) {
          throw conflict(
            `Kemajuan fisik ${report.physicalPercent}% lebih kecil dari laporan yang sudah diterima (${floor}%); minta perbaikan.`,
          );
        }
      }
      const reviewed: ProgressReportRecord = {
        ...report,
        state: decision === 'ACCEPT' ? 'ACCEPTED' : 'REVISION_REQUESTED',
        reviewedBy: actorRecord(caller),
        reviewedAt: this.now(),
        reviewNote: text,
      };
      const nextReports = reports.map((r) => (r.id === report.id ? reviewed : r));
      const figures = progressFigures(record.progressPlan ?? [], nextReports);
      const event = createEvent(
        'projects.progress.reviewed',
        {
          project: projectEventSnapshot(record),
          reportId: report.id,
          period: report.period,
          decision,
          note: text,
          reviewedBy: {
            id: caller.id,
            name: caller.name,
            organizationCode: caller.organizationCode,
          },
          submittedById: report.submittedBy.id,
        },
        eventMeta(caller, record),
      );
      const updated = await this.write(record, [event], {
        progressReports: nextReports,
        ...figures,
      });
      if (updated) return updated.progressReports.find((r) => r.id === report.id) ?? reviewed;
      await backoff(attempt);
    }
    throw revisionConflict();
  }

  /** Reports newest period first. */
  reportsOf(project: LoanProjectRecord): ProgressReportRecord[] {
    return [...(project.progressReports ?? [])].sort(
      (a, b) =>
        b.period.localeCompare(a.period) ||
        new Date(b.submittedAt).getTime() - new Date(a.submittedAt).getTime(),
    );
  }

  planOf(project: LoanProjectRecord): ProgressPlanRecord[] {
    return [...(project.progressPlan ?? [])].sort((a, b) => a.period.localeCompare(b.period));
  }

  sCurveOf(project: LoanProjectRecord): SCurvePointView[] {
    return sCurve(project.progressPlan ?? [], project.progressReports ?? []);
  }

  private async capturesOf(fileIds: readonly string[]): Promise<Map<string, FileCaptureRecord>> {
    if (fileIds.length === 0) return new Map();
    const rows = await this.captures
      .find({ _id: { $in: [...fileIds] } })
      .lean<FileCaptureRecord[]>()
      .exec();
    return new Map(rows.map((row) => [row._id, row]));
  }

  private async load(projectId: string): Promise<LoanProjectRecord> {
    const record = await this.projects.findById(projectId).lean<LoanProjectRecord>().exec();
    if (!record) throw notFound('Proyek pinjaman tidak ditemukan.');
    return record;
  }

  private async write(
    record: LoanProjectRecord,
    events: readonly EventEnvelope[],
    set: Partial<LoanProjectRecord>,
  ): Promise<LoanProjectRecord | null> {
    return commitAtRevision(this.projects, this.outbox, record, events, {
      $set: set,
      $inc: { revision: 1 },
    });
  }
}

/** The executing organization's pelaksana, BPKAD of the managing organization, or super-admin. */
function mayReport(principal: Principal | null, project: LoanProjectRecord): boolean {
  return isExecutingOfficer(principal, project) || canManageProject(principal, project);
}
