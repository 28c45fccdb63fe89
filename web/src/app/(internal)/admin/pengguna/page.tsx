import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { grantableRoles } from '@/auth/roles';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { UsersAdmin } from '@/components/users/users-admin';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const UsersQuery = graphql(`
  query AdminUsers($organizationCode: String, $search: String, $after: String) {
    users(organizationCode: $organizationCode, search: $search, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...UserRow
        }
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/admin/pengguna');
  const t = await getTranslations('users');
  const params = await searchParams;
  const seesAll = user.roles.includes('super-admin');
  const search = single(params.q)?.trim().slice(0, 100) ?? '';
  const organizationFilter = seesAll ? (single(params.organisasi) ?? null) : null;
  const after = single(params.setelah) ?? null;
  const [{ data, error }, organizations] = await Promise.all([
    runQuery(getClient(), UsersQuery, {
      organizationCode: organizationFilter,
      search: search || null,
      after,
    }),
    seesAll ? organizationOptions() : Promise.resolve(null),
  ]);
  const connection = data?.users;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">
          {t('lead', {
            scope: seesAll
              ? t('scopeAll')
              : t('scopeOwn', { organization: user.organization ?? '—' }),
          })}
        </Text>
      </div>
      <ErrorAlert message={error} />
      <UsersAdmin
        users={connection?.edges.map((edge) => edge.node) ?? []}
        totalCount={connection?.totalCount ?? 0}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
        search={search}
        organizationFilter={organizationFilter}
        organizations={organizations}
        ownOrganization={user.organization}
        grantableRoles={grantableRoles(user.roles)}
        currentUserId={user.id}
      />
    </Stack>
  );
}
