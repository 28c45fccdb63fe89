import type { Role } from '@sipadu/service-kit';
import { defineWorkflow, type StateOf, type TransitionOf } from '@sipadu/workflow';

/** BPKAD (the managing organization) asks for a tranche; super-admin may act for it. */
const MANAGERS: readonly Role[] = ['bpkad', 'super-admin'];
/** The lender financing the project decides and records the payment. */
const LENDERS: readonly Role[] = ['pemberi-pinjaman', 'super-admin'];

/**
 * Termin pencairan (DOMAIN.md §3 step 8): BPKAD requests a planned tranche once its conditions
 * hold (agreement signed, physical progress threshold, the tranche's requirement group approved),
 * the lender approves or sends it back with a note, then records the disbursed amount and date.
 */
export const disbursementWorkflow = defineWorkflow({
  name: 'disbursement-tranche',
  states: {
    PLANNED: { label: 'Direncanakan' },
    REQUESTED: { label: 'Diajukan' },
    APPROVED: { label: 'Disetujui' },
    DISBURSED: { label: 'Dicairkan', final: true },
  },
  initial: 'PLANNED',
  transitions: [
    {
      name: 'request',
      from: 'PLANNED',
      to: 'REQUESTED',
      label: 'mengajukan pencairan termin',
      roles: MANAGERS,
      actor: 'manager',
      guard: 'conditionsMet',
    },
    {
      name: 'approve',
      from: 'REQUESTED',
      to: 'APPROVED',
      label: 'menyetujui pencairan termin',
      roles: LENDERS,
      actor: 'lender',
    },
    {
      name: 'reject',
      from: 'REQUESTED',
      to: 'PLANNED',
      label: 'menolak pengajuan pencairan termin',
      roles: LENDERS,
      actor: 'lender',
      requires: { note: true },
    },
    {
      name: 'disburse',
      from: 'APPROVED',
      to: 'DISBURSED',
      label: 'mencatat pencairan termin',
      roles: LENDERS,
      actor: 'lender',
      requires: { fields: ['disbursedAmount', 'disbursedOn'] },
    },
  ],
});

export type TrancheState = StateOf<typeof disbursementWorkflow>;
export type TrancheTransition = TransitionOf<typeof disbursementWorkflow>;

export const TRANCHE_TRANSITIONS = disbursementWorkflow.transitions.map(
  (t) => t.name,
) as readonly TrancheTransition[];

/** Event type per transition (`projects.tranche.<past tense>`). */
export const TRANCHE_EVENT_TYPES = {
  request: 'projects.tranche.requested',
  approve: 'projects.tranche.approved',
  reject: 'projects.tranche.rejected',
  disburse: 'projects.tranche.disbursed',
} as const satisfies Record<TrancheTransition, string>;

export const trancheStatusLabel = (state: TrancheState) => disbursementWorkflow.states[state].label;
