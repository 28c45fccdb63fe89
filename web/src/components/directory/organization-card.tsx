import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { graphql, getFragmentData, type FragmentType } from '@/gql';
import styles from './directory.module.css';

export const OrganizationCardFragment = graphql(`
  fragment OrganizationCard on Organization {
    code
    name
    kind
    parent {
      name
    }
    profile {
      address
      phone
    }
  }
`);

export async function OrganizationCard(props: {
  organization: FragmentType<typeof OrganizationCardFragment>;
}) {
  const organization = getFragmentData(OrganizationCardFragment, props.organization);
  const t = await getTranslations();
  return (
    <li className={styles.card}>
      <h2 className={styles.cardTitle}>
        <Link href={`/direktori/${encodeURIComponent(organization.code)}`}>
          {organization.name}
        </Link>
      </h2>
      <p className={styles.meta}>
        <span className={styles.badge}>{t(`kind.${organization.kind}`)}</span>
        <span>{organization.code}</span>
      </p>
      {organization.parent ? (
        <p className={styles.line}>
          {t('directory.parent')}: {organization.parent.name}
        </p>
      ) : null}
      {organization.profile.address ? (
        <p className={styles.line}>{organization.profile.address}</p>
      ) : null}
      {organization.profile.phone ? (
        <p className={styles.line}>
          {t('directory.phone')}: {organization.profile.phone}
        </p>
      ) : null}
    </li>
  );
}
