import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { toAuditAction } from '@/components/audit/audit-actions';
import { AuditChainCheck } from '@/components/audit/audit-chain-check';
import { AuditLogView } from '@/components/audit/audit-log-view';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

// Kept flat on purpose (no fragments, no per-edge cursor): graphql-armor multiplies the whole
// selection by `first` and every nesting level by 1.5, against the gateway's limit of 5000.
const AuditLogQuery = graphql(`
  query AdminAuditLog($filter: AuditLogFilter, $after: String) {
    auditLog(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          sequence
          action
          actor {
            id
            name
            organizationCode
          }
          targetType
          targetId
          detail
          at
          hash
        }
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/admin/audit');
  const t = await getTranslations('audit');
  const params = await searchParams;
  const seesAll = user.roles.includes('super-admin');
  const action = toAuditAction(single(params.aksi)) ?? null;
  // admin-opd: the service narrows to the own organization; asking for another is refused.
  const organizationFilter = seesAll ? (single(params.organisasi) ?? null) : null;
  const after = single(params.setelah) ?? null;
  const [{ data, error }, organizations] = await Promise.all([
    runQuery(getClient(), AuditLogQuery, {
      filter: { action, organizationCode: organizationFilter },
      after,
    }),
    seesAll ? organizationOptions() : Promise.resolve(null),
  ]);
  const connection = data?.auditLog;
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
      {seesAll ? <AuditChainCheck /> : null}
      <ErrorAlert message={error} />
      <AuditLogView
        entries={connection?.edges.map((edge) => edge.node) ?? []}
        totalCount={connection?.totalCount ?? 0}
        nextCursor={
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null
        }
        isFirstPage={!after}
        actionFilter={action}
        organizationFilter={organizationFilter}
        organizations={organizations}
      />
    </Stack>
  );
}
