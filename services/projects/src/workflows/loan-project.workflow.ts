import type { Role } from '@sipadu/service-kit';
import { defineWorkflow, type StateOf, type TransitionOf } from '@sipadu/workflow';

const MANAGERS: readonly Role[] = ['bpkad', 'super-admin'];

/**
 * Tahapan proyek pinjaman daerah (DOMAIN.md §3): BPKAD drives the project from the proposal to
 * the signed agreement, the lender approves after verifying the documents, the first disbursed
 * tranche opens DISBURSEMENT (taken by the service itself), and BPKAD closes it once an accepted
 * progress report shows 100 % physical progress. Guards read facts the service loads beforehand.
 */
export const loanProjectWorkflow = defineWorkflow({
  name: 'loan-project',
  states: {
    DRAFT: { label: 'Draf' },
    DATA_PREPARATION: { label: 'Penyiapan Data' },
    DOCUMENT_SUBMISSION: { label: 'Pengajuan Dokumen' },
    VERIFICATION: { label: 'Verifikasi' },
    APPROVED: { label: 'Disetujui' },
    AGREEMENT_SIGNED: { label: 'Perjanjian Ditandatangani' },
    DISBURSEMENT: { label: 'Pencairan' },
    IMPLEMENTATION: { label: 'Pelaksanaan' },
    COMPLETED: { label: 'Selesai', final: true },
    CANCELLED: { label: 'Dibatalkan', final: true },
  },
  initial: 'DRAFT',
  transitions: [
    {
      name: 'submitProposal',
      from: 'DRAFT',
      to: 'DATA_PREPARATION',
      label: 'mengajukan usulan proyek',
      roles: MANAGERS,
      actor: 'manager',
    },
    {
      name: 'openDocumentSubmission',
      from: 'DATA_PREPARATION',
      to: 'DOCUMENT_SUBMISSION',
      label: 'membuka pengajuan dokumen',
      roles: MANAGERS,
      actor: 'manager',
      guard: 'hasRequirements',
    },
    {
      name: 'startVerification',
      from: 'DOCUMENT_SUBMISSION',
      to: 'VERIFICATION',
      label: 'memulai verifikasi',
      roles: MANAGERS,
      actor: 'manager',
      guard: 'requirementsSubmitted',
    },
    {
      name: 'approve',
      from: 'VERIFICATION',
      to: 'APPROVED',
      label: 'menyetujui pinjaman',
      roles: ['pemberi-pinjaman', 'super-admin'],
      actor: 'lender',
      guard: 'requirementsApproved',
    },
    {
      name: 'signAgreement',
      from: 'APPROVED',
      to: 'AGREEMENT_SIGNED',
      label: 'mencatat perjanjian pinjaman yang ditandatangani',
      roles: MANAGERS,
      actor: 'manager',
      guard: 'agreementSealed',
    },
    {
      name: 'startDisbursement',
      from: 'AGREEMENT_SIGNED',
      to: 'DISBURSEMENT',
      label: 'memulai pencairan',
      roles: 'system',
    },
    {
      name: 'startImplementation',
      from: 'DISBURSEMENT',
      to: 'IMPLEMENTATION',
      label: 'memulai pelaksanaan',
      roles: ['bpkad', 'pelaksana', 'super-admin'],
      actor: ['manager', 'organization'],
    },
    {
      name: 'complete',
      from: 'IMPLEMENTATION',
      to: 'COMPLETED',
      label: 'menyelesaikan proyek',
      roles: MANAGERS,
      actor: 'manager',
      guard: 'physicalComplete',
    },
    {
      name: 'cancel',
      from: [
        'DRAFT',
        'DATA_PREPARATION',
        'DOCUMENT_SUBMISSION',
        'VERIFICATION',
        'APPROVED',
        'AGREEMENT_SIGNED',
        'DISBURSEMENT',
        'IMPLEMENTATION',
      ],
      to: 'CANCELLED',
      label: 'membatalkan proyek',
      roles: MANAGERS,
      actor: 'manager',
      requires: { note: true },
    },
  ],
});

export type LoanProjectStage = StateOf<typeof loanProjectWorkflow>;
export type LoanProjectTransition = TransitionOf<typeof loanProjectWorkflow>;

export const LOAN_PROJECT_STAGES = Object.keys(loanProjectWorkflow.states) as LoanProjectStage[];

/** Stages from which the lender's approval stands: amount, lender, organization and year lock. */
export const APPROVED_STAGES: readonly LoanProjectStage[] = [
  'APPROVED',
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
  'COMPLETED',
];

export const stageLabel = (stage: LoanProjectStage) => loanProjectWorkflow.states[stage].label;
