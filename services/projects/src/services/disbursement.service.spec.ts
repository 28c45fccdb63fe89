import type { Principal } from '@sipadu/service-kit';
import { applyTransition, availableTransitions } from '@sipadu/workflow';
import { describe, expect, it } from 'vitest';
import type { LoanProjectRecord, TrancheRecord } from '../models/loan-project.model.js';
import { disbursementWorkflow } from '../workflows/disbursement.workflow.js';
import {
  buildPlan,
  daysBetween,
  disbursementSummary,
  formatPercent,
  formatShortDate,
  plannedAmounts,
  readinessWarnings,
  todayIn,
  trancheConditions,
  trancheInterpretation,
  type TrancheCase,
} from './disbursement.service.js';

const tranche = (over: Partial<TrancheRecord> = {}): TrancheRecord => ({
  id: 't1',
  sequence: 1,
  name: 'Termin 1',
  plannedShare: 30,
  plannedAmount: 3_000_000_000,
  plannedDate: '2026-03-15',
  minPhysicalProgress: 30,
  requirementGroup: 'Termin 1',
  state: 'PLANNED',
  disbursedAmount: null,
  disbursedOn: null,
  history: [],
  ...over,
});

const user = (roles: Principal['roles'], organizationCode: string): Principal => ({
  kind: 'user',
  id: `${roles[0]}-id`,
  username: roles[0] ?? 'user',
  name: null,
  email: null,
  organizationCode,
  roles,
  clientId: 'sipadu-web',
  scopes: [],
  expiresAt: 0,
});

describe('plannedAmounts', () => {
  it('rounds each share of the loan to whole rupiah', () => {
    // 10 000 000 000 × 12,5 % = 1 250 000 000; × 20,25 % = 2 025 000 000.
    expect(plannedAmounts(10_000_000_000, [{ share: 12.5 }, { share: 20.25 }])).toEqual([
      1_250_000_000, 2_025_000_000,
    ]);
    // 1 000 000 001 × 33,33 % = 333 300 000,3333 → 333 300 000 (no remainder below 100 %).
    expect(plannedAmounts(1_000_000_001, [{ share: 33.33 }])).toEqual([333_300_000]);
    // Half rupiah rounds up: 5 × 10 % = 0,5 → 1.
    expect(plannedAmounts(5, [{ share: 10 }])).toEqual([1]);
  });

  it('gives the last tranche the remainder when the shares make 100 %', () => {
    // 333 300 000 + 333 300 000 + (1 000 000 001 − 666 600 000 = 333 400 001), where
    // 33,34 % alone would give 333 400 000,33 → 333 400 000 and lose a rupiah.
    expect(
      plannedAmounts(1_000_000_001, [{ share: 33.33 }, { share: 33.33 }, { share: 33.34 }]),
    ).toEqual([333_300_000, 333_300_000, 333_400_001]);
  });

  it('is exact at 10^15 rupiah where floating point is not', () => {
    // 999 999 999 999 999 × 33,33 % = 333 299 999 999 999,6667 → …000 000 (half up).
    expect(plannedAmounts(999_999_999_999_999, [{ share: 33.33 }])).toEqual([333_300_000_000_000]);
  });

  it('keeps fixed amounts and gives the remainder to the last open tranche', () => {
    // Fixed 3 100 000 000 (requested earlier), 30 % = 3 000 000 000, last fixed at 4 000 000 000.
    expect(
      plannedAmounts(10_000_000_000, [
        { share: 31, fixedAmount: 3_100_000_000 },
        { share: 29 },
        { share: 40, fixedAmount: 4_000_000_000 },
      ]),
    ).toEqual([3_100_000_000, 2_900_000_000, 4_000_000_000]);
  });
});

