import { Text } from '@mantine/core';
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

const IctComplaintQuery = graphql(`
  query CasesIctComplaint($id: ID!) {
    ictComplaint(id: $id) {
      id
      number
      requester {
        name
      }
      unit
      organizationCode
      organizationName
      problem
      handlingTried
      handling
      followUp
      status
      statusLabel
      officer {
        name
      }
      reopenCount
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

/** The first line of the problem, short enough for a heading (the full text follows below). */
function headline(problem: string): string {
  const first = problem.split('\n')[0]?.trim() ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}…` : first;
}

const load = cache((id: string) => loadCaseData(IctComplaintQuery, { id }));

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { data } = await load(decodeURIComponent((await params).id));
  const t = await getTranslations('cases.ict');
  const c = data?.ictComplaint;
  return { title: c ? `${c.number} · ${t('title')}` : t('title') };
}

/**
 * One ICT complaint with the fields of Lampiran 2 (requester, unit, problem, handling tried), the
 * officer's handling and documented follow-up, the clock and the steps the user may take.
 */
export default async function IctComplaintPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(caseHref('ICT_COMPLAINT', id));
  const t = await getTranslations('cases.ict');
  const { data, forbidden: refused, error } = await load(id);
  if (refused) forbidden();
  const c = data?.ictComplaint;
  if (!c) {
    if (!error) notFound();
    return <CaseMissing flow="ICT_COMPLAINT" error={error} />;
  }
  return (
    <CaseDetailLayout
      flow="ICT_COMPLAINT"
      view={c}
      submittedBy={c.requester.name}
      title={headline(c.problem)}
      drafts={{ handling: c.handling, followUp: c.followUp }}
      facts={
        <Facts cols={4}>
          <Fact label={t('requester')}>{c.requester.name}</Fact>
          <Fact label={t('unit')}>
            {c.unit}
            <Text span size="xs" c="dimmed" display="block">
              {c.organizationName ?? c.organizationCode}
            </Text>
          </Fact>
          <Fact label={t('officer')}>{c.officer?.name ?? t('notRouted')}</Fact>
          <Fact label={t('reopens')}>{c.reopenCount}</Fact>
          <CaseOutcome points={c.points} onTime={c.onTime} closedAt={c.closedAt ?? null} />
        </Facts>
      }
    >
      <CaseSection id="permasalahan-tik" title={t('problem')}>
        <CaseText>{c.problem}</CaseText>
      </CaseSection>
      <CaseSection id="penanganan-pemohon" title={t('handlingTried')}>
        {c.handlingTried ? (
          <CaseText>{c.handlingTried}</CaseText>
        ) : (
          <Text c="dimmed">{t('none')}</Text>
        )}
      </CaseSection>
      <CaseSection id="penanganan-petugas" title={t('handling')} testId="penanganan-petugas">
        {c.handling ? <CaseText>{c.handling}</CaseText> : <Text c="dimmed">{t('noHandling')}</Text>}
      </CaseSection>
      <CaseSection id="tindak-lanjut" title={t('followUp')} testId="tindak-lanjut">
        {c.followUp ? <CaseText>{c.followUp}</CaseText> : <Text c="dimmed">{t('noFollowUp')}</Text>}
      </CaseSection>
    </CaseDetailLayout>
  );
}
