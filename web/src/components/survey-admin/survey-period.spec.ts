import { describe, expect, it } from 'vitest';
import {
  changeGranularity,
  choiceOfPeriodKey,
  currentYear,
  inputOfPeriod,
  monthName,
  normalizePeriodKey,
  partsOf,
  periodFromParams,
  periodInput,
  periodKey,
  periodParam,
  periodParamsOf,
  roman,
  yearOptions,
} from './survey-period';

const NOW = new Date('2026-12-31T18:30:00Z'); // already 1 January 2027 in Jakarta

describe('survey periods', () => {
  it('reads the year in the Pemda time zone', () => {
    expect(currentYear(NOW)).toBe(2027);
    expect(currentYear(new Date('2026-06-01T00:00:00Z'))).toBe(2026);
  });

  it('reads the period from the URL, falling back to the whole current year', () => {
    expect(periodFromParams('2026', 'S1', NOW)).toEqual({
      year: 2026,
      granularity: 'SEMESTER',
      part: 1,
    });
    expect(periodFromParams('2026', 'q3', NOW)).toEqual({
      year: 2026,
      granularity: 'QUARTER',
      part: 3,
    });
    expect(periodFromParams('2026', 'M07', NOW)).toEqual({
      year: 2026,
      granularity: 'MONTH',
      part: 7,
    });
    expect(periodFromParams('2026', '', NOW)).toEqual({
      year: 2026,
      granularity: 'YEAR',
      part: null,
    });
    expect(periodFromParams('2026', 'S3', NOW).granularity).toBe('YEAR');
    expect(periodFromParams('2026', 'M13', NOW).granularity).toBe('YEAR');
    expect(periodFromParams('26', undefined, NOW).year).toBe(2027);
    expect(periodFromParams('1999', undefined, NOW).year).toBe(2027);
  });

  it('writes keys, URL values and GraphQL inputs', () => {
    const month = { year: 2026, granularity: 'MONTH', part: 7 } as const;
    expect(periodParam(month)).toBe('M07');
    expect(periodKey(month)).toBe('2026-M07');
    expect(periodInput(month)).toEqual({ year: 2026, month: 7 });
    const semester = { year: 2026, granularity: 'SEMESTER', part: 2 } as const;
    expect(periodKey(semester)).toBe('2026-S2');
    expect(periodInput(semester)).toEqual({ year: 2026, semester: 2 });
    expect(periodInput({ year: 2026, granularity: 'QUARTER', part: 3 })).toEqual({
      year: 2026,
      quarter: 3,
    });
    const year = { year: 2026, granularity: 'YEAR', part: null } as const;
    expect(periodParam(year)).toBe('');
    expect(periodKey(year)).toBe('2026');
    expect(periodInput(year)).toEqual({ year: 2026 });
  });

  it('turns a service period back into input and URL parameters', () => {
    const period = { year: 2026, semester: null, quarter: 3, month: null };
    expect(inputOfPeriod(period)).toEqual({ year: 2026, quarter: 3 });
    expect(periodParamsOf(period)).toEqual({ tahun: '2026', periode: 'Q3' });
    expect(periodParamsOf({ year: 2025 })).toEqual({ tahun: '2025', periode: '' });
    expect(periodParamsOf({ year: 2025, month: 1 })).toEqual({ tahun: '2025', periode: 'M01' });
  });

  it('offers years, parts and names', () => {
    expect(yearOptions(2026, 2026, 2)).toEqual([2027, 2026, 2025, 2024]);
    expect(yearOptions(2026, 2015, 1)).toEqual([2027, 2026, 2025, 2015]);
    expect(partsOf('YEAR')).toEqual([]);
    expect(partsOf('SEMESTER')).toEqual([1, 2]);
    expect(partsOf('MONTH')).toHaveLength(12);
    expect(roman(3)).toBe('III');
    expect(monthName(7, 'id-ID')).toBe('Juli');
    expect(monthName(7, 'en')).toBe('July');
  });
});

describe('period keys', () => {
  it('reads the keys of a year, semester, quarter and month', () => {
    expect(choiceOfPeriodKey('2026')).toEqual({ year: 2026, granularity: 'YEAR', part: null });
    expect(choiceOfPeriodKey('2026-S2')).toEqual({ year: 2026, granularity: 'SEMESTER', part: 2 });
    expect(choiceOfPeriodKey('2026-Q4')).toEqual({ year: 2026, granularity: 'QUARTER', part: 4 });
    expect(choiceOfPeriodKey('2026-M11')).toEqual({ year: 2026, granularity: 'MONTH', part: 11 });
  });

  it('refuses parts outside the year and anything else', () => {
    for (const key of ['2026-S3', '2026-Q5', '2026-M13', '2026-M00', '26', '2026-X1', '', null]) {
      expect(choiceOfPeriodKey(key), String(key)).toBeNull();
    }
  });

  it('spells a key the way the service does', () => {
    expect(normalizePeriodKey(' 2026-m7 ')).toBe('2026-M07');
    expect(normalizePeriodKey('2026-s1')).toBe('2026-S1');
    expect(normalizePeriodKey('2026-Q9')).toBeNull();
  });

  it('keeps the start of the period when the granularity changes', () => {
    const q3 = { year: 2026, granularity: 'QUARTER', part: 3 } as const;
    expect(changeGranularity(q3, 'MONTH')).toEqual({ year: 2026, granularity: 'MONTH', part: 7 });
    expect(changeGranularity(q3, 'SEMESTER')).toEqual({
      year: 2026,
      granularity: 'SEMESTER',
      part: 2,
    });
    expect(changeGranularity(q3, 'YEAR')).toEqual({ year: 2026, granularity: 'YEAR', part: null });
    expect(changeGranularity({ year: 2026, granularity: 'YEAR', part: null }, 'QUARTER')).toEqual({
      year: 2026,
      granularity: 'QUARTER',
      part: 1,
    });
  });
});
