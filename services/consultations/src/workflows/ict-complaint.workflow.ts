import { defineWorkflow, type StateOf, type TransitionOf } from '@sipadu/workflow';

/**
 * Pengaduan TIK (SOP SI-KIMR, DOMAIN.md §6): any employee reports an ICT problem, pengelola-tik
 * passes it to an ICT officer, the officer handles it and asks the complainant to check (the
 * clock stops); not solved sends it back to the officer, solved lets the officer document the
 * result as the report to pengelola-tik. State names are the GraphQL `IctComplaintStatus` values.
 */
export const ictComplaintWorkflow = defineWorkflow({
  name: 'ict-complaint',
  states: {
    FILED: { label: 'Menunggu Disposisi Pengelola TIK', serviceTime: { workingDays: 1 } },
    HANDLING: { label: 'Ditangani Petugas TIK', serviceTime: { workingDays: 1 } },
    AWAITING_CONFIRMATION: { label: 'Menunggu Konfirmasi Pelapor', pause: true },
    SOLVED: { label: 'Terselesaikan, Menunggu Dokumentasi', serviceTime: { workingDays: 1 } },
    REPORTED: { label: 'Dilaporkan ke Pengelola TIK', final: true },
  },
  initial: 'FILED',
  transitions: [
    {
      // Re-routing while handling hands the complaint to another officer.
      name: 'route',
      from: ['FILED', 'HANDLING'],
      to: 'HANDLING',
      label: 'meneruskan pengaduan ke petugas TIK',
      roles: ['pengelola-tik'],
      requires: { fields: ['assigneeId'] },
    },
    {
      name: 'resolve',
      from: 'HANDLING',
      to: 'AWAITING_CONFIRMATION',
      label: 'mencatat penanganan',
      roles: ['petugas-tik'],
      actor: 'assignee',
      requires: { fields: ['handling'] },
    },
    {
      // Any employee may report a problem, so the complainant may hold any role.
      name: 'confirmSolved',
      from: 'AWAITING_CONFIRMATION',
      to: 'SOLVED',
      label: 'menyatakan masalah selesai',
      roles: 'any',
      actor: 'requester',
    },
    {
      name: 'reopen',
      from: 'AWAITING_CONFIRMATION',
      to: 'HANDLING',
      label: 'menyatakan masalah belum selesai',
      roles: 'any',
      actor: 'requester',
      requires: { note: true },
    },
    {
      name: 'document',
      from: 'SOLVED',
      to: 'REPORTED',
      label: 'mendokumentasikan hasil penanganan',
      roles: ['petugas-tik'],
      actor: 'assignee',
      requires: { fields: ['followUp'] },
    },
  ],
});

export type IctComplaintStatus = StateOf<typeof ictComplaintWorkflow>;
export type IctComplaintTransition = TransitionOf<typeof ictComplaintWorkflow>;
