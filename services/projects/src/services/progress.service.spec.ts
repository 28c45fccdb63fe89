import { describe, expect, it } from 'vitest';
import type { ProgressPlanRecord, ProgressReportRecord } from '../models/loan-project.model.js';
import {
  currentReport,
  monthIndex,
  plannedAt,
  progressFigures,
  reportBehindPlan,
  resolveMedia,
  sCurve,
  validatePlan,
} from './progress.service.js';

const plan: ProgressPlanRecord[] = [
  { period: '2026-04', physicalPercent: 40, financialPercent: 30 },
  { period: '2026-01', physicalPercent: 10, financialPercent: 0 },
  { period: '2026-12', physicalPercent: 100, financialPercent: 100 },
];

const report = (over: Partial<ProgressReportRecord>): ProgressReportRecord => ({
  id: over.period ?? 'r',
  period: '2026-02',
  physicalPercent: 0,
  financialPercent: 0,
  narrative: 'Pekerjaan tanah',
  problems: null,
  media: [],
  state: 'SUBMITTED',
  submittedBy: { id: 'u1', name: 'Pelaksana', organizationCode: 'DPUPR' },
  submittedAt: new Date('2026-03-01T00:00:00Z'),
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
  ...over,
});

describe('plannedAt', () => {
  it('interpolates linearly by month between plan points', () => {
    expect(monthIndex('2026-03') - monthIndex('2025-12')).toBe(3);
    // 10 % in January, 40 % in April: +10 points a month.
    expect(plannedAt(plan, '2026-02', 'physicalPercent')).toBe(20);
    expect(plannedAt(plan, '2026-03', 'physicalPercent')).toBe(30);
    expect(plannedAt(plan, '2026-04', 'physicalPercent')).toBe(40);
    // Financial 0 → 30 over three months.
    expect(plannedAt(plan, '2026-02', 'financialPercent')).toBe(10);
    // 40 % in April, 100 % in December: 7,5 points a month, June = 55 %.
    expect(plannedAt(plan, '2026-06', 'physicalPercent')).toBe(55);
    // Across a year boundary: 2025-11 50 %, 2026-02 80 % → 2026-01 70 %.
    expect(
      plannedAt(
        [
          { period: '2025-11', physicalPercent: 50, financialPercent: 0 },
          { period: '2026-02', physicalPercent: 80, financialPercent: 0 },
        ],
        '2026-01',
        'physicalPercent',
      ),
    ).toBe(70);
  });

  it('clamps outside the plan (0 before, last after) or leaves it empty', () => {
    expect(plannedAt(plan, '2025-12', 'physicalPercent')).toBe(0);
    expect(plannedAt(plan, '2027-03', 'physicalPercent')).toBe(100);
    expect(plannedAt(plan, '2025-12', 'physicalPercent', false)).toBeNull();
    expect(plannedAt(plan, '2027-03', 'physicalPercent', false)).toBeNull();
    expect(plannedAt([], '2026-03', 'physicalPercent')).toBeNull();
  });
});

describe('current figures and behind plan', () => {
  it('prefers the latest accepted report over a newer submitted one', () => {
    const reports = [
      report({ period: '2026-02', physicalPercent: 15, state: 'ACCEPTED' }),
      report({ period: '2026-03', physicalPercent: 25, state: 'SUBMITTED' }),
      report({ period: '2026-01', physicalPercent: 8, state: 'ACCEPTED' }),
    ];
    expect(currentReport(reports)?.period).toBe('2026-02');
    expect(currentReport(reports.filter((r) => r.state === 'SUBMITTED'))?.period).toBe('2026-03');
    expect(currentReport([report({ state: 'REVISION_REQUESTED' })])).toBeNull();
  });

  it('is behind when physical trails the plan of its period by more than 5 points', () => {
    // March plan 30 %: 24 % trails by 6 → behind; 25 % trails by exactly 5 → not behind.
    expect(reportBehindPlan(plan, { period: '2026-03', physicalPercent: 24 })).toBe(true);
    expect(reportBehindPlan(plan, { period: '2026-03', physicalPercent: 25 })).toBe(false);
    expect(reportBehindPlan([], { period: '2026-03', physicalPercent: 0 })).toBe(false);
  });

  it('recomputes the record figures', () => {
    expect(progressFigures(plan, [])).toEqual({
      physicalProgress: 0,
      financialProgress: 0,
      behindPlan: false,
    });
    expect(
      progressFigures(plan, [
        report({ period: '2026-02', physicalPercent: 12, financialPercent: 5, state: 'ACCEPTED' }),
      ]),
    ).toEqual({ physicalProgress: 12, financialProgress: 5, behindPlan: true });
  });
});

