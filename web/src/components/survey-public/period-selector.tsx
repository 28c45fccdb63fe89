import { getTranslations } from 'next-intl/server';
import { PERIOD_PARTS, periodPart, type PeriodSelection } from './period-params';
import styles from './survey-public.module.css';

/** Year and part of the year as a plain GET form: the period lives in the URL, no script needed. */
export async function PeriodSelector({
  action,
  selection,
  years,
}: {
  action: string;
  selection: PeriodSelection;
  years: readonly number[];
}) {
  const t = await getTranslations('surveyPublic.period');
  return (
    <form method="get" action={action} className={styles.search} aria-label={t('label')}>
      <div className={styles.field}>
        <label htmlFor="periode-tahun">{t('year')}</label>
        <select id="periode-tahun" name="tahun" defaultValue={String(selection.year)}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="periode-bagian">{t('part')}</label>
        <select id="periode-bagian" name="periode" defaultValue={periodPart(selection)}>
          {PERIOD_PARTS.map((part) => (
            <option key={part} value={part}>
              {t(`parts.${part || 'YEAR'}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={styles.button}>
        {t('show')}
      </button>
    </form>
  );
}
