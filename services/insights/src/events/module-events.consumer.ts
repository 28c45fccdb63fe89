import type { NatsConnection } from '@nats-io/nats-core';
import {
  serviceOfType,
  startConsumer,
  streamName,
  subjectForType,
  type AnyEventEnvelope,
  type RunningConsumer,
} from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { DashboardHub } from '../live/dashboard-hub.js';
import type { ActivityDraft, ActivityService } from '../services/activity.service.js';
import {
  complaintOverdueAlert,
  monthLabel,
  projectBehindPlanAlert,
  type AlertDraft,
  type AlertService,
} from '../services/alert.service.js';
import {
  OwnerUnavailableError,
  type OwnerClient,
  type OwnerModule,
} from '../services/owner-client.js';

/**
 * What the leaders' dashboard takes from the modules' events. Insights copies no figures: an event
 * only clears the cached answers of its module, adds a line of recent activity, may raise an alert,
 * and tells open dashboards to read again. Every effect is idempotent on its own (activity and
 * alerts keyed by event or cause), so the consumers run without the processed-events inbox, which
 * FerretDB v1 makes slow on the surveys stream (one event per citizen's answers).
 */

/** Labels of the loan-project stages (the projects service's workflow). */
const STAGE_LABELS: Readonly<Record<string, string>> = {
  DRAFT: 'Draf',
  DATA_PREPARATION: 'Penyiapan Data',
  DOCUMENT_SUBMISSION: 'Pengajuan Dokumen',
  VERIFICATION: 'Verifikasi',
  APPROVED: 'Disetujui',
  AGREEMENT_SIGNED: 'Perjanjian Ditandatangani',
  DISBURSEMENT: 'Pencairan',
  IMPLEMENTATION: 'Pelaksanaan',
  COMPLETED: 'Selesai',
  CANCELLED: 'Dibatalkan',
};

const REQUIREMENT_VERBS: Readonly<Record<string, string>> = {
  'documents.requirement.created': 'diminta',
  'documents.requirement.submitted': 'diajukan',
  'documents.requirement.forwarded': 'diteruskan ke pemeriksa berikutnya',
  'documents.requirement.approved': 'disetujui',
  'documents.requirement.revisionRequested': 'diminta revisi',
  'documents.requirement.waived': 'dibebaskan',
};

const TRANCHE_VERBS: Readonly<Record<string, string>> = {
  'projects.tranche.requested': 'diajukan',
  'projects.tranche.approved': 'disetujui',
  'projects.tranche.rejected': 'ditolak',
  'projects.tranche.disbursed': 'dicairkan',
};

const CASE_NOUNS: Readonly<Record<string, string>> = {
  CONSULTATION: 'Konsultasi',
  WORK_ITEM: 'Pekerjaan',
  ICT_COMPLAINT: 'Pengaduan TIK',
  PUBLIC_COMPLAINT: 'Pengaduan',
};

const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** Names the titles use, read from the owners (a code or nothing when they do not answer). */
export interface EventNames {
  organization(code: string): string;
  project(id: string): { code: string; name: string } | null;
}

/** What one event does on the dashboard (besides clearing its module's cached answers). */
export interface EventOutcome {
  activity: ActivityDraft | null;
  alert: AlertDraft | null;
  /** A survey answer: compare this organization's IKM grade with the previous quarter. */
  ikmCheck: { organizationCode: string; answeredAt: Date } | null;
}

const projectHref = (id: string, tab?: string) =>
  `/proyek/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`;
const subjectDocumentsHref = (subject: { type: string; id: string }) =>
  subject.type === 'LoanProject'
    ? projectHref(subject.id, 'dokumen')
    : `/dokumen/subjek/${encodeURIComponent(subject.type)}/${encodeURIComponent(subject.id)}`;

const NOTHING: EventOutcome = { activity: null, alert: null, ikmCheck: null };

