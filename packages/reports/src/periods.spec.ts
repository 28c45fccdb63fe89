import { describe, expect, it } from 'vitest';
import {
  calendarMonthOf,
  isPeriodYear,
  MONTH_NAMES,
  MONTH_SHORT_NAMES,
  parsePeriodKey,
  periodContainingMonth,
  periodDays,
  periodKey,
  periodLabel,
  periodMonthRange,
  previousPeriodParts,
  type PeriodParts,
} from './periods.js';

describe('reporting periods', () => {
  it('parses each granularity and builds the key back', () => {
    const cases: Array<[string, PeriodParts]> = [
      ['2026', { year: 2026, granularity: 'YEAR', part: null }],
      ['2026-S1', { year: 2026, granularity: 'SEMESTER', part: 1 }],
      ['2026-Q3', { year: 2026, granularity: 'QUARTER', part: 3 }],
      ['2026-M07', { year: 2026, granularity: 'MONTH', part: 7 }],
      ['2025-M12', { year: 2025, granularity: 'MONTH', part: 12 }],
    ];
    for (const [key, parts] of cases) {
      expect(parsePeriodKey(key), key).toEqual(parts);
      expect(periodKey(parts)).toBe(key);
    }
    expect(parsePeriodKey(' 2026-Q2 ')).toEqual({ year: 2026, granularity: 'QUARTER', part: 2 });
  });

  it('refuses malformed keys, leaving the year range to isPeriodYear', () => {
    for (const key of ['', '26', '2026-Q5', '2026-M13', '2026-M7', '2026-S3', 'x2026', '2026-']) {
      expect(parsePeriodKey(key), key).toBeNull();
    }
    expect(parsePeriodKey('1999')).toEqual({ year: 1999, granularity: 'YEAR', part: null });
    expect([1999, 2000, 2100, 2101, 2026.5].map(isPeriodYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('labels periods in Indonesian', () => {
    const label = (key: string) => periodLabel(parsePeriodKey(key)!);
    expect(label('2026')).toBe('Tahun 2026');
    expect(label('2026-S1')).toBe('Semester I 2026');
    expect(label('2026-S2')).toBe('Semester II 2026');
    expect(label('2026-Q3')).toBe('Triwulan III 2026');
    expect(label('2026-Q4')).toBe('Triwulan IV 2026');
    expect(label('2026-M07')).toBe('Juli 2026');
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_SHORT_NAMES).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'Mei',
      'Jun',
      'Jul',
      'Agu',
      'Sep',
      'Okt',
      'Nov',
      'Des',
    ]);
  });

  it('gives the months and the inclusive calendar days of a period', () => {
    const days = (key: string) => periodDays(parsePeriodKey(key)!);
    expect(periodMonthRange(parsePeriodKey('2026-S2')!)).toEqual({ first: 7, last: 12 });
    expect(periodMonthRange(parsePeriodKey('2026-Q2')!)).toEqual({ first: 4, last: 6 });
    expect(days('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(days('2026-S1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(days('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(days('2026-M02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(days('2028-M02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('finds the period containing a month and the one before, across year ends', () => {
    const granularities = ['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'] as const;
    expect(granularities.map((g) => periodKey(periodContainingMonth(2026, 7, g)))).toEqual([
      '2026',
      '2026-S2',
      '2026-Q3',
      '2026-M07',
    ]);
    const previous = (key: string) => periodKey(previousPeriodParts(parsePeriodKey(key)!));
    expect(previous('2026')).toBe('2025');
    expect(previous('2026-S1')).toBe('2025-S2');
    expect(previous('2026-S2')).toBe('2026-S1');
    expect(previous('2026-Q1')).toBe('2025-Q4');
    expect(previous('2026-M01')).toBe('2025-M12');
    expect(previous('2026-M10')).toBe('2026-M09');
  });

  it('reads the month on the wall clock of a zone', () => {
    // 30 June 2026 18:00 UTC is 1 July 01:00 in Jakarta.
    const instant = new Date('2026-06-30T18:00:00Z');
    expect(calendarMonthOf(instant, 'Asia/Jakarta')).toEqual({ year: 2026, month: 7 });
    expect(calendarMonthOf(instant, 'UTC')).toEqual({ year: 2026, month: 6 });
  });
});
