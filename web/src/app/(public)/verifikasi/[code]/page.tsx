import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { VerificationResult } from '@/components/verification/verification-result';
import styles from '@/components/verification/verification.module.css';
import { graphql } from '@/gql';
import { getPublicClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const VerifySignatureQuery = graphql(`
  query VerifySignature($code: String!) {
    verifySignature(code: $code) {
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

type Params = Promise<{ code: string }>;

const verify = cache((code: string) =>
  runQuery(getPublicClient(), VerifySignatureQuery, { code: code.slice(0, 100) }),
);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verification');
  return { title: t('resultTitle'), robots: { index: false } };
}

/** Where the QR code of a sealed PDF leads: is this seal genuine, and on what? */
export default async function VerificationResultPage({ params }: { params: Params }) {
  const code = decodeURIComponent((await params).code);
  const t = await getTranslations('verification');
  const { data, error } = await verify(code);
  return (
    <>
      <p>
        <Link href="/verifikasi">← {t('back')}</Link>
      </p>
      <h1>{t('resultTitle')}</h1>
      <p className={styles.muted}>
        {t('codeLabel')}: <span className={styles.hash}>{code}</span>
      </p>
      {error || !data ? (
        <p role="alert" className={styles.error}>
          {error ?? t('unavailable')}
        </p>
      ) : (
        <VerificationResult result={data.verifySignature} />
      )}
    </>
  );
}
