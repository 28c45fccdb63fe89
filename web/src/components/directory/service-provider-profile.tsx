import { getFormatter, getTranslations } from 'next-intl/server';
import { graphql, getFragmentData, type FragmentType } from '@/gql';
import styles from './directory.module.css';

export const ServiceProviderProfileFragment = graphql(`
  fragment ServiceProviderProfileView on ServiceProviderProfile {
    address
    phone
    email
    website
    headName
    headPosition
    legalBasis
    tasksAndFunctions
    openingHours {
      days
      hours
    }
    updatedAt
  }
`);

/** Profil penyelenggara pelayanan (Perwali 64 §17(4)a). */
export async function ServiceProviderProfile(props: {
  profile: FragmentType<typeof ServiceProviderProfileFragment>;
}) {
  const profile = getFragmentData(ServiceProviderProfileFragment, props.profile);
  const t = await getTranslations('directory');
  const format = await getFormatter();
  const empty = <span className={styles.muted}>{t('noData')}</span>;
  const head = [profile.headName, profile.headPosition].filter(Boolean).join(' — ');
  return (
    <section aria-labelledby="profil-penyelenggara" className={styles.section}>
      <h2 id="profil-penyelenggara">{t('profileTitle')}</h2>
      <dl className={styles.facts}>
        <dt>{t('address')}</dt>
        <dd>{profile.address ?? empty}</dd>
        <dt>{t('phone')}</dt>
        <dd>{profile.phone ? <a href={`tel:${profile.phone}`}>{profile.phone}</a> : empty}</dd>
        <dt>{t('email')}</dt>
        <dd>{profile.email ? <a href={`mailto:${profile.email}`}>{profile.email}</a> : empty}</dd>
        <dt>{t('website')}</dt>
        <dd>
          {profile.website ? (
            <a href={profile.website} rel="noopener noreferrer">
              {profile.website}
            </a>
          ) : (
            empty
          )}
        </dd>
        <dt>{t('head')}</dt>
        <dd>{head || empty}</dd>
        <dt>{t('openingHours')}</dt>
        <dd>
          {profile.openingHours.length ? (
            <ul className={styles.plainList}>
              {profile.openingHours.map((slot) => (
                <li key={`${slot.days}-${slot.hours}`}>
                  {slot.days}: {slot.hours}
                </li>
              ))}
            </ul>
          ) : (
            empty
          )}
        </dd>
        <dt>{t('legalBasis')}</dt>
        <dd>
          {profile.legalBasis.length ? (
            <ul className={styles.plainList}>
              {profile.legalBasis.map((basis) => (
                <li key={basis}>{basis}</li>
              ))}
            </ul>
          ) : (
            empty
          )}
        </dd>
        <dt>{t('tasks')}</dt>
        <dd className={styles.prose}>{profile.tasksAndFunctions ?? empty}</dd>
      </dl>
      {profile.updatedAt ? (
        <p className={styles.muted}>
          {t('updatedAt', {
            date: format.dateTime(new Date(profile.updatedAt), {
              dateStyle: 'long',
              timeStyle: 'short',
            }),
          })}
        </p>
      ) : null}
    </section>
  );
}
