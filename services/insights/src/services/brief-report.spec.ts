import { describe, expect, it } from 'vitest';
import type { LeaderDashboard } from '../generated/graphql.js';
import {
  BRIEF_LIMITS,
  briefDocument,
  briefFilename,
  briefPdf,
  rupiahShort,
} from './brief-report.js';

const LONG =
  'Dinas Kependudukan dan Pencatatan Sipil Kota Jambi Bidang Pelayanan Pendaftaran Penduduk';

/** A dashboard with every list longer than the brief shows and names longer than its columns. */
function fullDashboard(unavailable: string[] = []): LeaderDashboard {
  const ranking = Array.from({ length: 40 }, (_, index) => ({
    organizationCode: `ORG${index}`,
    organizationName: `${LONG} ${index}`,
    period: { key: '2026', label: 'Tahun 2026', from: '2026-01-01', to: '2026-12-31' },
    score: 95 - index,
    grade: index < 10 ? 'A' : 'B',
    gradeLabel: null,
    rank: index + 1,
    coverage: 100,
    methodVersion: 1,
    components: [],
  }));
  return {
    period: { key: '2026', label: 'Tahun 2026', from: '2026-01-01', to: '2026-12-31' },
    generatedAt: '2026-07-20T03:00:00.000Z',
    portfolio: {
      projects: 12,
      totalAmount: 1_253_000_000_000,
      disbursedAmount: 410_500_000_000,
      behindPlan: 3,
      byStage: [],
      behindPlanProjects: [],
    },
    ranking,
    map: [],
    complaintTrend: Array.from({ length: 12 }, (_, index) => ({
      month: `2025-${String(index + 1).padStart(2, '0')}`,
      received: 40 + index * 7,
      answered: 30 + index * 6,
      answeredOnTime: 25 + index * 5,
    })),
    overdueByOrganization: Array.from({ length: 30 }, (_, index) => ({
      organizationCode: `ORG${index}`,
      organizationName: `${LONG} ${index}`,
      count: 30 - index,
      references: Array.from({ length: 20 }, (_, n) => `ADU-2026-${String(n).padStart(5, '0')}`),
    })),
    alerts: Array.from({ length: 20 }, (_, index) => ({
      id: `PROJECT_BEHIND_PLAN:p-${index}:2026-07`,
      kind: 'PROJECT_BEHIND_PLAN' as const,
      severity: 'TINGGI',
      title: `Proyek PIN-2026-${index} di bawah rencana fisik pada pembangunan ${LONG} dan sekitarnya`,
      detail: 'Rinci',
      organizationCode: 'DPUPR',
      reference: `PIN-2026-${index}`,
      href: null,
      raisedAt: '2026-07-20T03:00:00.000Z',
      acknowledgedAt: null,
      acknowledgedBy: null,
      note: null,
    })),
    activity: [],
    unavailable,
  };
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

describe('leaders’ brief', () => {
  it('fits one A4 page with full lists, long names and a missing module', async () => {
    const pdf = await briefPdf(
      fullDashboard(['consultations', 'projects']),
      'Pemerintah Kota Jambi',
      'Asia/Jakarta',
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
  });

  it('fits one page when every module is empty', async () => {
    const dashboard: LeaderDashboard = {
      ...fullDashboard(),
      ranking: [],
      complaintTrend: [],
      overdueByOrganization: [],
      alerts: [],
    };
    expect(pageCount(await briefPdf(dashboard, 'Pemerintah Kota Jambi', 'Asia/Jakarta'))).toBe(1);
  });

  it('titles the page with the Pemda and period and cuts the lists', () => {
    const document = briefDocument(
      fullDashboard(['projects']),
      'Pemerintah Kota Jambi',
      'Asia/Jakarta',
    );
    expect(document.info?.title).toBe('Ringkasan Pimpinan — Pemerintah Kota Jambi — Tahun 2026');
    const text = JSON.stringify(document.content);
    expect(text).toContain('SIPOPI (proyek pinjaman)');
    expect(text).toContain(`dan ${30 - BRIEF_LIMITS.overdue} organisasi lain`);
    expect(text).toContain(`dan ${20 - BRIEF_LIMITS.alerts} peringatan lain`);
    // The portfolio of a module that did not answer shows dashes, not zeros or stale figures.
    expect(text).not.toContain('Rp1,3 triliun');
    expect(briefFilename(fullDashboard())).toBe('ringkasan-pimpinan-2026.pdf');
  });

  it('writes sums the Indonesian way', () => {
    expect(rupiahShort(1_253_000_000_000)).toBe('Rp1,3 triliun');
    expect(rupiahShort(410_500_000_000)).toBe('Rp410,5 miliar');
    expect(rupiahShort(2_500_000)).toBe('Rp2,5 juta');
    expect(rupiahShort(750_000)).toBe('Rp750.000');
  });
});
