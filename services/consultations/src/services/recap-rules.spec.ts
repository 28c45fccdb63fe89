import { createWorkingCalendar, INDONESIA_HOLIDAYS_2026 } from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  dueRecapMonth,
  firstWorkingDay,
  isCompleted,
  monthLabel,
  monthWeeks,
  monthWindow,
  periodWindow,
  previousMonth,
} from './recap-rules.js';

const calendar = createWorkingCalendar({
  timeZone: 'Asia/Jakarta',
  holidays: INDONESIA_HOLIDAYS_2026,
});
/** A wall-clock time in Jakarta (UTC+7). */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('periods in the Pemda zone', () => {
  it('spans a month from local midnight to local midnight', () => {
    const may = monthWindow(calendar, '2026-05');
    expect(may).toEqual({
      key: '2026-05',
      label: 'Mei 2026',
      start: new Date('2026-04-30T17:00:00Z'),
      end: new Date('2026-05-31T17:00:00Z'),
    });
    expect(monthWindow(calendar, '2026-12').end).toEqual(new Date('2026-12-31T17:00:00Z'));
  });

  it('spans a year', () => {
    expect(periodWindow(calendar, '2026')).toMatchObject({
      key: '2026',
      label: 'Tahun 2026',
      start: new Date('2025-12-31T17:00:00Z'),
      end: new Date('2026-12-31T17:00:00Z'),
    });
    expect(periodWindow(calendar, '2026-02').label).toBe('Februari 2026');
  });

  it('refuses anything else with the field named', () => {
    for (const bad of ['2026-13', '2026-1', '26-05', 'Mei 2026', '1999-12', '']) {
      let error: GraphQLError | undefined;
      try {
        periodWindow(calendar, bad);
      } catch (caught) {
        error = caught as GraphQLError;
      }
      expect(error?.extensions.code, bad).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain('period');
    }
    expect(() => monthWindow(calendar, '2026')).toThrow(/month harus berformat YYYY-MM/);
  });

  it('names and steps months', () => {
    expect(monthLabel('2026-01')).toBe('Januari 2026');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-06')).toBe('2026-05');
  });

  it('cuts a month into the stretches of the volume chart', () => {
    const weeks = monthWeeks(calendar, '2026-02');
    expect(weeks.map((week) => week.label)).toEqual([
      '1–7 Feb',
      '8–14 Feb',
      '15–21 Feb',
      '22–28 Feb',
    ]);
    const may = monthWeeks(calendar, '2026-05');
    expect(may.map((week) => week.label).at(-1)).toBe('29–31 Mei');
    expect(may[0]?.start).toEqual(monthWindow(calendar, '2026-05').start);
    expect(may.at(-1)?.end).toEqual(monthWindow(calendar, '2026-05').end);
    expect(may[1]?.start).toEqual(may[0]?.end);
  });
});

describe('the first working day of a month', () => {
  it('skips weekends, holidays and cuti bersama', () => {
    expect(firstWorkingDay(calendar, '2026-06')).toBe('2026-06-02'); // 1 Juni: Hari Lahir Pancasila
    expect(firstWorkingDay(calendar, '2026-05')).toBe('2026-05-04'); // Fri 1 May holiday, weekend
    expect(firstWorkingDay(calendar, '2026-01')).toBe('2026-01-02'); // Tahun Baru
    expect(firstWorkingDay(calendar, '2026-03')).toBe('2026-03-02'); // 1 March is a Sunday
    expect(firstWorkingDay(calendar, '2026-07')).toBe('2026-07-01');
  });

  it('makes the previous month due from 07:00 local on the first working day on', () => {
    expect(dueRecapMonth(calendar, wib('2026-06-01T09:00:00'))).toBeNull();
    expect(dueRecapMonth(calendar, wib('2026-06-02T06:59:59'))).toBeNull();
    expect(dueRecapMonth(calendar, wib('2026-06-02T07:00:00'))).toBe('2026-05');
    expect(dueRecapMonth(calendar, wib('2026-06-02T23:30:00'))).toBe('2026-05');
    // Later days catch up on a missed first working day (published months are skipped).
    expect(dueRecapMonth(calendar, wib('2026-06-03T08:00:00'))).toBe('2026-05');
    expect(dueRecapMonth(calendar, wib('2026-01-02T10:00:00'))).toBe('2025-12');
    // 00:30 UTC on 2 June is already 07:30 in Jakarta.
    expect(dueRecapMonth(calendar, new Date('2026-06-02T00:30:00Z'))).toBe('2026-05');
  });
});

describe('completion', () => {
  it('counts completing final states only', () => {
    const closedAt = new Date();
    expect(isCompleted({ state: 'ACKNOWLEDGED', closedAt })).toBe(true);
    expect(isCompleted({ state: 'CLOSED', closedAt })).toBe(true);
    expect(isCompleted({ state: 'CANCELLED', closedAt })).toBe(false);
    expect(isCompleted({ state: 'REJECTED', closedAt })).toBe(false);
    expect(isCompleted({ state: 'DRAFTING', closedAt: null })).toBe(false);
  });
});
