import { getTranslations } from 'next-intl/server';
import surveyStyles from '@/components/survey-public/survey-public.module.css';
import styles from './open-data.module.css';

/** The columns of a data set: name in the files, title, type and description. */
export async function FieldsTable({
  caption,
  fields,
}: {
  caption: string;
  fields: readonly { name: string; title: string; type: string; description?: string | null }[];
}) {
  const t = await getTranslations('openData.fields');
  return (
    <div className={surveyStyles.tableWrap} role="region" aria-label={caption} tabIndex={0}>
      <table className={surveyStyles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('title')}</th>
            <th scope="col">{t('type')}</th>
            <th scope="col">{t('description')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name}>
              <th scope="row" className={styles.code}>
                {field.name}
              </th>
              <td>{field.title}</td>
              <td className={styles.code}>{field.type}</td>
              <td>{field.description ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
