import type { EventData, EventEnvelope } from '@sipadu/events';
import { defineRule, defineTracker, type NotificationContent, type RecipientSpec } from './rule.js';
import {
  formatDate,
  formatPercent,
  formatPeriod,
  formatRupiah,
  projectLink,
  quote,
  type ProjectTab,
} from './text.js';

/**
 * Notifications of loan projects (SIPOPI, DOMAIN.md §3), one rule per projects event. Every
 * payload carries the project's parties, so no rule needs a lookup: the executing organization
 * (`organizationCode`), the lender (`lenderOrganizationCode`) and BPKAD, the finance agency
 * managing it (`managerOrganizationCode`). The person who caused an event is never told of it
 * (the rule engine leaves the actor out).
 *
 * Who hears what:
 * - created: the executing organization (its project was proposed; the lender and BPKAD hear of
 *   it when it moves forward).
 * - updated: the three parties, only when the loan's terms or parties change (amount, tenor,
 *   fiscal year, executing organization, lender). Edits of description, consultant, planning
 *   codes or locations are everyday data entry that is visible on the project page; telling
 *   everyone of each would drown the notifications that ask for action.
 * - stageChanged: the three parties.
 * - agreement.recorded: the executing organization and the lender (BPKAD records it).
 * - tranche.requested: the lender, who decides; approved/rejected/disbursed: BPKAD and the
 *   executing organization.
 * - progress.submitted: BPKAD, who reviews it; behind plan also every `pimpinan` (the leaders'
 *   early warning).
 * - progress.reviewed: the person who submitted the report.
 * - planningCodes.imported: the other planning-code managers (roles `bpkad` and `super-admin`),
 *   since a new nomenclature changes what every new project may cite.
 */

const PROJECT = 'LoanProject';

type Project = EventData<'projects.project.created'>['project'];

const org = (code: string): RecipientSpec => ({ kind: 'organization', code });
const role = (name: string): RecipientSpec => ({ kind: 'role', role: name });

/** The executing organization, BPKAD and the lender, each once. */
const parties = (project: Project): RecipientSpec[] =>
  [
    ...new Set([
      project.organizationCode,
      project.managerOrganizationCode,
      project.lenderOrganizationCode,
    ]),
  ].map(org);

/** `PIN-2025-001 — Peningkatan Jalan …`, after "proyek" in a sentence or "Proyek" opening one. */
const label = (project: Project) => `${project.code} — ${quote(project.name, 120)}`;
const named = (project: Project) => `proyek ${label(project)}`;
const opening = (project: Project) => `Proyek ${label(project)}`;

const noteOf = (note: string | null | undefined) => (note ? ` Catatan: "${quote(note)}"` : '');

function content(
  project: Project,
  title: string,
  body: string,
  tab?: ProjectTab,
): NotificationContent {
  return {
    category: 'PROYEK',
    title,
    body,
    link: projectLink(project.id, tab),
    subject: { type: PROJECT, id: project.id },
    threadId: null,
  };
}

