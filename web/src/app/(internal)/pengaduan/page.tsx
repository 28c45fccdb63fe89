import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { CaseListView, caseListParams } from '@/components/cases/case-list-view';
import { graphql } from '@/gql';
import type { CaseQueue } from '@/gql/graphql';
import type { SearchParams } from '@/navigation/search-params';

const PublicComplaintsQuery = graphql(`
  query CasesPublicComplaints(
    $status: [PublicComplaintStatus!]
    $queue: CaseQueue
    $organizationCode: String
    $search: String
    $after: String
    $withOrganizations: Boolean!
  ) {
    publicComplaints(
      status: $status
      queue: $queue
      organizationCode: $organizationCode
      search: $search
      first: 20
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
          number
          title
          status
          statusLabel
          categoryName
          organizationCode
          organizationName
          submittedAt
          clock {
            step
            paused
            overdue
            dueDate
            remainingWorkingDays
            elapsedWorkingDays
          }
        }
      }
    }
    mine: publicComplaints(queue: MINE, first: 1) {
      totalCount
    }
    complaintOrganizations @include(if: $withOrganizations) {
      code
      name
    }
  }
`);

const QUEUES: readonly CaseQueue[] = ['MINE', 'OPEN', 'ALL', 'OVERDUE'];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.complaints');
  return { title: t('title') };
}

/**
 * Pengaduan masyarakat for their handlers: admin-opd sees the complaints sent to the own
 * organization, super-admin every organization's (with an organization filter, and re-routes
 * them), pimpinan reads. The service scopes what each may read.
 */
export default async function PublicComplaintsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const user = await requirePage('/pengaduan');
  const t = await getTranslations('cases.complaints');
  const queues = await getTranslations('cases.queues');
  const params = await caseListParams('PUBLIC_COMPLAINT', searchParams, QUEUES);
  const all = user.roles.includes('super-admin') || user.roles.includes('pimpinan');
  const { data, error } = await loadCaseData(PublicComplaintsQuery, {
    status: params.status ? [params.status] : null,
    queue: params.queue,
    organizationCode: all ? params.organization : null,
    search: params.search,
    after: params.after,
    withOrganizations: all,
  });
  return (
    <CaseListView
      flow="PUBLIC_COMPLAINT"
      title={t('title')}
      lead={all ? t('leadAll') : t('leadOwn')}
      queues={[
        { queue: 'MINE', label: queues('MINE') },
        { queue: 'OPEN', label: queues('OPEN') },
        { queue: 'ALL', label: queues('ALL') },
        { queue: 'OVERDUE', label: queues('OVERDUE') },
      ]}
      params={params}
      connection={data?.publicComplaints}
      mineCount={data?.mine.totalCount ?? null}
      error={error}
      handlerLabel={t('organization')}
      organizations={(data?.complaintOrganizations ?? []).map((organization) => ({
        value: organization.code,
        label: `${organization.name} (${organization.code})`,
      }))}
      toRow={(node) => ({
        id: node.id,
        number: node.number,
        title: node.title,
        status: node.status,
        statusLabel: node.statusLabel,
        detail: node.categoryName,
        handler: node.organizationName ?? node.organizationCode,
        submittedAt: node.submittedAt,
        clock: node.clock,
      })}
    />
  );
}
