import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { environment } from '@/config/environment';
import { getFragmentData } from '@/gql';
import { ElementChart } from '@/components/survey-public/element-chart';
import { IndexSummary } from '@/components/survey-public/index-summary';
import { IndexTable, type IndexTableRow } from '@/components/survey-public/index-table';
import { serviceHref } from '@/components/survey-public/links';
import {
  parsePeriodParams,
  periodQuery,
  periodVariables,
  trendRequest,
  yearOptions,
  type PeriodVariables,
} from '@/components/survey-public/period-params';
import { PeriodSelector } from '@/components/survey-public/period-selector';
import { isMissing, publicQuery } from '@/components/survey-public/public-query';
import {
  IndexSummaryFragment,
  OrganizationServicesQuery,
  SatisfactionIndexQuery,
  SatisfactionTrendQuery,
} from '@/components/survey-public/survey-public-operations';
import styles from '@/components/survey-public/survey-public.module.css';
import { TrendChart } from '@/components/survey-public/trend-chart';
import type { SearchParams } from '@/navigation/search-params';

type Params = Promise<{ organizationCode: string }>;

const loadIndex = cache((code: string, year: number, semester: number, quarter: number) => {
  const period: PeriodVariables = { year };
  if (semester) period.semester = semester;
  if (quarter) period.quarter = quarter;
  return publicQuery(SatisfactionIndexQuery, {
    scope: 'ORGANIZATION',
    id: code.slice(0, 60),
    period,
  });
});

function organizationCode(raw: string): string {
  return decodeURIComponent(raw).trim();
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}): Promise<Metadata> {
  const code = organizationCode((await params).organizationCode);
  const selection = parsePeriodParams(await searchParams, new Date(), environment().TIME_ZONE);
  const t = await getTranslations('surveyPublic.results');
  const { data } = await loadIndex(
    code,
    selection.year,
    selection.semester ?? 0,
    selection.quarter ?? 0,
  );
  const name = data?.satisfactionIndex.scopeName ?? code;
  return { title: t('organizationPageTitle', { name }) };
}

/** The published SKM results of one organization, with each of its services' indices. */
export default async function OrganizationResultsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const code = organizationCode((await params).organizationCode);
  const timeZone = environment().TIME_ZONE;
  const now = new Date();
  const selection = parsePeriodParams(await searchParams, now, timeZone);
  const period = periodVariables(selection);
  const trend = trendRequest(selection, now, timeZone);
  const t = await getTranslations('surveyPublic');

  const [organization, trendResult, services] = await Promise.all([
    loadIndex(code, selection.year, selection.semester ?? 0, selection.quarter ?? 0),
    publicQuery(SatisfactionTrendQuery, {
      scope: 'ORGANIZATION',
      id: code,
      granularity: trend.granularity,
      until: trend.until,
      count: trend.count,
    }),
    publicQuery(OrganizationServicesQuery, { organizationCode: code }),
  ]);
  const index = organization.data?.satisfactionIndex;
  if (!index && isMissing(organization.codes)) notFound();

  // One index per published service (an organization has tens of services, not thousands).
  const serviceNodes = services.data?.serviceStandards.edges.map((edge) => edge.node) ?? [];
  const serviceIndices = await Promise.all(
    serviceNodes.map(async (service) => ({
      service,
      result: await publicQuery(SatisfactionIndexQuery, {
        scope: 'SERVICE',
        id: service.id,
        period,
      }),
    })),
  );
  const serviceRows: (IndexTableRow & { converted: number | null })[] = serviceIndices.flatMap(
    ({ service, result }) => {
      const serviceIndex = result.data?.satisfactionIndex;
      if (!serviceIndex) return [];
      return [
        {
          key: service.id,
          name: service.name,
          href: serviceHref(service.id),
          index: serviceIndex,
          converted: getFragmentData(IndexSummaryFragment, serviceIndex).ikmConverted ?? null,
        },
      ];
    },
  );
  // Highest first; services without respondents last, by name.
  serviceRows.sort(
    (a, b) => (b.converted ?? -1) - (a.converted ?? -1) || a.name.localeCompare(b.name, 'id'),
  );
  const servicesFailed = Boolean(services.error) || serviceRows.length < serviceNodes.length;

  return (
    <>
      <p className={styles.backLink}>
        <Link href={`/hasil-survei?${periodQuery(selection)}`}>← {t('results.back')}</Link>
      </p>
      <h1>{index?.scopeName ?? code}</h1>
      <p className={styles.lead}>{t('results.organizationLead')}</p>
      <PeriodSelector
        action={`/hasil-survei/${encodeURIComponent(code)}`}
        selection={selection}
        years={yearOptions(selection, now, timeZone)}
      />

      <section className={styles.section} aria-labelledby="ikm-organisasi">
        <h2 id="ikm-organisasi">
          {index
            ? t('results.scopeTitle', { name: index.scopeName, period: index.period.label })
            : t('results.organizationTitle')}
        </h2>
        {index ? (
          <>
            <IndexSummary index={index} />
            <ElementChart index={index} id="unsur-organisasi" />
          </>
        ) : (
          <p role="alert" className={styles.error}>
            {organization.error ?? t('unavailable')}
          </p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="tren-organisasi">
        <h2 id="tren-organisasi">{t(`results.trendTitle.${trend.granularity}`)}</h2>
        {trendResult.data ? (
          <TrendChart points={trendResult.data.satisfactionTrend} id="grafik-tren-organisasi" />
        ) : (
          <p role="alert" className={styles.error}>
            {trendResult.error ?? t('unavailable')}
          </p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="indeks-layanan">
        <h2 id="indeks-layanan">{t('results.servicesTitle')}</h2>
        {serviceRows.length ? (
          <IndexTable
            caption={t('results.servicesTitle')}
            nameHeader={t('results.service')}
            testId="indeks-layanan"
            rows={serviceRows}
          />
        ) : services.data && !servicesFailed ? (
          <p className={styles.muted}>{t('results.noServices')}</p>
        ) : null}
        {servicesFailed ? (
          <p role="alert" className={styles.error}>
            {services.error ?? t('results.someServicesMissing')}
          </p>
        ) : null}
      </section>
    </>
  );
}
