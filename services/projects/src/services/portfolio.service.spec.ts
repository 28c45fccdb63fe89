import { describe, expect, it } from 'vitest';
import {
  aggregatePortfolio,
  mapPoints,
  portfolioTotals,
  type PortfolioRow,
} from './portfolio.service.js';

const row = (over: Partial<PortfolioRow>): PortfolioRow => ({
  _id: over.code ?? 'p',
  code: 'PIN-2025-001',
  fiscalYear: 2025,
  name: 'Proyek',
  organizationCode: 'DPUPR',
  organizationName: 'Dinas PUPR',
  lenderOrganizationCode: 'PTSMI',
  lenderName: 'PT SMI',
  state: 'DRAFT',
  amount: 0,
  approvedAmount: 0,
  disbursedAmount: 0,
  physicalProgress: 0,
  financialProgress: 0,
  behindPlan: false,
  ...over,
});

// Two fiscal years of the seed's story (amounts in billions of rupiah).
const rows: PortfolioRow[] = [
  row({
    code: 'PIN-2025-001',
    name: 'Jalan Lingkar',
    state: 'IMPLEMENTATION',
    amount: 60_000_000_000,
    disbursedAmount: 18_000_000_000,
    physicalProgress: 40,
    financialProgress: 30,
    behindPlan: true,
  }),
  row({
    code: 'PIN-2025-002',
    name: 'Gedung RSUD',
    organizationCode: 'RSUD',
    organizationName: 'RSUD Abdul Manap',
    state: 'AGREEMENT_SIGNED',
    amount: 40_000_000_000,
    physicalProgress: 10,
    financialProgress: 0,
  }),
  row({
    code: 'PIN-2025-003',
    name: 'Drainase dibatalkan',
    state: 'CANCELLED',
    amount: 5_000_000_000,
    behindPlan: true,
  }),
  row({
    code: 'PIN-2026-001',
    fiscalYear: 2026,
    name: 'Drainase Kota',
    state: 'VERIFICATION',
    amount: 25_000_000_000,
  }),
];

describe('portfolioTotals', () => {
  it('weights realisation by loan amount over projects with a signed agreement', () => {
    expect(portfolioTotals(rows.slice(0, 3))).toEqual({
      projectCount: 3,
      // The cancelled loan is not counted in the amount.
      loanAmount: 100_000_000_000,
      approvedAmount: 100_000_000_000,
      disbursedAmount: 18_000_000_000,
      // (60 × 40 + 40 × 10) / 100 = 28; (60 × 30 + 40 × 0) / 100 = 18.
      physicalRealisation: 28,
      financialRealisation: 18,
      behindPlanCount: 1,
    });
  });

  it('is zero for no projects', () => {
    expect(portfolioTotals([])).toMatchObject({ projectCount: 0, physicalRealisation: 0 });
  });
});

describe('aggregatePortfolio', () => {
  it('covers every year in byYear and the selected year elsewhere', () => {
    const view = aggregatePortfolio(rows, 2025);
    expect(
      view.byYear.map((y) => [y.fiscalYear, y.totals.projectCount, y.totals.loanAmount]),
    ).toEqual([
      [2025, 3, 100_000_000_000],
      [2026, 1, 25_000_000_000],
    ]);
    expect(view.totals.projectCount).toBe(3);
    expect(view.rows.map((r) => r.code)).toEqual(['PIN-2025-001', 'PIN-2025-002', 'PIN-2025-003']);
    expect(view.behindPlanIds).toEqual(['PIN-2025-001']);
    expect(view.byOrganization).toEqual([
      { value: 'DPUPR', label: 'Dinas PUPR', count: 2 },
      { value: 'RSUD', label: 'RSUD Abdul Manap', count: 1 },
    ]);
  });

  it('lists every stage with its label, count and amount', () => {
    const view = aggregatePortfolio(rows, null);
    expect(view.byStage).toHaveLength(10);
    expect(view.byStage[0]).toEqual({ stage: 'DRAFT', label: 'Draf', count: 0, amount: 0 });
    expect(view.byStage.find((s) => s.stage === 'VERIFICATION')).toEqual({
      stage: 'VERIFICATION',
      label: 'Verifikasi',
      count: 1,
      amount: 25_000_000_000,
    });
    expect(view.byStage.reduce((sum, s) => sum + s.count, 0)).toBe(4);
    // Newest year first, then by code.
    expect(view.rows[0]?.code).toBe('PIN-2026-001');
    expect(view.totals.approvedAmount).toBe(100_000_000_000);
  });
});

describe('mapPoints', () => {
  it('makes one point per location', () => {
    const location = (id: string) => ({
      id,
      latitude: -1.6,
      longitude: 103.6,
      address: 'Jl. Sultan Thaha',
      administrativeArea: 'Kota Jambi',
      outline: null,
    });
    const points = mapPoints([
      {
        _id: 'p1',
        name: 'Jalan',
        state: 'IMPLEMENTATION',
        organizationCode: 'DPUPR',
        locations: [location('a'), location('b')],
      },
      { _id: 'p2', name: 'Tanpa lokasi', state: 'DRAFT', organizationCode: 'RSUD', locations: [] },
    ]);
    expect(points.map((p) => [p.projectId, p.location.id, p.stage])).toEqual([
      ['p1', 'a', 'IMPLEMENTATION'],
      ['p1', 'b', 'IMPLEMENTATION'],
    ]);
  });
});