describe('disbursementSummary', () => {
  it('adds approved and disbursed tranches and the disbursed share', () => {
    const summary = disbursementSummary(10_000_000_000, [
      tranche({ state: 'DISBURSED', plannedAmount: 3_000_000_000, disbursedAmount: 2_900_000_000 }),
      tranche({ id: 't2', state: 'APPROVED', plannedAmount: 3_000_000_000 }),
      tranche({ id: 't3', state: 'PLANNED', plannedAmount: 4_000_000_000 }),
    ]);
    expect(summary).toEqual({
      plannedAmount: 10_000_000_000,
      approvedAmount: 6_000_000_000,
      disbursedAmount: 2_900_000_000,
      remainingAmount: 7_100_000_000,
      disbursedShare: 29,
    });
  });
});

describe('formatting', () => {
  it('writes dates and percents the Indonesian way', () => {
    expect(formatShortDate('2026-03-15')).toBe('15 Mar 2026');
    expect(formatShortDate('2026-08-01')).toBe('1 Agu 2026');
    expect(formatPercent(12)).toBe('12%');
    expect(formatPercent(12.345)).toBe('12,35%');
    expect(daysBetween('2026-03-06', '2026-03-15')).toBe(9);
    expect(daysBetween('2026-03-20', '2026-03-15')).toBe(-5);
  });

  it('takes today in the Pemda zone', () => {
    // 17:30 UTC on 14 March is already 15 March in Jakarta (UTC+7).
    expect(todayIn('Asia/Jakarta', new Date('2026-03-14T17:30:00Z'))).toBe('2026-03-15');
    expect(todayIn('Asia/Jakarta', new Date('2026-03-14T16:59:00Z'))).toBe('2026-03-14');
  });
});

describe('trancheConditions', () => {
  const facts = {
    stage: 'AGREEMENT_SIGNED' as const,
    physicalProgress: 35,
    groupStates: ['APPROVED', 'WAIVED'],
  };

  it('holds when the agreement is signed, progress reached and the group approved', () => {
    expect(trancheConditions(tranche(), facts)).toBe(true);
    expect(
      trancheConditions(tranche({ requirementGroup: null }), { ...facts, groupStates: [] }),
    ).toBe(true);
  });

  it('lists every condition not met', () => {
    expect(
      trancheConditions(tranche(), {
        stage: 'APPROVED',
        physicalProgress: 12,
        groupStates: ['APPROVED', 'SUBMITTED', 'REVISION_REQUESTED'],
      }),
    ).toBe(
      "perjanjian pinjaman belum ditandatangani; kemajuan fisik 12% di bawah syarat 30%; 2 persyaratan kelompok 'Termin 1' belum disetujui",
    );
    expect(trancheConditions(tranche(), { ...facts, stage: 'CANCELLED' })).toBe(
      'proyek sudah dibatalkan',
    );
  });
});

