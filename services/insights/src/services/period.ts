import { badInput } from '@sipadu/service-kit';

// Assessment periods use the surveys' keys (`2026`, `2026-S1`, `2026-Q3`, `2026-M07`) so one key
// reads the IKM of SIPUTRI and the date range of the other modules alike. Dates are calendar days
// of the Pemda's zone, both ends inclusive.

export type PeriodGranularity = 'YEAR' | 'SEMESTER' | 'QUARTER' | 'MONTH';

export interface AssessmentPeriod {
  key: string;
  label: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const KEY_PATTERN = /^(\d{4})(?:-(S[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/;
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

interface ParsedKey {
  year: number;
  granularity: PeriodGranularity;
  /** Semester, quarter or month number; null for a year. */
  part: number | null;
}

function parseKey(key: string): ParsedKey {
  const match = KEY_PATTERN.exec(key.trim());
  if (!match) {
    throw badInput(`Periode "${key}" tidak dikenal (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07).`);
  }
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw badInput(`Tahun periode harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  }
  const part = match[2];
  if (!part) return { year, granularity: 'YEAR', part: null };
  const value = Number(part.slice(1));
  if (part.startsWith('S')) return { year, granularity: 'SEMESTER', part: value };
  if (part.startsWith('Q')) return { year, granularity: 'QUARTER', part: value };
  return { year, granularity: 'MONTH', part: value };
}

function keyOf({ year, granularity, part }: ParsedKey): string {
  switch (granularity) {
    case 'YEAR':
      return `${year}`;
    case 'SEMESTER':
      return `${year}-S${part}`;
    case 'QUARTER':
      return `${year}-Q${part}`;
    case 'MONTH':
      return `${year}-M${String(part).padStart(2, '0')}`;
  }
}

/** First and last month (1–12) of a period. */
function monthRange({ granularity, part }: ParsedKey): { first: number; last: number } {
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

const pad = (value: number) => String(value).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of a key with its Indonesian label and date range; BAD_USER_INPUT if malformed. */
export function parsePeriod(key: string): AssessmentPeriod {
  const parsed = parseKey(key);
  const { year, granularity, part } = parsed;
  const { first, last } = monthRange(parsed);
  const label =
    granularity === 'YEAR'
      ? `Tahun ${year}`
      : granularity === 'SEMESTER'
        ? `Semester ${ROMAN[part! - 1]} ${year}`
        : granularity === 'QUARTER'
          ? `Triwulan ${ROMAN[part! - 1]} ${year}`
          : `${MONTHS[part! - 1]} ${year}`;
  return {
    key: keyOf(parsed),
    label,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  };
}

/** The year and month (1–12) of an instant on the wall clock of `timeZone`. */
export function calendarMonth(now: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(now);
  return {
    year: Number(parts.find((p) => p.type === 'year')?.value),
    month: Number(parts.find((p) => p.type === 'month')?.value),
  };
}

/** The key of the period of `granularity` containing `now` in the Pemda's zone. */
export function currentPeriodKey(
  granularity: PeriodGranularity,
  now: Date,
  timeZone: string,
): string {
  const { year, month } = calendarMonth(now, timeZone);
  const part =
    granularity === 'YEAR'
      ? null
      : granularity === 'SEMESTER'
        ? Math.ceil(month / 6)
        : granularity === 'QUARTER'
          ? Math.ceil(month / 3)
          : month;
  return keyOf({ year, granularity, part });
}

/** The period just before, of the same granularity. */
export function previousPeriodKey(key: string): string {
  const { year, granularity, part } = parseKey(key);
  if (granularity === 'YEAR') return keyOf({ year: year - 1, granularity, part: null });
  const count = granularity === 'SEMESTER' ? 2 : granularity === 'QUARTER' ? 4 : 12;
  return part === 1
    ? keyOf({ year: year - 1, granularity, part: count })
    : keyOf({ year, granularity, part: part! - 1 });
}

/** The surveys service's `PeriodInput` of a key. */
export function toPeriodInput(key: string): {
  year: number;
  semester?: number;
  quarter?: number;
  month?: number;
} {
  const { year, granularity, part } = parseKey(key);
  switch (granularity) {
    case 'YEAR':
      return { year };
    case 'SEMESTER':
      return { year, semester: part! };
    case 'QUARTER':
      return { year, quarter: part! };
    case 'MONTH':
      return { year, month: part! };
  }
}

/** The year of a period key. */
export function periodYear(key: string): number {
  return parseKey(key).year;
}

/** The months of a period as `YYYY-MM`, with each month's first and last day. */
export function periodMonths(key: string): Array<{ month: string; from: string; to: string }> {
  const parsed = parseKey(key);
  const { first, last } = monthRange(parsed);
  const months = [];
  for (let month = first; month <= last; month += 1) {
    const prefix = `${parsed.year}-${pad(month)}`;
    months.push({
      month: prefix,
      from: `${prefix}-01`,
      to: `${prefix}-${pad(lastDay(parsed.year, month))}`,
    });
  }
  return months;
}
