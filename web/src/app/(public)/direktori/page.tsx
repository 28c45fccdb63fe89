import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OrganizationCard } from '@/components/directory/organization-card';
import styles from '@/components/directory/directory.module.css';
import { graphql } from '@/gql';
import type { OrganizationKind } from '@/gql/graphql';
import { getPublicClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { ORGANIZATION_KINDS, toOrganizationKind } from '@/components/directory/organization-kinds';
import { single, type SearchParams } from '@/navigation/search-params';

const DirectoryQuery = graphql(`
  query Directory($kind: OrganizationKind, $search: String, $after: String) {
    organizations(kind: $kind, search: $search, first: 24, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...OrganizationCard
        }
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('directory');
  return { title: t('title') };
}

export default async function DirectoryPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const search = single(params.q)?.trim().slice(0, 100) ?? '';
  const kind: OrganizationKind | undefined = toOrganizationKind(single(params.jenis));
  const after = single(params.setelah);
  const t = await getTranslations();
  const { data, error } = await runQuery(getPublicClient(), DirectoryQuery, {
    kind: kind ?? null,
    search: search || null,
    after: after ?? null,
  });
  const connection = data?.organizations;
  const nextParams = new URLSearchParams({
    ...(search ? { q: search } : {}),
    ...(kind ? { jenis: kind } : {}),
    ...(connection?.pageInfo.endCursor ? { setelah: connection.pageInfo.endCursor } : {}),
  });
  const firstParams = new URLSearchParams({
    ...(search ? { q: search } : {}),
    ...(kind ? { jenis: kind } : {}),
  });
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.lead')}</p>
      <form method="get" action="/direktori" className={styles.search} role="search">
        <div className={styles.field}>
          <label htmlFor="cari-organisasi">{t('directory.searchLabel')}</label>
          <input
            id="cari-organisasi"
            name="q"
            type="search"
            defaultValue={search}
            placeholder={t('directory.searchPlaceholder')}
            maxLength={100}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor="jenis-organisasi">{t('directory.kindLabel')}</label>
          <select id="jenis-organisasi" name="jenis" defaultValue={kind ?? ''}>
            <option value="">{t('directory.allKinds')}</option>
            {ORGANIZATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={styles.button}>
          {t('common.search')}
        </button>
      </form>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      {connection ? (
        <>
          <p aria-live="polite">{t('directory.results', { count: connection.totalCount })}</p>
          <ul className={styles.list}>
            {connection.edges.map(({ node }) => (
              <OrganizationCard key={node.id} organization={node} />
            ))}
          </ul>
          <nav className={styles.pager} aria-label="Halaman">
            {after ? <Link href={`/direktori?${firstParams}`}>{t('common.first')}</Link> : null}
            {connection.pageInfo.hasNextPage ? (
              <Link href={`/direktori?${nextParams}`}>{t('common.next')}</Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
