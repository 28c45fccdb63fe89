'use client';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { barChartOption } from '@/components/charts/chart-options';
import { EChart } from '@/components/charts/echart';
import { StatCard } from '@/components/stat-card';
import type { ServiceGrade } from '@/gql/graphql';
import { GradeBadge } from './survey-badges';
import { distributionChartOption, nrrChartOption, trendChartOption } from './survey-chart-options';
import { distributionShares, formatCount, formatScore, isWeak, sampleStatus } from './survey-index';

export interface ElementScoreView {
  element: { code: string; order: number; name: string; labels: readonly string[] };
  total: number;
  answers: number;
  nrr: number | null;
  distribution: readonly number[];
}

interface ProfileCountView {
  code: string;
  label: string;
  count: number;
}

export interface SatisfactionIndexView {
  scopeName: string;
  period: { key: string; label: string };
  respondents: number;
  ikm: number | null;
  ikmConverted: number | null;
  grade: ServiceGrade | null;
  performance: string | null;
  population: number | null;
  minimumSample: number | null;
  sampleShortfall: number | null;
  sampleAdequate: boolean | null;
  elements: readonly ElementScoreView[];
  profile: {
    gender: readonly ProfileCountView[];
    ageGroup: readonly ProfileCountView[];
    education: readonly ProfileCountView[];
    occupation: readonly ProfileCountView[];
  };
}

export interface TrendPointView {
  period: { key: string; label: string };
  respondents: number;
  ikmConverted: number | null;
  grade: ServiceGrade | null;
}

export function ChartCard({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** IKM, grade, performance, respondents against the minimum sample (KPI cards). */
export function IndexSummary({ index }: { index: SatisfactionIndexView }) {
  const t = useTranslations('surveyAdmin.index');
  const locale = useLocale();
  const sample = sampleStatus(index);
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" m={0}>
      <StatCard
        label={t('ikmConverted')}
        hint={t('ikmScale', { value: formatScore(index.ikm, locale) })}
      >
        <span data-testid="ikm-konversi">{formatScore(index.ikmConverted, locale)}</span>
      </StatCard>
      <StatCard label={t('grade')} hint={t('gradeHint')}>
        <GradeBadge grade={index.grade} performance={index.performance} size="lg" />
      </StatCard>
      <StatCard
        label={t('respondents')}
        hint={
          sample === 'unknown'
            ? t('noPopulation')
            : t('minimumSample', {
                minimum: formatCount(index.minimumSample, locale),
                population: formatCount(index.population, locale),
              })
        }
      >
        <span data-testid="jumlah-responden">{formatCount(index.respondents, locale)}</span>
      </StatCard>
      <StatCard label={t('sample')} hint={sample === 'short' ? t('shortfallHint') : undefined}>
        {sample === 'unknown' ? (
          <Text span c="dimmed" fw={700}>
            {t('sampleUnknown')}
          </Text>
        ) : sample === 'adequate' ? (
          <Text span c="#1b5e20" fw={700}>
            {t('sampleAdequate')}
          </Text>
        ) : (
          <Text span c="#c92a2a" fw={700}>
            {t('shortfall', { count: formatCount(index.sampleShortfall, locale) })}
          </Text>
        )}
      </StatCard>
    </SimpleGrid>
  );
}

/** NRR per element (bars, weak ones in red) with the numbers as a table for screen readers. */
export function ElementNrrChart({
  elements,
  idPrefix,
}: {
  elements: readonly ElementScoreView[];
  idPrefix: string;
}) {
  const t = useTranslations('surveyAdmin.index');
  const locale = useLocale();
  const option = useMemo(
    () =>
      nrrChartOption({
        categories: elements.map((e) => `${e.element.code} ${e.element.name}`),
        values: elements.map((e) => e.nrr),
        weak: elements.map((e) => isWeak(e.nrr)),
        name: t('nrr'),
        format: (value) => formatScore(value, locale),
      }),
    [elements, t, locale],
  );
  const answered = elements.some((e) => e.answers > 0);
  return (
    <ChartCard id={`${idPrefix}-nrr`} title={t('nrrTitle')}>
      {!answered ? (
        <Text c="dimmed">{t('noAnswers')}</Text>
      ) : (
        <>
          <EChart option={option} height={48 + elements.length * 40} ariaLabel={t('nrrLabel')} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('weakHint')}
          </Text>
          <ChartDataTable
            caption={t('nrrTitle')}
            columns={[t('element'), t('nrr'), t('answers')]}
            rows={elements.map((e) => [
              `${e.element.code} ${e.element.name}`,
              formatScore(e.nrr, locale),
              formatCount(e.answers, locale),
            ])}
          />
        </>
      )}
    </ChartCard>
  );
}

