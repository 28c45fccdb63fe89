import { Group, Stack, Text, Title } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LinkButton } from '@/components/projects/link-button';
import { PagingLinks } from '@/components/survey-admin/recommendation-filters';
import type { CaseFlow, CaseQueue } from '@/gql/graphql';
import { single, type SearchParams } from '@/navigation/search-params';
import { CASE_LIST_PARAMS, caseStatusOf, queueOf, searchOf, type CaseStatusOf } from './case-flow';
import { CaseListControls, type QueueTab } from './case-list-controls';
import { CaseTable, type CaseRow } from './case-table';

export interface CaseListParams<F extends CaseFlow> {
  queue: CaseQueue;
  status: CaseStatusOf<F> | null;
  search: string | null;
  after: string | null;
  organization: string | null;
}

/** A case list's filters from the URL, limited to the queues the page offers. */
export async function caseListParams<F extends CaseFlow>(
  flow: F,
  searchParams: SearchParams,
  queues: readonly CaseQueue[],
): Promise<CaseListParams<F>> {
  const params = await searchParams;
  return {
    queue: queueOf(single(params[CASE_LIST_PARAMS.queue]), queues),
    status: caseStatusOf(flow, single(params[CASE_LIST_PARAMS.status])),
    search: searchOf(single(params[CASE_LIST_PARAMS.search])),
    after: single(params.setelah) ?? null,
    organization: single(params[CASE_LIST_PARAMS.organization])?.trim().toUpperCase() || null,
  };
}

interface Connection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: Node }[];
}

/**
 * A flow's list page: heading, the "new" button for those who may file, queue tabs and filters,
 * then the cases as a table with paging (or `board`, the ICT complaint board, instead).
 */
export async function CaseListView<Node>({
  flow,
  title,
  lead,
  newCase,
  queues,
  params,
  connection,
  mineCount,
  error,
  toRow,
  handlerLabel,
  organizations,
  before,
  board,
}: {
  flow: CaseFlow;
  title: string;
  lead: string;
  newCase?: { href: string; label: string } | null;
  queues: readonly QueueTab[];
  params: CaseListParams<CaseFlow>;
  connection: Connection<Node> | undefined;
  mineCount: number | null;
  error: string | null;
  toRow: (node: Node) => CaseRow;
  handlerLabel: string;
  organizations?: readonly { value: string; label: string }[];
  /** Shown above the list (a view switch). */
  before?: ReactNode;
  /** Shown instead of the table (a board by status). */
  board?: ReactNode;
}) {
  const t = await getTranslations('cases.list');
  const rows = (connection?.edges ?? []).map(({ node }) => toRow(node));
  const nextCursor = connection?.pageInfo.hasNextPage
    ? (connection.pageInfo.endCursor ?? null)
    : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 24rem' }}>
          <Title order={1}>{title}</Title>
          <Text c="dimmed">{lead}</Text>
        </div>
        {newCase ? <LinkButton href={newCase.href}>{newCase.label}</LinkButton> : null}
      </Group>
      <ErrorAlert message={error} />
      {before}
      {board ?? (
        <CaseListControls
          flow={flow}
          queues={queues}
          queue={params.queue}
          mineCount={mineCount}
          status={params.status}
          search={params.search}
          organizations={organizations}
          organization={params.organization}
        >
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('count', { count: connection?.totalCount ?? 0 })}
          </Text>
          {rows.length === 0 ? (
            <Text c="dimmed" data-testid="daftar-kosong">
              {params.queue === 'MINE' ? t('emptyMine') : t('empty')}
            </Text>
          ) : (
            <CaseTable flow={flow} rows={rows} caption={title} handlerLabel={handlerLabel} />
          )}
          <PagingLinks nextCursor={nextCursor} isFirstPage={!params.after} />
        </CaseListControls>
      )}
    </Stack>
  );
}
