import { z } from 'zod';

/**
 * Working-day calendar of one Pemda: weekends, national holidays and cuti bersama, with day
 * boundaries taken in the Pemda's time zone.
 *
 * Counting rule (the one government service standards use, "n hari kerja"): only whole days
 * count, so the day on which something starts does not (unless it starts at 00:00 sharp), and a
 * deadline of n working days falls at the END of the n-th working day after the start day. A step
 * started on a Friday afternoon with 1 working day is due at the end of Monday (Tuesday 00:00
 * local); when that Monday is a holiday or cuti bersama, at the end of Tuesday.
 */

/** ISO calendar date in the calendar's zone, e.g. "2026-03-20". */
export type IsoDate = string;

/** One day off; yearly lists (SKB libur nasional and cuti bersama, local holidays) import as JSON. */
export const holidaySchema = z.object({
  date: z.iso.date(),
  name: z.string().min(1),
  kind: z.enum(['libur-nasional', 'cuti-bersama', 'libur-daerah']),
});
export type Holiday = z.infer<typeof holidaySchema>;

export interface WorkingCalendarOptions {
  /** IANA zone of the Pemda: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone?: string;
  /** Days of the week off, 0 = Sunday … 6 = Saturday; default Saturday and Sunday. */
  weekend?: readonly number[];
  /** Days off besides the weekend: plain dates or Holiday records (e.g. INDONESIA_HOLIDAYS_2026). */
  holidays?: Iterable<IsoDate | Holiday>;
}

export interface WorkingCalendar {
  readonly timeZone: string;
  /** The local date of an instant. */
  dateOf(instant: Date): IsoDate;
  /** The instant a local date begins (00:00 in the zone). */
  startOf(date: IsoDate): Date;
  isWorkingDay(date: IsoDate): boolean;
  /** Name of the holiday on that date, if any. */
  holidayOn(date: IsoDate): Holiday | undefined;
  /** End of the n-th whole working day after `start` (an exclusive instant); n = 0 → start. */
  addWorkingDays(start: Date, n: number): Date;
  /**
   * Working days lying entirely within [a, b]; the inverse of addWorkingDays:
   * workingDaysBetween(a, addWorkingDays(a, n)) = n. Zero when b ≤ a.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** Working time in [a, b) measured in working days: each working day's 24 hours count as 1. */
  workingTimeBetween(a: Date, b: Date): number;
  /** The local date after `date`. */
  nextDate(date: IsoDate): IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parseDate(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return [y, m, d];
}

const utcDay = (date: IsoDate) => {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d);
};
const isoOfUtcDay = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const timeZone = options.timeZone ?? 'Asia/Jakarta';
  const weekend = new Set(options.weekend ?? [0, 6]);
  if (
    [...weekend].some((day) => !Number.isInteger(day) || day < 0 || day > 6) ||
    weekend.size > 6
  ) {
    throw new RangeError('weekend lists days 0 (Sunday) … 6 (Saturday) and leaves a working day');
  }
  const holidays = new Map<IsoDate, Holiday>();
  for (const entry of options.holidays ?? []) {
    const holiday: Holiday =
      typeof entry === 'string'
        ? { date: entry, name: 'Hari libur', kind: 'libur-nasional' }
        : entry;
    parseDate(holiday.date);
    holidays.set(holiday.date, holiday);
  }
  // Throws a RangeError for an unknown zone at construction rather than on first use.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

  /** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
  const offsetAt = (ms: number) => {
    const fields = parts.formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes) =>
      Number(fields.find((part) => part.type === type)?.value);
    const local = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return local - Math.floor(ms / 1000) * 1000;
  };

  const dateOf = (instant: Date): IsoDate =>
    isoOfUtcDay(instant.getTime() + offsetAt(instant.getTime()));

  // Day starts are looked up over and over by the day-by-day loops below.
  const starts = new Map<IsoDate, number>();
  const startOf = (date: IsoDate): Date => {
    let ms = starts.get(date);
    if (ms === undefined) {
      const midnightUtc = utcDay(date);
      // Two passes settle the offset across a DST change; Indonesian zones have none.
      ms = midnightUtc - offsetAt(midnightUtc - offsetAt(midnightUtc));
      starts.set(date, ms);
    }
    return new Date(ms);
  };

  const nextDate = (date: IsoDate) => isoOfUtcDay(utcDay(date) + DAY_MS);
  const isWorkingDay = (date: IsoDate) =>
    !weekend.has(new Date(utcDay(date)).getUTCDay()) && !holidays.has(date);

  return {
    timeZone,
    dateOf,
    startOf,
    isWorkingDay,
    nextDate,
    holidayOn: (date) => holidays.get(date),
    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`);
      }
      if (n === 0) return start;
      // The first day lying entirely after the start.
      let date = dateOf(start);
      if (startOf(date).getTime() < start.getTime()) date = nextDate(date);
      for (let counted = 0; ; date = nextDate(date)) {
        if (isWorkingDay(date)) counted += 1;
        if (counted === n) return startOf(nextDate(date));
      }
    },
    workingDaysBetween(a, b) {
      let count = 0;
      // The first day that starts at or after a.
      let date = dateOf(a);
      if (startOf(date).getTime() < a.getTime()) date = nextDate(date);
      for (; startOf(nextDate(date)).getTime() <= b.getTime(); date = nextDate(date)) {
        if (isWorkingDay(date)) count += 1;
      }
      return count;
    },
    workingTimeBetween(a, b) {
      let total = 0;
      for (let date = dateOf(a); startOf(date).getTime() < b.getTime(); date = nextDate(date)) {
        if (!isWorkingDay(date)) continue;
        const dayStart = startOf(date).getTime();
        const dayEnd = startOf(nextDate(date)).getTime();
        const overlap = Math.min(dayEnd, b.getTime()) - Math.max(dayStart, a.getTime());
        if (overlap > 0) total += overlap / (dayEnd - dayStart);
      }
      return total;
    },
  };
}
