import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { ROLES } from '@/auth/roles';
import { readSession } from '@/auth/session';
import {
  periodKeyLabel,
  periodOptions,
  selectedPeriod,
} from '@/components/assessment/assessment-period';
import { cellText } from '@/components/open-data/data-links';
import { DataSetAccessForm } from '@/components/open-data/data-set-access-form';
import { ClassificationBadge, DataSetFacts } from '@/components/open-data/data-set-facts';
import { loadPreview } from '@/components/open-data/data-preview';
import { DownloadLinks } from '@/components/open-data/download-links';
import { FieldsTable } from '@/components/open-data/fields-table';
import { DataSetQuery, DataSetSummaryFragment } from '@/components/open-data/open-data-operations';
import { openDataQuery } from '@/components/open-data/open-data-query';
import styles from '@/components/survey-public/survey-public.module.css';
import { environment } from '@/config/environment';
import { getFragmentData } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { single, type SearchParams } from '@/navigation/search-params';

type Params = Promise<{ id: string }>;

/** Rows shown in the preview. */
const PREVIEW_ROWS = 10;

const loadDataSet = cache((id: string) => openDataQuery(DataSetQuery, { id }));

function dataSetId(raw: string): string {
  return decodeURIComponent(raw).trim().slice(0, 120);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('openData');
  const { data } = await loadDataSet(dataSetId((await params).id));
  const dataSet = data?.dataSet ? getFragmentData(DataSetSummaryFragment, data.dataSet) : null;
  return { title: dataSet?.title ?? t('title'), description: dataSet?.description };
}

/**
 * One data set: its metadata, fields, downloads and a preview of its first rows; the walidata's
 * administrator (or super-admin) sets its classification and readers here.
 */
export default async function DataSetPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const id = dataSetId((await params).id);
  const now = new Date();
  const timeZone = environment().TIME_ZONE;
  const rawPeriod = single((await searchParams).periode);
  // Only a key the visitor chose; without one the service shows its default period.
  const period = rawPeriod ? selectedPeriod(rawPeriod, now, timeZone) : undefined;
  const t = await getTranslations('openData');
  const { data, error } = await loadDataSet(id);
  if (!data?.dataSet && !error) notFound();
  const dataSet = data?.dataSet ? getFragmentData(DataSetSummaryFragment, data.dataSet) : null;
  const access = data?.dataSet;
  const user = await readSession();
  const editor =
    dataSet &&
    user &&
    (user.roles.includes('super-admin') ||
      (user.roles.includes('admin-opd') && user.organization === dataSet.walidataCode));
  const locale = await getLocale();
  const periodWords = await getTranslations('assessment.period');
  const words = {
    year: periodWords('year'),
    semester: periodWords('semester'),
    quarter: periodWords('quarter'),
  };
  const [preview, organizations, roleLabel, classificationLabel, accessText] = await Promise.all([
    dataSet ? loadPreview(dataSet.id, dataSet.period ? period : undefined, PREVIEW_ROWS) : null,
    editor ? organizationOptions() : [],
    getTranslations('role'),
    getTranslations('openData.classification'),
    getTranslations('openData.access'),
  ]);
  const columns = dataSet?.fields.length
    ? dataSet.fields.map((field) => ({ name: field.name, title: field.title }))
    : Object.keys(preview?.rows[0] ?? {}).map((name) => ({ name, title: name }));

  return (
    <>
      <p className={styles.backLink}>
        <Link href="/data-terbuka">← {t('back')}</Link>
      </p>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      {dataSet ? (
        <>
          <h1>{dataSet.title}</h1>
          <ClassificationBadge classification={dataSet.classification} />
          <p className={styles.lead}>{dataSet.description}</p>
          {dataSet.period ? (
            <form method="get" className={styles.search} aria-label={t('periodForm')}>
              <div className={styles.field}>
                <label htmlFor="periode">{t('periodChoice')}</label>
                <select id="periode" name="periode" defaultValue={period ?? dataSet.period}>
                  {periodOptions(period ?? dataSet.period, now, timeZone).map((group) => (
                    <optgroup key={group.year} label={String(group.year)}>
                      {group.keys.map((key) => (
                        <option key={key} value={key}>
                          {periodKeyLabel(key, locale, words)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
              <button type="submit" className={styles.button}>
                {t('periodShow')}
              </button>
            </form>
          ) : null}
          <DownloadLinks
            title={dataSet.title}
            downloads={dataSet.downloads}
            period={dataSet.period ? period : undefined}
          />

          <section className={styles.section} aria-labelledby="metadata">
            <h2 id="metadata">{t('metadataTitle')}</h2>
            <DataSetFacts dataSet={dataSet} />
          </section>

          <section className={styles.section} aria-labelledby="kolom-data">
            <h2 id="kolom-data">{t('fieldsTitle')}</h2>
            <FieldsTable
              caption={t('fieldsCaption', { title: dataSet.title })}
              fields={dataSet.fields}
            />
          </section>

          <section className={styles.section} aria-labelledby="pratinjau">
            <h2 id="pratinjau">{t('previewTitle', { count: PREVIEW_ROWS })}</h2>
            {preview?.problem ? (
              <p className={styles.muted}>{t(`preview.${preview.problem}`)}</p>
            ) : preview?.rows.length ? (
              <div
                className={styles.tableWrap}
                role="region"
                aria-label={t('previewCaption')}
                tabIndex={0}
              >
                <table className={styles.table} data-testid="pratinjau-data">
                  <caption className="visually-hidden">{t('previewCaption')}</caption>
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th scope="col" key={column.name}>
                          {column.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row, index) => (
                      <tr key={index}>
                        {columns.map((column) => (
                          <td key={column.name}>{cellText(row[column.name])}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className={styles.muted}>{t('preview.empty')}</p>
            )}
          </section>

          {editor && access ? (
            <section className={styles.section}>
              <DataSetAccessForm
                dataSet={{
                  id: dataSet.id,
                  classification: dataSet.classification,
                  updateFrequency: dataSet.updateFrequency,
                  description: dataSet.description,
                  readerRoles: access.readerRoles,
                  readerOrganizations: access.readerOrganizations,
                }}
                classifications={(['TERBUKA', 'INTERNAL', 'TERBATAS'] as const).map((value) => ({
                  value,
                  label: classificationLabel(value),
                }))}
                roles={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
                organizations={organizations.map((organization) => ({
                  value: organization.code,
                  label: `${organization.name} (${organization.code})`,
                }))}
                texts={{
                  title: accessText('title'),
                  classification: accessText('classification'),
                  frequency: accessText('frequency'),
                  description: accessText('description'),
                  readerRoles: accessText('readerRoles'),
                  readerOrganizations: accessText('readerOrganizations'),
                  save: accessText('save'),
                  saving: accessText('saving'),
                }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
