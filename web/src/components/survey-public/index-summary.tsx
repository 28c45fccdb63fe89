import { getFormatter, getTranslations } from 'next-intl/server';
import { getFragmentData, type FragmentType } from '@/gql';
import { GradeBadge } from './grade-badge';
import { IndexSummaryFragment } from './survey-public-operations';
import styles from './survey-public.module.css';

/**
 * The headline of a result: IKM (converted, 25–100) with grade and performance, the 1–4 value,
 * and the respondents against the Krejcie & Morgan minimum with the shortfall.
 */
export async function IndexSummary(props: { index: FragmentType<typeof IndexSummaryFragment> }) {
  const index = getFragmentData(IndexSummaryFragment, props.index);
  const t = await getTranslations('surveyPublic.index');
  const format = await getFormatter();
  const decimals = (value: number, digits: number) =>
    format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });

  return (
    <dl className={styles.summary} data-testid="ringkasan-ikm">
      <div className={styles.figure}>
        <dt>{t('converted')}</dt>
        <dd data-testid="nilai-ikm">
          {index.ikmConverted === null || index.ikmConverted === undefined ? (
            '—'
          ) : (
            <>
              {decimals(index.ikmConverted, 2)}
              <GradeBadge grade={index.grade} label={t('grade')} />
            </>
          )}
          <span className={styles.figureNote}>
            {index.performance
              ? t('performance', { performance: index.performance })
              : t('noRespondents')}
          </span>
        </dd>
      </div>
      <div className={styles.figure}>
        <dt>{t('ikm')}</dt>
        <dd>
          {index.ikm === null || index.ikm === undefined ? '—' : decimals(index.ikm, 3)}
          <span className={styles.figureNote}>{t('ikmNote')}</span>
        </dd>
      </div>
      <div className={styles.figure}>
        <dt>{t('respondents')}</dt>
        <dd>
          <span data-testid="jumlah-responden" data-value={index.respondents}>
            {format.number(index.respondents)}
          </span>
          <span className={styles.figureNote}>
            {index.minimumSample === null || index.minimumSample === undefined ? (
              t('noPopulation')
            ) : (
              <>
                {t('minimumSample', {
                  minimum: format.number(index.minimumSample),
                  population: format.number(index.population ?? 0),
                })}{' '}
                {index.sampleAdequate ? (
                  <span className={styles.adequate}>{t('adequate')}</span>
                ) : (
                  <span className={styles.shortfall}>
                    {t('shortfall', { count: index.sampleShortfall ?? 0 })}
                  </span>
                )}
              </>
            )}
          </span>
        </dd>
      </div>
    </dl>
  );
}
