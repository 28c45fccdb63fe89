import { getFormatter, getTranslations } from 'next-intl/server';
import { getFragmentData, type FragmentType } from '@/gql';
import { ElementScoresFragment } from './survey-public-operations';
import styles from './survey-public.module.css';

/** NRR runs from 1 to 4; bars are drawn against 4. */
const SCALE_MAX = 4;

/**
 * NRR per element (U1–U9) as horizontal bars drawn with HTML and CSS on the server: no chart
 * library reaches the browser, labels wrap on a phone, and the same numbers follow as a table for
 * screen readers.
 */
export async function ElementChart(props: {
  index: FragmentType<typeof ElementScoresFragment>;
  /** Heading id the figure is part of (for a unique caption id). */
  id: string;
}) {
  const { elements } = getFragmentData(ElementScoresFragment, props.index);
  const t = await getTranslations('surveyPublic.chart');
  const format = await getFormatter();
  const nrr = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '—'
      : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const sorted = [...elements].sort((a, b) => a.element.order - b.element.order);
  const captionId = `${props.id}-judul`;

  return (
    <figure className={styles.chart} aria-labelledby={captionId}>
      <figcaption id={captionId}>{t('elementsTitle')}</figcaption>
      <div
        className={styles.bars}
        role="img"
        aria-label={t('elementsLabel')}
        data-testid="grafik-unsur"
      >
        {sorted.map(({ element, nrr: value }) => (
          <div key={element.code} className={styles.barRow}>
            <span className={styles.barLabel}>
              {element.code} · {element.name}
            </span>
            <span className={styles.barTrack}>
              <span
                className={styles.barFill}
                style={{ width: `${Math.max(0, Math.min(1, (value ?? 0) / SCALE_MAX)) * 100}%` }}
              />
            </span>
            <span className={styles.barValue}>{nrr(value)}</span>
          </div>
        ))}
      </div>
      {/* Hidden in a wrapper: a table ignores width and overflow, so a hidden table itself would
          still widen the page on a phone. */}
      <div className="visually-hidden">
        <table>
          <caption>{t('elementsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('element')}</th>
              <th scope="col">{t('nrr')}</th>
              <th scope="col">{t('answers')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ element, nrr: value, answers }) => (
              <tr key={element.code}>
                <th scope="row">
                  {element.code} {element.name}
                </th>
                <td>{nrr(value)}</td>
                <td>{format.number(answers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
