// Assessment periods as the insights service names them (the keys of surveys' SurveyPeriod):
// `2026` a year, `2026-S2` a semester, `2026-Q4` a quarter, `2026-M11` a month. The page keeps
// the key in `?periode=`; the IKM column asks surveys for the same period as a `PeriodInput`.

import {
  choiceOfPeriodKey,
  GRANULARITIES,
  MIN_YEAR,
  partsOf,
  periodInput,
  periodKey,
  type PeriodInputValue,
} from '@/components/survey-admin/survey-period';

/** Years the selector offers, the current one included. */
const YEARS_SHOWN = 3;

/** The `PeriodInput` of a key in its canonical spelling (`2026-M07`, not `2026-M7`), else null. */
export function parsePeriodKey(key: string): PeriodInputValue | null {
  const choice = choiceOfPeriodKey(key);
  return choice && periodKey(choice) === key.trim().toUpperCase() ? periodInput(choice) : null;
}

/** Year of `now` in the Pemda's time zone. */
export function yearIn(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now));
}

/**
 * The period a page shows: `?periode=` when it is a valid key from 2000 to next year, else the
 * current year (the assessment so far).
 */
export function selectedPeriod(raw: string | undefined, now: Date, timeZone: string): string {
  const current = yearIn(now, timeZone);
  const key = raw?.trim().toUpperCase() ?? '';
  const parsed = parsePeriodKey(key);
  if (parsed && parsed.year >= MIN_YEAR && parsed.year <= current + 1) return key;
  return String(current);
}

export interface PeriodOptionGroup {
  year: number;
  /** Keys in display order: the year, its semesters, quarters and months. */
  keys: string[];
}

/** Every key of a year, in display order. */
export function periodKeysOf(year: number): string[] {
  return GRANULARITIES.flatMap((granularity) =>
    granularity === 'YEAR'
      ? [String(year)]
      : partsOf(granularity).map((part) => periodKey({ year, granularity, part })),
  );
}

/** The selector's groups, newest year first; the selected key's year is always offered. */
export function periodOptions(selected: string, now: Date, timeZone: string): PeriodOptionGroup[] {
  const current = yearIn(now, timeZone);
  const years = Array.from({ length: YEARS_SHOWN }, (_, index) => current - index);
  const selectedYear = parsePeriodKey(selected)?.year;
  if (selectedYear && !years.includes(selectedYear)) years.push(selectedYear);
  return years.sort((a, b) => b - a).map((year) => ({ year, keys: periodKeysOf(year) }));
}

export interface PeriodWords {
  year: string;
  semester: string;
  quarter: string;
}

/** How the selector names a key ("Semester 2 2026", "November 2026"). */
export function periodKeyLabel(key: string, locale: string, words: PeriodWords): string {
  const period = parsePeriodKey(key);
  if (!period) return key;
  if (period.semester) return `${words.semester} ${period.semester} ${period.year}`;
  if (period.quarter) return `${words.quarter} ${period.quarter} ${period.year}`;
  if (period.month) {
    const date = new Date(Date.UTC(period.year, period.month - 1, 1));
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  return `${words.year} ${period.year}`;
}
