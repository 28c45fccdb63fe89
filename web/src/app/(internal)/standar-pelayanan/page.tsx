import { Group, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LinkButton } from '@/components/projects/link-button';
import { StandardList } from '@/components/survey-admin/standard-list';
import { editsAllOrganizations } from '@/components/survey-admin/survey-scope';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const ManagedStandardsQuery = graphql(`
  query SurveyAdminManagedStandards($organizationCode: String, $search: String, $after: String) {
    managedServiceStandards(
      organizationCode: $organizationCode
      search: $search
      first: 50
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          category
          organizationCode
          organizationName
          status
          updatedAt
          published {
            version
          }
        }
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.standards');
  return { title: t('title') };
}

/** The service standards an admin-opd (own organization) or super-admin (all) edits. */
export default async function ServiceStandardsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const user = await requirePage('/standar-pelayanan');
  const t = await getTranslations('surveyAdmin.standards');
  const params = await searchParams;
  const superAdmin = editsAllOrganizations(user.roles);
  const search = single(params.q)?.trim().slice(0, 100) ?? '';
  const organizationCode = superAdmin ? single(params.organisasi)?.trim() || null : null;
  const after = single(params.setelah) ?? null;
  const [result, organizations] = await Promise.all([
    runQuery(getClient(), ManagedStandardsQuery, {
      organizationCode,
      search: search || null,
      after,
    }),
    superAdmin ? organizationOptions() : Promise.resolve([]),
  ]);
  const connection = result.data?.managedServiceStandards;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        <Group gap="sm">
          <LinkButton href="/standar-pelayanan/maklumat" variant="light">
            {t('pledge')}
          </LinkButton>
          <LinkButton href="/standar-pelayanan/baru">{t('new')}</LinkButton>
        </Group>
      </Group>
      <ErrorAlert message={result.error} />
      <StandardList
        rows={(connection?.edges ?? []).map(({ node }) => ({
          id: node.id,
          name: node.name,
          category: node.category,
          organizationCode: node.organizationCode,
          organizationName: node.organizationName,
          status: node.status,
          updatedAt: node.updatedAt,
          publishedVersion: node.published?.version ?? null,
        }))}
        totalCount={connection?.totalCount ?? 0}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
        search={search}
        organizationCode={organizationCode}
        organizations={organizations.map((org) => ({
          value: org.code,
          label: `${org.name} (${org.code})`,
        }))}
      />
    </Stack>
  );
}
