import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { environment } from '@/config/environment';
import { counterSurveyUrl, posterHref, serviceHref } from '@/components/survey-public/links';
import { PrintButton } from '@/components/survey-public/print-button';
import { isMissing, publicQuery } from '@/components/survey-public/public-query';
import { qrDrawing } from '@/components/survey-public/qr-svg';
import { PublicServiceQrQuery } from '@/components/survey-public/survey-public-operations';
import shared from '@/components/survey-public/survey-public.module.css';
import styles from '@/components/survey-public/poster.module.css';
import { single, type SearchParams } from '@/navigation/search-params';

type Params = Promise<{ id: string }>;

const loadService = cache((id: string) =>
  publicQuery(PublicServiceQrQuery, { id: id.slice(0, 100) }),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('surveyPublic.poster');
  const { data } = await loadService(decodeURIComponent(id));
  const name = data?.serviceStandard?.name;
  return { title: name ? t('pageTitle', { service: name }) : t('title'), robots: { index: false } };
}

/**
 * A printable poster for the service counter: the service, its organization and a QR code
 * (drawn on the server as SVG) leading to the survey form with `kanal=loket`.
 */
export default async function ServicePosterPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const id = decodeURIComponent((await params).id);
  const a5 = single((await searchParams).ukuran)?.toLowerCase() === 'a5';
  const t = await getTranslations('surveyPublic.poster');
  const { data, error, codes } = await loadService(id);
  if (error && !data?.serviceStandard) {
    if (isMissing(codes)) notFound();
    return (
      <p role="alert" className={shared.error}>
        {error}
      </p>
    );
  }
  const service = data?.serviceStandard;
  if (!service?.published) notFound();

  const url = counterSurveyUrl(environment().NEXTAUTH_URL, service.id);
  const qr = qrDrawing(url);

  return (
    <>
      <div className={styles.toolbar}>
        <Link href={serviceHref(service.id)}>← {t('back')}</Link>
        <PrintButton label={t('print')} className={shared.button} />
        <span>
          {t('size')}{' '}
          {a5 ? (
            <Link href={posterHref(service.id)}>A4</Link>
          ) : (
            <strong aria-current="page">A4</strong>
          )}{' '}
          ·{' '}
          {a5 ? (
            <strong aria-current="page">A5</strong>
          ) : (
            <Link href={`${posterHref(service.id)}?ukuran=a5`}>A5</Link>
          )}
        </span>
      </div>
      <article className={`${styles.poster} ${a5 ? styles.a5 : ''}`} data-testid="poster-qr">
        <p className={styles.kicker}>{t('kicker')}</p>
        <h1 className={styles.service}>{service.name}</h1>
        <p className={styles.organization}>{service.organizationName}</p>
        <svg
          className={styles.qr}
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          role="img"
          aria-label={t('qrLabel', { url })}
          shapeRendering="crispEdges"
          xmlns="http://www.w3.org/2000/svg"
        >
          <rect width={qr.size} height={qr.size} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
        <p className={styles.url}>{url}</p>
        <ol className={styles.steps}>
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
        </ol>
        <p className={styles.privacy}>{t('privacy')}</p>
      </article>
    </>
  );
}