/** The dashboard's reading of an event: pure, so every title is checked in the unit spec. */
export function outcomeOf(envelope: AnyEventEnvelope, names: EventNames): EventOutcome {
  const at = new Date(envelope.occurredAt);
  const line = (
    module: ActivityDraft['module'],
    title: string,
    organizationCode: string | null,
    href: string | null,
    id = envelope.id,
  ): ActivityDraft => ({ id, module, title, organizationCode, href, occurredAt: at });

  switch (envelope.type) {
    case 'projects.project.created':
    case 'projects.project.stageChanged':
    case 'projects.agreement.recorded':
    case 'projects.tranche.requested':
    case 'projects.tranche.approved':
    case 'projects.tranche.rejected':
    case 'projects.tranche.disbursed':
    case 'projects.progress.submitted':
    case 'projects.progress.reviewed': {
      const { project } = envelope.data;
      const named = `«${project.name}» (${project.code})`;
      let title: string;
      let tab: string | undefined;
      let alert: AlertDraft | null = null;
      switch (envelope.type) {
        case 'projects.project.created':
          title = `Usulan proyek pinjaman baru ${named}`;
          break;
        case 'projects.project.stageChanged':
          title = `Proyek ${named} memasuki tahap ${STAGE_LABELS[envelope.data.to] ?? envelope.data.to}`;
          break;
        case 'projects.agreement.recorded':
          title = `Perjanjian pinjaman proyek ${named} dicatat (nomor ${envelope.data.number})`;
          tab = 'dokumen';
          break;
        case 'projects.progress.submitted': {
          const { data } = envelope;
          const plan =
            data.plannedPhysicalPercent === null
              ? ''
              : ` (rencana ${percent.format(data.plannedPhysicalPercent)}%)`;
          title = `Laporan kemajuan ${named} ${monthLabel(data.period)}: fisik ${percent.format(data.physicalPercent)}%${plan}`;
          tab = 'progres';
          alert = projectBehindPlanAlert(data);
          break;
        }
        case 'projects.progress.reviewed':
          title = `Laporan kemajuan ${named} ${monthLabel(envelope.data.period)} ${
            envelope.data.decision === 'ACCEPT' ? 'diterima' : 'dikembalikan untuk revisi'
          }`;
          tab = 'progres';
          break;
        default: {
          const { tranche } = envelope.data;
          const amount = tranche.disbursedAmount ?? tranche.plannedAmount;
          title = `Termin ${tranche.sequence} proyek ${named} ${TRANCHE_VERBS[envelope.type]}: Rp${rupiah.format(amount)}`;
          tab = 'pencairan';
        }
      }
      return {
        activity: line('SIPOPI', title, project.organizationCode, projectHref(project.id, tab)),
        alert,
        ikmCheck: null,
      };
    }
    case 'documents.requirement.created': {
      const { data } = envelope;
      const title = `Persyaratan «${data.title}»${projectPart(data.subject, names)} ${REQUIREMENT_VERBS[envelope.type]}`;
      return {
        ...NOTHING,
        activity: line(
          'DOKUMEN',
          title,
          data.uploaderOrganizationCode,
          subjectDocumentsHref(data.subject),
        ),
      };
    }
    case 'documents.requirement.submitted':
    case 'documents.requirement.forwarded':
    case 'documents.requirement.approved':
    case 'documents.requirement.revisionRequested':
    case 'documents.requirement.waived': {
      const { requirement } = envelope.data;
      const title = `Persyaratan «${requirement.title}»${projectPart(requirement.subject, names)} ${REQUIREMENT_VERBS[envelope.type]}`;
      return {
        ...NOTHING,
        activity: line(
          'DOKUMEN',
          title,
          requirement.uploaderOrganizationCode,
          subjectDocumentsHref(requirement.subject),
        ),
      };
    }

    case 'consultations.case.transitioned': {
      const facts = envelope.data.case;
      const noun = CASE_NOUNS[facts.flow] ?? 'Kasus';
      const agency = names.organization(facts.organizationCode);
      const complaint = facts.flow === 'PUBLIC_COMPLAINT';
      // Case number, agency and state only: never a complainant's words or identity.
      const title =
        envelope.data.transition === 'create'
          ? complaint
            ? `Pengaduan baru ${facts.number} untuk ${agency}`
            : `${noun} baru ${facts.number} dari ${agency}`
          : `${noun} ${facts.number} (${agency}): ${facts.statusLabel}`;
      return {
        ...NOTHING,
        activity: line(
          complaint ? 'PENGADUAN' : 'SI-KIMR',
          title,
          facts.organizationCode,
          facts.link,
        ),
      };
    }
    case 'consultations.case.overdue': {
      const { data } = envelope;
      const facts = data.case;
      const agency = names.organization(facts.organizationCode);
      const complaint = facts.flow === 'PUBLIC_COMPLAINT';
      return {
        activity: line(
          complaint ? 'PENGADUAN' : 'SI-KIMR',
          `${CASE_NOUNS[facts.flow] ?? 'Kasus'} ${facts.number} (${agency}) melewati waktu layanan pada langkah «${data.stepLabel}»`,
          facts.organizationCode,
          facts.link,
        ),
        alert: complaintOverdueAlert(data, agency),
        ikmCheck: null,
      };
    }
    case 'surveys.response.submitted': {
      const { data } = envelope;
      const answeredAt = new Date(data.submittedAt);
      // One line per service and hour however many citizens answer: the line moves up instead.
      const hour = answeredAt.toISOString().slice(0, 13);
      return {
        activity: line(
          'SIPUTRI',
          `Tanggapan survei kepuasan baru untuk layanan «${data.serviceName}»`,
          data.organizationCode,
          `/hasil-survei/${encodeURIComponent(data.organizationCode)}`,
          `SURVEY:${data.serviceId}:${hour}`,
        ),
        alert: null,
        ikmCheck: { organizationCode: data.organizationCode, answeredAt },
      };
    }
    case 'surveys.standard.published': {
      const { standard, version } = envelope.data;
      return {
        ...NOTHING,
        activity: line(
          'SIPUTRI',
          `Standar pelayanan «${standard.name}» ${standard.organizationName} diterbitkan (versi ${version})`,
          standard.organizationCode,
          `/layanan/${encodeURIComponent(standard.id)}`,
        ),
      };
    }

    default:
      // Organization changes, project edits, …: only the cached answers are cleared.
      return NOTHING;
  }
}

