import type { EventData, EventEnvelope } from '@sipadu/events';
import { defineRule, defineTracker, type NotificationContent, type RecipientSpec } from './rule.js';
import { formatDate, quote } from './text.js';

/**
 * Notifications of the four case flows of the consultations service (SI-KIMR and public
 * complaints, DOMAIN.md §6–7): consultations, work items, ICT complaints and citizens' public
 * complaints. Every event carries the case's facts (organization, handler organization,
 * requester, assignee, link), so no rule needs a lookup. The person who took a transition is
 * never told of it (the rule engine leaves the actor out); citizens have no account and hear of
 * their complaint through its tracking page only.
 *
 * Who hears what (transition → recipients):
 * - consultation: create → super-admin (routing inbox); route → assignee and requester;
 *   requestInformation → requester; provideInformation → assignee; submitDraft → the kasubdit of
 *   the handler's organization; approve, return → assignee; deliver → requester, and super-admin
 *   for the record; acknowledge → assignee (with the points earned).
 * - work item: create → assignee; accept → requester; submitResult → super-admin (verifies);
 *   approve → requester (the assigner is informed) and assignee (points); return, cancel →
 *   assignee.
 * - ICT complaint: create → pengelola-tik; route → assignee and requester; resolve → requester
 *   (checks the result); confirmSolved, reopen → assignee; document → pengelola-tik (the report)
 *   and requester.
 * - public complaint: create → the target agency's admin-opd and super-admin; reroute → the new
 *   agency's admin-opd; reject → super-admin; reply, rate, autoClose → the agency's admin-opd;
 *   accept and answer → nobody (the agency acted itself, the citizen reads the tracking page).
 * - case.overdue (PENGINGAT): whoever must act in the overdue step (the assignee, else the
 *   role routing the flow; the kasubdit of the handler's organization in review), plus
 *   super-admin for public complaints.
 * - recap.published: the recap's reader roles.
 * Every case has a correspondence thread whose parties are its organizations and people.
 */

type Transitioned = EventEnvelope<'consultations.case.transitioned'>;
type Case = EventData<'consultations.case.transitioned'>['case'];
type Flow = Case['flow'];

/** Thread subject types of the flows (the consultations service's `CaseThreadSubject`). */
export const CASE_SUBJECT_TYPES: Readonly<Record<Flow, string>> = {
  CONSULTATION: 'Consultation',
  WORK_ITEM: 'WorkItem',
  ICT_COMPLAINT: 'IctComplaint',
  PUBLIC_COMPLAINT: 'PublicComplaint',
};

/** How a case is named in a sentence: `konsultasi KNS-2026-00012 "Perhitungan RAB"`. */
const FLOW_NOUNS: Readonly<Record<Flow, string>> = {
  CONSULTATION: 'konsultasi',
  WORK_ITEM: 'pekerjaan',
  ICT_COMPLAINT: 'pengaduan TIK',
  PUBLIC_COMPLAINT: 'pengaduan masyarakat',
};

const role = (name: string): RecipientSpec => ({ kind: 'role', role: name });
const superAdmins = role('super-admin');
const ictManagers = role('pengelola-tik');
const ofOrganization = (code: string | null, roleName: string): RecipientSpec[] =>
  code ? [{ kind: 'organization', code, roles: [roleName] }] : [];
const person = (id: string | null): RecipientSpec[] => (id ? [{ kind: 'user', id }] : []);

const requester = (facts: Case) => person(facts.requesterId);
const assignee = (facts: Case) => person(facts.assigneeId);
const agencyAdmins = (facts: Case) => ofOrganization(facts.organizationCode, 'admin-opd');
const reviewers = (facts: Case) => ofOrganization(facts.handlerOrganizationCode, 'kasubdit');

const named = (facts: Case) =>
  `${FLOW_NOUNS[facts.flow]} ${facts.number} "${quote(facts.title, 120)}"`;
const noteOf = (note: string | null) => (note ? ` Catatan: "${quote(note)}"` : '');
const dueOf = (facts: Case) => (facts.dueDate ? ` paling lambat ${formatDate(facts.dueDate)}` : '');
const pointsOf = (points: number) => (points > 0 ? ` Anda memperoleh ${points} poin kinerja.` : '');
/** The actor for a sentence; a citizen has no name here. */
const who = (event: Transitioned) => event.data.actor.name ?? 'Warga';

