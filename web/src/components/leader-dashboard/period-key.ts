import {
  MAX_YEAR,
  MIN_YEAR,
  partsOf,
  periodKey,
  type Granularity,
  type PeriodChoice,
} from '@/components/survey-admin/survey-period';

const GRANULARITY_OF: Record<string, Exclude<Granularity, 'YEAR'>> = {
  S: 'SEMESTER',
  Q: 'QUARTER',
  M: 'MONTH',
};

/**
 * The choice behind an insights period key (`2026`, `2026-S2`, `2026-Q4`, `2026-M11`, the same
 * keys as the surveys' periods); null for anything else, so a bad link falls back to the
 * service's current period instead of an error.
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
  const part =
    granularity === 'YEAR'
      ? null
      : granularity === 'SEMESTER'
        ? Math.ceil(firstMonth / 6)
        : granularity === 'QUARTER'
          ? Math.ceil(firstMonth / 3)
          : firstMonth;
  return { year: choice.year, granularity, part };
}
