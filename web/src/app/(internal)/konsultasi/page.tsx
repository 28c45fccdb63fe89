import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { CaseListView, caseListParams } from '@/components/cases/case-list-view';
import { graphql } from '@/gql';
import type { CaseQueue } from '@/gql/graphql';
import type { SearchParams } from '@/navigation/search-params';

const ConsultationsQuery = graphql(`
  query CasesConsultations(
    $status: [ConsultationStatus!]
    $queue: CaseQueue
    $search: String
    $after: String
  ) {
    consultations(status: $status, queue: $queue, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          topic
          status
          statusLabel
          organizationCode
          organizationName
          officer {
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
    mine: consultations(queue: MINE, first: 1) {
      totalCount
    }
  }
`);

const QUEUES: readonly CaseQueue[] = ['MINE', 'REQUESTED', 'ASSIGNED', 'ALL', 'OVERDUE'];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.consultations');
  return { title: t('title') };
}

/**
 * Konsultasi (SI-KIMR): each role's queue — the unit's submissions, super-admin's routing inbox,
 * the officer's drafting, the kasubdit's reviews — by the service's `queue`; the service scopes
 * what each may read.
 */
export default async function ConsultationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/konsultasi');
  const t = await getTranslations('cases.consultations');
  const queues = await getTranslations('cases.queues');
  const params = await caseListParams('CONSULTATION', searchParams, QUEUES);
  const { data, error } = await loadCaseData(ConsultationsQuery, {
    status: params.status ? [params.status] : null,
    queue: params.queue,
    search: params.search,
    after: params.after,
  });
  return (
    <CaseListView
      flow="CONSULTATION"
      title={t('title')}
      lead={t('lead')}
      newCase={
        user.roles.includes('unit-kerja') ? { href: '/konsultasi/baru', label: t('new') } : null
      }
      queues={[
        { queue: 'MINE', label: queues('MINE') },
        { queue: 'REQUESTED', label: t('requested') },
        { queue: 'ASSIGNED', label: queues('ASSIGNED') },
        { queue: 'ALL', label: queues('ALL') },
        { queue: 'OVERDUE', label: queues('OVERDUE') },
      ]}
      params={params}
      connection={data?.consultations}
      mineCount={data?.mine.totalCount ?? null}
      error={error}
      handlerLabel={t('officer')}
      toRow={(node) => ({
        id: node.id,
        number: node.number,
        title: node.topic,
        status: node.status,
        statusLabel: node.statusLabel,
        detail: node.organizationName ?? node.organizationCode,
        handler: node.officer?.name ?? null,
        submittedAt: node.submittedAt,
        clock: node.clock,
      })}
    />
  );
}
