import type { Principal, Role } from '@sipadu/service-kit';
import { SYSTEM_PRINCIPAL, applyTransition } from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EMPTY_REQUIREMENT_SUMMARY } from '../models/loan-project.model.js';
import { stageActions, stageInterpretation, type LoanProjectCase } from './loan-project-rules.js';
import {
  loanProjectWorkflow,
  type LoanProjectStage,
  type LoanProjectTransition,
} from './loan-project.workflow.js';

function user(roles: Role[], organizationCode: string): Principal {
  return {
    kind: 'user',
    id: `${roles[0]}-${organizationCode}`,
    username: `${roles[0]}-${organizationCode}`.toLowerCase(),
    name: null,
    email: null,
    organizationCode,
    roles,
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: 0,
  };
}

const bpkad = user(['bpkad'], 'BPKAD');
const lender = user(['pemberi-pinjaman'], 'PTSMI');
const otherLender = user(['pemberi-pinjaman'], 'BANKJAMBI');
const pelaksana = user(['pelaksana'], 'DPUPR');
const pelaksanaRsud = user(['pelaksana'], 'RSUD');
const superAdmin = user(['super-admin'], 'DISKOMINFO');
const pimpinan = user(['pimpinan'], 'SETDA');

function project(
  state: LoanProjectStage,
  facts: Partial<LoanProjectCase['facts']> = {},
  extra: Partial<LoanProjectCase> = {},
): LoanProjectCase {
  const now = new Date('2026-02-02T03:00:00Z');
  return {
    _id: 'p-1',
    code: 'PIN-2026-001',
    fiscalYear: 2026,
    name: 'Peningkatan Jalan Lingkar Barat',
    description: 'Ruas 4,2 km',
    borrowingReason: 'Percepatan infrastruktur',
    organizationCode: 'DPUPR',
    organizationName: 'Dinas PUPR',
    lenderOrganizationCode: 'PTSMI',
    lenderName: 'PT SMI',
    managerOrganizationCode: 'BPKAD',
    amount: 25_000_000_000,
    tenorMonths: 96,
    consultant: null,
    planningCodes: [],
    locations: [],
    state,
    history: [],
    agreement: null,
    tranches: [],
    progressPlan: [],
    progressReports: [],
    physicalProgress: 0,
    financialProgress: 0,
    behindPlan: false,
    disbursedAmount: 0,
    approvedAmount: 0,
    requirementSummary: { ...EMPTY_REQUIREMENT_SUMMARY },
    searchText: 'pin-2026-001 peningkatan jalan lingkar barat',
    createdBy: { id: 'u', name: null, organizationCode: 'BPKAD' },
    revision: 0,
    createdAt: now,
    updatedAt: now,
    facts: { stageRequirementStates: [], agreementSealed: false, ...facts },
    ...extra,
  };
}

const move = (
  instance: LoanProjectCase,
  transition: LoanProjectTransition,
  principal: Principal | typeof SYSTEM_PRINCIPAL,
  note?: string,
) =>
  applyTransition(
    loanProjectWorkflow,
    instance,
    transition,
    principal,
    { note },
    stageInterpretation,
  );

/** The GraphQL error code and message a call throws. */
function refusal(call: () => unknown): { code: unknown; message: string } {
  try {
    call();
  } catch (err) {
    const error = err as GraphQLError;
    return { code: error.extensions.code, message: error.message };
  }
  throw new Error('expected a refusal');
}

const agreement = {
  documentId: 'doc-1',
  number: 'PERJ-001/PTSMI/2026',
  signedOn: '2026-05-04',
  recordedBy: { id: 'u', name: null, organizationCode: 'BPKAD' },
  recordedAt: new Date(),
};

