import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { OfficerList } from '@/components/directory/officer-list';
import { ServiceProviderProfile } from '@/components/directory/service-provider-profile';
import styles from '@/components/directory/directory.module.css';
import { graphql } from '@/gql';
import { getPublicClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const OrganizationQuery = graphql(`
  query DirectoryOrganization($code: String!) {
    organization(code: $code) {
      code
      name
      kind
      parent {
        code
        name
      }
      children {
        code
        name
      }
      profile {
        ...ServiceProviderProfileView
      }
      officers {
        ...OfficerItem
      }
    }
  }
`);

type Params = Promise<{ code: string }>;

const loadOrganization = cache((code: string) =>
  runQuery(getPublicClient(), OrganizationQuery, { code }),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const { data } = await loadOrganization(decodeURIComponent(code));
  return { title: data?.organization?.name ?? code };
}

export default async function OrganizationPage({ params }: { params: Params }) {
  const { code } = await params;
  const t = await getTranslations();
  const { data, error } = await loadOrganization(decodeURIComponent(code));
  if (error) {
    return (
      <p role="alert" className={styles.error}>
        {error}
      </p>
    );
  }
  const organization = data?.organization;
  if (!organization) notFound();
  return (
    <>
      <p>
        <Link href="/direktori">← {t('directory.back')}</Link>
      </p>
      <h1>{organization.name}</h1>
      <p className={styles.meta}>
        <span className={styles.badge}>{t(`kind.${organization.kind}`)}</span>
        <span>{organization.code}</span>
        {organization.parent ? (
          <span>
            {t('directory.parent')}:{' '}
            <Link href={`/direktori/${encodeURIComponent(organization.parent.code)}`}>
              {organization.parent.name}
            </Link>
          </span>
        ) : null}
      </p>
      <ServiceProviderProfile profile={organization.profile} />
      <OfficerList officers={organization.officers} />
      {organization.children.length ? (
        <section className={styles.section} aria-labelledby="unit-bawahan">
          <h2 id="unit-bawahan">{t('directory.subUnits')}</h2>
          <ul>
            {organization.children.map((child) => (
              <li key={child.code}>
                <Link href={`/direktori/${encodeURIComponent(child.code)}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
