import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PublicServiceDirectoryQuery } from '@/gql/graphql';
import styles from './survey-public.module.css';

type Service = PublicServiceDirectoryQuery['serviceStandards']['edges'][number]['node'];

/** One service of the public directory: name, organization, category, time and cost. */
export async function ServiceCard({ service }: { service: Service }) {
  const t = await getTranslations('surveyPublic.directory');
  const components = service.published?.components;
  return (
    <li className={styles.card} data-service-id={service.id}>
      <h2 className={styles.cardTitle}>
        <Link href={`/layanan/${encodeURIComponent(service.id)}`}>{service.name}</Link>
      </h2>
      <p className={styles.meta}>
        <span className={styles.badge}>{service.category}</span>
      </p>
      <dl className={styles.cardFacts}>
        <dt>{t('organization')}</dt>
        <dd>{service.organizationName}</dd>
        {components ? (
          <>
            <dt>{t('time')}</dt>
            <dd>{components.completionTime}</dd>
            <dt>{t('cost')}</dt>
            <dd>{components.cost}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