function caseContent(
  facts: Case,
  title: string,
  body: string,
  category: NotificationContent['category'] = 'LAYANAN',
): NotificationContent {
  return {
    category,
    title,
    body,
    link: facts.link,
    subject: { type: CASE_SUBJECT_TYPES[facts.flow], id: facts.id },
    threadId: null,
  };
}

/** One line of the table: a flow's transitions, who hears of them and what they read. */
interface CaseNotice {
  id: string;
  flow: Flow;
  transitions: readonly string[];
  to(facts: Case): RecipientSpec[];
  title: string;
  body(event: Transitioned): string;
}

const NOTICES: readonly CaseNotice[] = [
  // Consultations.
  {
    id: 'consultation-submitted',
    flow: 'CONSULTATION',
    transitions: ['create'],
    to: () => [superAdmins],
    title: 'Konsultasi baru menunggu disposisi',
    body: (event) =>
      `${who(event)} (${event.data.case.organizationCode}) mengajukan ${named(event.data.case)}. Tentukan petugas yang menjawabnya${dueOf(event.data.case)}.`,
  },
  {
    id: 'consultation-routed-assignee',
    flow: 'CONSULTATION',
    transitions: ['route'],
    to: assignee,
    title: 'Konsultasi didisposisikan kepada Anda',
    body: ({ data }) =>
      `Anda ditunjuk menjawab ${named(data.case)}. Susun draf jawabannya${dueOf(data.case)}.${noteOf(data.note)}`,
  },
  {
    id: 'consultation-routed-requester',
    flow: 'CONSULTATION',
    transitions: ['route'],
    to: requester,
    title: 'Konsultasi Anda didisposisikan',
    body: ({ data }) =>
      `${named(data.case)} ditangani oleh ${data.case.assigneeName ?? 'petugas konsultasi'}.`,
  },
  {
    id: 'consultation-information-requested',
    flow: 'CONSULTATION',
    transitions: ['requestInformation'],
    to: requester,
    title: 'Petugas meminta keterangan tambahan',
    body: (event) =>
      `${who(event)} meminta keterangan tambahan untuk ${named(event.data.case)}.${noteOf(event.data.note)} Waktu layanan berhenti sampai Anda menjawab.`,
  },
  {
    id: 'consultation-information-provided',
    flow: 'CONSULTATION',
    transitions: ['provideInformation'],
    to: assignee,
    title: 'Keterangan tambahan diberikan',
    body: (event) =>
      `${who(event)} memberikan keterangan untuk ${named(event.data.case)}.${noteOf(event.data.note)} Lanjutkan penyusunan jawaban.`,
  },
  {
    id: 'consultation-draft-submitted',
    flow: 'CONSULTATION',
    transitions: ['submitDraft'],
    to: reviewers,
    title: 'Draf jawaban menunggu verifikasi',
    body: (event) =>
      `${who(event)} mengajukan draf jawaban ${named(event.data.case)}. Setujui atau kembalikan${dueOf(event.data.case)}.`,
  },
  {
    id: 'consultation-draft-approved',
    flow: 'CONSULTATION',
    transitions: ['approve'],
    to: assignee,
    title: 'Draf jawaban disetujui',
    body: (event) =>
      `${who(event)} menyetujui draf jawaban ${named(event.data.case)}. Kirim jawabannya kepada unit kerja${dueOf(event.data.case)}.${noteOf(event.data.note)}`,
  },
  {
    id: 'consultation-draft-returned',
    flow: 'CONSULTATION',
    transitions: ['return'],
    to: assignee,
    title: 'Draf jawaban dikembalikan',
    body: (event) =>
      `${who(event)} mengembalikan draf jawaban ${named(event.data.case)} untuk diperbaiki.${noteOf(event.data.note)}`,
  },
  {
    id: 'consultation-delivered-requester',
    flow: 'CONSULTATION',
    transitions: ['deliver'],
    to: requester,
    title: 'Jawaban konsultasi telah dikirim',
    body: ({ data }) =>
      `Jawaban ${named(data.case)} telah dikirim. Baca jawabannya dan konfirmasi penerimaannya.`,
  },
  {
    id: 'consultation-delivered-record',
    flow: 'CONSULTATION',
    transitions: ['deliver'],
    to: () => [superAdmins],
    title: 'Jawaban konsultasi dikirim',
    body: (event) =>
      `${who(event)} mengirim jawaban ${named(event.data.case)} kepada unit kerja ${event.data.case.organizationCode}.`,
  },
  {
    id: 'consultation-acknowledged',
    flow: 'CONSULTATION',
    transitions: ['acknowledge'],
    to: assignee,
    title: 'Konsultasi selesai',
    body: (event) =>
      `${who(event)} mengonfirmasi penerimaan jawaban ${named(event.data.case)}.${pointsOf(event.data.pointsAwarded)}`,
  },
  // Work items.
  {
    id: 'work-item-assigned',
    flow: 'WORK_ITEM',
    transitions: ['create'],
    to: assignee,
    title: 'Pekerjaan baru untuk Anda',
    body: (event) =>
      `${who(event)} menugaskan ${named(event.data.case)} kepada Anda. Terima pekerjaannya${dueOf(event.data.case)}.`,
  },
  {
    id: 'work-item-accepted',
    flow: 'WORK_ITEM',
    transitions: ['accept'],
    to: requester,
    title: 'Pekerjaan diterima petugas',
    body: (event) => `${who(event)} menerima ${named(event.data.case)} dan mulai mengerjakannya.`,
  },
  {
    id: 'work-item-result-submitted',
    flow: 'WORK_ITEM',
    transitions: ['submitResult'],
    to: () => [superAdmins],
    title: 'Hasil pekerjaan menunggu verifikasi',
    body: (event) =>
      `${who(event)} menyerahkan hasil ${named(event.data.case)}. Setujui atau kembalikan${dueOf(event.data.case)}.`,
  },
  {
    id: 'work-item-approved-requester',
    flow: 'WORK_ITEM',
    transitions: ['approve'],
    to: requester,
    title: 'Pekerjaan selesai',
    body: ({ data }) =>
      `Hasil ${named(data.case)} dari ${data.case.assigneeName ?? 'petugas'} telah diverifikasi dan disetujui.`,
  },
  {
    id: 'work-item-approved-assignee',
    flow: 'WORK_ITEM',
    transitions: ['approve'],
    to: assignee,
    title: 'Hasil pekerjaan disetujui',
    body: (event) =>
      `${who(event)} menyetujui hasil ${named(event.data.case)}.${pointsOf(event.data.pointsAwarded)}`,
  },
  {
    id: 'work-item-returned',
    flow: 'WORK_ITEM',
    transitions: ['return'],
    to: assignee,
    title: 'Hasil pekerjaan dikembalikan',
    body: (event) =>
      `${who(event)} mengembalikan hasil ${named(event.data.case)} untuk diperbaiki.${noteOf(event.data.note)}`,
  },
  {
    id: 'work-item-cancelled',
    flow: 'WORK_ITEM',
    transitions: ['cancel'],
    to: assignee,
    title: 'Pekerjaan dibatalkan',
    body: (event) =>
      `${who(event)} membatalkan ${named(event.data.case)}.${noteOf(event.data.note)}`,
  },
  // ICT complaints.
  {
    id: 'ict-complaint-filed',
    flow: 'ICT_COMPLAINT',
    transitions: ['create'],
    to: () => [ictManagers],
    title: 'Pengaduan TIK baru menunggu disposisi',
    body: (event) =>
      `${who(event)} (${event.data.case.organizationCode}) melaporkan ${named(event.data.case)}. Tentukan petugas TIK yang menanganinya${dueOf(event.data.case)}.`,
  },
  {
    id: 'ict-complaint-routed-assignee',
    flow: 'ICT_COMPLAINT',
    transitions: ['route'],
    to: assignee,
    title: 'Pengaduan TIK didisposisikan kepada Anda',
    body: ({ data }) =>
      `Anda ditunjuk menangani ${named(data.case)}${dueOf(data.case)}.${noteOf(data.note)}`,
  },
  {
    id: 'ict-complaint-routed-requester',
    flow: 'ICT_COMPLAINT',
    transitions: ['route'],
    to: requester,
    title: 'Pengaduan TIK Anda ditangani',
    body: ({ data }) =>
      `${named(data.case)} ditangani oleh ${data.case.assigneeName ?? 'petugas TIK'}.`,
  },
  {
    id: 'ict-complaint-resolved',
    flow: 'ICT_COMPLAINT',
    transitions: ['resolve'],
    to: requester,
    title: 'Pengaduan TIK selesai ditangani',
    body: (event) =>
      `${who(event)} menyelesaikan penanganan ${named(event.data.case)}. Periksa hasilnya, lalu konfirmasi masalah sudah teratasi atau buka kembali.`,
  },
  {
    id: 'ict-complaint-confirmed',
    flow: 'ICT_COMPLAINT',
    transitions: ['confirmSolved'],
    to: assignee,
    title: 'Pelapor mengonfirmasi masalah teratasi',
    body: (event) =>
      `${who(event)} mengonfirmasi ${named(event.data.case)} teratasi. Dokumentasikan tindak lanjutnya${dueOf(event.data.case)}.`,
  },
  {
    id: 'ict-complaint-reopened',
    flow: 'ICT_COMPLAINT',
    transitions: ['reopen'],
    to: assignee,
    title: 'Pengaduan TIK dibuka kembali',
    body: (event) =>
      `${who(event)} menyatakan ${named(event.data.case)} belum teratasi.${noteOf(event.data.note)}`,
  },
  {
    id: 'ict-complaint-reported',
    flow: 'ICT_COMPLAINT',
    transitions: ['document'],
    to: () => [ictManagers],
    title: 'Laporan penanganan pengaduan TIK',
    body: (event) => `${who(event)} melaporkan dokumentasi penanganan ${named(event.data.case)}.`,
  },
  {
    id: 'ict-complaint-closed-requester',
    flow: 'ICT_COMPLAINT',
    transitions: ['document'],
    to: requester,
    title: 'Pengaduan TIK selesai',
    body: ({ data }) => `Penanganan ${named(data.case)} telah didokumentasikan dan selesai.`,
  },
  // Public complaints.
  {
    id: 'public-complaint-submitted',
    flow: 'PUBLIC_COMPLAINT',
    transitions: ['create'],
    to: (facts) => [...agencyAdmins(facts), superAdmins],
    title: 'Pengaduan masyarakat baru',
    body: ({ data }) =>
      `Warga mengajukan ${named(data.case)} untuk ${data.case.organizationCode}. Verifikasi pengaduannya${dueOf(data.case)}.`,
  },
  {
    id: 'public-complaint-rerouted',
    flow: 'PUBLIC_COMPLAINT',
    transitions: ['reroute'],
    to: agencyAdmins,
    title: 'Pengaduan masyarakat dialihkan ke instansi Anda',
    body: (event) =>
      `${who(event)} mengalihkan ${named(event.data.case)} ke ${event.data.case.organizationCode}.${noteOf(event.data.note)} Verifikasi pengaduannya${dueOf(event.data.case)}.`,
  },
  {
    id: 'public-complaint-rejected',
    flow: 'PUBLIC_COMPLAINT',
    transitions: ['reject'],
    to: () => [superAdmins],
    title: 'Pengaduan masyarakat tidak ditindaklanjuti',
    body: (event) =>
      `${who(event)} (${event.data.case.organizationCode}) menolak ${named(event.data.case)}.${noteOf(event.data.note)}`,
  },
  {
    id: 'public-complaint-replied',
    flow: 'PUBLIC_COMPLAINT',
    transitions: ['reply'],
    to: agencyAdmins,
    title: 'Warga menanggapi jawaban pengaduan',
    body: ({ data }) =>
      `Warga menanggapi jawaban ${named(data.case)}.${noteOf(data.note)} Tindak lanjuti kembali${dueOf(data.case)}.`,
  },
  {
    id: 'public-complaint-rated',
    flow: 'PUBLIC_COMPLAINT',
    transitions: ['rate'],
    to: agencyAdmins,
    title: 'Pengaduan masyarakat selesai',
    body: ({ data }) => `Warga menilai jawaban ${named(data.case)}; pengaduan ditutup.`,
  },
  {
    id: 'public-complaint-auto-closed',
    flow: 'PUBLIC_COMPLAINT',
    transitions: ['autoClose'],
    to: agencyAdmins,
    title: 'Pengaduan masyarakat ditutup otomatis',
    body: ({ data }) =>
      `${named(data.case)} ditutup otomatis karena warga tidak menanggapi jawabannya.`,
  },
];

