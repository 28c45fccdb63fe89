import type { Role } from '@sipadu/service-kit';
import { defineWorkflow, type StateOf, type TransitionOf } from '@sipadu/workflow';

/** Roles that upload on behalf of their organization (the uploader organization's staff). */
const SUBMITTERS: readonly Role[] = [
  'pelaksana',
  'admin-opd',
  'bpkad',
  'unit-kerja',
  'petugas-konsultasi',
  'petugas-tik',
  'pengelola-tik',
  'super-admin',
];

/** Roles that verify documents for their organization (BPKAD, the lender, supervisors). */
const REVIEWERS: readonly Role[] = [
  'bpkad',
  'pemberi-pinjaman',
  'admin-opd',
  'kasubdit',
  'direktur',
  'evaluator',
  'pengelola-tik',
  'super-admin',
];

/** Roles that ask for documents and may waive one (the requesting organization's staff). */
export const REQUESTERS: readonly Role[] = [
  'bpkad',
  'admin-opd',
  'kasubdit',
  'pengelola-tik',
  'super-admin',
];

/**
 * Persyaratan dokumen (DOMAIN.md §3–4): the uploader organization submits a version, the reviewer
 * organizations check it in order (BPKAD first, then the lender), the last one approves; any
 * reviewer may send it back with a message, and the requesting organization may waive it.
 */
export const requirementWorkflow = defineWorkflow({
  name: 'document-requirement',
  states: {
    REQUESTED: { label: 'Diminta' },
    SUBMITTED: { label: 'Diajukan', serviceTime: { workingDays: 2 } },
    UNDER_REVIEW: { label: 'Dalam Verifikasi', serviceTime: { workingDays: 5 } },
    REVISION_REQUESTED: { label: 'Perlu Perbaikan', pause: true },
    APPROVED: { label: 'Disetujui', final: true },
    WAIVED: { label: 'Dikecualikan', final: true },
  },
  initial: 'REQUESTED',
  transitions: [
    {
      name: 'submit',
      from: ['REQUESTED', 'REVISION_REQUESTED'],
      to: 'SUBMITTED',
      label: 'mengajukan dokumen',
      roles: SUBMITTERS,
      actor: 'uploaderOrganization',
      requires: { fields: ['fileId'] },
    },
    {
      name: 'forward',
      from: ['SUBMITTED', 'UNDER_REVIEW'],
      to: 'UNDER_REVIEW',
      label: 'meneruskan dokumen ke pemverifikasi berikutnya',
      roles: REVIEWERS,
      actor: 'currentReviewer',
      guard: 'hasNextReviewer',
    },
    {
      name: 'requestRevision',
      from: ['SUBMITTED', 'UNDER_REVIEW'],
      to: 'REVISION_REQUESTED',
      label: 'meminta perbaikan dokumen',
      roles: REVIEWERS,
      actor: 'currentReviewer',
      requires: { note: true },
    },
    {
      name: 'approve',
      from: ['SUBMITTED', 'UNDER_REVIEW'],
      to: 'APPROVED',
      label: 'menyetujui dokumen',
      roles: REVIEWERS,
      actor: 'currentReviewer',
      guard: 'isLastReviewer',
    },
    {
      name: 'waive',
      from: ['REQUESTED', 'SUBMITTED', 'UNDER_REVIEW', 'REVISION_REQUESTED'],
      to: 'WAIVED',
      label: 'mengecualikan persyaratan',
      roles: REQUESTERS,
      actor: 'requesterOrganization',
      requires: { note: true },
    },
  ],
});

export type RequirementState = StateOf<typeof requirementWorkflow>;
export type RequirementTransition = TransitionOf<typeof requirementWorkflow>;

/** Event type per transition (ARCHITECTURE.md: `sipadu.documents.requirement.revisionRequested`). */
export const REQUIREMENT_EVENT_TYPES = {
  submit: 'documents.requirement.submitted',
  forward: 'documents.requirement.forwarded',
  approve: 'documents.requirement.approved',
  requestRevision: 'documents.requirement.revisionRequested',
  waive: 'documents.requirement.waived',
} as const satisfies Record<RequirementTransition, string>;
