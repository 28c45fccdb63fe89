import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { OrganizationsAdmin } from '@/components/organizations/organizations-admin';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const OrganizationsQuery = graphql(`
  query AdminOrganizations($search: String, $after: String) {
    organizations(search: $search, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
          kind
          parent {
            code
          }
        }
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizations');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePage('/admin/organisasi');
  const t = await getTranslations('organizations');
  const params = await searchParams;
  const search = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const after = typeof params.setelah === 'string' ? params.setelah : null;
  const [{ data, error }, parents] = await Promise.all([
    runQuery(getClient(), OrganizationsQuery, { search: search || null, after }),
    organizationOptions(),
  ]);
  const connection = data?.organizations;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <ErrorAlert message={error} />
      <OrganizationsAdmin
        organizations={connection?.edges.map((edge) => edge.node) ?? []}
        totalCount={connection?.totalCount ?? 0}
        search={search}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
        parents={parents}
      />
    </Stack>
  );
}
