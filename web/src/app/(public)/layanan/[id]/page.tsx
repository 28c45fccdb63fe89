import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { cache } from 'react';
import { environment } from '@/config/environment';
import { complaintFormHref, TRACK_COMPLAINT_HREF } from '@/components/complaint-public/links';
import { IndexSummary } from '@/components/survey-public/index-summary';
import { organizationResultsHref, posterHref, surveyHref } from '@/components/survey-public/links';
import { yearMonthIn } from '@/components/survey-public/period-params';
import { isMissing, publicQuery } from '@/components/survey-public/public-query';
import {
  PublicServicePledgeQuery,
  PublicServiceStandardQuery,
  SatisfactionIndexQuery,
} from '@/components/survey-public/survey-public-operations';
import styles from '@/components/survey-public/survey-public.module.css';

type Params = Promise<{ id: string }>;

const loadService = cache((id: string) =>
  publicQuery(PublicServiceStandardQuery, { id: id.slice(0, 100) }),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { data } = await loadService(decodeURIComponent(id));
  const service = data?.serviceStandard;
  return {
    title: service?.published?.name ?? service?.name,
    description: service ? `${service.name} — ${service.organizationName}` : undefined,
  };
}

/** A list component of the standard: bullets, numbered steps, or "—" when empty. */
function Items({ items, ordered }: { items: readonly string[]; ordered?: boolean }) {
  if (!items.length) return <>—</>;
  const list = items.map((item, index) => <li key={index}>{item}</li>);
  return ordered ? <ol>{list}</ol> : <ul>{list}</ul>;
}

function Text({ value }: { value: string | null | undefined }) {
  return value?.trim() ? <p className={styles.prose}>{value}</p> : <>—</>;
}

/**
 * A service's published standard (the components of PermenPANRB 15/2014), its organization's
 * pledge, the service's IKM this year, and the way to the survey form and the counter poster.
 */
