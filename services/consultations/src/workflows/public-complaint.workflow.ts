import type { Role } from '@sipadu/service-kit';
import {
  defineWorkflow,
  type RelationPredicate,
  type StateOf,
  type TransitionOf,
  type WorkflowInstance,
  type WorkflowPrincipal,
} from '@sipadu/workflow';

/** The target agency's admin-opd handles a complaint; super-admin may act for every agency. */
const HANDLERS: readonly Role[] = ['admin-opd', 'super-admin'];

/**
 * Pengaduan masyarakat (DOMAIN.md §7, Perwali 64/2017 §17(4)e) with SP4N-LAPOR!-style service
 * times: the target agency verifies within 3 working days and follows up within 5; the answer
 * waits for the citizen (clock paused), who replies (back to follow-up) or rates the handling;
 * silence closes it 10 working days after the answer (`autoClose`, run by the service-time
 * sweep). Citizens act through their tracking code as the principal `public:<caseId>`.
 */
export const publicComplaintWorkflow = defineWorkflow({
  name: 'public-complaint',
  states: {
    SUBMITTED: { label: 'Menunggu Verifikasi', serviceTime: { workingDays: 3 } },
    IN_FOLLOW_UP: { label: 'Ditindaklanjuti', serviceTime: { workingDays: 5 } },
    ANSWERED: { label: 'Dijawab, Menunggu Tanggapan Warga', pause: true },
    CLOSED: { label: 'Selesai', final: true },
    REJECTED: { label: 'Tidak Dapat Ditindaklanjuti', final: true },
  },
  initial: 'SUBMITTED',
  transitions: [
    {
      name: 'accept',
      from: 'SUBMITTED',
      to: 'IN_FOLLOW_UP',
      label: 'menerima pengaduan untuk ditindaklanjuti',
      roles: HANDLERS,
      actor: 'handler',
    },
    {
      name: 'reject',
      from: 'SUBMITTED',
      to: 'REJECTED',
      label: 'menolak pengaduan',
      roles: HANDLERS,
      actor: 'handler',
      requires: { note: true },
    },
    {
      name: 'reroute',
      from: ['SUBMITTED', 'IN_FOLLOW_UP'],
      to: 'SUBMITTED',
      label: 'mengalihkan pengaduan',
      roles: ['super-admin'],
      requires: { note: true, fields: ['organizationCode'] },
    },
    {
      name: 'answer',
      from: 'IN_FOLLOW_UP',
      to: 'ANSWERED',
      label: 'menjawab pengaduan',
      roles: HANDLERS,
      actor: 'handler',
      requires: { fields: ['answer'] },
    },
    {
      name: 'reply',
      from: 'ANSWERED',
      to: 'IN_FOLLOW_UP',
      label: 'menanggapi jawaban',
      roles: 'any',
      actor: 'trackingHolder',
      requires: { note: true },
    },
    {
      name: 'rate',
      from: 'ANSWERED',
      to: 'CLOSED',
      label: 'menilai penanganan',
      roles: 'any',
      actor: 'trackingHolder',
      requires: { fields: ['rating'] },
    },
    {
      name: 'autoClose',
      from: 'ANSWERED',
      to: 'CLOSED',
      label: 'menutup pengaduan otomatis',
      roles: 'system',
    },
  ],
});

export type PublicComplaintStatus = StateOf<typeof publicComplaintWorkflow>;
export type PublicComplaintTransition = TransitionOf<typeof publicComplaintWorkflow>;

/** Working days the citizen has to reply or rate after an answer before `autoClose`. */
export const AUTO_CLOSE_WORKING_DAYS = 10;

/** The principal of a citizen acting on a complaint through its tracking code. */
export function trackingPrincipal(caseId: string): WorkflowPrincipal {
  return { kind: 'public', id: `public:${caseId}`, name: null, organizationCode: null, roles: [] };
}

/** Whether the caller handles complaints of the instance's agency (super-admin: every agency). */
export function handlesComplaintsOf(
  principal: WorkflowPrincipal,
  organizationCode: string | null | undefined,
): boolean {
  return (
    principal.roles.includes('super-admin') ||
    (principal.roles.includes('admin-opd') &&
      principal.organizationCode !== null &&
      principal.organizationCode === organizationCode)
  );
}

const handler: RelationPredicate<WorkflowInstance & { _id: string }> = ({ instance, principal }) =>
  handlesComplaintsOf(principal, instance.organizationCode);

/** The citizen holding the complaint's tracking code (checked by the service beforehand). */
const trackingHolder: RelationPredicate<WorkflowInstance & { _id: string }> = ({
  instance,
  principal,
}) => principal.kind === 'public' && principal.id === `public:${instance._id}`;

export const publicComplaintRelations = { handler, trackingHolder };
