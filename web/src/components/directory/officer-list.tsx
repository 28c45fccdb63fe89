import { getTranslations } from 'next-intl/server';
import { graphql, getFragmentData, type FragmentType } from '@/gql';
import styles from './directory.module.css';

export const OfficerItemFragment = graphql(`
  fragment OfficerItem on PublicOfficer {
    id
    name
    position
    competence
  }
`);

/** Profil pelaksana (Perwali 64 §17(4)b): only published officers reach the public page. */
export async function OfficerList(props: {
  officers: readonly FragmentType<typeof OfficerItemFragment>[];
}) {
  const officers = getFragmentData(OfficerItemFragment, props.officers);
  const t = await getTranslations('directory');
  return (
    <section aria-labelledby="profil-pelaksana" className={styles.section}>
      <h2 id="profil-pelaksana">{t('officersTitle')}</h2>
      {officers.length === 0 ? (
        <p className={styles.muted}>{t('noOfficers')}</p>
      ) : (
        <ul className={styles.officers}>
          {officers.map((officer) => (
            <li key={officer.id} className={styles.officer}>
              <strong>{officer.name}</strong>
              <span>{officer.position}</span>
              {officer.competence ? (
                <span className={styles.muted}>
                  {t('competence')}: {officer.competence}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
