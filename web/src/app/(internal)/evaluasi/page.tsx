import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { OrganizationRanking } from '@/components/survey-admin/organization-ranking';
import { PeriodSelect } from '@/components/survey-admin/period-select';
import { RecommendationForm } from '@/components/survey-admin/recommendation-form';
import { RecommendationTable } from '@/components/survey-admin/recommendation-table';
import { RecommendationReportButton } from '@/components/survey-admin/report-buttons';
import { ElementNrrChart, IndexSummary } from '@/components/survey-admin/satisfaction-results';
import { weakestElements } from '@/components/survey-admin/survey-index';
import {
  currentYear,
  periodFromParams,
  periodInput,
  periodParam,
  yearOptions,
} from '@/components/survey-admin/survey-period';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const EvaluationQuery = graphql(`
  query SurveyAdminEvaluation($period: PeriodInput!) {
    organizationSatisfaction(period: $period) {
      scopeId
      scopeName
      respondents
      ikmConverted
      grade
      performance
      minimumSample
      sampleAdequate
      elements {
        element {
          code
          order
          name
        }
        nrr
        answers
        distribution
      }
    }
    # 40 rows: more would take the operation (with urql's __typename fields) near or over the
    # gateway's cost limit (MAX_QUERY_COST, 5000).
    recommendations(status: COMPLETED, first: 40) {
      totalCount
      edges {
        node {
          id
          organizationCode
          organizationName
          period {
            label
          }
          element {
            code
            name
          }
          elementNrr
          text
          priority
          dueDate
          status
          progressPercent
          followUpPlan
          availableActions
        }
      }
    }
  }
`);