const transitionRules = NOTICES.map((notice) =>
  defineRule({
    id: notice.id,
    on: 'consultations.case.transitioned',
    when: (event) =>
      event.data.case.flow === notice.flow && notice.transitions.includes(event.data.transition),
    recipients: (event) => notice.to(event.data.case),
    content: (event) => caseContent(event.data.case, notice.title, notice.body(event)),
  }),
);

/** The role that routes a flow's cases: it acts where no officer is assigned yet. */
const dispatchers = (facts: Case): RecipientSpec[] => {
  switch (facts.flow) {
    case 'ICT_COMPLAINT':
      return [ictManagers];
    case 'PUBLIC_COMPLAINT':
      return agencyAdmins(facts);
    default:
      return [superAdmins];
  }
};

/** Steps acted on by someone other than the assigned officer (else the assignee acts). */
const STEP_OWNERS: Readonly<
  Partial<Record<Flow, Record<string, (facts: Case) => RecipientSpec[]>>>
> = {
  CONSULTATION: { SUBMITTED: () => [superAdmins], IN_REVIEW: reviewers },
  WORK_ITEM: { IN_VERIFICATION: () => [superAdmins] },
  ICT_COMPLAINT: { FILED: () => [ictManagers] },
  PUBLIC_COMPLAINT: { SUBMITTED: agencyAdmins, IN_FOLLOW_UP: agencyAdmins },
};