describe('readinessWarnings', () => {
  const lagging = {
    stage: 'DISBURSEMENT' as const,
    physicalProgress: 12,
    groupStates: ['APPROVED', 'SUBMITTED', 'REQUESTED'],
  };

  it('warns within 30 days of the deadline with the days left', () => {
    expect(readinessWarnings(tranche(), lagging, '2026-03-06')).toEqual([
      'Kemajuan fisik 12% di bawah syarat 30% dan tenggat 15 Mar 2026 tinggal 9 hari',
      "2 persyaratan kelompok 'Termin 1' belum disetujui dan tenggat 15 Mar 2026 tinggal 9 hari",
    ]);
  });

  it('says when the deadline is today or past', () => {
    expect(readinessWarnings(tranche(), lagging, '2026-03-15')[0]).toBe(
      'Kemajuan fisik 12% di bawah syarat 30% dan tenggat 15 Mar 2026 jatuh hari ini',
    );
    expect(readinessWarnings(tranche(), lagging, '2026-03-18')[0]).toBe(
      'Kemajuan fisik 12% di bawah syarat 30% dan tenggat 15 Mar 2026 sudah lewat 3 hari',
    );
  });

  it('stays quiet far from the deadline, when disbursed, or cancelled', () => {
    expect(readinessWarnings(tranche(), lagging, '2026-02-12')).toEqual([]); // 31 days left
    expect(readinessWarnings(tranche(), lagging, '2026-02-13')).toHaveLength(2); // 30 days
    expect(readinessWarnings(tranche({ state: 'DISBURSED' }), lagging, '2026-03-18')).toEqual([]);
    expect(readinessWarnings(tranche(), { ...lagging, stage: 'CANCELLED' }, '2026-03-18')).toEqual(
      [],
    );
  });

  it('points at a pending request, approval or an empty requirement group', () => {
    const ready = { stage: 'DISBURSEMENT' as const, physicalProgress: 40, groupStates: [] };
    expect(readinessWarnings(tranche({ state: 'REQUESTED' }), ready, '2026-03-10')).toEqual([
      'Pengajuan belum disetujui pemberi pinjaman dan tenggat 15 Mar 2026 tinggal 5 hari',
    ]);
    expect(readinessWarnings(tranche({ state: 'APPROVED' }), ready, '2026-03-10')).toEqual([
      'Pencairan yang disetujui belum dicatat dan tenggat 15 Mar 2026 tinggal 5 hari',
    ]);
    expect(readinessWarnings(tranche(), ready, '2026-03-10')).toEqual([
      "Belum ada persyaratan dengan kelompok 'Termin 1' dan tenggat 15 Mar 2026 tinggal 5 hari",
    ]);
    expect(readinessWarnings(tranche({ requirementGroup: null }), ready, '2026-03-10')).toEqual([
      'Termin belum diajukan dan tenggat 15 Mar 2026 tinggal 5 hari',
    ]);
    expect(
      readinessWarnings(
        tranche({ requirementGroup: null }),
        { ...ready, stage: 'APPROVED' },
        '2026-03-10',
      ),
    ).toEqual(['Perjanjian pinjaman belum ditandatangani dan tenggat 15 Mar 2026 tinggal 5 hari']);
  });
});

