import { describe, expect, it } from 'vitest';
import {
  currentPeriodKey,
  parsePeriod,
  periodMonths,
  previousPeriodKey,
  toPeriodInput,
} from './period.js';

const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return null;
};

describe('assessment periods', () => {
  it('labels each granularity and gives its inclusive days', () => {
    expect(parsePeriod('2026')).toEqual({
      key: '2026',
      label: 'Tahun 2026',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(parsePeriod('2026-S1')).toMatchObject({
      label: 'Semester I 2026',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(parsePeriod('2026-Q3')).toMatchObject({
      label: 'Triwulan III 2026',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(parsePeriod('2026-M11')).toMatchObject({
      label: 'November 2026',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(parsePeriod('2028-M02').to).toBe('2028-02-29');
  });

  it('refuses malformed keys with BAD_USER_INPUT', () => {
    for (const key of ['', '26', '2026-Q5', '2026-M13', '2026-M7', '2026-S3', '1999', 'x2026']) {
      expect(
        code(() => parsePeriod(key)),
        key,
      ).toBe('BAD_USER_INPUT');
    }
  });

  it('finds the current period on the Pemda wall clock', () => {
    // 30 June 2026 18:00 UTC is 1 July 01:00 in Jakarta.
    const now = new Date('2026-06-30T18:00:00Z');
    expect(currentPeriodKey('YEAR', now, 'Asia/Jakarta')).toBe('2026');
    expect(currentPeriodKey('SEMESTER', now, 'Asia/Jakarta')).toBe('2026-S2');
    expect(currentPeriodKey('QUARTER', now, 'Asia/Jakarta')).toBe('2026-Q3');
    expect(currentPeriodKey('MONTH', now, 'Asia/Jakarta')).toBe('2026-M07');
    expect(currentPeriodKey('MONTH', now, 'UTC')).toBe('2026-M06');
  });

  it('steps back one period across year ends', () => {
    expect(previousPeriodKey('2026')).toBe('2025');
    expect(previousPeriodKey('2026-S1')).toBe('2025-S2');
    expect(previousPeriodKey('2026-S2')).toBe('2026-S1');
    expect(previousPeriodKey('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriodKey('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriodKey('2026-M01')).toBe('2025-M12');
    expect(previousPeriodKey('2026-M10')).toBe('2026-M09');
  });

  it('maps keys onto the surveys PeriodInput and lists their months', () => {
    expect(toPeriodInput('2026')).toEqual({ year: 2026 });
    expect(toPeriodInput('2026-S2')).toEqual({ year: 2026, semester: 2 });
    expect(toPeriodInput('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(toPeriodInput('2026-M07')).toEqual({ year: 2026, month: 7 });
    expect(periodMonths('2026-Q1')).toEqual([
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { month: '2026-03', from: '2026-03-01', to: '2026-03-31' },
    ]);
    expect(periodMonths('2026')).toHaveLength(12);
  });
});