/** Who must act in an overdue step. */
function overdueRecipients(facts: Case, step: string): RecipientSpec[] {
  const owner = STEP_OWNERS[facts.flow]?.[step];
  const acting = owner ? owner(facts) : facts.assigneeId ? assignee(facts) : dispatchers(facts);
  return facts.flow === 'PUBLIC_COMPLAINT' ? [...acting, superAdmins] : acting;
}

const recapLink = (flow: Flow, month: string) =>
  `/kinerja?alur=${encodeURIComponent(flow)}&bulan=${encodeURIComponent(month)}`;

export const consultationsRules = [
  ...transitionRules,
  defineRule({
    id: 'case-overdue',
    on: 'consultations.case.overdue',
    recipients: (event) => overdueRecipients(event.data.case, event.data.step),
    content: (event) => {
      const { case: facts, stepLabel, dueDate } = event.data;
      return caseContent(
        facts,
        'Waktu layanan terlewati',
        `Tahap "${stepLabel}" ${named(facts)} melewati batas waktu ${formatDate(dueDate)}. Segera tindak lanjuti.`,
        'PENGINGAT',
      );
    },
  }),
  defineRule({
    id: 'case-recap-published',
    on: 'consultations.recap.published',
    recipients: (event) => [...new Set(event.data.readerRoles)].map(role),
    content: (event) => {
      const recap = event.data;
      return {
        category: 'LAYANAN',
        title: `Rekap ${recap.flowLabel} ${recap.monthLabel} terbit`,
        body: `Rekap bulanan ${recap.flowLabel} ${recap.monthLabel}: ${recap.received} diterima, ${recap.completed} selesai (${recap.completedOnTime} tepat waktu), ${recap.openAtEnd} masih berjalan, ${recap.points} poin kinerja.`,
        link: recapLink(recap.flow, recap.month),
        subject: null,
        threadId: null,
      };
    },
  }),
];

export const consultationsTrackers = [
  defineTracker({
    on: 'consultations.case.transitioned',
    facts: (event) => {
      const facts = event.data.case;
      return {
        subject: { type: CASE_SUBJECT_TYPES[facts.flow], id: facts.id },
        title: `${facts.number} ${facts.title}`,
        link: facts.link,
        organizationCodes: [facts.organizationCode, facts.handlerOrganizationCode].filter(
          (code) => code !== null,
        ),
        userIds: [facts.requesterId, facts.assigneeId].filter((id) => id !== null),
      };
    },
  }),
];