/** The whole results block of /skm: KPIs, NRR, distribution, trend, respondent profile. */
export function SatisfactionResults({
  index,
  trend,
}: {
  index: SatisfactionIndexView;
  trend: readonly TrendPointView[];
}) {
  const t = useTranslations('surveyAdmin.index');
  const locale = useLocale();
  const elements = index.elements;
  const answerNames = useMemo(() => [1, 2, 3, 4].map((value) => t('answerValue', { value })), [t]);
  const distributionOption = useMemo(
    () =>
      distributionChartOption({
        categories: elements.map((e) => e.element.code),
        shares: distributionShares(elements),
        answerNames,
      }),
    [elements, answerNames],
  );
  const trendOption = useMemo(
    () =>
      trendChartOption({
        categories: trend.map((point) => point.period.label),
        values: trend.map((point) => point.ikmConverted),
        name: t('ikmConverted'),
        format: (value) => formatScore(value, locale),
      }),
    [trend, t, locale],
  );
  const profiles = useMemo(
    () =>
      (['gender', 'ageGroup', 'education', 'occupation'] as const).map((key) => ({
        key,
        counts: index.profile[key].filter((item) => item.count > 0),
      })),
    [index.profile],
  );
  const answered = elements.some((e) => e.answers > 0);

  return (
    <>
      <section aria-labelledby="ringkasan-ikm">
        <Title order={2} size="h3" id="ringkasan-ikm" mb="sm">
          {t('summaryTitle', { scope: index.scopeName, period: index.period.label })}
        </Title>
        <IndexSummary index={index} />
      </section>

      <section aria-labelledby="grafik-ikm">
        <Title order={2} size="h3" id="grafik-ikm" mb="sm">
          {t('chartsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <ElementNrrChart elements={elements} idPrefix="skm" />
          <ChartCard id="skm-sebaran" title={t('distributionTitle')}>
            {!answered ? (
              <Text c="dimmed">{t('noAnswers')}</Text>
            ) : (
              <>
                <EChart
                  option={distributionOption}
                  height={64 + elements.length * 36}
                  ariaLabel={t('distributionLabel')}
                />
                <ChartDataTable
                  caption={t('distributionTitle')}
                  columns={[t('element'), ...answerNames]}
                  rows={elements.map((e) => [
                    `${e.element.code} ${e.element.name}`,
                    ...[0, 1, 2, 3].map((i) => formatCount(e.distribution[i] ?? 0, locale)),
                  ])}
                />
              </>
            )}
          </ChartCard>
          <ChartCard id="skm-tren" title={t('trendTitle')}>
            {trend.every((point) => point.ikmConverted === null) ? (
              <Text c="dimmed">{t('noTrend')}</Text>
            ) : (
              <>
                <EChart option={trendOption} height={300} ariaLabel={t('trendLabel')} />
                <ChartDataTable
                  caption={t('trendTitle')}
                  columns={[t('period'), t('ikmConverted'), t('grade'), t('respondents')]}
                  rows={trend.map((point) => [
                    point.period.label,
                    formatScore(point.ikmConverted, locale),
                    point.grade ?? '—',
                    formatCount(point.respondents, locale),
                  ])}
                />
              </>
            )}
          </ChartCard>
          <ProfileCharts profiles={profiles} />
        </SimpleGrid>
      </section>
    </>
  );
}

function ProfileCharts({
  profiles,
}: {
  profiles: {
    key: 'gender' | 'ageGroup' | 'education' | 'occupation';
    counts: ProfileCountView[];
  }[];
}) {
  const t = useTranslations('surveyAdmin.index');
  const locale = useLocale();
  const options = useMemo(
    () =>
      profiles.map((profile) =>
        barChartOption({
          categories: profile.counts.map((item) => item.label),
          series: [{ name: t('respondents'), values: profile.counts.map((item) => item.count) }],
          formatValue: (value) => formatCount(value, locale),
          integer: true,
          horizontal: true,
        }),
      ),
    [profiles, t, locale],
  );
  return (
    <ChartCard id="skm-profil" title={t('profileTitle')}>
      {profiles.every((profile) => profile.counts.length === 0) ? (
        <Text c="dimmed">{t('noProfile')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {profiles.map((profile, index) =>
            profile.counts.length === 0 ? null : (
              <div key={profile.key}>
                <Text size="sm" fw={600}>
                  {t(`profile.${profile.key}`)}
                </Text>
                <EChart
                  option={options[index] ?? {}}
                  height={40 + profile.counts.length * 32}
                  ariaLabel={t('profileLabel', { field: t(`profile.${profile.key}`) })}
                />
                <ChartDataTable
                  caption={t(`profile.${profile.key}`)}
                  columns={[t(`profile.${profile.key}`), t('respondents')]}
                  rows={profile.counts.map((item) => [item.label, formatCount(item.count, locale)])}
                />
              </div>
            ),
          )}
        </SimpleGrid>
      )}
    </ChartCard>
  );
}
