import {
  calendarMonthOf,
  isPeriodYear,
  parsePeriodKey,
  PERIOD_MAX_YEAR,
  PERIOD_MIN_YEAR,
  periodContainingMonth,
  periodKey,
  periodLabel,
  periodMonthRange,
  previousPeriodParts,
  type PeriodParts,
} from '@sipadu/reports';
import { badInput } from '@sipadu/service-kit';
import type { PeriodGranularity, PeriodInput, PeriodView } from './types.js';

// Survey periods: a year, or a semester, quarter (triwulan) or month of a year. A response belongs
// to the four periods containing its submission instant in the Pemda's time zone. The key grammar
// and labels are the shared ones of @sipadu/reports; this adds the API's shape and messages.

export { calendarMonthOf };
export const MIN_YEAR = PERIOD_MIN_YEAR;
export const MAX_YEAR = PERIOD_MAX_YEAR;

function view(year: number, granularity: PeriodGranularity, part: number | null): PeriodView {
  const parts = { year, granularity, part };
  const base = {
    key: periodKey(parts),
    granularity,
    year,
    semester: null,
    quarter: null,
    month: null,
    label: periodLabel(parts),
  };
  switch (granularity) {
    case 'YEAR':
      return base;
    case 'SEMESTER':
      return { ...base, semester: part };
    case 'QUARTER':
      return { ...base, quarter: part };
    case 'MONTH':
      return { ...base, month: part };
  }
}

const fromParts = ({ year, granularity, part }: PeriodParts) => view(year, granularity, part);

function partsOf({ year, granularity, semester, quarter, month }: PeriodView): PeriodParts {
  const part =
    granularity === 'SEMESTER'
      ? semester
      : granularity === 'QUARTER'
        ? quarter
        : granularity === 'MONTH'
          ? month
          : null;
  return { year, granularity, part };
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
  if (!isPeriodYear(year))
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
  const parts = parsePeriodKey(key);
  if (!parts)
    throw badInput(`Periode "${key}" tidak dikenal (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07).`);
  if (!isPeriodYear(parts.year))
    throw badInput(`Tahun periode harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  return fromParts(parts);
}

/** The period of one granularity that contains month `month` (1–12) of `year`. */
export function periodContaining(
  year: number,
  month: number,
  granularity: PeriodGranularity,
): PeriodView {
  return fromParts(periodContainingMonth(year, month, granularity));
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
  return periodMonthRange(partsOf(period));
}

/** The period of `granularity` containing the last month of `period` (e.g. a trend's end). */
export function periodEndingIn(period: PeriodView, granularity: PeriodGranularity): PeriodView {
  return periodContaining(period.year, monthsOf(period).last, granularity);
}

/** The period just before (same granularity). */
export function previousPeriod(period: PeriodView): PeriodView {
  return fromParts(previousPeriodParts(partsOf(period)));
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
