import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { complaintFormHref, TRACK_COMPLAINT_HREF } from '@/components/complaint-public/links';
import styles from './landing.module.css';

export default async function LandingPage() {
  const t = await getTranslations('landing');
  const tSurvey = await getTranslations('surveyPublic.landing');
  const tComplaint = await getTranslations('complaintPublic');
  return (
    <>
      <section className={styles.hero}>
        <h1>{t('title')}</h1>
        <p className={styles.lead}>{t('lead')}</p>
      </section>
      <h2 className={styles.sectionTitle}>{t('whatTitle')}</h2>
      <div className={styles.grid}>
        <article className={styles.card}>
          <h3>{t('directoryTitle')}</h3>
          <p>{t('directoryText')}</p>
          <Link href="/direktori" className={styles.more}>
            {t('directoryLink')}
          </Link>
        </article>
        <article className={styles.card}>
          <h3>{tSurvey('title')}</h3>
          <p>{tSurvey('text')}</p>
          <p>
            <Link href="/layanan" className={styles.more}>
              {tSurvey('link')}
            </Link>
          </p>
          <Link href="/hasil-survei" className={styles.more}>
            {tSurvey('resultsLink')}
          </Link>
        </article>
        <article className={styles.card}>
          <h3>{t('signInTitle')}</h3>
          <p>{t('signInText')}</p>
        </article>
        <article className={styles.card}>
          <h3>{tComplaint('landing.title')}</h3>
          <p>{tComplaint('landing.text')}</p>
          <p>
            <Link href={complaintFormHref()} className={styles.more}>
              {tComplaint('links.file')}
            </Link>
          </p>
          <Link href={TRACK_COMPLAINT_HREF} className={styles.more}>
            {tComplaint('links.track')}
          </Link>
        </article>
      </div>
    </>
  );
}
