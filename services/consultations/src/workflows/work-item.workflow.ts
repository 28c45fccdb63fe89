import { defineWorkflow, type StateOf, type TransitionOf } from '@sipadu/workflow';

/**
 * Pekerjaan internal (workspace, SOP SI-KIMR, DOMAIN.md §6): the assigner creates a work item for
 * an officer of the organization, the officer accepts it and reports the result, super-admin
 * accepts it or returns it for correction. The assigner may cancel it until it is reported.
 * State names are the GraphQL `WorkItemStatus` values.
 */
export const workItemWorkflow = defineWorkflow({
  name: 'work-item',
  states: {
    ASSIGNED: { label: 'Menunggu Diterima Petugas', serviceTime: { workingDays: 1 } },
    IN_PROGRESS: { label: 'Dikerjakan', serviceTime: { workingDays: 3 } },
    IN_VERIFICATION: { label: 'Verifikasi Super Admin', serviceTime: { workingDays: 1 } },
    COMPLETED: { label: 'Selesai', final: true },
    CANCELLED: { label: 'Dibatalkan', final: true },
  },
  initial: 'ASSIGNED',
  transitions: [
    {
      // The assigned officer may hold any staff role; the assignment is what counts.
      name: 'accept',
      from: 'ASSIGNED',
      to: 'IN_PROGRESS',
      label: 'menerima pekerjaan',
      roles: 'any',
      actor: 'assignee',
    },
    {
      name: 'submitResult',
      from: 'IN_PROGRESS',
      to: 'IN_VERIFICATION',
      label: 'melaporkan hasil pekerjaan',
      roles: 'any',
      actor: 'assignee',
      requires: { fields: ['result'] },
    },
    {
      name: 'approve',
      from: 'IN_VERIFICATION',
      to: 'COMPLETED',
      label: 'menerima hasil pekerjaan',
      roles: ['super-admin'],
    },
    {
      name: 'return',
      from: 'IN_VERIFICATION',
      to: 'IN_PROGRESS',
      label: 'mengembalikan hasil pekerjaan',
      roles: ['super-admin'],
      requires: { note: true },
    },
    {
      name: 'cancel',
      from: ['ASSIGNED', 'IN_PROGRESS'],
      to: 'CANCELLED',
      label: 'membatalkan pekerjaan',
      roles: ['pemberi-tugas'],
      actor: 'requester',
      requires: { note: true },
    },
  ],
});

export type WorkItemStatus = StateOf<typeof workItemWorkflow>;
export type WorkItemTransition = TransitionOf<typeof workItemWorkflow>;
