import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { environment } from '@/config/environment';
import { ElementChart } from '@/components/survey-public/element-chart';
import { IndexSummary } from '@/components/survey-public/index-summary';
import { IndexTable } from '@/components/survey-public/index-table';
import { organizationResultsHref } from '@/components/survey-public/links';
import {
  parsePeriodParams,
  periodQuery,
  periodVariables,
  trendRequest,
  yearOptions,
} from '@/components/survey-public/period-params';
import { PeriodSelector } from '@/components/survey-public/period-selector';
import { publicQuery } from '@/components/survey-public/public-query';
import {
  OrganizationRankingQuery,
  SatisfactionIndexQuery,
  SatisfactionTrendQuery,
} from '@/components/survey-public/survey-public-operations';
import styles from '@/components/survey-public/survey-public.module.css';
import { TrendChart } from '@/components/survey-public/trend-chart';
import type { SearchParams } from '@/navigation/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyPublic.results');
  return { title: t('title'), description: t('lead') };
}

/**
 * The published SKM results of the whole Pemda for a period: IKM with grade and performance,
 * respondents against the minimum sample, NRR per element, the trend, and every organization
 * ranked. Server-rendered without a chart library: the page stays as light as the directory.
 */
export default async function SurveyResultsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const timeZone = environment().TIME_ZONE;
  const now = new Date();
  const selection = parsePeriodParams(params, now, timeZone);
  const period = periodVariables(selection);
  const trend = trendRequest(selection, now, timeZone);
  const t = await getTranslations('surveyPublic');

  const [pemda, trendResult, ranking] = await Promise.all([
    publicQuery(SatisfactionIndexQuery, { scope: 'PEMDA', id: null, period }),
    publicQuery(SatisfactionTrendQuery, {
      scope: 'PEMDA',
      id: null,
      granularity: trend.granularity,
      until: trend.until,
      count: trend.count,
    }),
    publicQuery(OrganizationRankingQuery, { period }),
  ]);
  const index = pemda.data?.satisfactionIndex;
  const query = periodQuery(selection);

  return (
    <>
      <h1>{t('results.title')}</h1>
      <p className={styles.lead}>{t('results.lead')}</p>
      <PeriodSelector
        action="/hasil-survei"
        selection={selection}
        years={yearOptions(selection, now, timeZone)}
      />

      <section className={styles.section} aria-labelledby="ikm-pemda">
        <h2 id="ikm-pemda">
          {index
            ? t('results.scopeTitle', { name: index.scopeName, period: index.period.label })
            : t('results.pemdaTitle')}
        </h2>
        {index ? (
          <>
            <IndexSummary index={index} />
            <ElementChart index={index} id="unsur-pemda" />
          </>
        ) : (
          <p role="alert" className={styles.error}>
            {pemda.error ?? t('unavailable')}
          </p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="tren-pemda">
        <h2 id="tren-pemda">{t(`results.trendTitle.${trend.granularity}`)}</h2>
        {trendResult.data ? (
          <TrendChart points={trendResult.data.satisfactionTrend} id="grafik-tren-pemda" />
        ) : (
          <p role="alert" className={styles.error}>
            {trendResult.error ?? t('unavailable')}
          </p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="peringkat-organisasi">
        <h2 id="peringkat-organisasi">{t('results.rankingTitle')}</h2>
        {ranking.data ? (
          ranking.data.organizationSatisfaction.length ? (
            <IndexTable
              caption={t('results.rankingTitle')}
              nameHeader={t('results.organization')}
              testId="peringkat-organisasi"
              rows={ranking.data.organizationSatisfaction.map((row, position) => {
                const code = row.scopeId ?? '';
                return {
                  key: code || String(position),
                  name: row.scopeName,
                  href: organizationResultsHref(code, query),
                  index: row,
                };
              })}
            />
          ) : (
            <p className={styles.muted}>{t('results.noOrganizations')}</p>
          )
        ) : (
          <p role="alert" className={styles.error}>
            {ranking.error ?? t('unavailable')}
          </p>
        )}
      </section>

      <p>
        <Link href="/layanan">{t('results.directoryLink')}</Link>
      </p>
    </>
  );
}
