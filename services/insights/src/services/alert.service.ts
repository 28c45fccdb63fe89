import {
  createEvent,
  eventsForInsert,
  isDuplicateKey,
  releasePendingEvents,
  retryAtRevision,
  updateAtRevision,
  type EventData,
  type EventSource,
  type Outbox,
} from '@sipadu/events';
import { badInput, conflict, notFound, type Logger, type Principal } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { DashboardAlert, DashboardAlertKind } from '../generated/graphql.js';
import type { DashboardHub } from '../live/dashboard-hub.js';
import {
  alertModel,
  type AlertModel,
  type AlertRecord,
  type AlertSeverity,
} from '../models/alert.model.js';
import type { OrganizationSatisfaction, OwnerClient } from './owner-client.js';
import {
  currentPeriodKey,
  parsePeriod,
  previousPeriodKey,
  type AssessmentPeriod,
} from './period.js';

/** What raises an alert: its cause key (`_id`) and the texts leaders read. */
export interface AlertDraft {
  id: string;
  kind: DashboardAlertKind;
  severity: AlertSeverity;
  title: string;
  detail: string;
  organizationCode: string | null;
  reference: string | null;
  href: string | null;
}

/** The cause keys: one alert per project and month, per complaint step, per organization and quarter. */
export const alertKey = {
  projectBehindPlan: (projectId: string, period: string) =>
    `PROJECT_BEHIND_PLAN:${projectId}:${period}`,
  complaintOverdue: (caseId: string, step: string) => `COMPLAINT_OVERDUE:${caseId}:${step}`,
  ikmGradeFell: (organizationCode: string, periodKey: string) =>
    `IKM_GRADE_FELL:${organizationCode}:${periodKey}`,
};

const MAX_NOTE = 1_000;
/** A progress report this many points below plan or more is a high-severity alert. */
const HIGH_GAP_POINTS = 20;

const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const score = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const monthFormat = new Intl.DateTimeFormat('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-07` → `Juli 2026`. */
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
/** `2026-07-15` → `15 Juli 2026`. */
export const dateLabel = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));

/** A progress report below its plan (`projects.progress.submitted` with `behindPlan`). */
export function projectBehindPlanAlert(
  data: EventData<'projects.progress.submitted'>,
): AlertDraft | null {
  if (!data.behindPlan) return null;
  const { project } = data;
  const planned = data.plannedPhysicalPercent;
  const gap = planned === null ? null : planned - data.physicalPercent;
  const against =
    planned === null
      ? 'di bawah rencana'
      : `dari rencana ${percent.format(planned)}% (selisih ${percent.format(gap!)} poin)`;
  return {
    id: alertKey.projectBehindPlan(project.id, data.period),
    kind: 'PROJECT_BEHIND_PLAN',
    severity: gap !== null && gap >= HIGH_GAP_POINTS ? 'TINGGI' : 'SEDANG',
    title: `Proyek ${project.code} di bawah rencana fisik`,
    detail:
      `Laporan kemajuan ${monthLabel(data.period)} proyek «${project.name}»: fisik ` +
      `${percent.format(data.physicalPercent)}% ${against}.`,
    organizationCode: project.organizationCode,
    reference: project.code,
    href: `/proyek/${encodeURIComponent(project.id)}?tab=progres`,
  };
}

/** A public complaint's step passed its service time (`consultations.case.overdue`). */
export function complaintOverdueAlert(
  data: EventData<'consultations.case.overdue'>,
  organizationName: string,
): AlertDraft | null {
  if (data.case.flow !== 'PUBLIC_COMPLAINT') return null;
  const facts = data.case;
  // Only the case number and agency: never the complaint's text or the complainant.
  return {
    id: alertKey.complaintOverdue(facts.id, data.step),
    kind: 'COMPLAINT_OVERDUE',
    severity: 'TINGGI',
    title: `Pengaduan ${facts.number} melewati waktu layanan`,
    detail:
      `Pengaduan masyarakat ${facts.number} untuk ${organizationName} belum selesai pada ` +
      `langkah «${data.stepLabel}» yang berbatas ${dateLabel(data.dueDate)}.`,
    organizationCode: facts.organizationCode,
    reference: facts.number,
    href: facts.link,
  };
}

