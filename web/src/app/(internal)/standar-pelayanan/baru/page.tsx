import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { StandardEditor } from '@/components/survey-admin/standard-editor';
import { standardFormValues } from '@/components/survey-admin/standard-form.schema';
import { editsAllOrganizations } from '@/components/survey-admin/survey-scope';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const StandardCategoriesQuery = graphql(`
  query SurveyAdminStandardCategories {
    serviceDirectoryFacets {
      categories {
        value
        label
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.editor');
  return { title: t('newTitle') };
}

/** A new service with the first draft of its standard. */
export default async function NewServiceStandardPage() {
  const user = await requirePage('/standar-pelayanan/baru');
  const t = await getTranslations('surveyAdmin');
  const superAdmin = editsAllOrganizations(user.roles);
  const [facets, organizations] = await Promise.all([
    runQuery(getClient(), StandardCategoriesQuery, {}),
    superAdmin ? organizationOptions() : Promise.resolve([]),
  ]);
  return (
    <Stack gap="md">
      <div>
        <Link href="/standar-pelayanan" style={LINK_STYLE}>
          ← {t('standards.back')}
        </Link>
        <Title order={1} mt={4}>
          {t('editor.newTitle')}
        </Title>
        <Text c="dimmed">{t('editor.newLead')}</Text>
      </div>
      <ErrorAlert message={facets.error} />
      <StandardEditor
        mode="create"
        initialValues={standardFormValues(null, superAdmin ? '' : (user.organization ?? ''))}
        categories={(facets.data?.serviceDirectoryFacets.categories ?? []).map((c) => c.value)}
        organizations={organizations.map((org) => ({
          value: org.code,
          label: `${org.name} (${org.code})`,
        }))}
      />
    </Stack>
  );
}
