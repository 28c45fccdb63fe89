import {
  defineWorkflow,
  type RelationPredicate,
  type StateOf,
  type TransitionOf,
  type WorkflowInstance,
} from '@sipadu/workflow';

/**
 * Konsultasi (SOP SI-KIMR, DOMAIN.md §6): the unit submits, super-admin routes it to a
 * consultation officer, the officer drafts an answer (asking the unit for more information when
 * needed: the clock stops), the kasubdit of the officer's organization approves or returns it,
 * the officer delivers it and the unit acknowledges it. State names are the GraphQL
 * `ConsultationStatus` values.
 */
export const consultationWorkflow = defineWorkflow({
  name: 'consultation',
  states: {
    SUBMITTED: { label: 'Menunggu Disposisi', serviceTime: { workingDays: 1 } },
    DRAFTING: { label: 'Penyusunan Jawaban', serviceTime: { workingDays: 2 } },
    WAITING_FOR_REQUESTER: { label: 'Menunggu Keterangan Unit Kerja', pause: true },
    IN_REVIEW: { label: 'Menunggu Verifikasi Kasubdit', serviceTime: { workingDays: 1 } },
    APPROVED: { label: 'Jawaban Disetujui', serviceTime: { workingDays: 1 } },
    DELIVERED: { label: 'Menunggu Konfirmasi Unit Kerja', pause: true },
    ACKNOWLEDGED: { label: 'Selesai', final: true },
  },
  initial: 'SUBMITTED',
  transitions: [
    {
      // Re-routing while drafting hands the case to another officer; the step keeps running.
      name: 'route',
      from: ['SUBMITTED', 'DRAFTING'],
      to: 'DRAFTING',
      label: 'mendisposisikan konsultasi',
      roles: ['super-admin'],
      requires: { fields: ['assigneeId'] },
    },
    {
      name: 'requestInformation',
      from: 'DRAFTING',
      to: 'WAITING_FOR_REQUESTER',
      label: 'meminta keterangan dari unit kerja',
      roles: ['petugas-konsultasi'],
      actor: 'assignee',
      requires: { note: true },
    },
    {
      name: 'provideInformation',
      from: 'WAITING_FOR_REQUESTER',
      to: 'DRAFTING',
      label: 'memberikan keterangan',
      roles: ['unit-kerja'],
      actor: 'requester',
      requires: { note: true },
    },
    {
      name: 'submitDraft',
      from: 'DRAFTING',
      to: 'IN_REVIEW',
      label: 'mengirim jawaban untuk diverifikasi',
      roles: ['petugas-konsultasi'],
      actor: 'assignee',
      requires: { fields: ['answer'] },
    },
    {
      name: 'approve',
      from: 'IN_REVIEW',
      to: 'APPROVED',
      label: 'menyetujui jawaban',
      roles: ['kasubdit'],
      actor: 'handlerOrganization',
    },
    {
      name: 'return',
      from: 'IN_REVIEW',
      to: 'DRAFTING',
      label: 'mengembalikan jawaban',
      roles: ['kasubdit'],
      actor: 'handlerOrganization',
      requires: { note: true },
    },
    {
      name: 'deliver',
      from: 'APPROVED',
      to: 'DELIVERED',
      label: 'menyampaikan jawaban',
      roles: ['petugas-konsultasi'],
      actor: 'assignee',
    },
    {
      name: 'acknowledge',
      from: 'DELIVERED',
      to: 'ACKNOWLEDGED',
      label: 'menyatakan jawaban diterima',
      roles: ['unit-kerja'],
      actor: 'requester',
    },
  ],
});

export type ConsultationStatus = StateOf<typeof consultationWorkflow>;
export type ConsultationTransition = TransitionOf<typeof consultationWorkflow>;

/** What the `handlerOrganization` relation reads of a case. */
export interface HandledInstance extends WorkflowInstance {
  /** Organization of the assigned officer; null before routing. */
  handlerOrganizationCode?: string | null;
}

/** `handlerOrganization`: the caller works in the organization of the assigned officer. */
export const handlerOrganization: RelationPredicate<HandledInstance> = ({ instance, principal }) =>
  principal.organizationCode !== null &&
  Boolean(instance.handlerOrganizationCode) &&
  principal.organizationCode === instance.handlerOrganizationCode;

/** The context `applyTransition` / `availableTransitions` need for this workflow. */
export const consultationInterpretation = { relations: { handlerOrganization } };
