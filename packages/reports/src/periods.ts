// Reporting periods shared by the services: a year, or a semester, quarter (triwulan) or month of
// a year, keyed `2026`, `2026-S1`, `2026-Q3`, `2026-M07` and labelled in Indonesian. The services
// keep their own error messages, so parsing here reports a bad key as null instead of throwing.

export type PeriodGranularity = 'YEAR' | 'SEMESTER' | 'QUARTER' | 'MONTH';

/** A period as its parts: `2026-Q3` is `{ year: 2026, granularity: 'QUARTER', part: 3 }`. */
export interface PeriodParts {
  year: number;
  granularity: PeriodGranularity;
  /** Semester (1–2), quarter (1–4) or month (1–12); null for a year. */
  part: number | null;
}

export const PERIOD_MIN_YEAR = 2000;
export const PERIOD_MAX_YEAR = 2100;

export const MONTH_NAMES = [
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

/** `Jan`, `Feb`, …, `Agu`, …, `Des`: the Indonesian abbreviations are the first three letters. */
export const MONTH_SHORT_NAMES: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const KEY_PATTERN = /^(\d{4})(?:-(S[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** Whether a year may carry a period (an integer from PERIOD_MIN_YEAR to PERIOD_MAX_YEAR). */
export function isPeriodYear(year: number): boolean {
  return Number.isInteger(year) && year >= PERIOD_MIN_YEAR && year <= PERIOD_MAX_YEAR;
}

/**
 * The parts of a key (surrounding blanks ignored); null if it is not of the key's form. The year
 * is not range-checked (see isPeriodYear), so callers can tell the two mistakes apart.
 */
export function parsePeriodKey(key: string): PeriodParts | null {
  const match = KEY_PATTERN.exec(key.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { year, granularity: 'YEAR', part: null };
  const value = Number(part.slice(1));
  if (part.startsWith('S')) return { year, granularity: 'SEMESTER', part: value };
  if (part.startsWith('Q')) return { year, granularity: 'QUARTER', part: value };
  return { year, granularity: 'MONTH', part: value };
}

export function periodKey({ year, granularity, part }: PeriodParts): string {
  switch (granularity) {
    case 'YEAR':
      return `${year}`;
    case 'SEMESTER':
      return `${year}-S${part}`;
    case 'QUARTER':
      return `${year}-Q${part}`;
    case 'MONTH':
      return `${year}-M${pad(part!)}`;
  }
}

/** `Tahun 2026`, `Semester I 2026`, `Triwulan III 2026`, `Juli 2026`. */
export function periodLabel({ year, granularity, part }: PeriodParts): string {
  switch (granularity) {
    case 'YEAR':
      return `Tahun ${year}`;
    case 'SEMESTER':
      return `Semester ${ROMAN[part! - 1]} ${year}`;
    case 'QUARTER':
      return `Triwulan ${ROMAN[part! - 1]} ${year}`;
    case 'MONTH':
      return `${MONTH_NAMES[part! - 1]} ${year}`;
  }
}

/** First and last month (1–12) of a period. */
export function periodMonthRange({ granularity, part }: PeriodParts): {
  first: number;
  last: number;
} {
  switch (granularity) {
    case 'YEAR':
      return { first: 1, last: 12 };
    case 'SEMESTER':
      return { first: part! * 6 - 5, last: part! * 6 };
    case 'QUARTER':
      return { first: part! * 3 - 2, last: part! * 3 };
    case 'MONTH':
      return { first: part!, last: part! };
  }
}

/** First and last calendar day (YYYY-MM-DD, both inclusive) of a period. */
export function periodDays(parts: PeriodParts): { from: string; to: string } {
  const { year } = parts;
  const { first, last } = periodMonthRange(parts);
  // Day 0 of the next month is the last day of this one (leap years included).
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** The period of `granularity` containing month `month` (1–12) of `year`. */
export function periodContainingMonth(
  year: number,
  month: number,
  granularity: PeriodGranularity,
): PeriodParts {
  switch (granularity) {
    case 'YEAR':
      return { year, granularity, part: null };
    case 'SEMESTER':
      return { year, granularity, part: month <= 6 ? 1 : 2 };
    case 'QUARTER':
      return { year, granularity, part: Math.ceil(month / 3) };
    case 'MONTH':
      return { year, granularity, part: month };
  }
}

const PARTS_PER_YEAR = { SEMESTER: 2, QUARTER: 4, MONTH: 12 } as const;

/** The period just before, of the same granularity (across the year end). */
export function previousPeriodParts({ year, granularity, part }: PeriodParts): PeriodParts {
  if (granularity === 'YEAR') return { year: year - 1, granularity, part: null };
  return part === 1
    ? { year: year - 1, granularity, part: PARTS_PER_YEAR[granularity] }
    : { year, granularity, part: part! - 1 };
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
  return {
    year: Number(parts.find((p) => p.type === 'year')?.value),
    month: Number(parts.find((p) => p.type === 'month')?.value),
  };
}
