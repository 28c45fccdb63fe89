import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { CaseListView, caseListParams } from '@/components/cases/case-list-view';
import { graphql } from '@/gql';
import type { CaseQueue } from '@/gql/graphql';
import type { SearchParams } from '@/navigation/search-params';

const WorkItemsQuery = graphql(`
  query CasesWorkItems(
    $status: [WorkItemStatus!]
    $queue: CaseQueue
    $search: String
    $after: String
  ) {
    workItems(status: $status, queue: $queue, search: $search, first: 20, after: $after) {
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
          assigner {
            name
          }
          assignee {
            name
          }
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
    mine: workItems(queue: MINE, first: 1) {
      totalCount
    }
  }
`);

const QUEUES: readonly CaseQueue[] = ['MINE', 'ASSIGNED', 'REQUESTED', 'ALL', 'OVERDUE'];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.workItems');
  return { title: t('title') };
}

/**
 * Pekerjaan internal (workspace): the officer's assignments, the assigner's work given out and
 * super-admin's verifications, by the service's `queue`.
 */
export default async function WorkItemsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/pekerjaan');
  const t = await getTranslations('cases.workItems');
  const queues = await getTranslations('cases.queues');
  const params = await caseListParams('WORK_ITEM', searchParams, QUEUES);
  const { data, error } = await loadCaseData(WorkItemsQuery, {
    status: params.status ? [params.status] : null,
    queue: params.queue,
    search: params.search,
    after: params.after,
  });
  return (
    <CaseListView
      flow="WORK_ITEM"
      title={t('title')}
      lead={t('lead')}
      newCase={
        user.roles.includes('pemberi-tugas') ? { href: '/pekerjaan/baru', label: t('new') } : null
      }
      queues={[
        { queue: 'MINE', label: queues('MINE') },
        { queue: 'ASSIGNED', label: queues('ASSIGNED') },
        { queue: 'REQUESTED', label: t('requested') },
        { queue: 'ALL', label: queues('ALL') },
        { queue: 'OVERDUE', label: queues('OVERDUE') },
      ]}
      params={params}
      connection={data?.workItems}
      mineCount={data?.mine.totalCount ?? null}
      error={error}
      handlerLabel={t('assignee')}
      toRow={(node) => ({
        id: node.id,
        number: node.number,
        title: node.title,
        status: node.status,
        statusLabel: node.statusLabel,
        detail: t('assignedBy', { name: node.assigner.name }),
        handler: node.assignee.name,
        submittedAt: node.submittedAt,
        clock: node.clock,
      })}
    />
  );
}
