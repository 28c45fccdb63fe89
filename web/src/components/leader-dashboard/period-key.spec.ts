import { describe, expect, it } from 'vitest';
import { changeGranularity, choiceOfPeriodKey, normalizePeriodKey } from './period-key';

describe('dashboard period keys', () => {
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
