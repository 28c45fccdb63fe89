import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicSatisfactionTrendQuery } from '@/gql/graphql';
import { GradeBadge } from './grade-badge';
import type { PeriodPart } from './period-params';
import styles from './survey-public.module.css';

type TrendPoint = PublicSatisfactionTrendQuery['satisfactionTrend'][number];

/** `2026-S1` → part `S1` and year `2026` (the column labels are short: six fit a phone). */
function splitKey(key: string): { part: Exclude<PeriodPart, ''>; year: string } | null {
  const match = /^(\d{4})-(S[12]|Q[1-4])$/.exec(key);
  return match ? { year: match[1] ?? '', part: match[2] as Exclude<PeriodPart, ''> } : null;
}

/** The converted IKM over periods as columns (25–100 drawn against 100) and a table. */
export async function TrendChart({ points, id }: { points: readonly TrendPoint[]; id: string }) {
  const t = await getTranslations('surveyPublic.chart');
  const tIndex = await getTranslations('surveyPublic.index');
  const tPeriod = await getTranslations('surveyPublic.period');
  const format = await getFormatter();
  const value = (ikm: number | null | undefined) =>
    ikm === null || ikm === undefined
      ? '—'
      : format.number(ikm, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const captionId = `${id}-judul`;

  return (
    <figure className={styles.chart} aria-labelledby={captionId}>
      <figcaption id={captionId}>{t('trendTitle')}</figcaption>
      <div role="img" aria-label={t('trendLabel')} data-testid="grafik-tren">
        <div className={styles.columns}>
          {points.map((point) => (
            <div key={point.period.key} className={styles.column}>
              <span className={styles.columnValue}>{value(point.ikmConverted)}</span>
              <span
                className={styles.columnBar}
                // 85 %: room above the tallest column for its value.
                style={{ height: `${Math.max(0, Math.min(100, point.ikmConverted ?? 0)) * 0.85}%` }}
              />
            </div>
          ))}
        </div>
        <div className={styles.columnLabels}>
          {points.map((point) => {
            const split = splitKey(point.period.key);
            return (
              <span key={point.period.key}>
                {split ? (
                  <>
                    {tPeriod(`short.${split.part}`)}
                    <br />
                    {split.year}
                  </>
                ) : (
                  point.period.label
                )}
              </span>
            );
          })}
        </div>
      </div>
      <div className={styles.tableWrap} role="region" aria-label={t('trendTitle')} tabIndex={0}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t('trendTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              <th scope="col" className={styles.number}>
                {tIndex('converted')}
              </th>
              <th scope="col">{tIndex('grade')}</th>
              <th scope="col" className={styles.number}>
                {tIndex('respondents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.period.key}>
                <th scope="row">{point.period.label}</th>
                <td className={styles.number}>{value(point.ikmConverted)}</td>
                <td>
                  {point.grade ? <GradeBadge grade={point.grade} label={tIndex('grade')} /> : '—'}
                </td>
                <td className={styles.number}>{format.number(point.respondents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