const GRADE_RANK: Readonly<Record<string, number>> = { A: 4, B: 3, C: 2, D: 1 };

/** An organization's IKM on a period, as the comparison reads it. */
export interface PeriodSatisfaction {
  period: AssessmentPeriod;
  index: OrganizationSatisfaction | undefined;
}

/** The organization's IKM grade letter fell from the previous quarter (both with respondents). */
export function ikmGradeFellAlert(
  current: PeriodSatisfaction,
  previous: PeriodSatisfaction,
): AlertDraft | null {
  const now = current.index;
  const before = previous.index;
  if (!now?.grade || !before?.grade || now.respondents <= 0 || before.respondents <= 0) return null;
  const rankNow = GRADE_RANK[now.grade];
  const rankBefore = GRADE_RANK[before.grade];
  if (rankNow === undefined || rankBefore === undefined || rankNow >= rankBefore) return null;
  const figure = (index: OrganizationSatisfaction) =>
    index.ikmConverted == null ? '' : ` ${score.format(index.ikmConverted)}`;
  const [year, part] = current.period.key.split('-');
  return {
    id: alertKey.ikmGradeFell(now.organizationCode, current.period.key),
    kind: 'IKM_GRADE_FELL',
    severity: rankBefore - rankNow >= 2 ? 'TINGGI' : 'SEDANG',
    title: `IKM ${now.organizationName} turun ke mutu ${now.grade}`,
    detail:
      `IKM ${current.period.label}${figure(now)} (mutu ${now.grade}, ${now.respondents} ` +
      `responden), turun dari mutu ${before.grade}${figure(before)} pada ${previous.period.label}.`,
    organizationCode: now.organizationCode,
    reference: current.period.key,
    href:
      `/hasil-survei/${encodeURIComponent(now.organizationCode)}?tahun=${year}` +
      (part ? `&periode=${part}` : ''),
  };
}

export interface AlertServiceOptions {
  connection: Connection;
  outbox: Outbox;
  owners: OwnerClient;
  hub: DashboardHub;
  logger: Logger;
  /** Pemda time zone: which quarter "now" is for the IKM comparison (TZ_PEMDA). */
  timeZone?: string;
}

export interface AlertListOptions {
  includeAcknowledged?: boolean | null;
  first?: number | null;
}

const view = (record: AlertRecord): DashboardAlert => ({
  id: record._id,
  kind: record.kind,
  severity: record.severity,
  title: record.title,
  detail: record.detail,
  organizationCode: record.organizationCode,
  reference: record.reference,
  href: record.href,
  raisedAt: record.raisedAt.toISOString(),
  acknowledgedAt: record.acknowledgedAt?.toISOString() ?? null,
  acknowledgedBy: record.acknowledgedBy,
  note: record.note,
});

/**
 * Alerts of the leaders' dashboard: raised once per cause (unique `_id`), each announced to
 * pimpinan through `insights.alert.raised` (outbox, so the alert and its event are one write),
 * acknowledged by a leader with a note.
 */
export class AlertService {
  private readonly model: AlertModel;
  private readonly timeZone: string;
  readonly eventSources: EventSource[];

