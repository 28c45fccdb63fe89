'use client';
import { Group, Loader, NativeSelect } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import { useListNavigation } from '@/navigation/use-list-navigation';
import {
  monthName,
  partsOf,
  periodParam,
  roman,
  type Granularity,
  type PeriodChoice,
} from './survey-period';

const GRANULARITIES: readonly Granularity[] = ['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'];

/** The part of the year holding `month` (1–12) at a granularity. */
function partOfMonth(granularity: Granularity, month: number): number | null {
  if (granularity === 'SEMESTER') return month <= 6 ? 1 : 2;
  if (granularity === 'QUARTER') return Math.ceil(month / 3);
  if (granularity === 'MONTH') return month;
  return null;
}

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
  const t = useTranslations('surveyAdmin.period');
  const locale = useLocale();
  const { pending, navigate } = useListNavigation(null);

  const go = (choice: PeriodChoice) =>
    navigate({ tahun: String(choice.year), periode: periodParam(choice) || null });

  const partLabel = (granularity: Granularity, part: number) =>
    granularity === 'SEMESTER'
      ? t('semesterName', { n: roman(part) })
      : granularity === 'QUARTER'
        ? t('quarterName', { n: roman(part) })
        : monthName(part, locale);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('label')}>
      <NativeSelect
        label={t('year')}
        value={String(value.year)}
        data={years.map((year) => String(year))}
        onChange={(event) => go({ ...value, year: Number(event.currentTarget.value) })}
        w={110}
      />
      <NativeSelect
        label={t('granularity')}
        value={value.granularity}
        data={GRANULARITIES.map((granularity) => ({
          value: granularity,
          label: t(`granularityName.${granularity}`),
        }))}
        onChange={(event) => {
          const granularity = event.currentTarget.value as Granularity;
          // The part holding today in the current year, else the first one.
          const month = value.year === currentYear ? new Date().getMonth() + 1 : 1;
          go({ year: value.year, granularity, part: partOfMonth(granularity, month) });
        }}
        w={150}
      />
      {value.granularity !== 'YEAR' ? (
        <NativeSelect
          label={t(`partLabel.${value.granularity}`)}
          value={String(value.part ?? 1)}
          data={partsOf(value.granularity).map((part) => ({
            value: String(part),
            label: partLabel(value.granularity, part),
          }))}
          onChange={(event) => go({ ...value, part: Number(event.currentTarget.value) })}
          w={170}
        />
      ) : null}
      {pending ? <Loader size="sm" aria-label={t('loading')} mb={8} /> : null}
    </Group>
  );
}
