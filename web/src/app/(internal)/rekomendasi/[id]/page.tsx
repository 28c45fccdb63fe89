import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { Fact, Facts } from '@/components/fact-list';
import { FollowUpActions } from '@/components/survey-admin/follow-up-actions';
import { FollowUpHistory } from '@/components/survey-admin/follow-up-history';
import { clampPercent, recommendationHref } from '@/components/survey-admin/recommendation';
import { RecommendationReportButton } from '@/components/survey-admin/report-buttons';
import {
  GradeBadge,
  PriorityBadge,
  RecommendationStatusBadge,
} from '@/components/survey-admin/survey-badges';
import { dateOnly } from '@/components/survey-admin/survey-dates';
import { formatScore } from '@/components/survey-admin/survey-index';
import { inputOfPeriod } from '@/components/survey-admin/survey-period';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { errorMessage } from '@/graphql/error-message';
import { getClient } from '@/graphql/server-client';

const RecommendationQuery = graphql(`
  query SurveyAdminRecommendation($id: ID!) {
    recommendation(id: $id) {
      id
      organizationCode
      organizationName
      period {
        key
        label
        year
        semester
        quarter
        month
      }
      element {
        code
        name
        question
      }
      elementNrr
      ikmConverted
      grade
      text
      priority
      dueDate
      status
      followUpPlan
      progressPercent
      followUps {
        action
        fromStatus
        toStatus
        plan
        progressPercent
        note
        actor {
          id
          name
          organizationCode
        }
        at
      }
      createdBy {
        id
        name
        organizationCode
      }
      createdAt
      updatedAt
      availableActions
    }
  }
`);

const hasCode = (error: CombinedError | undefined, code: string) =>
  error?.graphQLErrors.some((item) => item.extensions?.code === code) ?? false;

const loadRecommendation = cache(async (id: string) => {
  const result = await getClient().query(
    RecommendationQuery,
    { id },
    { requestPolicy: 'network-only' },
  );
  return {
    recommendation: result.data?.recommendation ?? null,
    forbidden: hasCode(result.error, 'FORBIDDEN'),
    error: errorMessage(result.error),
  };
});

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = decodeURIComponent((await params).id);
  const { recommendation } = await loadRecommendation(id);
  const t = await getTranslations('surveyAdmin.recommendationDetail');
  return {
    title: recommendation
      ? t('metaTitle', {
          element: recommendation.element.code,
          organization: recommendation.organizationCode,
        })
      : t('title'),
  };
}

/**
 * One recommendation: the element and its NRR when written, the plan and progress, the follow-up
 * history, the steps the user may take now, and the organization's recommendations as a PDF.
 */
export default async function RecommendationPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(recommendationHref(id));
  const t = await getTranslations('surveyAdmin.recommendationDetail');
  const format = await getFormatter();
  const locale = await getLocale();
  const { recommendation, forbidden: refused, error } = await loadRecommendation(id);
  if (refused) forbidden();
  const back = (
    <Link href="/rekomendasi" style={LINK_STYLE}>
      ← {t('back')}
    </Link>
  );
  if (!recommendation) {
    if (!error) notFound();
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert message={error} />
      </Stack>
    );
  }
  const r = recommendation;
  const percent = clampPercent(r.progressPercent);
  return (
    <Stack gap="lg" maw={1080}>
      <div>
        {back}
        <Paper withBorder p="md" mt="xs" component="header" aria-labelledby="judul-rekomendasi">
          <Stack gap="sm">
            <Group gap="xs" wrap="wrap">
              <RecommendationStatusBadge status={r.status} />
              <PriorityBadge priority={r.priority} size="md" />
              <Text size="sm" c="dimmed">
                {r.organizationName} ({r.organizationCode}) · {r.period.label}
              </Text>
            </Group>
            <Title order={1} id="judul-rekomendasi" size="h2">
              {t('heading', { code: r.element.code, element: r.element.name })}
            </Title>
            <Text
              style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
              data-testid="teks-rekomendasi"
            >
              {r.text}
            </Text>
            <Facts cols={4}>
              <Fact label={t('elementNrr')}>{formatScore(r.elementNrr, locale)}</Fact>
              <Fact label={t('ikm')}>
                <Group gap={6} component="span">
                  {formatScore(r.ikmConverted, locale)}
                  <GradeBadge grade={r.grade} size="sm" />
                </Group>
              </Fact>
              <Fact label={t('dueDate')}>
                {r.dueDate ? format.dateTime(dateOnly(r.dueDate), { dateStyle: 'long' }) : '—'}
              </Fact>
              <Fact label={t('createdBy')}>
                {r.createdBy.name ?? '—'}
                {r.createdBy.organizationCode ? ` (${r.createdBy.organizationCode})` : ''}
                <Text span size="xs" c="dimmed" display="block">
                  {format.dateTime(new Date(r.createdAt), { dateStyle: 'medium' })}
                </Text>
              </Fact>
            </Facts>
            <Text size="sm" c="dimmed">
              {t('question', { question: r.element.question })}
            </Text>
            <FollowUpActions
              recommendationId={r.id}
              actions={r.availableActions}
              currentPlan={r.followUpPlan ?? null}
              currentPercent={r.progressPercent}
            />
          </Stack>
        </Paper>
      </div>

      <section aria-labelledby="rencana-tindak-lanjut">
        <Title order={2} size="h3" id="rencana-tindak-lanjut" mb="sm">
          {t('planTitle')}
        </Title>
        <Paper withBorder p="md">
          {r.followUpPlan ? (
            <Text style={{ whiteSpace: 'pre-line' }} data-testid="rencana-terakhir">
              {r.followUpPlan}
            </Text>
          ) : (
            <Text c="dimmed">{t('noPlan')}</Text>
          )}
          <Text size="sm" mt="sm">
            {t('progress', { percent })}
          </Text>
          <Progress
            value={percent}
            size="lg"
            color={r.status === 'VERIFIED' ? '#1b5e20' : 'blue.8'}
            aria-label={t('progress', { percent })}
          />
        </Paper>
      </section>

      <section aria-labelledby="cetak-rekomendasi">
        <Title order={2} size="h3" id="cetak-rekomendasi" mb={4}>
          {t('printTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('printLead', { organization: r.organizationName, period: r.period.label })}
        </Text>
        <RecommendationReportButton
          organizationCode={r.organizationCode}
          period={inputOfPeriod(r.period)}
          variant="filled"
        />
      </section>

      <section aria-labelledby="riwayat-tindak-lanjut">
        <Title order={2} size="h3" id="riwayat-tindak-lanjut" mb="sm">
          {t('historyTitle')}
        </Title>
        <FollowUpHistory entries={r.followUps} />
      </section>
    </Stack>
  );
}
