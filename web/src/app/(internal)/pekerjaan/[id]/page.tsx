import { Alert, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { CaseDetailLayout, CaseSection, CaseText } from '@/components/cases/case-detail-layout';
import { CaseMissing, CaseOutcome } from '@/components/cases/case-facts';
import { caseHref } from '@/components/cases/case-flow';
import { Fact, Facts } from '@/components/fact-list';
import { graphql } from '@/gql';

const WorkItemQuery = graphql(`
  query CasesWorkItem($id: ID!) {
    workItem(id: $id) {
      id
      number
      title
      description
      status
      statusLabel
      assigner {
        name
      }
      organizationCode
      organizationName
      assignee {
        name
        organizationCode
      }
      result
      returnNote
      returnCount
      points
      onTime
      revision
      submittedAt
      closedAt
      clock {
        step
        stepLabel
        paused
        serviceWorkingDays
        remainingWorkingDays
        dueDate
        overdue
        elapsedWorkingDays
      }
      actions {
        ...CaseActionFields
      }
      history {
        ...CaseHistoryFields
      }
      attachments {
        ...CaseAttachmentFields
      }
      thread {
        type
        id
      }
    }
  }
`);

const load = cache((id: string) => loadCaseData(WorkItemQuery, { id }));

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { data } = await load(decodeURIComponent((await params).id));
  const t = await getTranslations('cases.workItems');
  const w = data?.workItem;
  return { title: w ? `${w.number} · ${w.title}` : t('title') };
}

/**
 * One work item: the assignment, the reported result, super-admin's last return note, the clock
 * and the steps the user may take (accept, report, verify, cancel).
 */
export default async function WorkItemPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(caseHref('WORK_ITEM', id));
  const t = await getTranslations('cases.workItems');
  const { data, forbidden: refused, error } = await load(id);
  if (refused) forbidden();
  const w = data?.workItem;
  if (!w) {
    if (!error) notFound();
    return <CaseMissing flow="WORK_ITEM" error={error} />;
  }
  return (
    <CaseDetailLayout
      flow="WORK_ITEM"
      view={w}
      submittedBy={w.assigner.name}
      title={w.title}
      drafts={{ result: w.result }}
      facts={
        <Facts cols={4}>
          <Fact label={t('assigner')}>
            {w.assigner.name}
            <Text span size="xs" c="dimmed" display="block">
              {w.organizationName ?? w.organizationCode}
            </Text>
          </Fact>
          <Fact label={t('assignee')}>{w.assignee.name}</Fact>
          <Fact label={t('returns')}>{w.returnCount}</Fact>
          <CaseOutcome points={w.points} onTime={w.onTime} closedAt={w.closedAt ?? null} />
        </Facts>
      }
    >
      <CaseSection id="uraian-pekerjaan" title={t('description')} testId="uraian-pekerjaan">
        <CaseText>{w.description}</CaseText>
      </CaseSection>
      {w.returnNote && w.status === 'IN_PROGRESS' ? (
        <Alert
          color="orange.9"
          variant="light"
          title={t('returnNoteTitle')}
          data-testid="catatan-pengembalian"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {w.returnNote}
          </Text>
        </Alert>
      ) : null}
      <CaseSection id="hasil-pekerjaan" title={t('result')} testId="hasil-pekerjaan">
        {w.result ? <CaseText>{w.result}</CaseText> : <Text c="dimmed">{t('noResult')}</Text>}
      </CaseSection>
    </CaseDetailLayout>
  );
}
