'use client';
import { Text } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { CHART_COLORS, barChartOption } from '@/components/charts/chart-options';
import { EChart } from '@/components/charts/echart';

export interface OrganizationScore {
  name: string;
  score: number | null;
  ikm: number | null;
}

/** Performance score and IKM (converted, 25–100) per organization as horizontal bars. */
export function ScoreChart({
  organizations,
  caption,
}: {
  organizations: readonly OrganizationScore[];
  caption: string;
}) {
  const t = useTranslations('assessment');
  const format = useFormatter();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const option = useMemo(
    () =>
      barChartOption({
        categories: organizations.map((row) => row.name),
        series: [
          {
            name: t('score'),
            values: organizations.map((row) => row.score),
            color: CHART_COLORS.blue,
          },
          {
            name: t('ikm'),
            values: organizations.map((row) => row.ikm),
            color: CHART_COLORS.green,
          },
        ],
        formatValue: (value) => format.number(value, { maximumFractionDigits: 1 }),
        max: 100,
        horizontal: true,
      }),
    [organizations, t, format],
  );
  if (organizations.length === 0) return <Text c="dimmed">{t('noOrganizations')}</Text>;
  return (
    <>
      <EChart
        option={option}
        height={Math.max(220, 64 + organizations.length * 44)}
        ariaLabel={t('chartLabel', { caption })}
      />
      <ChartDataTable
        caption={caption}
        columns={[t('organization'), t('score'), t('ikm')]}
        rows={organizations.map((row) => [
          row.name,
          row.score === null ? '—' : number(row.score),
          row.ikm === null ? '—' : number(row.ikm),
        ])}
      />
    </>
  );
}
