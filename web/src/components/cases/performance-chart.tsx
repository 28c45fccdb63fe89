'use client';
import { Text } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { CHART_COLORS, barChartOption } from '@/components/charts/chart-options';
import { EChart } from '@/components/charts/echart';

export interface OfficerPoints {
  name: string;
  points: number;
  completed: number;
}

/** Points per officer in the period as horizontal bars, with the numbers for screen readers. */
export function PerformanceChart({
  officers,
  caption,
}: {
  officers: readonly OfficerPoints[];
  caption: string;
}) {
  const t = useTranslations('cases.performance');
  const format = useFormatter();
  const sorted = useMemo(() => [...officers].sort((a, b) => b.points - a.points), [officers]);
  const option = useMemo(
    () =>
      barChartOption({
        categories: sorted.map((officer) => officer.name),
        series: [
          {
            name: t('points'),
            values: sorted.map((officer) => officer.points),
            color: CHART_COLORS.blue,
          },
        ],
        formatValue: (value) => format.number(value, { maximumFractionDigits: 0 }),
        integer: true,
        horizontal: true,
      }),
    [sorted, t, format],
  );
  if (sorted.length === 0) return <Text c="dimmed">{t('noOfficers')}</Text>;
  return (
    <>
      <EChart
        option={option}
        height={Math.max(200, 48 + sorted.length * 36)}
        ariaLabel={t('chartLabel', { caption })}
      />
      <ChartDataTable
        caption={caption}
        columns={[t('officer'), t('points'), t('completed')]}
        rows={sorted.map((officer) => [
          officer.name,
          String(officer.points),
          String(officer.completed),
        ])}
      />
    </>
  );
}
