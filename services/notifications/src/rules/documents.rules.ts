import type { EventEnvelope } from '@sipadu/events';
import {
  defineReminderPlan,
  defineRule,
  defineTracker,
  type RecipientSpec,
  type ReminderSettings,
  type ReminderSpec,
} from './rule.js';
import { formatDate, quote, subjectDocumentsLink, threadLink } from './text.js';

type Transition = EventEnvelope<
  | 'documents.requirement.submitted'
  | 'documents.requirement.forwarded'
  | 'documents.requirement.approved'
  | 'documents.requirement.revisionRequested'
  | 'documents.requirement.waived'
>;

const REQUIREMENT = 'DocumentRequirement';
const org = (code: string): RecipientSpec => ({ kind: 'organization', code });
const requirementSubject = (id: string) => ({ type: REQUIREMENT, id });
const actorName = (event: Transition) =>
  event.data.actor.name ?? event.data.actor.organization ?? 'Pengguna';
const note = (event: Transition) =>
  event.data.note ? ` Catatan: "${quote(event.data.note)}"` : '';

function transitionContent(event: Transition, title: string, body: string) {
  return {
    category: 'PERSYARATAN' as const,
    title,
    body,
    link: subjectDocumentsLink(event.data.requirement.subject),
    subject: requirementSubject(event.data.subjectId),
    threadId: null,
  };
}

/** Notifications of document requirements and documents (DOMAIN.md §3–4). */
export const documentsRules = [
  defineRule({
    id: 'requirement-created',
    on: 'documents.requirement.created',
    recipients: (event) => [org(event.data.uploaderOrganizationCode)],
    content: (event) => ({
      category: 'PERSYARATAN',
      title: 'Persyaratan dokumen baru',
      body:
        `Mohon unggah "${event.data.title}"` +
        (event.data.dueDate ? ` paling lambat ${formatDate(event.data.dueDate)}.` : '.'),
      link: subjectDocumentsLink(event.data.subject),
      subject: requirementSubject(event.data.requirementId),
      threadId: null,
    }),
  }),
  defineRule({
    id: 'requirement-submitted',
    on: 'documents.requirement.submitted',
    recipients: (event) => [
      org(
        event.data.requirement.currentReviewerOrganizationCode ??
          event.data.requirement.requesterOrganizationCode,
      ),
    ],
    content: (event) =>
      transitionContent(
        event,
        'Dokumen diajukan untuk diperiksa',
        `${actorName(event)} mengajukan "${event.data.requirement.title}" (versi ${event.data.requirement.documentVersion ?? '-'}).`,
      ),
  }),
  defineRule({
    id: 'requirement-forwarded',
    on: 'documents.requirement.forwarded',
    recipients: (event) =>
      event.data.requirement.currentReviewerOrganizationCode
        ? [org(event.data.requirement.currentReviewerOrganizationCode)]
        : [],
    content: (event) =>
      transitionContent(
        event,
        'Persyaratan diteruskan untuk verifikasi',
        `"${event.data.requirement.title}" diteruskan oleh ${actorName(event)} dan menunggu verifikasi Anda.${note(event)}`,
      ),
  }),
  defineRule({
    id: 'requirement-approved',
    on: 'documents.requirement.approved',
    recipients: (event) => [
      org(event.data.requirement.uploaderOrganizationCode),
      org(event.data.requirement.requesterOrganizationCode),
    ],
    content: (event) =>
      transitionContent(
        event,
        'Persyaratan disetujui',
        `"${event.data.requirement.title}" disetujui oleh ${actorName(event)}.${note(event)}`,
      ),
  }),
  defineRule({
    id: 'requirement-revision-requested',
    on: 'documents.requirement.revisionRequested',
    recipients: (event) => [
      org(event.data.requirement.uploaderOrganizationCode),
      org(event.data.requirement.requesterOrganizationCode),
    ],
    content: (event) =>
      transitionContent(
        event,
        'Revisi dokumen diminta',
        `${actorName(event)} meminta revisi "${event.data.requirement.title}".${note(event)} Unggah versi baru dokumennya.`,
      ),
  }),
  defineRule({
    id: 'requirement-waived',
    on: 'documents.requirement.waived',
    recipients: (event) => [org(event.data.requirement.uploaderOrganizationCode)],
    content: (event) =>
      transitionContent(
        event,
        'Persyaratan dikecualikan',
        `"${event.data.requirement.title}" tidak perlu diunggah lagi.${note(event)}`,
      ),
  }),
  defineRule({
    id: 'document-withdrawn',
    on: 'documents.document.withdrawn',
    recipients: (event) => (event.org ? [org(event.org)] : []),
    content: (event) => ({
      category: 'DOKUMEN',
      title: 'Dokumen ditarik',
      body: `Sebuah dokumen ditarik dengan alasan: "${quote(event.data.reason)}".`,
      link: `/dokumen/${encodeURIComponent(event.data.documentId)}`,
      subject: { type: 'Document', id: event.data.documentId },
      threadId: null,
    }),
  }),
  defineRule({
    id: 'document-signed',
    on: 'documents.signature.created',
    recipients: (event) => (event.org ? [org(event.org)] : []),
    content: (event) => ({
      category: 'DOKUMEN',
      title: 'Dokumen ditandatangani',
      body: `Versi ${event.data.version} sebuah dokumen telah ditandatangani/disegel (kode verifikasi ${event.data.code}).`,
      link: `/dokumen/${encodeURIComponent(event.data.documentId)}`,
      subject: { type: 'Document', id: event.data.documentId },
      threadId: null,
    }),
  }),
  defineRule({
    id: 'document-secret-readers',
    on: 'documents.document.confidentialityChanged',
    when: (event) => event.data.confidentiality === 'RAHASIA',
    recipients: (event) => event.data.readerIds.map((id) => ({ kind: 'user' as const, id })),
    content: (event) => ({
      category: 'DOKUMEN',
      title: 'Akses dokumen rahasia',
      body: 'Anda ditetapkan sebagai pembaca sebuah dokumen RAHASIA.',
      link: `/dokumen/${encodeURIComponent(event.data.documentId)}`,
      subject: { type: 'Document', id: event.data.documentId },
      threadId: null,
    }),
  }),
];

