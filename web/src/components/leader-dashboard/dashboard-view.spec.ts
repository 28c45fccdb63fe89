import { describe, expect, it } from 'vitest';
import {
  assessmentHref,
  caseReferenceHref,
  formatScore,
  gradeColor,
  ikmOf,
  withAcknowledged,
  type DashboardAlertItem,
  type MapEntry,
  type RankingEntry,
} from './dashboard-view';

const entry = (code: string, ikm: number | null): RankingEntry => ({
  organizationCode: code,
  organizationName: code,
  score: 80,
  grade: 'B',
  gradeLabel: 'Baik',
  rank: 1,
  components: [
    { key: 'SATISFACTION', measures: [{ key: 'ikmConverted', value: ikm }] },
    { key: 'SERVICE_TIME', measures: [{ key: 'ikmConverted', value: 1 }] },
  ],
});

const point = (code: string, ikm: number | null, ikmGrade: string | null): MapEntry => ({
  organizationCode: code,
  organizationName: code,
  latitude: -1.6,
  longitude: 103.6,
  ikm,
  ikmGrade,
  score: 80,
  grade: 'B',
});

describe('leaders dashboard view helpers', () => {
  it('colours grades A to D and leaves the rest grey', () => {
    expect(gradeColor('A')).toBe('#2b8a3e');
    expect(gradeColor('b')).toBe('#1864ab');
    expect(gradeColor('C')).toBe('#c2410c');
    expect(gradeColor('D')).toBe('#c92a2a');
    expect(gradeColor(null)).toBe('#495057');
    expect(gradeColor('E')).toBe('#495057');
  });

  it('links an organization to its assessment of the same period', () => {
    expect(assessmentHref('DINKES', '2026-S2')).toBe('/penilaian-kinerja/DINKES?periode=2026-S2');
  });

  it('writes scores with two decimals and a dash without one', () => {
    expect(formatScore(87.5)).toBe('87,50');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
  });

  it('takes the IKM from the map, else from the satisfaction measure', () => {
    const map = [point('DINKES', 88.1, 'B')];
    expect(ikmOf(entry('DINKES', 70), map)).toEqual({ ikm: 88.1, grade: 'B' });
    expect(ikmOf(entry('RSUD', 76.2), map)).toEqual({ ikm: 76.2, grade: null });
    expect(ikmOf(entry('PDAM', null), [point('PDAM', null, null)])).toEqual({
      ikm: null,
      grade: null,
    });
  });

  it('links case numbers to their flow and nothing else', () => {
    expect(caseReferenceHref('ADU-2026-00012')).toBe(
      '/pengaduan?antrean=semua&cari=ADU-2026-00012',
    );
    expect(caseReferenceHref('KNS-2026-00001')).toBe(
      '/konsultasi?antrean=semua&cari=KNS-2026-00001',
    );
    expect(caseReferenceHref('PRJ-2026-001')).toBeNull();
    expect(caseReferenceHref('2026-S1')).toBeNull();
  });

  it('marks one alert as followed up', () => {
    const alert = (id: string): DashboardAlertItem => ({
      id,
      kind: 'COMPLAINT_OVERDUE',
      severity: 'SEDANG',
      title: 'Pengaduan terlambat',
      detail: 'ADU-2026-00012',
      organizationCode: 'DINKES',
      reference: 'ADU-2026-00012',
      href: null,
      raisedAt: '2026-11-02T03:00:00.000Z',
      acknowledgedAt: null,
      acknowledgedBy: null,
      note: null,
    });
    const updated = withAcknowledged([alert('a'), alert('b')], {
      id: 'b',
      acknowledgedAt: '2026-11-02T04:00:00.000Z',
      acknowledgedBy: 'Wali Kota',
      note: 'Sudah ditelepon',
    });
    expect(updated.map((item) => item.acknowledgedAt)).toEqual([null, '2026-11-02T04:00:00.000Z']);
    expect(updated[1]?.note).toBe('Sudah ditelepon');
  });
});
