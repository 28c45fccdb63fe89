/** Period granularities of the surveys service (GraphQL `PeriodGranularity`). */
export type Granularity = 'YEAR' | 'SEMESTER' | 'QUARTER' | 'MONTH';

/** The granularities in the order the period selectors offer them. */
export const GRANULARITIES: readonly Granularity[] = ['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'];

/** One period as the pages choose it: a year, and a semester, quarter or month of it. */
export interface PeriodChoice {
  year: number;
  granularity: Granularity;
  /** The semester (1–2), quarter (1–4) or month (1–12); null for the whole year. */
  part: number | null;
}

/** GraphQL `PeriodInput`: the year with at most one of semester/quarter/month. */
export interface PeriodInputValue {
  year: number;
  semester?: number;
  quarter?: number;
  month?: number;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const PART_COUNT: Record<Granularity, number> = { YEAR: 0, SEMESTER: 2, QUARTER: 4, MONTH: 12 };
const PREFIX: Record<Exclude<Granularity, 'YEAR'>, string> = {
  SEMESTER: 'S',
  QUARTER: 'Q',
  MONTH: 'M',
};

/** Today's calendar year in the Pemda's time zone (Asia/Jakarta, UTC+7). */
export function currentYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
}

/** The parts of a year at a granularity: [1, 2] for semesters, [1..12] for months, [] for YEAR. */
export function partsOf(granularity: Granularity): number[] {
  return Array.from({ length: PART_COUNT[granularity] }, (_, index) => index + 1);
}

/**
 * The period in the URL: `tahun=2026` and `periode=S1 | Q3 | M07` (empty: the whole year). Anything
 * unreadable falls back to the current year, so a bad link still shows a page.
 */
export function periodFromParams(
  tahun: string | undefined,
  periode: string | undefined,
  now: Date = new Date(),
): PeriodChoice {
  const yearText = tahun?.trim() ?? '';
  const parsedYear = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  const year = parsedYear >= MIN_YEAR && parsedYear <= MAX_YEAR ? parsedYear : currentYear(now);
  const match = /^([SQM])(\d{1,2})$/.exec(periode?.trim().toUpperCase() ?? '');
  if (!match) return { year, granularity: 'YEAR', part: null };
  const granularity: Granularity =
    match[1] === 'S' ? 'SEMESTER' : match[1] === 'Q' ? 'QUARTER' : 'MONTH';
  const part = Number(match[2]);
  if (part < 1 || part > PART_COUNT[granularity]) return { year, granularity: 'YEAR', part: null };
  return { year, granularity, part };
}

/** The `periode` URL value of a choice ('' for the whole year). */
export function periodParam(choice: Pick<PeriodChoice, 'granularity' | 'part'>): string {
  if (choice.granularity === 'YEAR' || choice.part === null) return '';
  const prefix = PREFIX[choice.granularity];
  return choice.granularity === 'MONTH'
    ? `${prefix}${String(choice.part).padStart(2, '0')}`
    : `${prefix}${choice.part}`;
}

/** The service's period key: 2026, 2026-S1, 2026-Q3, 2026-M07. */
export function periodKey(choice: PeriodChoice): string {
  const param = periodParam(choice);
  return param ? `${choice.year}-${param}` : String(choice.year);
}

const GRANULARITY_OF: Record<string, Exclude<Granularity, 'YEAR'>> = {
  S: 'SEMESTER',
  Q: 'QUARTER',
  M: 'MONTH',
};

/**
 * The choice behind a period key (`2026`, `2026-S2`, `2026-Q4`, `2026-M11`, as the surveys and
 * insights services name periods); null for anything else, so a bad link can fall back instead of
 * failing.
 */
export function choiceOfPeriodKey(key: string | null | undefined): PeriodChoice | null {
  const match = /^(\d{4})(?:-([SQM])(\d{1,2}))?$/.exec(key?.trim().toUpperCase() ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!match[2]) return { year, granularity: 'YEAR', part: null };
  const granularity = GRANULARITY_OF[match[2]];
  const part = Number(match[3]);
  if (!granularity || !partsOf(granularity).includes(part)) return null;
  return { year, granularity, part };
}

/** A period key from the URL in its canonical spelling (`2026-m7` → `2026-M07`), or null. */
export function normalizePeriodKey(key: string | null | undefined): string | null {
  const choice = choiceOfPeriodKey(key);
  return choice ? periodKey(choice) : null;
}

/** The part of the year holding `month` (1–12) at a granularity; null for YEAR. */
export function partOfMonth(granularity: Granularity, month: number): number | null {
  if (granularity === 'SEMESTER') return Math.ceil(month / 6);
  if (granularity === 'QUARTER') return Math.ceil(month / 3);
  if (granularity === 'MONTH') return month;
  return null;
}

/** The choice at another granularity: the part of the year that holds the old one's start. */
export function changeGranularity(choice: PeriodChoice, granularity: Granularity): PeriodChoice {
  const firstMonth =
    choice.part === null
      ? 1
      : choice.granularity === 'SEMESTER'
        ? (choice.part - 1) * 6 + 1
        : choice.granularity === 'QUARTER'
          ? (choice.part - 1) * 3 + 1
          : choice.part;
  return { year: choice.year, granularity, part: partOfMonth(granularity, firstMonth) };
}

/** The GraphQL `PeriodInput` of a choice. */
export function periodInput(choice: PeriodChoice): PeriodInputValue {
  if (choice.granularity === 'YEAR' || choice.part === null) return { year: choice.year };
  if (choice.granularity === 'SEMESTER') return { year: choice.year, semester: choice.part };
  if (choice.granularity === 'QUARTER') return { year: choice.year, quarter: choice.part };
  return { year: choice.year, month: choice.part };
}

/** A period as the service returns it (`SurveyPeriod`) back into a `PeriodInput`. */
export function inputOfPeriod(period: {
  year: number;
  semester?: number | null;
  quarter?: number | null;
  month?: number | null;
}): PeriodInputValue {
  if (period.semester) return { year: period.year, semester: period.semester };
  if (period.quarter) return { year: period.year, quarter: period.quarter };
  if (period.month) return { year: period.year, month: period.month };
  return { year: period.year };
}

/** The `tahun`/`periode` URL parameters of a service period (links to /skm, /evaluasi). */
export function periodParamsOf(period: {
  year: number;
  semester?: number | null;
  quarter?: number | null;
  month?: number | null;
}): { tahun: string; periode: string } {
  const input = inputOfPeriod(period);
  const choice: PeriodChoice = input.semester
    ? { year: input.year, granularity: 'SEMESTER', part: input.semester }
    : input.quarter
      ? { year: input.year, granularity: 'QUARTER', part: input.quarter }
      : input.month
        ? { year: input.year, granularity: 'MONTH', part: input.month }
        : { year: input.year, granularity: 'YEAR', part: null };
  return { tahun: String(choice.year), periode: periodParam(choice) };
}

/** Years to offer, newest first: from `back` years before the current one up to next year. */
export function yearOptions(current: number, chosen: number, back = 5): number[] {
  const years = new Set<number>();
  for (let year = current + 1; year >= current - back; year -= 1) years.add(year);
  years.add(chosen);
  return [...years].filter((year) => year >= MIN_YEAR && year <= MAX_YEAR).sort((a, b) => b - a);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Roman numeral of a semester or quarter (1–4), as Indonesian period names write it. */
export function roman(part: number): string {
  return ROMAN[part - 1] ?? String(part);
}

/** The name of a month (1–12) in the locale ("Juli", "July"). */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}