function projectPart(subject: { type: string; id: string }, names: EventNames): string {
  if (subject.type !== 'LoanProject') return '';
  const project = names.project(subject.id);
  return project ? ` proyek ${project.code}` : ' proyek pinjaman';
}

/** The streams and subjects consumed (one durable consumer per producing service). */
export const MODULE_EVENT_SUBJECTS: Readonly<Record<OwnerModule, readonly string[]>> = {
  projects: ['sipadu.projects.>'],
  documents: ['sipadu.documents.requirement.>'],
  consultations: [
    subjectForType('consultations.case.transitioned'),
    subjectForType('consultations.case.overdue'),
  ],
  surveys: [
    subjectForType('surveys.response.submitted'),
    subjectForType('surveys.standard.published'),
  ],
  identity: ['sipadu.identity.organization.>'],
};

/** Answers of one organization arriving together make one IKM comparison. */
const IKM_CHECK_DELAY_MS = 2_000;

/** The subject (e.g. the loan project) a requirement event is about; null for other events. */
function requirementSubject(envelope: AnyEventEnvelope): { type: string; id: string } | null {
  switch (envelope.type) {
    case 'documents.requirement.created':
      return envelope.data.subject;
    case 'documents.requirement.submitted':
    case 'documents.requirement.forwarded':
    case 'documents.requirement.approved':
    case 'documents.requirement.revisionRequested':
    case 'documents.requirement.waived':
      return envelope.data.requirement.subject;
    default:
      return null;
  }
}

