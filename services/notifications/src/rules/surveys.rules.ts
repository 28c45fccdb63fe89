import type { EventData, EventEnvelope } from '@sipadu/events';
import { defineRule, type NotificationContent, type RecipientSpec } from './rule.js';
import { formatDate, formatPercent, quote } from './text.js';

/**
 * Notifications of public services and satisfaction surveys (SIPUTRI, DOMAIN.md §5). Every payload
 * carries the organization and, for recommendations, the evaluator who wrote them, so no rule
 * needs a lookup. The person who caused an event is never told of it (the rule engine leaves the
 * actor out).
 *
 * Who hears what:
 * - standard.published: the organization's admin-opd (a colleague published it) and super-admin,
 *   who manages the directory of every organization.
 * - pledge.published: the organization's admin-opd.
 * - recommendation.created: the organization's admin-opd, who must plan the follow-up, and
 *   super-admin, who manages the SKM reports of all organizations.
 * - followUp.updated: plan, progress and completion go to the evaluator who wrote the
 *   recommendation; verification and reopening go to the organization's admin-opd.
 * - response.submitted: nobody (one event per citizen's answers; the index shows them).
 */

const admins = (code: string): RecipientSpec => ({
  kind: 'organization',
  code,
  roles: ['admin-opd'],
});
const superAdmins: RecipientSpec = { kind: 'role', role: 'super-admin' };

/** Public page of a service (the standard and its survey link). */
export const serviceLink = (serviceId: string) => `/layanan/${encodeURIComponent(serviceId)}`;
/** The directory filtered to one organization (its services and its pledge). */
export const organizationServicesLink = (organizationCode: string) =>
  `/layanan?organisasi=${encodeURIComponent(organizationCode)}`;
/** A recommendation with its follow-up. */
export const recommendationLink = (recommendationId: string) =>
  `/rekomendasi/${encodeURIComponent(recommendationId)}`;

type Actor = EventData<'surveys.standard.published'>['publishedBy'];
const actorName = (actor: Actor) =>
  [actor.name ?? 'Pengguna', actor.organizationCode && `(${actor.organizationCode})`]
    .filter(Boolean)
    .join(' ');

const PRIORITY_LABELS: Readonly<Record<string, string>> = {
  HIGH: 'tinggi',
  MEDIUM: 'sedang',
  LOW: 'rendah',
};

type Recommendation = EventData<'surveys.recommendation.created'>['recommendation'];

/** `unsur U3 Waktu Penyelesaian pada Dinas … (Triwulan I 2026)`. */
const about = (recommendation: Recommendation) =>
  `unsur ${recommendation.elementCode} ${recommendation.elementName} pada ${quote(recommendation.organizationName, 120)} (${recommendation.periodLabel})`;

function recommendationContent(
  recommendation: Recommendation,
  title: string,
  body: string,
): NotificationContent {
  return {
    category: 'SURVEI',
    title,
    body,
    link: recommendationLink(recommendation.id),
    subject: { type: 'Recommendation', id: recommendation.id },
    threadId: null,
  };
}

const noteOf = (note: string | null) => (note ? ` Catatan: "${quote(note)}"` : '');

type FollowUp = EventEnvelope<'surveys.followUp.updated'>;

