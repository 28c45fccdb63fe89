'use client';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { PeriodChoiceSelect } from './period-choice-select';
import { partOfMonth, periodParam, type PeriodChoice } from './survey-period';

/**
 * The survey period, kept in the URL (`tahun`, `periode`): a year, then a whole year, one semester,
 * quarter or month of it. Changing it returns a paged list to its first page.
 */
export function PeriodSelect({
  value,
  years,
  currentYear,
}: {
  value: PeriodChoice;
  years: readonly number[];
  currentYear: number;
}) {
  const { pending, navigate } = useListNavigation(null);
  return (
    <PeriodChoiceSelect
      value={value}
      years={years}
      pending={pending}
      onChange={(choice) =>
        navigate({ tahun: String(choice.year), periode: periodParam(choice) || null })
      }
      onGranularity={(granularity) => {
        // The part holding today in the current year, else the first one.
        const month = value.year === currentYear ? new Date().getMonth() + 1 : 1;
        return { year: value.year, granularity, part: partOfMonth(granularity, month) };
      }}
    />
  );
}
