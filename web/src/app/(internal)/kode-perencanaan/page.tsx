import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { PlanningCodeBrowser } from '@/components/projects/planning-code-browser';
import { PlanningCodeImportHistory } from '@/components/projects/planning-code-import-history';
import { PlanningCodeImporter } from '@/components/projects/planning-code-importer';
import { PlanningCodeVersions } from '@/components/projects/planning-code-versions';
import { mayManageProjects } from '@/components/projects/project-roles';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const PlanningCodeVersionsQuery = graphql(`
  query PlanningCodeVersions {
    planningCodeVersions {
      id
      name
      legalBasis
      active
      nomenclatureCount
      accountCount
      createdAt
    }
  }
`);

const PlanningCodeImportsQuery = graphql(`
  query PlanningCodeImports {
    planningCodeImports(first: 20) {
      id
      versionId
      kind
      filename
      dryRun
      totalRows
      accepted
      rejected
      rejections {
        row
        code
        reason
        message
      }
      importedBy {
        name
        organizationCode
      }
      importedAt
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('planningCodes');
  return { title: t('title') };
}

/** Permendagri 90/2019 reference codes (DOMAIN.md §8): browse for all, import for BPKAD. */
export default async function PlanningCodesPage() {
  const user = await requirePage('/kode-perencanaan');
  const t = await getTranslations('planningCodes');
  // BPKAD and super-admin maintain the reference data; the projects service checks again.
  const canImport = mayManageProjects(user.roles);
  const client = getClient();
  const [versions, imports] = await Promise.all([
    runQuery(client, PlanningCodeVersionsQuery, {}),
    canImport ? runQuery(client, PlanningCodeImportsQuery, {}) : null,
  ]);
  const versionRows = versions.data?.planningCodeVersions ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <ErrorAlert message={versions.error} />

      <section aria-labelledby="jelajah-kode">
        <Title order={2} size="h3" id="jelajah-kode" mb="sm">
          {t('browseTitle')}
        </Title>
        <PlanningCodeBrowser versions={versionRows} />
      </section>

      <section aria-labelledby="versi-nomenklatur">
        <Title order={2} size="h3" id="versi-nomenklatur" mb={4}>
          {t('versionsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('versionsLead')}
        </Text>
        <PlanningCodeVersions versions={versionRows} canActivate={canImport} />
      </section>

      {canImport ? (
        <>
          <section aria-labelledby="impor-kode">
            <Title order={2} size="h3" id="impor-kode" mb={4}>
              {t('importTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('importLead')}
            </Text>
            <PlanningCodeImporter versions={versionRows} />
          </section>
          <section aria-labelledby="riwayat-impor">
            <Title order={2} size="h3" id="riwayat-impor" mb="sm">
              {t('historyTitle')}
            </Title>
            <ErrorAlert message={imports?.error ?? null} />
            <PlanningCodeImportHistory imports={imports?.data?.planningCodeImports ?? []} />
          </section>
        </>
      ) : null}
    </Stack>
  );
}
