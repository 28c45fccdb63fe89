import { Group, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LinkButton } from '@/components/projects/link-button';
import { ProjectList } from '@/components/projects/project-list';
import { PROJECT_LIST_PARAMS } from '@/components/projects/project-list-params';
import { isLoanProjectStage } from '@/components/projects/project-stage';
import { mayManageProjects } from '@/components/projects/project-roles';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const LoanProjectsQuery = graphql(`
  query LoanProjects($filter: LoanProjectFilter, $after: String) {
    loanProjects(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...LoanProjectRow
        }
      }
    }
    loanProjectFacets {
      fiscalYears
      organizations {
        value
        label
        count
      }
      lenders {
        value
        label
        count
      }
      stages {
        value
        label
        count
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('projects');
  return { title: t('title') };
}

/** A fiscal year from the URL, or null when it is not one. */
function yearOf(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  return Number(value);
}

export default async function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/proyek');
  const t = await getTranslations('projects');
  const params = await searchParams;
  const fiscalYear = yearOf(single(params[PROJECT_LIST_PARAMS.fiscalYear]));
  const stageParam = single(params[PROJECT_LIST_PARAMS.stage]);
  const stage = isLoanProjectStage(stageParam) ? stageParam : null;
  const organizationCode = single(params[PROJECT_LIST_PARAMS.organizationCode])?.trim() || null;
  const lenderOrganizationCode =
    single(params[PROJECT_LIST_PARAMS.lenderOrganizationCode])?.trim() || null;
  const search = single(params[PROJECT_LIST_PARAMS.search])?.trim().slice(0, 100) ?? '';
  const after = single(params.setelah) ?? null;
  const { data, error } = await runQuery(getClient(), LoanProjectsQuery, {
    filter: {
      fiscalYear,
      stage: stage ? [stage] : null,
      organizationCode,
      lenderOrganizationCode,
      search: search || null,
    },
    after,
  });
  const connection = data?.loanProjects;
  const facets = data?.loanProjectFacets;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        {mayManageProjects(user.roles) ? (
          <LinkButton href="/proyek/baru">{t('new')}</LinkButton>
        ) : null}
      </Group>
      <ErrorAlert message={error} />
      <ProjectList
        projects={connection?.edges.map((edge) => edge.node) ?? []}
        totalCount={connection?.totalCount ?? 0}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
        filters={{
          fiscalYear: fiscalYear ? String(fiscalYear) : null,
          stage,
          organizationCode,
          lenderOrganizationCode,
          search,
        }}
        facets={{
          fiscalYears: facets?.fiscalYears ?? [],
          organizations: facets?.organizations ?? [],
          lenders: facets?.lenders ?? [],
          stages: facets?.stages ?? [],
        }}
      />
    </Stack>
  );
}