describe('sCurve', () => {
  it('merges plan and report periods in order, without reports sent back', () => {
    const curve = sCurve(plan, [
      report({ period: '2026-02', physicalPercent: 18, financialPercent: 9, state: 'ACCEPTED' }),
      report({ period: '2026-03', physicalPercent: 20, state: 'REVISION_REQUESTED' }),
      report({ period: '2027-01', physicalPercent: 100, financialPercent: 100 }),
    ]);
    expect(curve.map((p) => p.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-04',
      '2026-12',
      '2027-01',
    ]);
    expect(curve[1]).toEqual({
      period: '2026-02',
      plannedPhysical: 20,
      actualPhysical: 18,
      plannedFinancial: 10,
      actualFinancial: 9,
    });
    expect(curve[0]?.actualPhysical).toBeNull();
    expect(curve[4]).toEqual({
      period: '2027-01',
      plannedPhysical: null,
      actualPhysical: 100,
      plannedFinancial: null,
      actualFinancial: 100,
    });
  });
});

describe('validatePlan', () => {
  it('sorts the plan and refuses repeated months or falling percents', () => {
    expect(validatePlan(plan).map((p) => p.period)).toEqual(['2026-01', '2026-04', '2026-12']);
    expect(() =>
      validatePlan([
        { period: '2026-01', physicalPercent: 10, financialPercent: 0 },
        { period: '2026-01', physicalPercent: 20, financialPercent: 0 },
      ]),
    ).toThrow('Periode 2026-01 disebut lebih dari sekali.');
    expect(() =>
      validatePlan([
        { period: '2026-01', physicalPercent: 10, financialPercent: 0 },
        { period: '2026-02', physicalPercent: 9, financialPercent: 0 },
      ]),
    ).toThrow('Rencana fisik kumulatif tidak boleh turun');
    expect(() =>
      validatePlan([
        { period: '2026-01', physicalPercent: 10, financialPercent: 5 },
        { period: '2026-02', physicalPercent: 10, financialPercent: 4 },
      ]),
    ).toThrow('Rencana keuangan kumulatif tidak boleh turun');
  });
});

describe('resolveMedia', () => {
  const exif = {
    latitude: -1.6101,
    longitude: 103.6131,
    takenAt: new Date('2026-03-10T02:15:00Z'),
  };

  it('takes the position and time from EXIF when the reporter gives none', () => {
    expect(resolveMedia({ fileId: 'f1', kind: 'PHOTO' }, exif)).toEqual({
      fileId: 'f1',
      kind: 'PHOTO',
      caption: null,
      latitude: -1.6101,
      longitude: 103.6131,
      capturedAt: new Date('2026-03-10T02:15:00Z'),
      locationSource: 'EXIF',
    });
  });

  it('prefers the coordinates and time the reporter gives', () => {
    const media = resolveMedia(
      {
        fileId: 'f1',
        kind: 'PHOTO',
        caption: ' Galian saluran ',
        latitude: -1.6,
        longitude: 103.6,
        capturedAt: '2026-03-11T08:00:00+07:00',
      },
      exif,
    );
    expect(media).toMatchObject({
      caption: 'Galian saluran',
      latitude: -1.6,
      longitude: 103.6,
      locationSource: 'MANUAL',
    });
    expect(media.capturedAt?.toISOString()).toBe('2026-03-11T01:00:00.000Z');
  });

  it('has no position without EXIF or with an EXIF position outside Indonesia', () => {
    expect(resolveMedia({ fileId: 'v1', kind: 'VIDEO' }, null)).toMatchObject({
      latitude: null,
      longitude: null,
      capturedAt: null,
      locationSource: 'NONE',
    });
    expect(
      resolveMedia(
        { fileId: 'f2', kind: 'PHOTO' },
        { latitude: 48.85, longitude: 2.35, takenAt: null },
      ).locationSource,
    ).toBe('NONE');
  });
});
