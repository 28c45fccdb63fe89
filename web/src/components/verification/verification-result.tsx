import { getFormatter, getTranslations } from 'next-intl/server';
import type { VerifySignatureQuery } from '@/gql/graphql';
import styles from './verification.module.css';

/** What both public checks (by code, by file hash) select. */
type Result = VerifySignatureQuery['verifySignature'];

/**
 * The answer of a verification for anyone, without login: a large VALID or TIDAK VALID, then who
 * sealed which document when, and a warning when the document was withdrawn afterwards.
 */
export async function VerificationResult({ result }: { result: Result }) {
  const t = await getTranslations('verification');
  const format = await getFormatter();
  const none = '—';
  return (
    <section
      className={`${styles.result} ${result.valid ? styles.valid : styles.invalid}`}
      aria-labelledby="putusan-verifikasi"
      data-testid="hasil-verifikasi"
      data-valid={result.valid}
    >
      <h2 className={styles.verdict} id="putusan-verifikasi">
        {result.valid ? t('valid') : t('invalid')}
      </h2>
      <p className={styles.message}>{result.message}</p>
      {result.withdrawn ? (
        <p className={styles.warning} role="alert">
          {t('withdrawn')}
        </p>
      ) : null}
      {result.documentTitle || result.signerName ? (
        <dl className={styles.facts}>
          <dt>{t('document')}</dt>
          <dd>{result.documentTitle ?? none}</dd>
          <dt>{t('version')}</dt>
          <dd>{result.version ?? none}</dd>
          <dt>{t('signer')}</dt>
          <dd>{result.signerName ?? none}</dd>
          <dt>{t('organization')}</dt>
          <dd>{result.signerOrganizationCode ?? none}</dd>
          <dt>{t('signedAt')}</dt>
          <dd>
            {result.signedAt
              ? format.dateTime(new Date(result.signedAt), { dateStyle: 'long', timeStyle: 'long' })
              : none}
          </dd>
          <dt>{t('sha256')}</dt>
          <dd className={styles.hash}>{result.sha256 ?? none}</dd>
          {result.algorithm ? (
            <>
              <dt>{t('algorithm')}</dt>
              <dd>{result.algorithm}</dd>
            </>
          ) : null}
          {result.code ? (
            <>
              <dt>{t('code')}</dt>
              <dd className={styles.hash}>{result.code}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
