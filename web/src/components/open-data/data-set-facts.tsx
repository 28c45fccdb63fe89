import { getFormatter, getTranslations } from 'next-intl/server';
import surveyStyles from '@/components/survey-public/survey-public.module.css';
import type { DataSetSummaryFragment } from '@/gql/graphql';
import styles from './open-data.module.css';

/** A data set's metadata as a definition list: walidata, frequency, period, license, keywords. */
export async function DataSetFacts({ dataSet }: { dataSet: DataSetSummaryFragment }) {
  const t = await getTranslations('openData');
  const format = await getFormatter();
  return (
    <dl className={surveyStyles.cardFacts}>
      <dt>{t('walidata')}</dt>
      <dd>{dataSet.walidataName}</dd>
      <dt>{t('frequency')}</dt>
      <dd>{dataSet.updateFrequency}</dd>
      <dt>{t('period')}</dt>
      <dd>{dataSet.period ?? '—'}</dd>
      <dt>{t('license')}</dt>
      <dd>{dataSet.license}</dd>
      <dt>{t('modified')}</dt>
      <dd>{format.dateTime(new Date(dataSet.modifiedAt), { dateStyle: 'medium' })}</dd>
      {dataSet.keywords.length ? (
        <>
          <dt>{t('keywords')}</dt>
          <dd>
            <ul className={styles.keywords}>
              {dataSet.keywords.map((keyword) => (
                <li key={keyword}>{keyword}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The classification, shown only when the data set is not open data. */
export async function ClassificationBadge({ classification }: { classification: string }) {
  const t = await getTranslations('openData.classification');
  if (classification === 'TERBUKA') return null;
  return (
    <span className={styles.restricted} data-classification={classification}>
      {t(classification === 'INTERNAL' ? 'INTERNAL' : 'TERBATAS')}
    </span>
  );
}
