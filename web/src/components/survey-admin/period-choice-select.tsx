'use client';
import { Group, Loader, NativeSelect } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import {
  GRANULARITIES,
  monthName,
  partsOf,
  roman,
  type Granularity,
  type PeriodChoice,
} from './survey-period';

/**
 * A period in SIPUTRI's words: a year, then the whole year or one semester, quarter or month of
 * it. Where the choice is kept (URL parameters, a period key) is the caller's.
 */
export function PeriodChoiceSelect({
  value,
  years,
  pending,
  onChange,
  onGranularity,
}: {
  value: PeriodChoice;
  years: readonly number[];
  pending: boolean;
  onChange: (choice: PeriodChoice) => void;
  /** The choice when only the granularity changes: which part of the year it lands on. */
  onGranularity: (granularity: Granularity) => PeriodChoice;
}) {
  const t = useTranslations('surveyAdmin.period');
  const locale = useLocale();

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
        onChange={(event) => onChange({ ...value, year: Number(event.currentTarget.value) })}
        w={110}
      />
      <NativeSelect
        label={t('granularity')}
        value={value.granularity}
        data={GRANULARITIES.map((granularity) => ({
          value: granularity,
          label: t(`granularityName.${granularity}`),
        }))}
        onChange={(event) => onChange(onGranularity(event.currentTarget.value as Granularity))}
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
          onChange={(event) => onChange({ ...value, part: Number(event.currentTarget.value) })}
          w={170}
        />
      ) : null}
      {pending ? <Loader size="sm" aria-label={t('loading')} mb={8} /> : null}
    </Group>
  );
}
