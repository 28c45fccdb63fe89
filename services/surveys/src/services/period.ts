import { badInput } from '@sipadu/service-kit';
import type { PeriodGranularity, PeriodInput, PeriodView } from './types.js';

// Survey periods: a year, or a semester, quarter (triwulan) or month of a year. A response belongs
// to the four periods containing its submission instant in the Pemda's time zone.

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const KEY_PATTERN = /^(\d{4})(?:-(S[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/;

function view(year: number, granularity: PeriodGranularity, part: number | null): PeriodView {
  switch (granularity) {
    case 'YEAR':
      return blank(year, granularity, `${year}`, `Tahun ${year}`);
    case 'SEMESTER':
      return {
        ...blank(year, granularity, `${year}-S${part}`, `Semester ${ROMAN[part! - 1]} ${year}`),
        semester: part,
      };
    case 'QUARTER':
      return {
        ...blank(year, granularity, `${year}-Q${part}`, `Triwulan ${ROMAN[part! - 1]} ${year}`),
        quarter: part,
      };
    case 'MONTH':
      return {
        ...blank(
          year,
          granularity,
          `${year}-M${String(part).padStart(2, '0')}`,
          `${MONTHS[part! - 1]} ${year}`,
        ),
        month: part,
      };
  }
}

function blank(year: number, granularity: PeriodGranularity, key: string, label: string) {
  return { key, granularity, year, semester: null, quarter: null, month: null, label };
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * A period from the API's input: the year alone, or the year with exactly one of semester (1–2),
 * quarter (1–4) or month (1–12). BAD_USER_INPUT otherwise.
 */
export function parsePeriod(input: PeriodInput): PeriodView {
  const { year } = input;
  if (!inRange(year, MIN_YEAR, MAX_YEAR))
    throw badInput(`Tahun periode harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  const given = (['semester', 'quarter', 'month'] as const).filter(
    (part) => input[part] !== null && input[part] !== undefined,
  );
  if (given.length > 1)
    throw badInput('Periode hanya boleh memakai salah satu dari semester, triwulan, atau bulan.');
  if (given.length === 0) return view(year, 'YEAR', null);
  const part = given[0]!;
  const value = input[part]!;
  if (part === 'semester') {
    if (!inRange(value, 1, 2)) throw badInput('Semester harus 1 atau 2.');
    return view(year, 'SEMESTER', value);
  }
  if (part === 'quarter') {
    if (!inRange(value, 1, 4)) throw badInput('Triwulan harus antara 1 dan 4.');
    return view(year, 'QUARTER', value);
  }
  if (!inRange(value, 1, 12)) throw badInput('Bulan harus antara 1 dan 12.');
  return view(year, 'MONTH', value);
}

/** Accepts an already parsed period (it has a `key`) or parses the input. */
export function toPeriod(period: PeriodInput | PeriodView): PeriodView {
  return 'key' in period && typeof period.key === 'string'
    ? periodFromKey(period.key)
    : parsePeriod(period);
}

/** The period of a key (`2026`, `2026-S1`, `2026-Q3`, `2026-M07`); BAD_USER_INPUT if malformed. */
export function periodFromKey(key: string): PeriodView {
  const match = KEY_PATTERN.exec(key.trim());
  if (!match)
    throw badInput(`Periode "${key}" tidak dikenal (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07).`);
  const year = Number(match[1]);
  if (!inRange(year, MIN_YEAR, MAX_YEAR))
    throw badInput(`Tahun periode harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  const part = match[2];
  if (!part) return view(year, 'YEAR', null);
  const value = Number(part.slice(1));
  if (part.startsWith('S')) return view(year, 'SEMESTER', value);
  if (part.startsWith('Q')) return view(year, 'QUARTER', value);
  return view(year, 'MONTH', value);
}

const calendarFormats = new Map<string, Intl.DateTimeFormat>();

/** Year and month (1–12) of an instant on the wall clock of `timeZone`. */
export function calendarMonthOf(date: Date, timeZone: string): { year: number; month: number } {
  let format = calendarFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' });
    calendarFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return { year, month };
}

/** The period of one granularity that contains month `month` (1–12) of `year`. */
export function periodContaining(
  year: number,
  month: number,
  granularity: PeriodGranularity,
): PeriodView {
  switch (granularity) {
    case 'YEAR':
      return view(year, 'YEAR', null);
    case 'SEMESTER':
      return view(year, 'SEMESTER', month <= 6 ? 1 : 2);
    case 'QUARTER':
      return view(year, 'QUARTER', Math.ceil(month / 3));
    case 'MONTH':
      return view(year, 'MONTH', month);
  }
}

/**
 * The keys of the four periods (year, semester, quarter, month) containing an instant, on the
 * Pemda's wall clock: 2026-06-30T18:00Z is 1 July 2026 in Asia/Jakarta, so `2026-S2`, not `S1`.
 */
export function periodKeysOf(date: Date, timeZone: string): string[] {
  const { year, month } = calendarMonthOf(date, timeZone);
  return (['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'] as const).map(
    (granularity) => periodContaining(year, month, granularity).key,
  );
}

/** First and last month (1–12) of a period. */
export function monthsOf(period: PeriodView): { first: number; last: number } {
  switch (period.granularity) {
    case 'YEAR':
      return { first: 1, last: 12 };
    case 'SEMESTER':
      return { first: period.semester! * 6 - 5, last: period.semester! * 6 };
    case 'QUARTER':
      return { first: period.quarter! * 3 - 2, last: period.quarter! * 3 };
    case 'MONTH':
      return { first: period.month!, last: period.month! };
  }
}

/** The period of `granularity` containing the last month of `period` (e.g. a trend's end). */
export function periodEndingIn(period: PeriodView, granularity: PeriodGranularity): PeriodView {
  return periodContaining(period.year, monthsOf(period).last, granularity);
}

/** The period just before (same granularity). */
export function previousPeriod(period: PeriodView): PeriodView {
  const { year } = period;
  switch (period.granularity) {
    case 'YEAR':
      return view(year - 1, 'YEAR', null);
    case 'SEMESTER':
      return period.semester === 1 ? view(year - 1, 'SEMESTER', 2) : view(year, 'SEMESTER', 1);
    case 'QUARTER':
      return period.quarter === 1
        ? view(year - 1, 'QUARTER', 4)
        : view(year, 'QUARTER', period.quarter! - 1);
    case 'MONTH':
      return period.month === 1
        ? view(year - 1, 'MONTH', 12)
        : view(year, 'MONTH', period.month! - 1);
  }
}

/** `count` consecutive periods ending with `period`, oldest first (never before MIN_YEAR). */
export function previousPeriods(period: PeriodView, count: number): PeriodView[] {
  const periods = [period];
  while (periods.length < count) {
    const before = previousPeriod(periods[0]!);
    if (before.year < MIN_YEAR) break;
    periods.unshift(before);
  }
  return periods;
}

/**
 * The instant a period starts and ends (exclusive) in `timeZone`, e.g. for generating demo data.
 * Computed from the zone's offset at the boundary (Indonesian zones have no daylight saving).
 */
export function periodBounds(period: PeriodView, timeZone: string): { start: Date; end: Date } {
  const { first, last } = monthsOf(period);
  const startLocal = Date.UTC(period.year, first - 1, 1);
  const endLocal = Date.UTC(last === 12 ? period.year + 1 : period.year, last % 12, 1);
  return {
    start: new Date(startLocal - offsetMs(new Date(startLocal), timeZone)),
    end: new Date(endLocal - offsetMs(new Date(endLocal), timeZone)),
  };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Jakarta: +7 h). */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
