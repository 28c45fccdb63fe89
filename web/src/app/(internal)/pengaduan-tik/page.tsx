import { Group } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { CaseBoard } from '@/components/cases/case-board';
import { loadCaseData } from '@/components/cases/case-data';
import { CASE_LIST_PARAMS } from '@/components/cases/case-flow';
import { CaseListView, caseListParams } from '@/components/cases/case-list-view';
import type { CaseRow } from '@/components/cases/case-table';
import { LinkButton } from '@/components/projects/link-button';
import { graphql } from '@/gql';
import type { CaseQueue, CasesIctComplaintsQuery } from '@/gql/graphql';
import { single, type SearchParams } from '@/navigation/search-params';

const IctComplaintsQuery = graphql(`
  query CasesIctComplaints(
    $status: [IctComplaintStatus!]
    $queue: CaseQueue
    $search: String
    $after: String
  ) {
    ictComplaints(status: $status, queue: $queue, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          problem
          unit
          status
          statusLabel
          requester {
            name
          }
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
    mine: ictComplaints(queue: MINE, first: 1) {
      totalCount
    }
  }
`);

// The board: the newest cases of each status (a column links to the full list of its status).
// The fields are written out in each column: a fragment spread weighs 1.5 times more under the
// gateway's cost rule, and five columns of a fragment would pass its limit.
const IctBoardQuery = graphql(`
  query CasesIctBoard($search: String) {
    filed: ictComplaints(status: [FILED], search: $search, first: 6) {
      totalCount
      edges {
        node {
          id
          number
          problem
          unit
          status
          statusLabel
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
    handling: ictComplaints(status: [HANDLING], search: $search, first: 6) {
      totalCount
      edges {
        node {
          id
          number
          problem
          unit
          status
          statusLabel
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
    awaiting: ictComplaints(status: [AWAITING_CONFIRMATION], search: $search, first: 6) {
      totalCount
      edges {
        node {
          id
          number
          problem
          unit
          status
          statusLabel
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
    solved: ictComplaints(status: [SOLVED], search: $search, first: 6) {
      totalCount
      edges {
        node {
          id
          number
          problem
          unit
          status
          statusLabel
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
    reported: ictComplaints(status: [REPORTED], search: $search, first: 6) {
      totalCount
      edges {
        node {
          id
          number
          problem
          unit
          status
          statusLabel
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
  }
`);

/** A complaint as the list and the board ask for it (the board leaves the requester out). */
type ListNode = CasesIctComplaintsQuery['ictComplaints']['edges'][number]['node'];
type IctCard = Omit<ListNode, 'requester'> & { requester?: ListNode['requester'] };

const QUEUES: readonly CaseQueue[] = ['MINE', 'REQUESTED', 'ASSIGNED', 'ALL', 'OVERDUE'];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.ict');
  return { title: t('title') };
}

/**
 * Pengaduan TIK: every employee reports ICT problems and follows their own; pengelola-tik works
 * from the board (a column per status) and routes, the ICT officers handle their assignments.
 */
export default async function IctComplaintsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/pengaduan-tik');
  const t = await getTranslations('cases.ict');
  const queues = await getTranslations('cases.queues');
  const statuses = await getTranslations('cases.status.ICT_COMPLAINT');
  const params = await caseListParams('ICT_COMPLAINT', searchParams, QUEUES);
  const viewParam = single((await searchParams)[CASE_LIST_PARAMS.view]);
  // The board is pengelola-tik's overview; everyone else starts from their own list.
  const board =
    viewParam === 'papan' || (viewParam !== 'daftar' && user.roles.includes('pengelola-tik'));

  const toRow = (node: IctCard): CaseRow => {
    return {
      id: node.id,
      number: node.number,
      title: node.problem,
      status: node.status,
      statusLabel: node.statusLabel,
      detail: node.requester
        ? t('filedBy', { name: node.requester.name, unit: node.unit })
        : node.unit,
      handler: node.officer?.name ?? null,
      submittedAt: node.submittedAt,
      clock: node.clock,
    };
  };

  const toggle = (
    <Group gap="xs" role="group" aria-label={t('view')}>
      <LinkButton
        href={`/pengaduan-tik?${CASE_LIST_PARAMS.view}=papan`}
        size="xs"
        variant={board ? 'filled' : 'default'}
        aria-current={board ? 'page' : undefined}
      >
        {t('board')}
      </LinkButton>
      <LinkButton
        href={`/pengaduan-tik?${CASE_LIST_PARAMS.view}=daftar`}
        size="xs"
        variant={board ? 'default' : 'filled'}
        aria-current={board ? undefined : 'page'}
      >
        {t('list')}
      </LinkButton>
    </Group>
  );

  const common = {
    flow: 'ICT_COMPLAINT' as const,
    title: t('title'),
    lead: t('lead'),
    newCase: { href: '/pengaduan-tik/baru', label: t('new') },
    queues: [
      { queue: 'MINE' as const, label: queues('MINE') },
      { queue: 'REQUESTED' as const, label: t('requested') },
      { queue: 'ASSIGNED' as const, label: queues('ASSIGNED') },
      { queue: 'ALL' as const, label: queues('ALL') },
      { queue: 'OVERDUE' as const, label: queues('OVERDUE') },
    ],
    params,
    handlerLabel: t('officer'),
    toRow,
  };

  if (board) {
    const { data, error } = await loadCaseData(IctBoardQuery, { search: params.search });
    const column = (
      status: 'FILED' | 'HANDLING' | 'AWAITING_CONFIRMATION' | 'SOLVED' | 'REPORTED',
      connection: { totalCount: number; edges: readonly { node: IctCard }[] } | undefined,
    ) => ({
      status,
      label: statuses(status),
      totalCount: connection?.totalCount ?? 0,
      cards: (connection?.edges ?? []).map(({ node }) => toRow(node)),
    });
    return (
      <CaseListView
        {...common}
        connection={undefined}
        mineCount={null}
        error={error}
        before={toggle}
        board={
          <CaseBoard
            flow="ICT_COMPLAINT"
            columns={[
              column('FILED', data?.filed),
              column('HANDLING', data?.handling),
              column('AWAITING_CONFIRMATION', data?.awaiting),
              column('SOLVED', data?.solved),
              column('REPORTED', data?.reported),
            ]}
          />
        }
      />
    );
  }

  const { data, error } = await loadCaseData(IctComplaintsQuery, {
    status: params.status ? [params.status] : null,
    queue: params.queue,
    search: params.search,
    after: params.after,
  });
  return (
    <CaseListView
      {...common}
      connection={data?.ictComplaints}
      mineCount={data?.mine.totalCount ?? null}
      error={error}
      before={toggle}
    />
  );
}