const EvaluationOrganizationQuery = graphql(`
  query SurveyAdminEvaluationOrganization(
    $organizationCode: String!
    $indexId: ID!
    $period: PeriodInput!
  ) {
    satisfactionIndex(scope: ORGANIZATION, id: $indexId, period: $period) {
      scopeName
      period {
        key
        label
      }
      respondents
      ikm
      ikmConverted
      grade
      performance
      population
      minimumSample
      sampleShortfall
      sampleAdequate
      elements {
        element {
          code
          order
          name
          labels
        }
        total
        answers
        nrr
        distribution
      }
      profile {
        gender {
          code
          label
          count
        }
        ageGroup {
          code
          label
          count
        }
        education {
          code
          label
          count
        }
        occupation {
          code
          label
          count
        }
      }
    }
    # 40 rows keep the operation under the gateway's cost limit (MAX_QUERY_COST, 5000).
    recommendations(organizationCode: $organizationCode, period: $period, first: 40) {
      edges {
        node {
          id
          organizationCode
          organizationName
          period {
            label
          }
          element {
            code
            name
          }
          elementNrr
          text
          priority
          dueDate
          status
          progressPercent
          followUpPlan
          availableActions
        }
      }
    }
    surveyQuestionnaire {
      elements {
        code
        order
        name
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.evaluation');
  return { title: t('title') };
}

/**
 * The evaluator's workspace: organizations ranked by IKM for a period with their weakest
 * elements; one organization's elements and recommendations, a form for a new one, and the
 * follow-ups waiting for verification.
 */
export default async function EvaluationPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePage('/evaluasi');
  const t = await getTranslations('surveyAdmin.evaluation');
  const params = await searchParams;
  const period = periodFromParams(single(params.tahun), single(params.periode));
  const input = periodInput(period);
  const organizationCode = single(params.organisasi)?.trim().toUpperCase() || null;
  const client = getClient();
  const [overview, detail] = await Promise.all([
    runQuery(client, EvaluationQuery, { period: input }),
    organizationCode
      ? runQuery(client, EvaluationOrganizationQuery, {
          organizationCode,
          indexId: organizationCode,
          period: input,
        })
      : Promise.resolve(null),
  ]);
  const periodQuery = (code: string) => {
    const query = new URLSearchParams({ tahun: String(period.year) });
    const part = periodParam(period);
    if (part) query.set('periode', part);
    query.set('organisasi', code);
    return `/evaluasi?${query.toString()}#organisasi-terpilih`;
  };
  const ranking = (overview.data?.organizationSatisfaction ?? []).map((row) => ({
    organizationCode: row.scopeId ?? '',
    organizationName: row.scopeName,
    href: periodQuery(row.scopeId ?? ''),
    ikmConverted: row.ikmConverted ?? null,
    grade: row.grade ?? null,
    performance: row.performance ?? null,
    respondents: row.respondents,
    minimumSample: row.minimumSample ?? null,
    sampleAdequate: row.sampleAdequate ?? null,
    weakest: weakestElements(row.elements, 3).map((element) => ({
      code: element.element.code,
      name: element.element.name,
      nrr: element.nrr ?? null,
    })),
    selected: row.scopeId === organizationCode,
  }));
  const awaiting = (overview.data?.recommendations.edges ?? []).map(({ node }) => node);
  const index = detail?.data?.satisfactionIndex ?? null;
  const recommendations = (detail?.data?.recommendations.edges ?? []).map(({ node }) => node);
  const elements = detail?.data?.surveyQuestionnaire.elements ?? [];
  const weakest = index ? weakestElements(index.elements, 1)[0] : undefined;
  const now = currentYear();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <Paper withBorder p="md">
        <PeriodSelect value={period} years={yearOptions(now, period.year)} currentYear={now} />
      </Paper>
      <ErrorAlert message={overview.error} />

      <section aria-labelledby="peringkat-ikm">
        <Title order={2} size="h3" id="peringkat-ikm" mb="sm">
          {t('rankingTitle')}
        </Title>
        <OrganizationRanking
          rows={ranking}
          caption={t('rankingCaption', { period: index?.period.label ?? String(period.year) })}
        />
      </section>

      {organizationCode ? (
        <section aria-labelledby="organisasi-terpilih-judul" id="organisasi-terpilih">
          <Group justify="space-between" align="flex-end" wrap="wrap" mb="sm">
            <Title order={2} size="h3" id="organisasi-terpilih-judul">
              {t('organizationTitle', {
                organization: index?.scopeName ?? organizationCode,
                period: index?.period.label ?? String(period.year),
              })}
            </Title>
            <RecommendationReportButton organizationCode={organizationCode} period={input} />
          </Group>
          <ErrorAlert message={detail?.error ?? null} />
          {index ? (
            <Stack gap="md">
              <IndexSummary index={index} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                <ElementNrrChart elements={index.elements} idPrefix="evaluasi" />
                <RecommendationForm
                  organizationCode={organizationCode}
                  organizationName={index.scopeName}
                  period={input}
                  periodLabel={index.period.label}
                  elements={elements}
                  suggestedElement={weakest?.element.code ?? null}
                />
              </SimpleGrid>
              <div>
                <Title order={3} size="h4" mb="xs">
                  {t('recommendationsTitle', { count: recommendations.length })}
                </Title>
                {recommendations.length === 0 ? (
                  <Text c="dimmed">{t('noRecommendations')}</Text>
                ) : (
                  <RecommendationTable
                    rows={recommendations}
                    caption={t('recommendationsCaption', { organization: index.scopeName })}
                    showOrganization={false}
                    withActions
                  />
                )}
              </div>
            </Stack>
          ) : null}
        </section>
      ) : (
        <Text c="dimmed">{t('chooseOrganization')}</Text>
      )}

      <section aria-labelledby="menunggu-verifikasi">
        <Title order={2} size="h3" id="menunggu-verifikasi" mb="sm">
          {t('awaitingTitle', { count: overview.data?.recommendations.totalCount ?? 0 })}
        </Title>
        {awaiting.length === 0 ? (
          <Text c="dimmed">{t('noneAwaiting')}</Text>
        ) : (
          <RecommendationTable
            rows={awaiting}
            caption={t('awaitingCaption')}
            showOrganization
            withActions
          />
        )}
      </section>
    </Stack>
  );
}
