import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getFragmentData, type FragmentType } from '@/gql';
import { GradeBadge } from './grade-badge';
import { IndexSummaryFragment } from './survey-public-operations';
import styles from './survey-public.module.css';

export interface IndexTableRow {
  key: string;
  name: string;
  href: string;
  index: FragmentType<typeof IndexSummaryFragment>;
}

/**
 * Results side by side (organizations of the Pemda, services of an organization) in the order
 * given, ranked: IKM, grade, performance, and the respondents against the minimum sample.
 */
export async function IndexTable({
  caption,
  nameHeader,
  rows,
  testId,
}: {
  caption: string;
  nameHeader: string;
  rows: readonly IndexTableRow[];
  testId?: string;
}) {
  const t = await getTranslations('surveyPublic.index');
  const format = await getFormatter();
  const views = rows.map((row) => ({
    ...row,
    view: getFragmentData(IndexSummaryFragment, row.index),
  }));
  let rank = 0;
  return (
    <div className={styles.tableWrap} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.number}>
              {t('rank')}
            </th>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className={styles.number}>
              {t('converted')}
            </th>
            <th scope="col">{t('grade')}</th>
            <th scope="col">{t('performanceHeader')}</th>
            <th scope="col" className={styles.number}>
              {t('respondents')}
            </th>
            <th scope="col">{t('sampleHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {views.map(({ key, name, href, view }) => {
            const hasValue = view.ikmConverted !== null && view.ikmConverted !== undefined;
            if (hasValue) rank += 1;
            return (
              <tr key={key}>
                <td className={styles.number}>{hasValue ? rank : '—'}</td>
                <th scope="row" className={styles.nameCell}>
                  <Link href={href}>{name}</Link>
                </th>
                <td className={styles.number}>
                  {hasValue
                    ? format.number(view.ikmConverted ?? 0, {
                        minimumFractionDigits: 2,
                        maximumFractionDigits: 2,
                      })
                    : '—'}
                </td>
                <td>{view.grade ? <GradeBadge grade={view.grade} label={t('grade')} /> : '—'}</td>
                <td>{view.performance ?? '—'}</td>
                <td className={styles.number}>{format.number(view.respondents)}</td>
                <td>
                  {view.minimumSample === null || view.minimumSample === undefined ? (
                    <span className={styles.muted}>{t('noPopulationShort')}</span>
                  ) : view.sampleAdequate ? (
                    <span className={styles.adequate}>
                      {t('adequateShort', { minimum: format.number(view.minimumSample) })}
                    </span>
                  ) : (
                    <span className={styles.shortfall}>
                      {t('shortfallShort', {
                        minimum: format.number(view.minimumSample),
                        count: view.sampleShortfall ?? 0,
                      })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
