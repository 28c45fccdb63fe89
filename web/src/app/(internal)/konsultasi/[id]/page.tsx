import { Alert, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { CaseDetailLayout, CaseSection, CaseText } from '@/components/cases/case-detail-layout';
import { caseHref } from '@/components/cases/case-flow';
import { CaseMissing, CaseOutcome } from '@/components/cases/case-facts';
import { Fact, Facts } from '@/components/fact-list';
import { graphql } from '@/gql';

const ConsultationQuery = graphql(`
  query CasesConsultation($id: ID!) {
    consultation(id: $id) {
      id
      number
      topic
      detail
      status
      statusLabel
      requester {
        name
      }
      organizationCode
      organizationName
      officer {
        name
        organizationCode
      }
      handlerOrganizationCode
      answer
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

const load = cache((id: string) => loadCaseData(ConsultationQuery, { id }));

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { data } = await load(decodeURIComponent((await params).id));
  const t = await getTranslations('cases.consultations');
  const c = data?.consultation;
  return { title: c ? `${c.number} · ${c.topic}` : t('title') };
}

/**
 * One consultation: who asked what, the officer and the handling organization, the answer (the
 * unit sees it once delivered), the kasubdit's last return note, the clock, and the steps the
 * user may take now; files, correspondence and the full history.
 */
export default async function ConsultationPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(caseHref('CONSULTATION', id));
  const t = await getTranslations('cases.consultations');
  const { data, forbidden: refused, error } = await load(id);
  if (refused) forbidden();
  const c = data?.consultation;
  if (!c) {
    if (!error) notFound();
    return <CaseMissing flow="CONSULTATION" error={error} />;
  }
  return (
    <CaseDetailLayout
      flow="CONSULTATION"
      view={c}
      submittedBy={c.requester.name}
      title={c.topic}
      drafts={{ answer: c.answer }}
      facts={
        <Facts cols={4}>
          <Fact label={t('requester')}>
            {c.requester.name}
            <Text span size="xs" c="dimmed" display="block">
              {c.organizationName ?? c.organizationCode}
            </Text>
          </Fact>
          <Fact label={t('officer')}>
            {c.officer ? c.officer.name : t('notRouted')}
            {c.handlerOrganizationCode ? (
              <Text span size="xs" c="dimmed" display="block">
                {c.handlerOrganizationCode}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('returns')}>{c.returnCount}</Fact>
          <CaseOutcome points={c.points} onTime={c.onTime} closedAt={c.closedAt ?? null} />
        </Facts>
      }
    >
      <CaseSection id="uraian-konsultasi" title={t('detail')} testId="uraian-konsultasi">
        <CaseText>{c.detail}</CaseText>
      </CaseSection>
      {c.returnNote && c.status === 'DRAFTING' ? (
        <Alert
          color="orange.9"
          variant="light"
          title={t('returnNoteTitle')}
          data-testid="catatan-kasubdit"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {c.returnNote}
          </Text>
        </Alert>
      ) : null}
      <CaseSection id="jawaban-konsultasi" title={t('answer')} testId="jawaban-konsultasi">
        {c.answer ? <CaseText>{c.answer}</CaseText> : <Text c="dimmed">{t('noAnswer')}</Text>}
      </CaseSection>
    </CaseDetailLayout>
  );
}