/** Labels of the loan-project stages (the projects service's workflow). */
export const STAGE_LABELS: Readonly<Record<string, string>> = {
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
const stageLabel = (stage: string) => STAGE_LABELS[stage] ?? stage;

/** The tab where the parties act in each stage. */
const STAGE_TABS: Readonly<Record<string, ProjectTab>> = {
  DATA_PREPARATION: 'ringkasan',
  DOCUMENT_SUBMISSION: 'dokumen',
  VERIFICATION: 'dokumen',
  APPROVED: 'dokumen',
  AGREEMENT_SIGNED: 'pencairan',
  DISBURSEMENT: 'pencairan',
  IMPLEMENTATION: 'progres',
  CANCELLED: 'riwayat',
  COMPLETED: 'ringkasan',
};

/** What a stage asks of its parties, after the sentence saying the project reached it. */
const STAGE_HINTS: Readonly<Record<string, string>> = {
  DATA_PREPARATION: ' Lengkapi data teknis, lokasi dan kode perencanaan proyek.',
  DOCUMENT_SUBMISSION: ' Pelaksana dapat mengunggah dokumen persyaratan.',
  VERIFICATION: ' Dokumen persyaratan menunggu verifikasi pemberi pinjaman.',
  APPROVED: ' Perjanjian pinjaman yang ditandatangani dapat dicatat.',
  AGREEMENT_SIGNED: ' Pencairan termin dapat diajukan.',
};

/** The stage title read in the inbox. */
function stageTitle(to: string): string {
  switch (to) {
    case 'APPROVED':
      return 'Pinjaman proyek disetujui';
    case 'CANCELLED':
      return 'Proyek pinjaman dibatalkan';
    case 'COMPLETED':
      return 'Proyek pinjaman selesai';
    default:
      return `Tahap proyek: ${stageLabel(to)}`;
  }
}

type TransitionActor = EventData<'projects.project.stageChanged'>['actor'];
const actorName = (actor: TransitionActor) =>
  actor.kind === 'system'
    ? 'Sistem'
    : [actor.name ?? 'Pengguna', actor.organization && `(${actor.organization})`]
        .filter(Boolean)
        .join(' ');

/** Fields of `projects.project.updated` that change the loan's terms or its parties. */
export const KEY_PROJECT_FIELDS: readonly string[] = [
  'amount',
  'tenorMonths',
  'fiscalYear',
  'organizationCode',
  'lenderOrganizationCode',
];

const FIELD_LABELS: Readonly<Record<string, string>> = {
  amount: 'jumlah pinjaman',
  tenorMonths: 'tenor',
  fiscalYear: 'tahun anggaran',
  organizationCode: 'organisasi pelaksana',
  lenderOrganizationCode: 'pemberi pinjaman',
};

type Tranche = EventEnvelope<
  | 'projects.tranche.requested'
  | 'projects.tranche.approved'
  | 'projects.tranche.rejected'
  | 'projects.tranche.disbursed'
>;
const trancheName = (event: Tranche) =>
  `termin ${event.data.tranche.sequence} "${quote(event.data.tranche.name, 80)}"`;

export const projectsRules = [
  defineRule({
    id: 'project-created',
    on: 'projects.project.created',
    recipients: (event) => [org(event.data.project.organizationCode)],
    content: (event) => {
      const { project } = event.data;
      return content(
        project,
        'Usulan proyek pinjaman baru',
        `${opening(project)} (tahun anggaran ${project.fiscalYear}, ${formatRupiah(event.data.amount)}) dicatat untuk organisasi Anda dengan pemberi pinjaman ${project.lenderOrganizationCode}.`,
      );
    },
  }),
  defineRule({
    id: 'project-terms-changed',
    on: 'projects.project.updated',
    when: (event) => event.data.fields.some((field) => KEY_PROJECT_FIELDS.includes(field)),
    recipients: (event) => parties(event.data.project),
    content: (event) => {
      const { project } = event.data;
      const changed = event.data.fields
        .filter((field) => KEY_PROJECT_FIELDS.includes(field))
        .map((field) => FIELD_LABELS[field] ?? field);
      return content(
        project,
        'Data pokok proyek pinjaman diubah',
        `Pada ${named(project)} diubah: ${changed.join(', ')}.`,
      );
    },
  }),
  defineRule({
    id: 'project-stage-changed',
    on: 'projects.project.stageChanged',
    recipients: (event) => parties(event.data.project),
    content: (event) => {
      const { project, from, to, actor, note } = event.data;
      return content(
        project,
        stageTitle(to),
        `${opening(project)} berpindah dari tahap ${stageLabel(from)} ke ${stageLabel(to)} oleh ${actorName(actor)}.${noteOf(note)}${STAGE_HINTS[to] ?? ''}`,
        STAGE_TABS[to],
      );
    },
  }),
  defineRule({
    id: 'project-agreement-recorded',
    on: 'projects.agreement.recorded',
    recipients: (event) => [
      org(event.data.project.organizationCode),
      org(event.data.project.lenderOrganizationCode),
    ],
    content: (event) => {
      const { project } = event.data;
      return content(
        project,
        'Perjanjian pinjaman dicatat',
        `Perjanjian pinjaman nomor ${quote(event.data.number, 80)} tanggal ${formatDate(event.data.signedOn)} dicatat untuk ${named(project)}.`,
      );
    },
  }),
  defineRule({
    id: 'tranche-requested',
    on: 'projects.tranche.requested',
    recipients: (event) => [org(event.data.project.lenderOrganizationCode)],
    content: (event) => {
      const { project, tranche } = event.data;
      return content(
        project,
        'Pengajuan pencairan termin',
        `${actorName(event.data.actor)} mengajukan pencairan ${trancheName(event)} sebesar ${formatRupiah(tranche.plannedAmount)} untuk ${named(project)} dan menunggu persetujuan Anda.${noteOf(event.data.note)}`,
        'pencairan',
      );
    },
  }),
  defineRule({
    id: 'tranche-approved',
    on: 'projects.tranche.approved',
    recipients: (event) => [
      org(event.data.project.managerOrganizationCode),
      org(event.data.project.organizationCode),
    ],
    content: (event) =>
      content(
        event.data.project,
        'Pencairan termin disetujui',
        `Pencairan ${trancheName(event)} sebesar ${formatRupiah(event.data.tranche.plannedAmount)} untuk ${named(event.data.project)} disetujui oleh ${actorName(event.data.actor)}.${noteOf(event.data.note)}`,
        'pencairan',
      ),
  }),
  defineRule({
    id: 'tranche-rejected',
    on: 'projects.tranche.rejected',
    recipients: (event) => [
      org(event.data.project.managerOrganizationCode),
      org(event.data.project.organizationCode),
    ],
    content: (event) =>
      content(
        event.data.project,
        'Pengajuan pencairan termin ditolak',
        `${actorName(event.data.actor)} menolak pengajuan pencairan ${trancheName(event)} untuk ${named(event.data.project)}.${noteOf(event.data.note)}`,
        'pencairan',
      ),
  }),
  defineRule({
    id: 'tranche-disbursed',
    on: 'projects.tranche.disbursed',
    recipients: (event) => [
      org(event.data.project.managerOrganizationCode),
      org(event.data.project.organizationCode),
    ],
    content: (event) => {
      const { project, tranche } = event.data;
      const amount = formatRupiah(tranche.disbursedAmount ?? tranche.plannedAmount);
      const on = tranche.disbursedOn ? ` pada ${formatDate(tranche.disbursedOn)}` : '';
      return content(
        project,
        'Termin pinjaman dicairkan',
        `${amount} untuk ${trancheName(event)} ${named(project)} telah dicairkan${on}.`,
        'pencairan',
      );
    },
  }),
  defineRule({
    id: 'progress-submitted',
    on: 'projects.progress.submitted',
    recipients: (event) => [org(event.data.project.managerOrganizationCode)],
    content: (event) => {
      const { project, submittedBy } = event.data;
      const who = [submittedBy.name ?? 'Pelaksana', `(${submittedBy.organizationCode})`].join(' ');
      const behind =
        event.data.behindPlan && event.data.plannedPhysicalPercent !== null
          ? ` Terlambat dari rencana fisik ${formatPercent(event.data.plannedPhysicalPercent)}.`
          : event.data.behindPlan
            ? ' Terlambat dari rencana.'
            : '';
      return content(
        project,
        `Laporan kemajuan ${formatPeriod(event.data.period)} menunggu pemeriksaan`,
        `${who} melaporkan kemajuan fisik ${formatPercent(event.data.physicalPercent)} dan keuangan ${formatPercent(event.data.financialPercent)} untuk ${named(project)}.${behind}`,
        'progres',
      );
    },
  }),
  defineRule({
    id: 'progress-behind-plan',
    on: 'projects.progress.submitted',
    when: (event) => event.data.behindPlan,
    recipients: () => [role('pimpinan')],
    content: (event) => {
      const { project } = event.data;
      const plan =
        event.data.plannedPhysicalPercent !== null
          ? ` dari rencana ${formatPercent(event.data.plannedPhysicalPercent)}`
          : '';
      return content(
        project,
        'Proyek pinjaman terlambat dari rencana',
        `${opening(project)} (${project.organizationCode}) baru mencapai kemajuan fisik ${formatPercent(event.data.physicalPercent)}${plan} pada periode ${formatPeriod(event.data.period)}.`,
        'progres',
      );
    },
  }),
  defineRule({
    id: 'progress-reviewed',
    on: 'projects.progress.reviewed',
    recipients: (event) => [{ kind: 'user', id: event.data.submittedById }],
    content: (event) => {
      const { project, period, decision, note } = event.data;
      const accepted = decision === 'ACCEPT';
      return content(
        project,
        accepted ? 'Laporan kemajuan diterima' : 'Laporan kemajuan perlu diperbaiki',
        accepted
          ? `Laporan kemajuan ${formatPeriod(period)} untuk ${named(project)} diterima BPKAD.${noteOf(note)}`
          : `BPKAD meminta perbaikan laporan kemajuan ${formatPeriod(period)} untuk ${named(project)}.${noteOf(note)} Ajukan laporan yang sudah diperbaiki.`,
        'progres',
      );
    },
  }),
  defineRule({
    id: 'planning-codes-imported',
    on: 'projects.planningCodes.imported',
    when: (event) => event.data.accepted > 0,
    recipients: () => [role('bpkad'), role('super-admin')],
    content: (event) => {
      const kind = event.data.kind === 'ACCOUNT' ? 'kode rekening' : 'kode perencanaan';
      const rejected = event.data.rejected ? `, ${event.data.rejected} baris ditolak` : '';
      return {
        category: 'PROYEK',
        title: `Impor ${kind}`,
        body: `${event.data.accepted} ${kind} diimpor ke versi ${quote(event.data.versionId, 60)}${rejected}.`,
        link: '/kode-perencanaan',
        subject: { type: 'PlanningCodeVersion', id: event.data.versionId },
        threadId: null,
      };
    },
  }),
];

type ProjectEvent = EventEnvelope<'projects.project.created' | 'projects.project.updated'>;

/** A project's correspondence: its executing organization, lender and BPKAD take part. */
const projectTracker = (on: ProjectEvent['type']) =>
  defineTracker({
    on,
    facts: (event: ProjectEvent) => {
      const { project } = event.data;
      return {
        subject: { type: PROJECT, id: project.id },
        title: `Proyek ${project.code} — ${project.name}`,
        link: projectLink(project.id, 'korespondensi'),
        organizationCodes: [
          project.organizationCode,
          project.lenderOrganizationCode,
          project.managerOrganizationCode,
        ],
        userIds: [],
      };
    },
  });

export const projectsTrackers = [
  projectTracker('projects.project.created'),
  projectTracker('projects.project.updated'),
];