type RequirementEvent = EventEnvelope<
  | 'documents.requirement.submitted'
  | 'documents.requirement.forwarded'
  | 'documents.requirement.approved'
  | 'documents.requirement.revisionRequested'
  | 'documents.requirement.waived'
>;

const transitionTracker = (on: RequirementEvent['type']) =>
  defineTracker({
    on,
    facts: (event: RequirementEvent) => {
      const requirement = event.data.requirement;
      return {
        subject: requirementSubject(event.data.subjectId),
        title: `Persyaratan: ${requirement.title}`,
        link: threadLink(`${REQUIREMENT}:${event.data.subjectId}`),
        organizationCodes: [
          requirement.uploaderOrganizationCode,
          ...requirement.reviewerOrganizationCodes,
          requirement.requesterOrganizationCode,
        ],
        userIds: [],
      };
    },
  });

/** The parties of each requirement and document, for their correspondence. */
export const documentsTrackers = [
  defineTracker({
    on: 'documents.requirement.created',
    facts: (event) => ({
      subject: requirementSubject(event.data.requirementId),
      title: `Persyaratan: ${event.data.title}`,
      link: threadLink(`${REQUIREMENT}:${event.data.requirementId}`),
      organizationCodes: [
        event.data.uploaderOrganizationCode,
        ...event.data.reviewerOrganizationCodes,
        event.data.requesterOrganizationCode,
      ],
      userIds: [],
    }),
  }),
  ...(
    [
      'documents.requirement.submitted',
      'documents.requirement.forwarded',
      'documents.requirement.approved',
      'documents.requirement.revisionRequested',
      'documents.requirement.waived',
    ] as const
  ).map(transitionTracker),
  defineTracker({
    on: 'documents.document.created',
    facts: (event) => ({
      subject: { type: 'Document', id: event.data.documentId },
      title: `Dokumen: ${event.data.title}`,
      link: `/dokumen/${encodeURIComponent(event.data.documentId)}`,
      organizationCodes: [event.data.organizationCode],
      userIds: [],
    }),
  }),
];

const dueSoonKey = (id: string) => `${REQUIREMENT}:${id}|due-soon`;
const overdueKey = (id: string) => `${REQUIREMENT}:${id}|overdue`;
const DAY_MS = 86_400_000;

interface DueFacts {
  requirementId: string;
  title: string;
  subject: { type: string; id: string };
  uploaderOrganizationCode: string;
  requesterOrganizationCode: string;
  dueDate: string | null;
}

/** A requirement with a due date: one reminder days before, one the day after it passes. */
function dueReminders(facts: DueFacts, settings: ReminderSettings): ReminderSpec[] {
  if (!facts.dueDate) return [];
  const dueDay = facts.dueDate.slice(0, 10);
  const dueAtHour = settings.atReminderHour(dueDay);
  const base = {
    link: subjectDocumentsLink(facts.subject),
    subject: requirementSubject(facts.requirementId),
    threadId: null,
  };
  return [
    {
      key: dueSoonKey(facts.requirementId),
      dueAt: new Date(dueAtHour.getTime() - settings.dueSoonDays * DAY_MS),
      recipients: [org(facts.uploaderOrganizationCode)],
      content: {
        ...base,
        category: 'PENGINGAT',
        title: 'Tenggat persyaratan mendekat',
        body: `"${facts.title}" harus diunggah paling lambat ${formatDate(dueDay)}.`,
      },
    },
    {
      key: overdueKey(facts.requirementId),
      dueAt: new Date(dueAtHour.getTime() + DAY_MS),
      recipients: [org(facts.uploaderOrganizationCode), org(facts.requesterOrganizationCode)],
      content: {
        ...base,
        category: 'PENGINGAT',
        title: 'Tenggat persyaratan terlewati',
        body: `"${facts.title}" belum selesai, padahal tenggatnya ${formatDate(dueDay)}.`,
      },
    },
  ];
}

const finished = (requirementId: string) => ({
  schedule: [],
  cancel: [dueSoonKey(requirementId), overdueKey(requirementId)],
});

/**
 * Due-date reminders of requirements. They wait on the uploading agency: a submission (or an
 * approval, a waiver) cancels them, a revision request arms them again.
 */
export const documentsReminderPlans = [
  defineReminderPlan({
    on: 'documents.requirement.created',
    plan: (event, settings) => ({
      schedule: dueReminders(event.data, settings),
      cancel: [],
    }),
  }),
  defineReminderPlan({
    on: 'documents.requirement.revisionRequested',
    plan: (event, settings) => ({
      schedule: dueReminders(
        { ...event.data.requirement, requirementId: event.data.subjectId },
        settings,
      ),
      cancel: [],
    }),
  }),
  defineReminderPlan({
    on: 'documents.requirement.submitted',
    plan: (event) => finished(event.data.subjectId),
  }),
  defineReminderPlan({
    on: 'documents.requirement.approved',
    plan: (event) => finished(event.data.subjectId),
  }),
  defineReminderPlan({
    on: 'documents.requirement.waived',
    plan: (event) => finished(event.data.subjectId),
  }),
];
