'use client';
import { Group, Loader, NativeSelect } from '@mantine/core';
import { usePathname, useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import {
  monthName,
  partsOf,
  periodKey,
  roman,
  type Granularity,
  type PeriodChoice,
} from '@/components/survey-admin/survey-period';
import { changeGranularity } from './period-key';

const GRANULARITIES: readonly Granularity[] = ['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'];

/**
 * The dashboard's period, kept in the URL as one insights key (`?periode=2026-S2`): a year, then
 * the whole year or one semester, quarter or month of it. The labels are SIPUTRI's period words.
 */
export function PeriodKeySelect({
  value,
  years,
}: {
  value: PeriodChoice;
  years: readonly number[];
}) {
  const t = useTranslations('surveyAdmin.period');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  const go = (choice: PeriodChoice) =>
    startTransition(() => router.replace(`${pathname}?periode=${periodKey(choice)}`));

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
        onChange={(event) => go(changeGranularity(value, event.currentTarget.value as Granularity))}
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