describe('buildPlan', () => {
  const row = (over: Record<string, unknown> = {}) => ({
    name: 'Termin',
    plannedShare: 25,
    plannedDate: '2026-06-30',
    minPhysicalProgress: 0,
    requirementGroup: null,
    ...over,
  });

  it('numbers the rows, computes amounts and keeps requested tranches unchanged', () => {
    const requested = tranche({
      id: 'a',
      state: 'REQUESTED',
      plannedShare: 30,
      plannedAmount: 3_000_000_000,
    });
    const planned = tranche({ id: 'b', sequence: 2, plannedShare: 10, plannedAmount: 1 });
    const plan = buildPlan({ amount: 10_000_000_000, tranches: [requested, planned] }, [
      row({ id: 'a', plannedShare: 99, name: 'ignored' }),
      row({ id: 'b', plannedShare: 30, name: 'Termin 2', requirementGroup: 'Termin 2' }),
      row({ plannedShare: 40, name: 'Termin 3' }),
    ]);
    expect(plan.map((t) => [t.sequence, t.name, t.state, t.plannedShare, t.plannedAmount])).toEqual(
      [
        [1, 'Termin 1', 'REQUESTED', 30, 3_000_000_000],
        [2, 'Termin 2', 'PLANNED', 30, 3_000_000_000],
        [3, 'Termin 3', 'PLANNED', 40, 4_000_000_000],
      ],
    );
    expect(plan[1]?.id).toBe('b');
    expect(plan[1]?.requirementGroup).toBe('Termin 2');
    expect(plan[2]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to drop a requested tranche, unknown ids, and more than 100 %', () => {
    const requested = tranche({ id: 'a', state: 'APPROVED' });
    expect(() => buildPlan({ amount: 100, tranches: [requested] }, [row()])).toThrow(
      'Termin "Termin 1" sudah disetujui dan tidak dapat dihapus.',
    );
    expect(() => buildPlan({ amount: 100, tranches: [] }, [row({ id: 'x' })])).toThrow(
      'Termin x tidak ditemukan pada proyek ini.',
    );
    expect(() =>
      buildPlan({ amount: 100, tranches: [requested] }, [
        row({ id: 'a' }),
        row({ plannedShare: 71 }),
      ]),
    ).toThrow('Jumlah bagian semua termin melebihi 100%.');
  });
});

describe('disbursement-tranche workflow', () => {
  const project = {
    _id: 'p1',
    state: 'AGREEMENT_SIGNED',
    physicalProgress: 35,
    managerOrganizationCode: 'BPKAD',
    lenderOrganizationCode: 'PTSMI',
  } as LoanProjectRecord;
  const caseOf = (t: TrancheRecord, groupStates: string[] = ['APPROVED']): TrancheCase => ({
    state: t.state,
    tranche: t,
    project,
    groupStates,
  });
  const bpkad = user(['bpkad'], 'BPKAD');
  const lender = user(['pemberi-pinjaman'], 'PTSMI');
  const otherLender = user(['pemberi-pinjaman'], 'BANKJAMBI');

  it('lets BPKAD request, the lender approve and disburse', () => {
    const requested = applyTransition(
      disbursementWorkflow,
      caseOf(tranche()),
      'request',
      bpkad,
      {},
      trancheInterpretation,
    );
    expect(requested.to).toBe('REQUESTED');
    const approved = applyTransition(
      disbursementWorkflow,
      caseOf(tranche({ state: 'REQUESTED' })),
      'approve',
      lender,
      {},
      trancheInterpretation,
    );
    expect(approved.to).toBe('APPROVED');
    expect(() =>
      applyTransition(
        disbursementWorkflow,
        caseOf(tranche({ state: 'APPROVED' })),
        'disburse',
        lender,
        { data: { disbursedAmount: 1 } },
        trancheInterpretation,
      ),
    ).toThrow('data wajib belum diisi (disbursedOn)');
  });

  it('refuses other lenders, other roles and unmet conditions', () => {
    expect(() =>
      applyTransition(
        disbursementWorkflow,
        caseOf(tranche({ state: 'REQUESTED' })),
        'approve',
        otherLender,
        {},
        trancheInterpretation,
      ),
    ).toThrow('Anda tidak berwenang menyetujui pencairan termin');
    expect(() =>
      applyTransition(
        disbursementWorkflow,
        caseOf(tranche()),
        'request',
        user(['pelaksana'], 'DPUPR'),
        {},
        trancheInterpretation,
      ),
    ).toThrow('Anda tidak berwenang mengajukan pencairan termin.');
    expect(() =>
      applyTransition(
        disbursementWorkflow,
        caseOf(tranche(), ['SUBMITTED']),
        'request',
        bpkad,
        {},
        trancheInterpretation,
      ),
    ).toThrow(
      "Tidak dapat mengajukan pencairan termin: 1 persyaratan kelompok 'Termin 1' belum disetujui",
    );
    expect(() =>
      applyTransition(
        disbursementWorkflow,
        caseOf(tranche({ state: 'REQUESTED' })),
        'reject',
        lender,
        {},
        trancheInterpretation,
      ),
    ).toThrow('catatan wajib diisi');
  });

  it('offers the lender approve and reject on a requested tranche', () => {
    const actions = availableTransitions(
      disbursementWorkflow,
      caseOf(tranche({ state: 'REQUESTED' })),
      lender,
      trancheInterpretation,
    );
    expect(actions.map((a) => a.name)).toEqual(['approve', 'reject']);
    const blocked = availableTransitions(
      disbursementWorkflow,
      caseOf(tranche({ minPhysicalProgress: 50 })),
      bpkad,
      trancheInterpretation,
    );
    expect(blocked[0]?.blockedReason).toBe('kemajuan fisik 35% di bawah syarat 50%');
  });
});
