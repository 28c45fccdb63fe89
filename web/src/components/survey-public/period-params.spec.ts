import { describe, expect, it } from 'vitest';
import {
  parsePeriodParams,
  periodQuery,
  periodVariables,
  trendRequest,
  yearMonthIn,
  yearOptions,
} from './period-params';

const TZ = 'Asia/Jakarta';
// 2026-11-30 10:00 in Jakarta.
const NOW = new Date('2026-11-30T03:00:00Z');

describe('period params of the results pages', () => {
  it('reads the year in the Pemda time zone, not UTC', () => {
    // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 in Jakarta.
    expect(yearMonthIn(new Date('2025-12-31T20:00:00Z'), TZ)).toEqual({ year: 2026, month: 1 });
  });

  it('defaults to the current year, whole year', () => {
    expect(parsePeriodParams({}, NOW, TZ)).toEqual({ year: 2026, semester: null, quarter: null });
  });

  it('reads a semester and a quarter', () => {
    expect(parsePeriodParams({ tahun: '2025', periode: 's2' }, NOW, TZ)).toEqual({
      year: 2025,
      semester: 2,
      quarter: null,
    });
    expect(parsePeriodParams({ tahun: '2026', periode: 'Q3' }, NOW, TZ)).toEqual({
      year: 2026,
      semester: null,
      quarter: 3,
    });
  });

  it('ignores what it does not understand', () => {
    expect(parsePeriodParams({ tahun: '20x6', periode: 'Q5' }, NOW, TZ)).toEqual({
      year: 2026,
      semester: null,
      quarter: null,
    });
    expect(parsePeriodParams({ tahun: '1999' }, NOW, TZ).year).toBe(2026);
    expect(parsePeriodParams({ tahun: '2028' }, NOW, TZ).year).toBe(2026);
    expect(parsePeriodParams({ tahun: '2027' }, NOW, TZ).year).toBe(2027);
    expect(parsePeriodParams({ tahun: ['2024', '2025'] }, NOW, TZ).year).toBe(2024);
  });

  it('writes variables and query strings with only the part that is set', () => {
    const semester = { year: 2026, semester: 1, quarter: null };
    expect(periodVariables(semester)).toEqual({ year: 2026, semester: 1 });
    expect(periodQuery(semester)).toBe('tahun=2026&periode=S1');
    const year = { year: 2025, semester: null, quarter: null };
    expect(periodVariables(year)).toEqual({ year: 2025 });
    expect(periodQuery(year)).toBe('tahun=2025');
    expect(periodVariables({ year: 2026, semester: null, quarter: 4 })).toEqual({
      year: 2026,
      quarter: 4,
    });
  });

  it('trends over periods of the selected kind, semesters for a whole year', () => {
    expect(trendRequest({ year: 2026, semester: null, quarter: 2 }, NOW, TZ)).toEqual({
      granularity: 'QUARTER',
      until: { year: 2026, quarter: 2 },
      count: 6,
    });
    expect(trendRequest({ year: 2025, semester: 1, quarter: null }, NOW, TZ).until).toEqual({
      year: 2025,
      semester: 1,
    });
    expect(trendRequest({ year: 2025, semester: null, quarter: null }, NOW, TZ).until).toEqual({
      year: 2025,
      semester: 2,
    });
    // The current year ends with the current semester, not an empty future one.
    const march = new Date('2026-03-10T03:00:00Z');
    expect(trendRequest({ year: 2026, semester: null, quarter: null }, march, TZ)).toEqual({
      granularity: 'SEMESTER',
      until: { year: 2026, semester: 1 },
      count: 6,
    });
  });

  it('offers the last six years, and the selected one', () => {
    expect(yearOptions({ year: 2026, semester: null, quarter: null }, NOW, TZ)).toEqual([
      2026, 2025, 2024, 2023, 2022, 2021,
    ]);
    expect(yearOptions({ year: 2010, semester: null, quarter: null }, NOW, TZ)).toEqual([
      2026, 2025, 2024, 2023, 2022, 2021, 2010,
    ]);
  });
});
