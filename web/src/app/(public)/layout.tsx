import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { readSession } from '@/auth/session';
import { LanguageSwitch } from '@/components/layout/language-switch';
import styles from './public.module.css';

/** Public area: server-rendered HTML with almost no client JavaScript (2 Mbps links). */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  const tSurvey = await getTranslations('surveyPublic.nav');
  const tComplaint = await getTranslations('complaintPublic.links');
  const user = await readSession();
  return (
    <>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link href="/" className={styles.brand}>
            SIPADU
          </Link>
          <nav aria-label={t('mainNavigation')} className={styles.nav}>
            <Link href="/">{t('home')}</Link>
            <Link href="/direktori">{t('directory')}</Link>
            <Link href="/layanan">{tSurvey('services')}</Link>
            <Link href="/hasil-survei">{tSurvey('results')}</Link>
            <Link href="/lapor">{tComplaint('file')}</Link>
            <Link href="/lacak">{tComplaint('track')}</Link>
            <Link href="/data-terbuka">{t('openData')}</Link>
            <Link href="/verifikasi">{t('verify')}</Link>
            {user ? (
              <a href="/dasbor" className={styles.cta}>
                {t('dashboard')}
              </a>
            ) : (
              <a href="/masuk?callbackUrl=%2Fdasbor" className={styles.cta}>
                {t('signIn')}
              </a>
            )}
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="konten" className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>{t('footer')}</footer>
    </>
  );
}