/** Title and sentence of a follow-up step, for the evaluator or the organization. */
function followUpText(event: FollowUp): { title: string; body: string } {
  const { recommendation, actor, plan, note, progressPercent } = event.data;
  const who = actorName(actor);
  const subject = `rekomendasi ${about(recommendation)}`;
  switch (event.data.action) {
    case 'PLAN':
      return {
        title: 'Rencana tindak lanjut dicatat',
        body: `${who} mencatat rencana tindak lanjut ${subject}${plan ? `: "${quote(plan)}"` : '.'}`,
      };
    case 'PROGRESS':
      return {
        title: 'Kemajuan tindak lanjut dilaporkan',
        body: `${who} melaporkan kemajuan tindak lanjut ${subject}: ${formatPercent(progressPercent)}.${noteOf(note)}`,
      };
    case 'COMPLETE':
      return {
        title: 'Tindak lanjut selesai, menunggu verifikasi',
        body: `${who} menyatakan tindak lanjut ${subject} selesai.${noteOf(note)} Periksa hasilnya, lalu verifikasi atau buka kembali.`,
      };
    case 'VERIFY':
      return {
        title: 'Tindak lanjut diverifikasi',
        body: `Evaluator ${who} menerima hasil tindak lanjut ${subject}.${noteOf(note)}`,
      };
    case 'REOPEN':
      return {
        title: 'Tindak lanjut dibuka kembali',
        body: `Evaluator ${who} membuka kembali tindak lanjut ${subject}.${noteOf(note)} Lanjutkan tindak lanjutnya dan laporkan kemajuannya.`,
      };
  }
}

const BY_ORGANIZATION = new Set(['PLAN', 'PROGRESS', 'COMPLETE']);

export const surveysRules = [
  defineRule({
    id: 'service-standard-published',
    on: 'surveys.standard.published',
    recipients: (event) => [admins(event.data.standard.organizationCode), superAdmins],
    content: (event) => {
      const { standard, version, publishedBy } = event.data;
      return {
        category: 'SURVEI',
        title: 'Standar pelayanan diterbitkan',
        body: `Standar pelayanan "${quote(standard.name, 120)}" ${quote(standard.organizationName, 120)} (versi ${version}) diterbitkan oleh ${actorName(publishedBy)} dan tampil di direktori layanan publik.`,
        link: serviceLink(standard.id),
        subject: { type: 'ServiceStandard', id: standard.id },
        threadId: null,
      };
    },
  }),
  defineRule({
    id: 'service-pledge-published',
    on: 'surveys.pledge.published',
    recipients: (event) => [admins(event.data.organizationCode)],
    content: (event) => {
      const { organizationCode, organizationName, version, publishedBy } = event.data;
      return {
        category: 'SURVEI',
        title: 'Maklumat pelayanan diterbitkan',
        body: `Maklumat pelayanan ${quote(organizationName, 120)} (versi ${version}) diterbitkan oleh ${actorName(publishedBy)}.`,
        link: organizationServicesLink(organizationCode),
        subject: { type: 'ServicePledge', id: organizationCode },
        threadId: null,
      };
    },
  }),
  defineRule({
    id: 'recommendation-created',
    on: 'surveys.recommendation.created',
    recipients: (event) => [admins(event.data.recommendation.organizationCode), superAdmins],
    content: (event) => {
      const { recommendation, text, priority, dueDate } = event.data;
      const due = dueDate ? ` paling lambat ${formatDate(dueDate)}` : '';
      return recommendationContent(
        recommendation,
        'Rekomendasi evaluator baru',
        `Evaluator menulis rekomendasi berprioritas ${PRIORITY_LABELS[priority] ?? priority} untuk ${about(recommendation)}: "${quote(text)}" Catat rencana tindak lanjutnya${due}.`,
      );
    },
  }),
  defineRule({
    id: 'recommendation-follow-up-reported',
    on: 'surveys.followUp.updated',
    when: (event) => BY_ORGANIZATION.has(event.data.action),
    recipients: (event) => [{ kind: 'user', id: event.data.recommendation.createdById }],
    content: (event) => {
      const { title, body } = followUpText(event);
      return recommendationContent(event.data.recommendation, title, body);
    },
  }),
  defineRule({
    id: 'recommendation-follow-up-reviewed',
    on: 'surveys.followUp.updated',
    when: (event) => !BY_ORGANIZATION.has(event.data.action),
    recipients: (event) => [admins(event.data.recommendation.organizationCode)],
    content: (event) => {
      const { title, body } = followUpText(event);
      return recommendationContent(event.data.recommendation, title, body);
    },
  }),
];