export default async function ServicePage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  const t = await getTranslations('surveyPublic');
  const tComplaint = await getTranslations('complaintPublic.links');
  const format = await getFormatter();
  const { data, error, codes } = await loadService(id);
  if (error && !data?.serviceStandard) {
    if (isMissing(codes)) notFound();
    return (
      <p role="alert" className={styles.error}>
        {error}
      </p>
    );
  }
  const service = data?.serviceStandard;
  const published = service?.published;
  if (!service || !published) notFound();

  const year = yearMonthIn(new Date(), environment().TIME_ZONE).year;
  const [index, pledge] = await Promise.all([
    publicQuery(SatisfactionIndexQuery, { scope: 'SERVICE', id: service.id, period: { year } }),
    publicQuery(PublicServicePledgeQuery, { organizationCode: service.organizationCode }),
  ]);
  const pledgeVersion = pledge.data?.servicePledge?.published;
  const c = published.components;

  const components: [key: string, content: ReactNode][] = [
    ['requirements', <Items key="r" items={c.requirements} />],
    ['procedure', <Items key="p" items={c.procedure} ordered />],
    [
      'completionTime',
      <>
        {c.completionTime}
        {c.completionDays !== null && c.completionDays !== undefined
          ? ` (${t('service.workingDays', { count: c.completionDays })})`
          : null}
      </>,
    ],
    ['cost', <Text key="c" value={c.cost} />],
    ['products', <Items key="pr" items={c.products} />],
    ['facilities', <Items key="f" items={c.facilities} />],
    ['officerCompetence', <Items key="o" items={c.officerCompetence} />],
    ['internalSupervision', <Text key="i" value={c.internalSupervision} />],
    ['complaintHandling', <Text key="h" value={c.complaintHandling} />],
    [
      'numberOfOfficers',
      c.numberOfOfficers === null || c.numberOfOfficers === undefined
        ? '—'
        : t('service.officers', { count: c.numberOfOfficers }),
    ],
    ['serviceGuarantee', <Text key="g" value={c.serviceGuarantee} />],
    ['securityGuarantee', <Text key="s" value={c.securityGuarantee} />],
    ['performanceEvaluation', <Text key="e" value={c.performanceEvaluation} />],
    ['legalBasis', <Items key="l" items={c.legalBasis} />],
  ];

  return (
    <>
      <p className={styles.backLink}>
        <Link href="/layanan">← {t('service.back')}</Link>
      </p>
      <h1>{published.name}</h1>
      <p className={styles.meta}>
        <span className={styles.badge}>{published.category}</span>
        <Link href={`/direktori/${encodeURIComponent(service.organizationCode)}`}>
          {service.organizationName}
        </Link>
      </p>
      {published.description ? <p className={styles.lead}>{published.description}</p> : null}

      <div className={styles.actions}>
        <Link
          href={surveyHref(service.id)}
          className={`${styles.button} ${styles.primaryAction}`}
          data-testid="isi-survei"
        >
          {t('service.takeSurvey')}
        </Link>
        {published.onlineServiceUrl ? (
          <a
            href={published.onlineServiceUrl}
            className={`${styles.button} ${styles.secondaryButton}`}
            rel="noopener noreferrer external"
          >
            {t('service.online')}
          </a>
        ) : null}
        <Link
          href={posterHref(service.id)}
          className={`${styles.button} ${styles.secondaryButton}`}
        >
          {t('service.poster')}
        </Link>
        <Link
          href={complaintFormHref(service.id)}
          className={`${styles.button} ${styles.secondaryButton}`}
          data-testid="adukan-layanan"
        >
          {tComplaint('serviceFile')}
        </Link>
      </div>
      <p>
        <Link href={TRACK_COMPLAINT_HREF}>{tComplaint('track')}</Link>
      </p>

      <section className={styles.section} aria-labelledby="ikm-layanan">
        <h2 id="ikm-layanan">{t('service.indexTitle', { year })}</h2>
        {index.data ? (
          <IndexSummary index={index.data.satisfactionIndex} />
        ) : (
          <p role="alert" className={styles.error}>
            {index.error ?? t('unavailable')}
          </p>
        )}
        <p>
          <Link href={organizationResultsHref(service.organizationCode, `tahun=${year}`)}>
            {t('service.organizationResults', { organization: service.organizationName })}
          </Link>
        </p>
      </section>

      <section className={styles.section} aria-labelledby="standar-pelayanan">
        <h2 id="standar-pelayanan">{t('service.standardTitle')}</h2>
        <dl className={styles.components}>
          {components.map(([key, content]) => (
            <div key={key} data-component={key}>
              <dt>{t(`component.${key}` as 'component.requirements')}</dt>
              <dd>{content}</dd>
            </div>
          ))}
        </dl>
        {published.publishedAt ? (
          <p className={styles.muted}>
            {t('service.publishedAt', {
              version: published.version,
              date: format.dateTime(new Date(published.publishedAt), { dateStyle: 'long' }),
            })}
          </p>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="maklumat-pelayanan">
        <h2 id="maklumat-pelayanan">{t('pledge.title')}</h2>
        {pledgeVersion ? (
          <div className={styles.pledge}>
            <p className={styles.prose}>{pledgeVersion.text}</p>
            {pledgeVersion.commitments.length ? (
              <ol>
                {pledgeVersion.commitments.map((commitment, index) => (
                  <li key={index}>{commitment}</li>
                ))}
              </ol>
            ) : null}
            <p className={styles.signature}>
              {t('pledge.effective', {
                // Noon UTC: the same calendar day in every Indonesian time zone.
                date: format.dateTime(new Date(`${pledgeVersion.effectiveDate}T12:00:00Z`), {
                  dateStyle: 'long',
                }),
              })}
              <br />
              {pledgeVersion.signatoryPosition}
              <br />
              <strong>{pledgeVersion.signatoryName}</strong>
            </p>
          </div>
        ) : (
          <p className={styles.muted}>{pledge.error ?? t('pledge.none')}</p>
        )}
      </section>
    </>
  );
}
