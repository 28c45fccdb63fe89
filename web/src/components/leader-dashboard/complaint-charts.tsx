'use client';
import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import {
  CHART_COLORS,
  barChartOption,
  lineChartOption,
  periodLabel,
} from '@/components/charts/chart-options';
import { EChart } from '@/components/charts/echart';
import { caseReferenceHref, formatCount, type Dashboard } from './dashboard-view';

function ChartCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Complaints received, answered and answered on time per month; overdue cases per organization. */
export function ComplaintCharts({
  trend,
  overdue,
}: {
  trend: Dashboard['complaintTrend'];
  overdue: Dashboard['overdueByOrganization'];
}) {
  const t = useTranslations('leaderDashboard.complaints');
  const locale = useLocale();
  const months = useMemo(
    () => trend.map((point) => periodLabel(point.month, locale)),
    [trend, locale],
  );
  const hasComplaints = trend.some((point) => point.received > 0 || point.answered > 0);
  const overdueShown = useMemo(() => overdue.filter((item) => item.count > 0), [overdue]);

  const trendOption = useMemo(
    () =>
      lineChartOption({
        categories: months,
        series: [
          { name: t('received'), values: trend.map((p) => p.received), color: CHART_COLORS.blue },
          { name: t('answered'), values: trend.map((p) => p.answered), color: CHART_COLORS.teal },
          {
            name: t('onTime'),
            values: trend.map((p) => p.answeredOnTime),
            color: CHART_COLORS.green,
          },
        ],
        formatValue: formatCount,
      }),
    [months, trend, t],
  );
  const overdueOption = useMemo(
    () =>
      barChartOption({
        categories: overdueShown.map((item) => item.organizationName),
        series: [
          {
            name: t('overdueCount'),
            values: overdueShown.map((item) => item.count),
            color: CHART_COLORS.red,
          },
        ],
        formatValue: formatCount,
        integer: true,
        horizontal: true,
      }),
    [overdueShown, t],
  );

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard id="dasbor-tren-pengaduan" title={t('trendTitle')}>
        {hasComplaints ? (
          <EChart option={trendOption} height={280} ariaLabel={t('trendLabel')} />
        ) : (
          <Text c="dimmed">{t('noTrend')}</Text>
        )}
        {/* Always in the page (also without complaints): the numbers the live test reads. */}
        <div data-testid="tren-pengaduan">
          <ChartDataTable
            caption={t('trendTitle')}
            columns={[t('month'), t('received'), t('answered'), t('onTime')]}
            rows={trend.map((point, index) => [
              months[index] ?? point.month,
              formatCount(point.received),
              formatCount(point.answered),
              formatCount(point.answeredOnTime),
            ])}
          />
        </div>
      </ChartCard>
      <ChartCard id="dasbor-kasus-terlambat" title={t('overdueTitle')}>
        {overdueShown.length === 0 ? (
          <Text c="dimmed">{t('noOverdue')}</Text>
        ) : (
          <>
            <EChart
              option={overdueOption}
              height={Math.max(180, 48 + overdueShown.length * 34)}
              ariaLabel={t('overdueLabel')}
            />
            <ul style={{ margin: '8px 0 0', paddingInlineStart: '1.25rem' }}>
              {overdueShown.map((item) => (
                <li key={item.organizationCode}>
                  <Text size="sm" span fw={600}>
                    {item.organizationName}: {formatCount(item.count)}
                  </Text>{' '}
                  <Text size="xs" span c="dimmed">
                    {item.references.map((reference, index) => {
                      const href = caseReferenceHref(reference);
                      return (
                        <span key={reference}>
                          {index > 0 ? ', ' : ''}
                          {href ? (
                            <Anchor component={Link} href={href} size="xs" c="blue.8">
                              {reference}
                            </Anchor>
                          ) : (
                            reference
                          )}
                        </span>
                      );
                    })}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </ChartCard>
    </SimpleGrid>
  );
}
