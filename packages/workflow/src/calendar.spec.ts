import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, holidaySchema } from './calendar.js';
import { INDONESIA_HOLIDAYS_2026 } from './holidays/indonesia-2026.js';

const jakarta = createWorkingCalendar({ holidays: INDONESIA_HOLIDAYS_2026 });
const noHolidays = createWorkingCalendar();
/** An instant given as Jakarta wall-clock time (WIB = UTC+7, no daylight saving). */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('WorkingCalendar day boundaries', () => {
  it('takes dates and day starts in the zone, not in UTC', () => {
    expect(jakarta.dateOf(new Date('2026-03-13T16:59:59Z'))).toBe('2026-03-13');
    expect(jakarta.dateOf(new Date('2026-03-13T17:00:00Z'))).toBe('2026-03-14');
    expect(jakarta.startOf('2026-03-16')).toEqual(new Date('2026-03-15T17:00:00Z'));
    expect(createWorkingCalendar({ timeZone: 'Asia/Makassar' }).startOf('2026-03-16')).toEqual(
      new Date('2026-03-15T16:00:00Z'),
    );
    expect(createWorkingCalendar({ timeZone: 'Asia/Jayapura' }).startOf('2026-03-16')).toEqual(
      new Date('2026-03-15T15:00:00Z'),
    );
  });

  it('stays right across a daylight-saving change', () => {
    const berlin = createWorkingCalendar({ timeZone: 'Europe/Berlin' });
    expect(berlin.startOf('2026-03-29')).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(berlin.startOf('2026-03-30')).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(berlin.dateOf(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
  });

  it('rejects malformed dates, unknown zones and a week without working days', () => {
    expect(() => jakarta.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => jakarta.startOf('20260301')).toThrow(RangeError);
    expect(() => createWorkingCalendar({ holidays: ['2026-13-01'] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ timeZone: 'Asia/Jambi' })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ weekend: [7] })).toThrow(RangeError);
  });
});

