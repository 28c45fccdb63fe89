import {
  calendarMonthOf,
  isPeriodYear,
  parsePeriodKey,
  PERIOD_MAX_YEAR,
  PERIOD_MIN_YEAR,
  periodContainingMonth,
  periodDays,
  periodKey,
  periodLabel,
  periodMonthRange,
  previousPeriodParts,
  type PeriodGranularity,
  type PeriodParts,
} from '@sipadu/reports';
import { badInput } from '@sipadu/service-kit';

// Assessment periods use the surveys' keys (`2026`, `2026-S1`, `2026-Q3`, `2026-M07`) so one key
// reads the IKM of SIPUTRI and the date range of the other modules alike. Dates are calendar days
// of the Pemda's zone, both ends inclusive. The key grammar is the shared one of @sipadu/reports.

export type { PeriodGranularity };

export interface AssessmentPeriod {
  key: string;
  label: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

function parseKey(key: string): PeriodParts {
  const parts = parsePeriodKey(key);
  if (!parts) {
    throw badInput(`Periode "${key}" tidak dikenal (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07).`);
  }
  if (!isPeriodYear(parts.year)) {
    throw badInput(`Tahun periode harus antara ${PERIOD_MIN_YEAR} dan ${PERIOD_MAX_YEAR}.`);
  }
  return parts;
}

/** The period of a key with its Indonesian label and date range; BAD_USER_INPUT if malformed. */
export function parsePeriod(key: string): AssessmentPeriod {
  const parsed = parseKey(key);
  return { key: periodKey(parsed), label: periodLabel(parsed), ...periodDays(parsed) };
}

/** The year and month (1–12) of an instant on the wall clock of `timeZone`. */
export { calendarMonthOf as calendarMonth };

/** The key of the period of `granularity` containing `now` in the Pemda's zone. */
export function currentPeriodKey(
  granularity: PeriodGranularity,
  now: Date,
  timeZone: string,
): string {
  const { year, month } = calendarMonthOf(now, timeZone);
  return periodKey(periodContainingMonth(year, month, granularity));
}

/** The period just before, of the same granularity. */
export function previousPeriodKey(key: string): string {
  return periodKey(previousPeriodParts(parseKey(key)));
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
  const { first, last } = periodMonthRange(parsed);
  const months = [];
  for (let month = first; month <= last; month += 1) {
    const days = periodDays({ year: parsed.year, granularity: 'MONTH', part: month });
    months.push({ month: days.from.slice(0, 7), ...days });
  }
  return months;
}