  constructor(private readonly options: AlertServiceOptions) {
    this.model = alertModel(options.connection);
    this.timeZone = options.timeZone ?? 'Asia/Jakarta';
    this.eventSources = [this.model];
  }

  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Raises the alert unless its cause already raised one; true when it is new. */
  async raise(draft: AlertDraft, now = new Date()): Promise<boolean> {
    const { id, ...fields } = draft;
    const event = createEvent(
      'insights.alert.raised',
      {
        alertId: id,
        kind: draft.kind,
        severity: draft.severity,
        title: draft.title,
        detail: draft.detail,
        organizationCode: draft.organizationCode,
        reference: draft.reference,
        link: draft.href,
      },
      {
        actor: { type: 'system', id: null, org: null },
        subject: { type: 'DashboardAlert', id },
        org: draft.organizationCode,
        occurredAt: now,
      },
    );
    const record: AlertRecord = {
      _id: id,
      revision: 0,
      ...fields,
      raisedAt: now,
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgedById: null,
      note: null,
      ...eventsForInsert([event]),
    };
    try {
      await this.model.collection.insertOne(record as never);
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await releasePendingEvents(this.model, this.options.outbox, record);
    this.options.logger.info({ alertId: id, kind: draft.kind }, 'peringatan dasbor dinaikkan');
    this.options.hub.signal('alert');
    return true;
  }

  /**
   * After a survey answer for an organization: compares its IKM grade this quarter with the
   * previous quarter, read from the surveys service (after the caller cleared the cached figures),
   * and raises IKM_GRADE_FELL when the letter fell. Answers of past quarters change nothing now.
   */
  async checkIkmGrade(
    organizationCode: string,
    answeredAt: Date,
    now = new Date(),
  ): Promise<boolean> {
    const key = currentPeriodKey('QUARTER', now, this.timeZone);
    if (currentPeriodKey('QUARTER', answeredAt, this.timeZone) !== key) return false;
    if (await this.model.exists({ _id: alertKey.ikmGradeFell(organizationCode, key) })) {
      return false;
    }
    const previousKey = previousPeriodKey(key);
    const [current, previous] = await Promise.all([
      this.options.owners.organizationSatisfaction(key),
      this.options.owners.organizationSatisfaction(previousKey),
    ]);
    const mine = (rows: readonly OrganizationSatisfaction[]) =>
      rows.find((row) => row.organizationCode === organizationCode);
    const draft = ikmGradeFellAlert(
      { period: parsePeriod(key), index: mine(current) },
      { period: parsePeriod(previousKey), index: mine(previous) },
    );
    return draft ? this.raise(draft, now) : false;
  }

  /** Newest first; only unacknowledged ones unless asked. */
  async list(options: AlertListOptions = {}): Promise<DashboardAlert[]> {
    const first = options.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200) {
      throw badInput('first harus bilangan bulat 1–200.');
    }
    const filter = options.includeAcknowledged ? {} : { acknowledgedAt: null };
    const rows = await this.model
      .find(filter)
      .sort({ raisedAt: -1, _id: 1 })
      .limit(first)
      .lean<AlertRecord[]>()
      .exec();
    return rows.map(view);
  }

  /** A leader marks the alert as read or followed up, with an optional note. */
  async acknowledge(
    id: string,
    note: string | null | undefined,
    principal: Principal,
    now = new Date(),
  ): Promise<DashboardAlert> {
    const text = note?.trim() || null;
    if (text && text.length > MAX_NOTE) {
      throw badInput(`Catatan paling banyak ${MAX_NOTE.toLocaleString('id-ID')} karakter.`);
    }
    const written = await retryAtRevision(async () => {
      const current = await this.model.findById(id).lean<AlertRecord>().exec();
      if (!current) throw notFound('Peringatan tidak ditemukan.');
      if (current.acknowledgedAt) {
        throw conflict(
          `Peringatan ini sudah ditandai oleh ${current.acknowledgedBy ?? 'pengguna lain'}.`,
        );
      }
      return updateAtRevision(this.model, current, {
        $set: {
          acknowledgedAt: now,
          acknowledgedBy: principal.name ?? principal.username,
          acknowledgedById: principal.id,
          note: text,
        },
      });
    }, 'Peringatan sedang ditandai pengguna lain; coba lagi.');
    this.options.hub.signal('alert');
    return view(written);
  }
}
