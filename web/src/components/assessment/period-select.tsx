'use client';
import { Group, Loader, NativeSelect } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { periodKeyLabel, type PeriodOptionGroup } from './assessment-period';

/** The assessment period (`?periode=2026-S2`), kept in the URL: a year, semester, quarter or month. */
export function PeriodSelect({
  period,
  groups,
}: {
  period: string;
  groups: readonly PeriodOptionGroup[];
}) {
  const t = useTranslations('assessment.period');
  const common = useTranslations('common');
  const locale = useLocale();
  const { pending, navigate } = useListNavigation(null);
  const words = { year: t('year'), semester: t('semester'), quarter: t('quarter') };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('label')}
        value={period}
        data={groups.map((group) => ({
          group: String(group.year),
          items: group.keys.map((key) => ({
            value: key,
            label: periodKeyLabel(key, locale, words),
          })),
        }))}
        onChange={(event) => navigate({ periode: event.currentTarget.value })}
        w={260}
        data-testid="periode-penilaian"
      />
      {pending ? <Loader size="sm" aria-label={common('loading')} mb={8} /> : null}
    </Group>
  );
}