describe('loan-project workflow', () => {
  it('labels every stage in Bahasa Indonesia and ends in Selesai or Dibatalkan', () => {
    expect(loanProjectWorkflow.states.DRAFT.label).toBe('Draf');
    expect(loanProjectWorkflow.states.AGREEMENT_SIGNED.label).toBe('Perjanjian Ditandatangani');
    const finals = Object.entries(loanProjectWorkflow.states)
      .filter(([, state]) => 'final' in state && state.final)
      .map(([name]) => name);
    expect(finals.sort()).toEqual(['CANCELLED', 'COMPLETED']);
  });

  it('runs from the proposal to completion with each role at its step', () => {
    const approved = ['APPROVED', 'WAIVED'];
    const steps: [LoanProjectStage, LoanProjectTransition, Principal | typeof SYSTEM_PRINCIPAL][] =
      [
        ['DRAFT', 'submitProposal', bpkad],
        ['DATA_PREPARATION', 'openDocumentSubmission', bpkad],
        ['DOCUMENT_SUBMISSION', 'startVerification', bpkad],
        ['VERIFICATION', 'approve', lender],
        ['APPROVED', 'signAgreement', bpkad],
        ['AGREEMENT_SIGNED', 'startDisbursement', SYSTEM_PRINCIPAL],
        ['DISBURSEMENT', 'startImplementation', pelaksana],
        ['IMPLEMENTATION', 'complete', bpkad],
      ];
    const reached = steps.map(([state, transition, principal]) => {
      const instance = project(
        state,
        { stageRequirementStates: approved, agreementSealed: true },
        {
          agreement,
          progressReports: [
            {
              id: 'r-1',
              period: '2027-03',
              physicalPercent: 100,
              financialPercent: 97,
              narrative: 'Selesai',
              problems: null,
              media: [],
              state: 'ACCEPTED',
              submittedBy: { id: 'p', name: null, organizationCode: 'DPUPR' },
              submittedAt: new Date(),
              reviewedBy: null,
              reviewedAt: null,
              reviewNote: null,
            },
          ],
        },
      );
      return move(instance, transition, principal).to;
    });
    expect(reached).toEqual([
      'DATA_PREPARATION',
      'DOCUMENT_SUBMISSION',
      'VERIFICATION',
      'APPROVED',
      'AGREEMENT_SIGNED',
      'DISBURSEMENT',
      'IMPLEMENTATION',
      'COMPLETED',
    ]);
  });

  it('refuses each guarded step with an Indonesian reason', () => {
    expect(
      refusal(() => move(project('DATA_PREPARATION'), 'openDocumentSubmission', bpkad)),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'Tidak dapat membuka pengajuan dokumen: daftar persyaratan dokumen proyek belum dibuat',
    });
    const submitted = project('DOCUMENT_SUBMISSION', {
      stageRequirementStates: ['SUBMITTED', 'REQUESTED', 'REVISION_REQUESTED', 'APPROVED'],
    });
    expect(refusal(() => move(submitted, 'startVerification', bpkad))).toEqual({
      code: 'CONFLICT',
      message:
        'Tidak dapat memulai verifikasi: masih ada 2 persyaratan dokumen yang belum diajukan',
    });
    const verifying = project('VERIFICATION', {
      stageRequirementStates: ['APPROVED', 'WAIVED', 'UNDER_REVIEW'],
    });
    expect(refusal(() => move(verifying, 'approve', lender))).toEqual({
      code: 'CONFLICT',
      message:
        'Tidak dapat menyetujui pinjaman: masih ada 1 persyaratan dokumen yang belum disetujui ' +
        'atau dikecualikan',
    });
    expect(refusal(() => move(project('APPROVED'), 'signAgreement', bpkad)).message).toBe(
      'Tidak dapat mencatat perjanjian pinjaman yang ditandatangani: perjanjian pinjaman belum ' +
        'dicatat',
    );
    const unsealed = project('APPROVED', { agreementSealed: false }, { agreement });
    expect(refusal(() => move(unsealed, 'signAgreement', bpkad)).message).toMatch(
      /dokumen perjanjian pinjaman belum disegel$/,
    );
    expect(refusal(() => move(project('IMPLEMENTATION'), 'complete', bpkad))).toEqual({
      code: 'CONFLICT',
      message:
        'Tidak dapat menyelesaikan proyek: belum ada laporan kemajuan diterima dengan kemajuan ' +
        'fisik 100%',
    });
  });

  it('lets only the financing lender approve', () => {
    const ready = project('VERIFICATION', { stageRequirementStates: ['APPROVED'] });
    expect(refusal(() => move(ready, 'approve', otherLender))).toEqual({
      code: 'FORBIDDEN',
      message: 'Anda tidak berwenang menyetujui pinjaman untuk data ini.',
    });
    expect(refusal(() => move(ready, 'approve', bpkad)).code).toBe('FORBIDDEN');
    expect(move(ready, 'approve', lender).to).toBe('APPROVED');
    expect(move(ready, 'approve', superAdmin).to).toBe('APPROVED');
  });

  it('requires a note to cancel, from any open stage, by BPKAD only', () => {
    expect(refusal(() => move(project('VERIFICATION'), 'cancel', bpkad, '  '))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Tidak dapat membatalkan proyek: catatan wajib diisi.',
    });
    const { to, entry } = move(project('IMPLEMENTATION'), 'cancel', bpkad, 'Dibatalkan DPRD');
    expect(to).toBe('CANCELLED');
    expect(entry).toMatchObject({ from: 'IMPLEMENTATION', note: 'Dibatalkan DPRD' });
    expect(refusal(() => move(project('DRAFT'), 'cancel', pelaksana, 'x')).code).toBe('FORBIDDEN');
    expect(refusal(() => move(project('CANCELLED'), 'cancel', bpkad, 'x')).code).toBe('CONFLICT');
  });

  it('leaves the disbursement start to the service and implementation to the own agency', () => {
    expect(refusal(() => move(project('AGREEMENT_SIGNED'), 'startDisbursement', bpkad)).code).toBe(
      'FORBIDDEN',
    );
    expect(
      refusal(() => move(project('DISBURSEMENT'), 'startImplementation', pelaksanaRsud)),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'Anda tidak berwenang memulai pelaksanaan untuk data ini.',
    });
    expect(move(project('DISBURSEMENT'), 'startImplementation', bpkad).to).toBe('IMPLEMENTATION');
  });

  it('shows each caller only its buttons, with the guard reason while blocked', () => {
    const instance = project('DOCUMENT_SUBMISSION', { stageRequirementStates: ['REQUESTED'] });
    expect(stageActions(bpkad, instance)).toEqual([
      {
        name: 'startVerification',
        label: 'memulai verifikasi',
        to: 'VERIFICATION',
        requires: {},
        blockedReason: 'masih ada 1 persyaratan dokumen yang belum diajukan',
      },
      {
        name: 'cancel',
        label: 'membatalkan proyek',
        to: 'CANCELLED',
        requires: { note: true },
        blockedReason: null,
      },
    ]);
    expect(stageActions(pelaksana, instance)).toEqual([]);
    expect(stageActions(pimpinan, instance)).toEqual([]);
    expect(stageActions(null, instance)).toEqual([]);
  });
});
