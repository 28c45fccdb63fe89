// The period of the public results pages, read from and written to the URL:
// `/hasil-survei?tahun=2026&periode=S1` (`periode`: empty = the whole year, S1–S2, Q1–Q4). One
// select for the part of the year, so a URL can never ask for a semester and a quarter at once.

export type PeriodGranularity = 'YEAR' | 'SEMESTER' | 'QUARTER';

export interface PeriodSelection {
  year: number;
  semester: number | null;
  quarter: number | null;
}

/** The GraphQL `PeriodInput` of a selection (only the part that is set). */
export interface PeriodVariables {
  year: number;
  semester?: number;
  quarter?: number;
}

export interface TrendRequest {
  granularity: PeriodGranularity;
  until: PeriodVariables;
  count: number;
}

/** Values of the `periode` select, in display order (empty = the whole year). */
export const PERIOD_PARTS = ['', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

/** How many years back the year select reaches (including the current one). */
const YEARS_SHOWN = 6;
/** Periods in a trend. */
const TREND_COUNT = 6;
const FIRST_YEAR = 2000;

/** Year and month (1–12) of `now` in the Pemda's time zone. */
export function yearMonthIn(now: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month') };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The selection a results page shows: `tahun` (a year from 2000 to next year, else the current
 * one) and `periode` (S1, S2, Q1–Q4; anything else means the whole year).
 */
export function parsePeriodParams(
  params: Record<string, string | string[] | undefined>,
  now: Date,
  timeZone: string,
): PeriodSelection {
  const current = yearMonthIn(now, timeZone).year;
  const rawYear = first(params.tahun)?.trim() ?? '';
  const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : current;
  const validYear = year >= FIRST_YEAR && year <= current + 1 ? year : current;
  const part = (first(params.periode) ?? '').trim().toUpperCase();
  const semester = /^S[12]$/.test(part) ? Number(part.slice(1)) : null;
  const quarter = /^Q[1-4]$/.test(part) ? Number(part.slice(1)) : null;
  return { year: validYear, semester, quarter };
}

export function periodPart(selection: PeriodSelection): PeriodPart {
  if (selection.semester) return `S${selection.semester}` as PeriodPart;
  if (selection.quarter) return `Q${selection.quarter}` as PeriodPart;
  return '';
}

export function periodVariables(selection: PeriodSelection): PeriodVariables {
  if (selection.semester) return { year: selection.year, semester: selection.semester };
  if (selection.quarter) return { year: selection.year, quarter: selection.quarter };
  return { year: selection.year };
}

/** The query string of a selection (`tahun=2026&periode=S1`), for links between results pages. */
export function periodQuery(selection: PeriodSelection): string {
  const query = new URLSearchParams({ tahun: String(selection.year) });
  const part = periodPart(selection);
  if (part) query.set('periode', part);
  return query.toString();
}

/**
 * The trend shown beside a selection: the last periods of the same kind up to the selected one
 * (semesters when a whole year is selected, ending with the current semester when the year is
 * the current one, so the trend does not end in empty future periods).
 */
export function trendRequest(
  selection: PeriodSelection,
  now: Date,
  timeZone: string,
): TrendRequest {
  if (selection.quarter) {
    return {
      granularity: 'QUARTER',
      until: { year: selection.year, quarter: selection.quarter },
      count: TREND_COUNT,
    };
  }
  if (selection.semester) {
    return {
      granularity: 'SEMESTER',
      until: { year: selection.year, semester: selection.semester },
      count: TREND_COUNT,
    };
  }
  const { year, month } = yearMonthIn(now, timeZone);
  const semester = selection.year === year && month <= 6 ? 1 : 2;
  return {
    granularity: 'SEMESTER',
    until: { year: selection.year, semester },
    count: TREND_COUNT,
  };
}

/** The years offered by the period select, newest first (the selected one always included). */
export function yearOptions(selection: PeriodSelection, now: Date, timeZone: string): number[] {
  const current = yearMonthIn(now, timeZone).year;
  const years = Array.from({ length: YEARS_SHOWN }, (_, index) => current - index);
  if (!years.includes(selection.year)) years.push(selection.year);
  return years.sort((a, b) => b - a);
}