describe('Indonesian holidays 2026 (SKB 1497/2025, 2/2025, 5/2025)', () => {
  it('has 17 national holidays and 8 cuti bersama, each a valid unique record', () => {
    const kinds = INDONESIA_HOLIDAYS_2026.map((h) => h.kind);
    expect(kinds.filter((k) => k === 'libur-nasional')).toHaveLength(17);
    expect(kinds.filter((k) => k === 'cuti-bersama')).toHaveLength(8);
    expect(new Set(INDONESIA_HOLIDAYS_2026.map((h) => h.date)).size).toBe(25);
    for (const holiday of INDONESIA_HOLIDAYS_2026) {
      expect(holidaySchema.parse(holiday)).toEqual(holiday);
    }
  });

  it('knows weekends, holidays and cuti bersama', () => {
    expect(jakarta.isWorkingDay('2026-03-17')).toBe(true);
    expect(jakarta.isWorkingDay('2026-03-18')).toBe(false);
    expect(jakarta.holidayOn('2026-03-19')?.name).toBe('Hari Suci Nyepi (Tahun Baru Saka 1948)');
    expect(jakarta.holidayOn('2026-03-20')?.kind).toBe('cuti-bersama');
    expect(jakarta.isWorkingDay('2026-03-21')).toBe(false);
    expect(jakarta.isWorkingDay('2026-03-25')).toBe(true);
    expect(noHolidays.isWorkingDay('2026-03-18')).toBe(true);
    expect(noHolidays.isWorkingDay('2026-03-21')).toBe(false);
  });

  it('leaves 17 working days in March and 240 in the year', () => {
    expect(
      jakarta.workingDaysBetween(jakarta.startOf('2026-03-01'), jakarta.startOf('2026-04-01')),
    ).toBe(17);
    expect(noHolidays.workingDaysBetween(wib('2026-03-01T00:00'), wib('2026-04-01T00:00'))).toBe(
      22,
    );
    // 261 weekdays, 21 of the 25 days off fall on a weekday.
    expect(jakarta.workingDaysBetween(wib('2026-01-01T00:00'), wib('2027-01-01T00:00'))).toBe(240);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day: Friday afternoon + 1 is the end of Monday', () => {
    expect(jakarta.addWorkingDays(wib('2026-02-06T15:00'), 1)).toEqual(wib('2026-02-10T00:00'));
    expect(jakarta.addWorkingDays(wib('2026-02-06T07:30'), 1)).toEqual(wib('2026-02-10T00:00'));
    expect(jakarta.addWorkingDays(wib('2026-02-07T10:00'), 1)).toEqual(wib('2026-02-10T00:00'));
    expect(jakarta.addWorkingDays(wib('2026-02-06T15:00'), 5)).toEqual(wib('2026-02-14T00:00'));
  });

  it('skips a national holiday after a Friday', () => {
    // Monday 1 June 2026 is Hari Lahir Pancasila.
    expect(jakarta.addWorkingDays(wib('2026-05-29T15:00'), 1)).toEqual(wib('2026-06-03T00:00'));
    expect(noHolidays.addWorkingDays(wib('2026-05-29T15:00'), 1)).toEqual(wib('2026-06-02T00:00'));
  });

  it('skips cuti bersama next to holidays', () => {
    // Imlek: cuti bersama Monday 16 February, holiday Tuesday 17 February.
    expect(jakarta.addWorkingDays(wib('2026-02-13T14:00'), 1)).toEqual(wib('2026-02-19T00:00'));
    // Kenaikan Yesus Kristus Thursday 14 May, cuti bersama Friday 15 May.
    expect(jakarta.addWorkingDays(wib('2026-05-13T09:00'), 1)).toEqual(wib('2026-05-19T00:00'));
    // Cuti bersama Natal Thursday 24 December, Natal Friday 25 December.
    expect(jakarta.addWorkingDays(wib('2026-12-23T09:00'), 1)).toEqual(wib('2026-12-29T00:00'));
  });

  it('jumps the Nyepi and Idulfitri week of March 2026', () => {
    // 18 cuti Nyepi, 19 Nyepi, 20 cuti Idulfitri, 21–22 Idulfitri, 23–24 cuti Idulfitri.
    expect(jakarta.addWorkingDays(wib('2026-03-17T10:00'), 1)).toEqual(wib('2026-03-26T00:00'));
    expect(jakarta.addWorkingDays(wib('2026-03-17T10:00'), 3)).toEqual(wib('2026-03-28T00:00'));
    expect(noHolidays.addWorkingDays(wib('2026-03-17T10:00'), 1)).toEqual(wib('2026-03-19T00:00'));
  });

  it('decides the start day in the zone', () => {
    expect(jakarta.addWorkingDays(wib('2026-02-09T23:59'), 1)).toEqual(wib('2026-02-11T00:00'));
    // 17:30 UTC on Monday is already Tuesday 00:30 in Jakarta.
    expect(jakarta.addWorkingDays(new Date('2026-02-09T17:30:00Z'), 1)).toEqual(
      wib('2026-02-12T00:00'),
    );
    const makassar = createWorkingCalendar({ timeZone: 'Asia/Makassar' });
    expect(makassar.addWorkingDays(new Date('2026-02-06T07:00:00Z'), 1)).toEqual(
      new Date('2026-02-09T16:00:00Z'),
    );
  });

  it('follows a custom weekend', () => {
    const sixDayWeek = createWorkingCalendar({ weekend: [0] });
    expect(sixDayWeek.addWorkingDays(wib('2026-02-06T15:00'), 1)).toEqual(wib('2026-02-08T00:00'));
  });

  it('accepts plain date strings as days off', () => {
    const local = createWorkingCalendar({ holidays: ['2026-02-09'] });
    expect(local.holidayOn('2026-02-09')).toEqual({
      date: '2026-02-09',
      name: 'Hari libur',
      kind: 'libur-nasional',
    });
    expect(local.addWorkingDays(wib('2026-02-06T15:00'), 1)).toEqual(wib('2026-02-11T00:00'));
  });

  it('returns the start for n = 0 and refuses negative or fractional n', () => {
    const start = wib('2026-02-06T15:00');
    expect(jakarta.addWorkingDays(start, 0)).toEqual(start);
    expect(() => jakarta.addWorkingDays(start, -1)).toThrow(RangeError);
    expect(() => jakarta.addWorkingDays(start, 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and workingTimeBetween', () => {
  it('counts only whole working days', () => {
    const friday = wib('2026-02-06T15:00');
    expect(jakarta.workingDaysBetween(friday, wib('2026-02-09T23:59'))).toBe(0);
    expect(jakarta.workingDaysBetween(friday, wib('2026-02-10T00:00'))).toBe(1);
    expect(jakarta.workingDaysBetween(wib('2026-02-09T00:00'), wib('2026-02-10T00:00'))).toBe(1);
    expect(jakarta.workingDaysBetween(friday, friday)).toBe(0);
    expect(jakarta.workingDaysBetween(wib('2026-02-10T00:00'), friday)).toBe(0);
  });

  it('is the inverse of addWorkingDays on every day of 2026', () => {
    const mismatches: string[] = [];
    for (let date = '2026-01-01'; date < '2027-01-01'; date = jakarta.nextDate(date)) {
      for (const time of ['00:00', '10:30', '23:59']) {
        const start = wib(`${date}T${time}`);
        for (const n of [1, 3, 10]) {
          const due = jakarta.addWorkingDays(start, n);
          const justBefore = new Date(due.getTime() - 1);
          if (
            jakarta.workingDaysBetween(start, due) !== n ||
            jakarta.workingDaysBetween(start, justBefore) !== n - 1 ||
            !jakarta.isWorkingDay(jakarta.dateOf(justBefore))
          ) {
            mismatches.push(`${date}T${time} + ${n}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('measures working time with each working day worth 1', () => {
    expect(jakarta.workingTimeBetween(wib('2026-02-06T12:00'), wib('2026-02-09T12:00'))).toBe(1);
    expect(jakarta.workingTimeBetween(wib('2026-02-09T06:00'), wib('2026-02-09T12:00'))).toBe(0.25);
    expect(jakarta.workingTimeBetween(wib('2026-05-30T00:00'), wib('2026-06-02T00:00'))).toBe(0);
    expect(jakarta.workingTimeBetween(wib('2026-02-09T12:00'), wib('2026-02-09T06:00'))).toBe(0);
  });
});
