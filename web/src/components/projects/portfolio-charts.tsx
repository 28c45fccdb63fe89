'use client';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { CHART_COLORS, barChartOption, pieChartOption } from '@/components/charts/chart-options';
import { EChart } from '@/components/charts/echart';
import type { LoanProjectStage } from '@/gql/graphql';
import { formatRupiah, formatRupiahShort } from './format';
import { STAGE_COLORS } from './project-stage';

interface Props {
  byYear: readonly {
    fiscalYear: number;
    totals: { loanAmount: number; approvedAmount: number; disbursedAmount: number };
  }[];
  byStage: readonly { stage: LoanProjectStage; label: string; count: number; amount: number }[];
  byOrganization: readonly { value: string; label: string; count: number }[];
}

const count = (value: number) => value.toLocaleString('id-ID', { maximumFractionDigits: 0 });

function ChartCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The leaders' charts: amounts per year, projects per stage and per executing organization. */
export function PortfolioCharts({ byYear, byStage, byOrganization }: Props) {
  const t = useTranslations('portfolio');
  const years = useMemo(() => [...byYear].sort((a, b) => a.fiscalYear - b.fiscalYear), [byYear]);
  const stages = useMemo(() => byStage.filter((stage) => stage.count > 0), [byStage]);

  const amountsOption = useMemo(
    () =>
      barChartOption({
        categories: years.map((year) => String(year.fiscalYear)),
        series: [
          {
            name: t('loanAmount'),
            values: years.map((year) => year.totals.loanAmount),
            color: CHART_COLORS.blue,
          },
          {
            name: t('approvedAmount'),
            values: years.map((year) => year.totals.approvedAmount),
            color: CHART_COLORS.teal,
          },
          {
            name: t('disbursedAmount'),
            values: years.map((year) => year.totals.disbursedAmount),
            color: CHART_COLORS.green,
          },
        ],
        formatValue: formatRupiah,
        formatAxis: formatRupiahShort,
      }),
    [years, t],
  );
  const stageOption = useMemo(
    () =>
      pieChartOption({
        name: t('byStageTitle'),
        items: stages.map((stage) => ({
          name: stage.label,
          value: stage.count,
          color: STAGE_COLORS[stage.stage],
        })),
        formatValue: count,
      }),
    [stages, t],
  );
  const organizationOption = useMemo(
    () =>
      barChartOption({
        categories: byOrganization.map((organization) => organization.label),
        series: [
          {
            name: t('projectCount'),
            values: byOrganization.map((organization) => organization.count),
            color: CHART_COLORS.violet,
          },
        ],
        formatValue: count,
        integer: true,
        horizontal: true,
      }),
    [byOrganization, t],
  );

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard id="grafik-per-tahun" title={t('byYearTitle')}>
        {years.length === 0 ? (
          <Text c="dimmed">{t('noData')}</Text>
        ) : (
          <>
            <EChart option={amountsOption} height={300} ariaLabel={t('byYearLabel')} />
            <ChartDataTable
              caption={t('byYearTitle')}
              columns={[
                t('fiscalYear'),
                t('loanAmount'),
                t('approvedAmount'),
                t('disbursedAmount'),
              ]}
              rows={years.map((year) => [
                String(year.fiscalYear),
                formatRupiah(year.totals.loanAmount),
                formatRupiah(year.totals.approvedAmount),
                formatRupiah(year.totals.disbursedAmount),
              ])}
            />
          </>
        )}
      </ChartCard>
      <ChartCard id="grafik-per-tahap" title={t('byStageTitle')}>
        {stages.length === 0 ? (
          <Text c="dimmed">{t('noData')}</Text>
        ) : (
          <>
            <EChart option={stageOption} height={300} ariaLabel={t('byStageLabel')} />
            <ChartDataTable
              caption={t('byStageTitle')}
              columns={[t('stage'), t('projectCount'), t('loanAmount')]}
              rows={stages.map((stage) => [
                stage.label,
                count(stage.count),
                formatRupiah(stage.amount),
              ])}
            />
          </>
        )}
      </ChartCard>
      <ChartCard id="grafik-per-organisasi" title={t('byOrganizationTitle')}>
        {byOrganization.length === 0 ? (
          <Text c="dimmed">{t('noData')}</Text>
        ) : (
          <>
            <EChart
              option={organizationOption}
              height={Math.max(200, 48 + byOrganization.length * 36)}
              ariaLabel={t('byOrganizationLabel')}
            />
            <ChartDataTable
              caption={t('byOrganizationTitle')}
              columns={[t('organization'), t('projectCount')]}
              rows={byOrganization.map((organization) => [
                organization.label,
                count(organization.count),
              ])}
            />
          </>
        )}
      </ChartCard>
    </SimpleGrid>
  );
}
