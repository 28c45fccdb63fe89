import { describe, expect, it } from 'vitest';
import {
  parsePeriodKey,
  periodKeyLabel,
  periodKeysOf,
  periodOptions,
  selectedPeriod,
} from './assessment-period';

const JAKARTA = 'Asia/Jakarta';
// 31 Dec 2025 20:00 UTC is already 1 Jan 2026 in Jambi.
const NEW_YEAR_IN_JAMBI = new Date('2025-12-31T20:00:00Z');
const WORDS = { year: 'Tahun', semester: 'Semester', quarter: 'Triwulan' };

describe('assessment periods', () => {
  it('reads the keys of years, semesters, quarters and months as PeriodInput', () => {
    expect(parsePeriodKey('2026')).toEqual({ year: 2026 });
    expect(parsePeriodKey('2026-S2')).toEqual({ year: 2026, semester: 2 });
    expect(parsePeriodKey('2026-q4')).toEqual({ year: 2026, quarter: 4 });
    expect(parsePeriodKey('2026-M11')).toEqual({ year: 2026, month: 11 });
    for (const bad of ['2026-S3', '2026-Q5', '2026-M13', '2026-M1', '26', '2026-', 'x']) {
      expect(parsePeriodKey(bad)).toBeNull();
    }
  });

  it('falls back to the current year in the Pemda zone for missing or unreasonable keys', () => {
    expect(selectedPeriod(undefined, NEW_YEAR_IN_JAMBI, JAKARTA)).toBe('2026');
    expect(selectedPeriod('1999-Q1', NEW_YEAR_IN_JAMBI, JAKARTA)).toBe('2026');
    expect(selectedPeriod('2028', NEW_YEAR_IN_JAMBI, JAKARTA)).toBe('2026');
    expect(selectedPeriod('2025-m07', NEW_YEAR_IN_JAMBI, JAKARTA)).toBe('2025-M07');
  });

  it('offers every key of recent years, newest first, and the selected year however old', () => {
    expect(periodKeysOf(2026)).toHaveLength(19);
    expect(periodKeysOf(2026).slice(0, 4)).toEqual(['2026', '2026-S1', '2026-S2', '2026-Q1']);
    expect(periodOptions('2026', NEW_YEAR_IN_JAMBI, JAKARTA).map((g) => g.year)).toEqual([
      2026, 2025, 2024,
    ]);
    expect(periodOptions('2019-S1', NEW_YEAR_IN_JAMBI, JAKARTA).map((g) => g.year)).toEqual([
      2026, 2025, 2024, 2019,
    ]);
  });

  it('names periods as people read them', () => {
    expect(periodKeyLabel('2026', 'id', WORDS)).toBe('Tahun 2026');
    expect(periodKeyLabel('2026-S2', 'id', WORDS)).toBe('Semester 2 2026');
    expect(periodKeyLabel('2026-Q4', 'id', WORDS)).toBe('Triwulan 4 2026');
    expect(periodKeyLabel('2026-M11', 'id', WORDS)).toBe('November 2026');
  });
});
