'use client';
import { Group, Loader, NativeSelect } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import { periodLabel } from '@/components/charts/chart-options';
import type { CaseFlow } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { CASE_FLOWS } from './case-flow';

/** The month (`?bulan=YYYY-MM`) and flow (`?alur=`) of the performance page, kept in the URL. */
export function PeriodFlowSelect({
  month,
  months,
  flow,
}: {
  month: string;
  /** Months on offer, newest first. */
  months: readonly string[];
  flow: CaseFlow;
}) {
  const t = useTranslations('cases.performance');
  const flows = useTranslations('cases.flow');
  const common = useTranslations('common');
  const locale = useLocale();
  const { pending, navigate } = useListNavigation(null);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('choose')}>
      <NativeSelect
        label={t('flow')}
        value={flow}
        data={CASE_FLOWS.map((value) => ({ value, label: flows(value) }))}
        onChange={(event) => navigate({ alur: event.currentTarget.value })}
        w={240}
      />
      <NativeSelect
        label={t('month')}
        value={month}
        data={months.map((value) => ({
          value,
          label: periodLabel(value, locale === 'en' ? 'en-GB' : 'id-ID'),
        }))}
        onChange={(event) => navigate({ bulan: event.currentTarget.value })}
        w={180}
      />
      {pending ? <Loader size="sm" aria-label={common('loading')} mb={8} /> : null}
    </Group>
  );
}
