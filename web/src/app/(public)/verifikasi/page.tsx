import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VerificationResult } from '@/components/verification/verification-result';
import { VerifyFileForm } from '@/components/verification/verify-file-form';
import styles from '@/components/verification/verification.module.css';
import { verificationHref } from '@/documents/links';
import { graphql } from '@/gql';
import { getPublicClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const VerifyHashQuery = graphql(`
  query VerifyFileHash($sha256: String!) {
    verifyFileHash(sha256: $sha256) {
      valid
      message
      documentTitle
      version
      signerName
      signerOrganizationCode
      signedAt
      sha256
      algorithm
      code
      withdrawn
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verification');
  return { title: t('title') };
}

/**
 * Public verification of sealed documents: by the code printed under the QR code, or by choosing
 * the file itself, whose SHA-256 is computed in the browser (the file is never uploaded).
 */
export default async function VerificationPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const code = single(params.kode)?.trim();
  if (code) redirect(verificationHref(code));
  const sha256 = single(params.sha256)?.trim().toLowerCase();
  const validHash = sha256 && /^[0-9a-f]{64}$/.test(sha256) ? sha256 : null;
  const t = await getTranslations('verification');
  const outcome = validHash
    ? await runQuery(getPublicClient(), VerifyHashQuery, { sha256: validHash })
    : null;
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>

      <section className={styles.panel} aria-labelledby="periksa-kode">
        <h2 id="periksa-kode">{t('byCodeTitle')}</h2>
        <form method="get" action="/verifikasi" className={styles.form}>
          <div className={styles.field}>
            <label htmlFor="kode-verifikasi">{t('codeLabel')}</label>
            <input
              id="kode-verifikasi"
              name="kode"
              type="text"
              required
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <button type="submit" className={styles.button}>
            {t('check')}
          </button>
        </form>
      </section>

      <section className={styles.panel} aria-labelledby="periksa-berkas">
        <h2 id="periksa-berkas">{t('byFileTitle')}</h2>
        <VerifyFileForm
          texts={{ label: t('fileLabel'), hashing: t('hashing'), failed: t('hashFailed') }}
        />
        <p className={styles.privacy}>{t('privacy')}</p>
      </section>

      {outcome ? (
        <>
          <p className={styles.muted}>
            {t('checkedHash')} <span className={styles.hash}>{validHash}</span>
          </p>
          {outcome.error || !outcome.data ? (
            <p role="alert" className={styles.error}>
              {outcome.error ?? t('unavailable')}
            </p>
          ) : (
            <VerificationResult result={outcome.data.verifyFileHash} />
          )}
        </>
      ) : null}
    </>
  );
}
