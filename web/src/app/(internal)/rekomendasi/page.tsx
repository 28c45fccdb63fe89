import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { isRecommendationStatus } from '@/components/survey-admin/recommendation';
import {
  PagingLinks,
  RecommendationFilters,
} from '@/components/survey-admin/recommendation-filters';
import { RecommendationTable } from '@/components/survey-admin/recommendation-table';
import { readsAllOrganizations } from '@/components/survey-admin/survey-scope';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const RecommendationsQuery = graphql(`
  query SurveyAdminRecommendations(
    $organizationCode: String
    $status: RecommendationStatus
    $after: String
    $withOrganizations: Boolean!
  ) {
    # Pages of 40: with 50 the operation (with urql's __typename fields) exceeds the gateway's
    # cost limit (MAX_QUERY_COST, 5000).
    recommendations(
      organizationCode: $organizationCode
      status: $status
      first: 40
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
          organizationCode
          organizationName
          period {
            label
          }
          element {
            code
            name
          }
          elementNrr
          text
          priority
          dueDate
          status
          progressPercent
          followUpPlan
          availableActions
        }
      }
    }
    serviceDirectoryFacets @include(if: $withOrganizations) {
      organizations {
        value
        label
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.recommendations');
  return { title: t('title') };
}

/**
 * Follow-up of the evaluators' recommendations: an admin-opd sees their organization's, the
 * evaluators, leaders and super-admin every organization's; filtered by status (`?status=`) and
 * organization (`?organisasi=`).
 */
export default async function RecommendationsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const user = await requirePage('/rekomendasi');
  const t = await getTranslations('surveyAdmin.recommendations');
  const params = await searchParams;
  const all = readsAllOrganizations(user.roles);
  const statusParam = single(params.status);
  const status = isRecommendationStatus(statusParam) ? statusParam : null;
  const organizationCode = all
    ? single(params.organisasi)?.trim().toUpperCase() || null
    : user.organization;
  const after = single(params.setelah) ?? null;
  const { data, error } = await runQuery(getClient(), RecommendationsQuery, {
    organizationCode,
    status,
    after,
    withOrganizations: all,
  });
  const connection = data?.recommendations;
  const rows = (connection?.edges ?? []).map(({ node }) => node);
  const nextCursor = connection?.pageInfo.hasNextPage
    ? (connection.pageInfo.endCursor ?? null)
    : null;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{all ? t('leadAll') : t('leadOwn')}</Text>
      </div>
      <RecommendationFilters
        status={status}
        organizationCode={all ? organizationCode : null}
        organizations={(data?.serviceDirectoryFacets?.organizations ?? []).map((org) => ({
          value: org.value,
          label: `${org.label} (${org.value})`,
        }))}
      />
      <ErrorAlert message={error} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: connection?.totalCount ?? 0 })}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <RecommendationTable rows={rows} caption={t('tableCaption')} showOrganization={all} />
      )}
      <PagingLinks nextCursor={nextCursor} isFirstPage={!after} />
    </Stack>
  );
}
