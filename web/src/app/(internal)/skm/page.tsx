import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LinkButton } from '@/components/projects/link-button';
import { PeriodSelect } from '@/components/survey-admin/period-select';
import { PopulationsPanel } from '@/components/survey-admin/populations-panel';
import { SatisfactionResults } from '@/components/survey-admin/satisfaction-results';
import { ScopeSelect } from '@/components/survey-admin/scope-select';
import { SuggestionsList } from '@/components/survey-admin/suggestions-list';
import {
  currentYear,
  periodFromParams,
  periodInput,
  periodKey,
  yearOptions,
} from '@/components/survey-admin/survey-period';
import {
  editsStandards,
  readsAllOrganizations,
  REPORT_ROLES,
  resolveScope,
} from '@/components/survey-admin/survey-scope';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const ResultsQuery = graphql(`
  query SurveyAdminResults(
    $scope: IndexScope!
    $id: ID
    $period: PeriodInput!
    $granularity: PeriodGranularity!
  ) {
    satisfactionIndex(scope: $scope, id: $id, period: $period) {
      scope
      scopeId
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
    satisfactionTrend(scope: $scope, id: $id, granularity: $granularity, until: $period, count: 6) {
      period {
        key
        label
      }
      respondents
      ikmConverted
      grade
    }
  }
`);

const ScopeOptionsQuery = graphql(`
  query SurveyAdminScopeOptions(
    $organizationCode: String
    $withServices: Boolean!
    $managed: Boolean!
  ) {
    serviceDirectoryFacets {
      organizations {
        value
        label
      }
    }
    managedServiceStandards(organizationCode: $organizationCode, first: 100)
      @include(if: $managed) {
      edges {
        node {
          id
          name
        }
      }
    }
    serviceStandards(organizationCode: $organizationCode, first: 100) @include(if: $withServices) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const SuggestionsQuery = graphql(`
  query SurveyAdminFirstSuggestions($scope: IndexScope!, $id: ID, $period: PeriodInput!) {
    surveySuggestions(scope: $scope, id: $id, period: $period, first: 20) {
      edges {
        node {
          id
          serviceName
          text
          submittedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PopulationsQuery = graphql(`
  query SurveyAdminServicePopulations($serviceId: ID!, $year: Int) {
    servicePopulations(serviceId: $serviceId, year: $year) {
      population
      minimumSample
      updatedAt
      period {
        key
        label
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.results');
  return { title: t('title') };
}

/**
 * The SKM results dashboard (PermenPANRB 14/2017): an organization's, a service's or the whole
 * Pemda's IKM for a period, its elements, the distribution of answers, the trend, the respondents'
 * profile, their suggestions, and the populations behind the minimum sample.
 */
export default async function SatisfactionResultsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const user = await requirePage('/skm');
  const t = await getTranslations('surveyAdmin.results');
  const params = await searchParams;
  const period = periodFromParams(single(params.tahun), single(params.periode));
  const input = periodInput(period);
  const scope = resolveScope(
    {
      cakupan: single(params.cakupan),
      organisasi: single(params.organisasi),
      layanan: single(params.layanan),
    },
    user,
  );
  const all = readsAllOrganizations(user.roles);
  const canEdit = editsStandards(user.roles);
  const managed = canEdit && Boolean(scope.organizationCode);
  const client = getClient();

  const [results, options, suggestions, populations] = await Promise.all([
    scope.scope !== 'PEMDA' && !scope.id
      ? Promise.resolve(null)
      : runQuery(client, ResultsQuery, {
          scope: scope.scope,
          id: scope.id,
          period: input,
          granularity: period.granularity,
        }),
    runQuery(client, ScopeOptionsQuery, {
      organizationCode: scope.organizationCode,
      managed,
      withServices: !managed && Boolean(scope.organizationCode),
    }),
    scope.scope !== 'PEMDA' && !scope.id
      ? Promise.resolve(null)
      : runQuery(client, SuggestionsQuery, { scope: scope.scope, id: scope.id, period: input }),
    scope.serviceId
      ? runQuery(client, PopulationsQuery, { serviceId: scope.serviceId, year: period.year })
      : Promise.resolve(null),
  ]);

  const services = (
    options.data?.managedServiceStandards?.edges ??
    options.data?.serviceStandards?.edges ??
    []
  ).map(({ node }) => ({ value: node.id, label: node.name }));
  const organizations = (options.data?.serviceDirectoryFacets.organizations ?? []).map((org) => ({
    value: org.value,
    label: `${org.label} (${org.value})`,
  }));
  const index = results?.data?.satisfactionIndex ?? null;
  const trend = results?.data?.satisfactionTrend ?? [];
  const service = scope.serviceId
    ? {
        id: scope.serviceId,
        name:
          services.find((option) => option.value === scope.serviceId)?.label ??
          index?.scopeName ??
          scope.serviceId,
      }
    : null;
  const now = currentYear();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        {user.roles.some((role) => REPORT_ROLES.includes(role)) ? (
          <LinkButton href="/skm/laporan" variant="light">
            {t('reportLink')}
          </LinkButton>
        ) : null}
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <ScopeSelect
            scope={scope.scope}
            organizationCode={scope.organizationCode}
            serviceId={scope.serviceId}
            organizations={organizations}
            services={services}
            allOrganizations={all}
          />
          <PeriodSelect value={period} years={yearOptions(now, period.year)} currentYear={now} />
        </Stack>
      </Paper>

      <ErrorAlert message={results?.error ?? options.error} />
      {!index && !results?.error ? (
        <Text c="dimmed">{all ? t('chooseScope') : t('noOrganization')}</Text>
      ) : null}
      {index ? <SatisfactionResults index={index} trend={trend} /> : null}

      {index ? (
        <section aria-labelledby="saran-responden">
          <Title order={2} size="h3" id="saran-responden" mb="sm">
            {t('suggestionsTitle')}
          </Title>
          <ErrorAlert message={suggestions?.error ?? null} />
          {suggestions?.data ? (
            <SuggestionsList
              scope={scope.scope}
              id={scope.id}
              period={input}
              initial={suggestions.data.surveySuggestions.edges.map((edge) => edge.node)}
              initialCursor={
                suggestions.data.surveySuggestions.pageInfo.hasNextPage
                  ? (suggestions.data.surveySuggestions.pageInfo.endCursor ?? null)
                  : null
              }
              showService={scope.scope !== 'SERVICE'}
            />
          ) : null}
        </section>
      ) : null}

      {scope.scope !== 'PEMDA' ? (
        <section aria-labelledby="populasi-layanan">
          <Title order={2} size="h3" id="populasi-layanan" mb={4}>
            {t('populationsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('populationsLead')}
          </Text>
          <ErrorAlert message={populations?.error ?? null} />
          <PopulationsPanel
            service={service}
            populations={populations?.data?.servicePopulations ?? []}
            period={period}
            periodKey={periodKey(period)}
            serviceIds={services.map((option) => option.value)}
            canEdit={canEdit}
          />
        </section>
      ) : null}
    </Stack>
  );
}
