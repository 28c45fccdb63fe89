import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInRedirect } from '@/components/auth/sign-in-redirect';
import { safeCallbackPath } from '@/auth/callback-path';
import styles from './sign-in.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title'), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Sends the browser straight on to Keycloak's login page (next-auth's chooser is never shown). */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callback = safeCallbackPath(
    typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined,
  );
  const failed = typeof params.error === 'string';
  const t = await getTranslations('signIn');
  return (
    <main id="konten" className={styles.page}>
      <div className={styles.box}>
        <p className={styles.brand}>SIPADU</p>
        <h1 className={styles.title}>{t('title')}</h1>
        <SignInRedirect
          callbackUrl={callback}
          failed={failed}
          texts={{ redirecting: t('redirecting'), failed: t('failed'), retry: t('retry') }}
        />
      </div>
    </main>
  );
}
