import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import { CaseDetailLayout, CaseSection, CaseText } from '@/components/cases/case-detail-layout';
import { CaseMissing } from '@/components/cases/case-facts';
import { caseHref } from '@/components/cases/case-flow';
import { Fact, Facts } from '@/components/fact-list';
import { dateOnly } from '@/components/survey-admin/survey-dates';
import { graphql } from '@/gql';

const PublicComplaintQuery = graphql(`
  query CasesPublicComplaint($id: ID!) {
    publicComplaint(id: $id) {
      id
      number
      title
      description
      categoryName
      serviceName
      organizationCode
      organizationName
      status
      statusLabel
      visibility
      anonymous
      contact {
        name
        email
        phone
      }
      location {
        latitude
        longitude
        address
      }
      messages {
        author
        text
        at
      }
      answer
      answeredAt
      autoCloseDate
      rating
      ratingComment
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
      evidence {
        ...CaseAttachmentFields
      }
      thread {
        type
        id
      }
    }
  }
`);

const load = cache((id: string) => loadCaseData(PublicComplaintQuery, { id }));

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { data } = await load(decodeURIComponent((await params).id));
  const t = await getTranslations('cases.complaints');
  const c = data?.publicComplaint;
  return { title: c ? `${c.number} · ${c.title}` : t('title') };
}

/**
 * One public complaint for its handlers: what the citizen reported (with the contact only when
 * the service gives it to this reader), the evidence, the exchange with the citizen, the answer
 * and the rating, the clock, and the steps the user may take (verify, re-route, answer).
 */
export default async function PublicComplaintPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(caseHref('PUBLIC_COMPLAINT', id));
  const t = await getTranslations('cases.complaints');
  const format = await getFormatter();
  const { data, forbidden: refused, error } = await load(id);
  if (refused) forbidden();
  const c = data?.publicComplaint;
  if (!c) {
    if (!error) notFound();
    return <CaseMissing flow="PUBLIC_COMPLAINT" error={error} />;
  }
  const when = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <CaseDetailLayout
      flow="PUBLIC_COMPLAINT"
      view={{ ...c, attachments: c.evidence }}
      submittedBy={null}
      title={c.title}
      drafts={{ answer: c.answer }}
      attachmentsTitle={t('evidence')}
      facts={
        <Facts cols={4}>
          <Fact label={t('organization')}>{c.organizationName ?? c.organizationCode}</Fact>
          <Fact label={t('category')}>
            {c.categoryName}
            {c.serviceName ? (
              <Text span size="xs" c="dimmed" display="block">
                {c.serviceName}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('visibility')}>
            {t(`visibilityValue.${c.visibility}`)}
            {c.anonymous ? (
              <Text span size="xs" c="dimmed" display="block">
                {t('anonymous')}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('rating')}>
            {c.rating ? (
              <span data-testid="penilaian-warga">{t('ratingValue', { rating: c.rating })}</span>
            ) : (
              t('notRated')
            )}
          </Fact>
        </Facts>
      }
    >
      <CaseSection id="isi-pengaduan" title={t('description')}>
        <Stack gap="xs">
          <CaseText>{c.description}</CaseText>
          {c.location ? (
            <Text size="sm" c="dimmed">
              {t('location', {
                address: c.location.address ?? '',
                latitude: c.location.latitude.toFixed(5),
                longitude: c.location.longitude.toFixed(5),
              })}
            </Text>
          ) : null}
        </Stack>
      </CaseSection>
      {c.contact ? (
        <CaseSection id="kontak-pelapor" title={t('contact')} testId="kontak-pelapor">
          <Facts cols={3}>
            <Fact label={t('contactName')}>{c.contact.name ?? '—'}</Fact>
            <Fact label={t('contactEmail')}>{c.contact.email ?? '—'}</Fact>
            <Fact label={t('contactPhone')}>{c.contact.phone ?? '—'}</Fact>
          </Facts>
          <Text size="xs" c="dimmed" mt="xs">
            {t('contactNotice')}
          </Text>
        </CaseSection>
      ) : null}
      <CaseSection id="jawaban-pengaduan" title={t('answer')} testId="jawaban-pengaduan">
        {c.answer ? (
          <Stack gap="xs">
            <CaseText>{c.answer}</CaseText>
            {c.answeredAt ? (
              <Text size="xs" c="dimmed">
                {t('answeredAt', { date: when(c.answeredAt) })}
              </Text>
            ) : null}
            {c.autoCloseDate && c.status === 'ANSWERED' ? (
              <Text size="xs" c="dimmed">
                {t('autoClose', {
                  date: format.dateTime(dateOnly(c.autoCloseDate), { dateStyle: 'long' }),
                })}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text c="dimmed">{t('noAnswer')}</Text>
        )}
      </CaseSection>
      <section aria-labelledby="pesan-warga">
        <Title order={2} size="h3" id="pesan-warga" mb="sm">
          {t('messages')}
        </Title>
        {c.messages.length === 0 ? (
          <Text c="dimmed">{t('noMessages')}</Text>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {c.messages.map((message, index) => (
              <Paper
                component="li"
                key={`${message.at}-${index}`}
                withBorder
                p="sm"
                data-author={message.author}
                bg={message.author === 'CITIZEN' ? 'gray.0' : undefined}
              >
                <Group gap="xs">
                  <Badge
                    variant="filled"
                    tt="none"
                    size="sm"
                    color={message.author === 'CITIZEN' ? '#495057' : '#1864ab'}
                  >
                    {message.author === 'CITIZEN' ? t('citizen') : t('handler')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {when(message.at)}
                  </Text>
                </Group>
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {message.text}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
        {c.ratingComment ? (
          <Text size="sm" mt="sm">
            <strong>{t('ratingComment')}:</strong> {c.ratingComment}
          </Text>
        ) : null}
      </section>
    </CaseDetailLayout>
  );
}