/** Reads the names a title needs; a module that does not answer leaves codes in the title. */
async function namesFor(
  envelope: AnyEventEnvelope,
  owners: OwnerClient,
  logger: Logger,
): Promise<EventNames> {
  const organizations = new Map<string, string>();
  const projects = new Map<string, { code: string; name: string }>();
  try {
    if (envelope.type.startsWith('consultations.')) {
      for (const org of await owners.organizations()) organizations.set(org.code, org.name);
    }
    if (requirementSubject(envelope)?.type === 'LoanProject') {
      for (const project of await owners.loanProjects()) projects.set(project.id, project);
    }
  } catch (error) {
    if (!(error instanceof OwnerUnavailableError)) throw error;
    logger.debug(
      { module: error.module, type: envelope.type },
      'nama untuk kegiatan tidak terbaca',
    );
  }
  return {
    organization: (code) => organizations.get(code) ?? code,
    project: (id) => projects.get(id) ?? null,
  };
}

export interface ModuleEventsConsumerOptions {
  nc: NatsConnection;
  connection: Connection;
  /** Durable names are `<prefix>-<service>`. */
  prefix: string;
  deliverFrom: 'all' | 'new';
  logger: Logger;
  owners: OwnerClient;
  alerts: AlertService;
  activity: ActivityService;
  hub: DashboardHub;
}

/** Starts one durable consumer per producing service; `ready` once all pull messages. */
export function startModuleEventsConsumer(options: ModuleEventsConsumerOptions): RunningConsumer {
  const { owners, alerts, activity, hub, logger } = options;
  const ikmChecks = new Map<string, { timer: NodeJS.Timeout; answeredAt: Date }>();

  const scheduleIkmCheck = (organizationCode: string, answeredAt: Date) => {
    const pending = ikmChecks.get(organizationCode);
    if (pending) {
      if (answeredAt > pending.answeredAt) pending.answeredAt = answeredAt;
      return;
    }
    const timer = setTimeout(() => {
      const check = ikmChecks.get(organizationCode);
      ikmChecks.delete(organizationCode);
      // Answers counted meanwhile: read the surveys' figures fresh.
      owners.invalidate('surveys');
      alerts
        .checkIkmGrade(organizationCode, check?.answeredAt ?? answeredAt)
        .catch((error: unknown) =>
          logger.warn({ err: error, organizationCode }, 'pemeriksaan mutu IKM gagal'),
        );
    }, IKM_CHECK_DELAY_MS);
    ikmChecks.set(organizationCode, { timer, answeredAt });
  };

  const handler = async (envelope: AnyEventEnvelope): Promise<void> => {
    // Only the services of MODULE_EVENT_SUBJECTS are consumed.
    owners.invalidate(serviceOfType(envelope.type) as OwnerModule);
    const outcome = outcomeOf(envelope, await namesFor(envelope, owners, logger));
    if (outcome.activity) await activity.record(outcome.activity);
    if (outcome.alert) await alerts.raise(outcome.alert);
    if (outcome.ikmCheck) {
      scheduleIkmCheck(outcome.ikmCheck.organizationCode, outcome.ikmCheck.answeredAt);
    }
    hub.signal(envelope.type);
  };

  const consumers = (Object.keys(MODULE_EVENT_SUBJECTS) as OwnerModule[]).map((service) =>
    startConsumer({
      nc: options.nc,
      stream: streamName(service),
      durable: `${options.prefix}-${service}`,
      filterSubjects: [...MODULE_EVENT_SUBJECTS[service]],
      handler,
      connection: options.connection,
      deliverFrom: options.deliverFrom,
      withoutInbox: true,
      logger,
    }),
  );
  return {
    ready: Promise.all(consumers.map((consumer) => consumer.ready)).then(() => undefined),
    async stop() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      for (const { timer } of ikmChecks.values()) clearTimeout(timer);
      ikmChecks.clear();
    },
  };
}
