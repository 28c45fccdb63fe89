import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ServiceCard } from '@/components/survey-public/service-card';
import { publicQuery } from '@/components/survey-public/public-query';
import {
  ServiceDirectoryFacetsQuery,
  ServiceDirectoryQuery,
} from '@/components/survey-public/survey-public-operations';
import styles from '@/components/survey-public/survey-public.module.css';
import { single, type SearchParams } from '@/navigation/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyPublic.directory');
  return { title: t('title'), description: t('lead') };
}

/** Tidies one filter value from the URL (empty → undefined). */
function filter(value: string | string[] | undefined, max: number): string | undefined {
  const text = single(value)?.trim().slice(0, max);
  return text ? text : undefined;
}

/**
 * The one-door directory of every agency's published service standards (Perbup OKI 91/2021 §1
 * no. 18): search and filters are a GET form, so the URL holds them and no script is needed.
 */
export default async function ServiceDirectoryPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const params = await searchParams;
  const search = filter(params.q, 100);
  const organizationCode = filter(params.organisasi, 60);
  const category = filter(params.kategori, 100);
  const after = filter(params.setelah, 200);
  const t = await getTranslations('surveyPublic');
  const tCommon = await getTranslations('common');

  const [directory, facets] = await Promise.all([
    publicQuery(ServiceDirectoryQuery, {
      search: search ?? null,
      organizationCode: organizationCode ?? null,
      category: category ?? null,
      after: after ?? null,
    }),
    publicQuery(ServiceDirectoryFacetsQuery, {}),
  ]);
  const connection = directory.data?.serviceStandards;
  const organizations = facets.data?.serviceDirectoryFacets.organizations ?? [];
  const categories = facets.data?.serviceDirectoryFacets.categories ?? [];

  const filters = {
    ...(search ? { q: search } : {}),
    ...(organizationCode ? { organisasi: organizationCode } : {}),
    ...(category ? { kategori: category } : {}),
  };
  const firstParams = new URLSearchParams(filters);
  const nextParams = new URLSearchParams({
    ...filters,
    ...(connection?.pageInfo.endCursor ? { setelah: connection.pageInfo.endCursor } : {}),
  });
  const filtered = Boolean(search || organizationCode || category);

  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p className={styles.lead}>{t('directory.lead')}</p>
      <form method="get" action="/layanan" className={styles.search} role="search">
        <div className={styles.field}>
          <label htmlFor="cari-layanan">{t('directory.searchLabel')}</label>
          <input
            id="cari-layanan"
            name="q"
            type="search"
            defaultValue={search ?? ''}
            placeholder={t('directory.searchPlaceholder')}
            maxLength={100}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor="filter-organisasi">{t('directory.organizationLabel')}</label>
          <select id="filter-organisasi" name="organisasi" defaultValue={organizationCode ?? ''}>
            <option value="">{t('directory.allOrganizations')}</option>
            {organizations.map((option) => (
              <option key={option.value} value={option.value}>
                {t('directory.facetOption', { label: option.label, count: option.count })}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="filter-kategori">{t('directory.categoryLabel')}</label>
          <select id="filter-kategori" name="kategori" defaultValue={category ?? ''}>
            <option value="">{t('directory.allCategories')}</option>
            {categories.map((option) => (
              <option key={option.value} value={option.value}>
                {t('directory.facetOption', { label: option.label, count: option.count })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={styles.button}>
          {tCommon('search')}
        </button>
      </form>
      {filtered ? (
        <p>
          <Link href="/layanan">{t('directory.clear')}</Link>
        </p>
      ) : null}

      {directory.error ? (
        <p role="alert" className={styles.error}>
          {directory.error}
        </p>
      ) : null}
      {connection ? (
        <>
          <p className={styles.results} aria-live="polite">
            {t('directory.results', { count: connection.totalCount })}
          </p>
          {connection.edges.length ? (
            <ul className={styles.list}>
              {connection.edges.map(({ node }) => (
                <ServiceCard key={node.id} service={node} />
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>{t('directory.empty')}</p>
          )}
          <nav className={styles.pager} aria-label={t('directory.pages')}>
            {after ? <Link href={`/layanan?${firstParams}`}>{tCommon('first')}</Link> : null}
            {connection.pageInfo.hasNextPage ? (
              <Link href={`/layanan?${nextParams}`}>{tCommon('next')}</Link>
            ) : null}
          </nav>
        </>
      ) : null}
      <p>
        <Link href="/hasil-survei">{t('directory.resultsLink')}</Link>
      </p>
    </>
  );
}
