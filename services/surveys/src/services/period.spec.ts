import { describe, expect, it } from 'vitest';
import {
  parsePeriod,
  periodBounds,
  periodEndingIn,
  periodFromKey,
  periodKeysOf,
  previousPeriods,
} from './period.js';

describe('survey periods', () => {
  it('parses a year or one of semester, quarter, month, with Indonesian labels', () => {
    expect(parsePeriod({ year: 2026 })).toEqual({
      key: '2026',
      granularity: 'YEAR',
      year: 2026,
      semester: null,
      quarter: null,
      month: null,
      label: 'Tahun 2026',
    });
    expect(parsePeriod({ year: 2026, semester: 1 })).toMatchObject({
      key: '2026-S1',
      granularity: 'SEMESTER',
      semester: 1,
      label: 'Semester I 2026',
    });
    expect(parsePeriod({ year: 2026, quarter: 3, semester: null })).toMatchObject({
      key: '2026-Q3',
      quarter: 3,
      label: 'Triwulan III 2026',
    });
    expect(parsePeriod({ year: 2026, month: 7 })).toMatchObject({
      key: '2026-M07',
      month: 7,
      label: 'Juli 2026',
    });
  });

  it('refuses two parts at once and values out of range', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
      return 'no error';
    };
    expect(code(() => parsePeriod({ year: 2026, semester: 1, month: 2 }))).toBe('BAD_USER_INPUT');
    expect(code(() => parsePeriod({ year: 2026, semester: 3 }))).toBe('BAD_USER_INPUT');
    expect(code(() => parsePeriod({ year: 2026, quarter: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(() => parsePeriod({ year: 2026, month: 13 }))).toBe('BAD_USER_INPUT');
    expect(code(() => parsePeriod({ year: 1999 }))).toBe('BAD_USER_INPUT');
    expect(code(() => periodFromKey('2026-S3'))).toBe('BAD_USER_INPUT');
    expect(code(() => periodFromKey('2026-M7'))).toBe('BAD_USER_INPUT');
  });

  it('round-trips keys', () => {
    for (const key of ['2026', '2026-S2', '2026-Q4', '2026-M12', '2025-M01']) {
      expect(periodFromKey(key).key).toBe(key);
    }
    expect(periodFromKey('2026-Q2')).toEqual(parsePeriod({ year: 2026, quarter: 2 }));
  });

  it('puts an instant in the four periods of the Pemda wall clock', () => {
    // 30 June 2026 18:00 UTC is 1 July 01:00 in Jakarta (UTC+7): second semester, third quarter.
    expect(periodKeysOf(new Date('2026-06-30T18:00:00Z'), 'Asia/Jakarta')).toEqual([
      '2026',
      '2026-S2',
      '2026-Q3',
      '2026-M07',
    ]);
    expect(periodKeysOf(new Date('2026-06-30T16:59:59Z'), 'Asia/Jakarta')).toEqual([
      '2026',
      '2026-S1',
      '2026-Q2',
      '2026-M06',
    ]);
    // New year's eve 17:30 UTC is already 1 January in Jayapura (UTC+9), not yet in Jakarta.
    expect(periodKeysOf(new Date('2025-12-31T17:30:00Z'), 'Asia/Jayapura')[0]).toBe('2026');
    expect(periodKeysOf(new Date('2025-12-31T16:30:00Z'), 'Asia/Jakarta')[3]).toBe('2025-M12');
  });

  it('lists consecutive periods oldest first, across years', () => {
    expect(previousPeriods(periodFromKey('2026-Q2'), 4).map((p) => p.key)).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(previousPeriods(periodFromKey('2026-M02'), 3).map((p) => p.key)).toEqual([
      '2025-M12',
      '2026-M01',
      '2026-M02',
    ]);
    expect(previousPeriods(periodFromKey('2026-S1'), 3).map((p) => p.key)).toEqual([
      '2025-S1',
      '2025-S2',
      '2026-S1',
    ]);
    expect(previousPeriods(periodFromKey('2001'), 5).map((p) => p.key)).toEqual(['2000', '2001']);
  });

  it('finds the period of another granularity that ends a trend', () => {
    expect(periodEndingIn(periodFromKey('2026'), 'QUARTER').key).toBe('2026-Q4');
    expect(periodEndingIn(periodFromKey('2026-M08'), 'SEMESTER').key).toBe('2026-S2');
    expect(periodEndingIn(periodFromKey('2026-S1'), 'MONTH').key).toBe('2026-M06');
  });

  it('gives the instants bounding a period in the Pemda time zone', () => {
    const { start, end } = periodBounds(periodFromKey('2026-S2'), 'Asia/Jakarta');
    expect(start.toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    const year = periodBounds(periodFromKey('2026'), 'UTC');
    expect(year.start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(year.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
