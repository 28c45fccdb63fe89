import { graphql } from '@/gql';

// Operations the SIPUTRI staff pages run from the browser (through the BFF /api/graphql).
// Names start with SurveyAdmin so they never meet the public pages' operations.

export const SurveyAdminCreateStandardMutation = graphql(`
  mutation SurveyAdminCreateStandard($input: ServiceStandardInput!) {
    createServiceStandard(input: $input) {
      id
      status
    }
  }
`);

export const SurveyAdminSaveStandardDraftMutation = graphql(`
  mutation SurveyAdminSaveStandardDraft($id: ID!, $input: ServiceStandardInput!, $revision: Int) {
    saveServiceStandardDraft(id: $id, input: $input, revision: $revision) {
      id
      status
      draft {
        version
        revision
      }
    }
  }
`);

export const SurveyAdminPublishStandardMutation = graphql(`
  mutation SurveyAdminPublishStandard($id: ID!) {
    publishServiceStandard(id: $id) {
      id
      status
      published {
        version
      }
    }
  }
`);

export const SurveyAdminDiscardStandardDraftMutation = graphql(`
  mutation SurveyAdminDiscardStandardDraft($id: ID!) {
    discardServiceStandardDraft(id: $id) {
      id
      status
    }
  }
`);

export const SurveyAdminSavePledgeDraftMutation = graphql(`
  mutation SurveyAdminSavePledgeDraft($organizationCode: String!, $input: ServicePledgeInput!) {
    saveServicePledgeDraft(organizationCode: $organizationCode, input: $input) {
      organizationCode
      draft {
        version
      }
    }
  }
`);

export const SurveyAdminPublishPledgeMutation = graphql(`
  mutation SurveyAdminPublishPledge($organizationCode: String!) {
    publishServicePledge(organizationCode: $organizationCode) {
      organizationCode
      published {
        version
      }
    }
  }
`);

export const SurveyAdminSuggestionsQuery = graphql(`
  query SurveyAdminSuggestions(
    $scope: IndexScope!
    $id: ID
    $period: PeriodInput!
    $first: Int
    $after: String
  ) {
    surveySuggestions(scope: $scope, id: $id, period: $period, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          serviceId
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

export const SurveyAdminPopulationsQuery = graphql(`
  query SurveyAdminPopulations($serviceId: ID!, $year: Int) {
    servicePopulations(serviceId: $serviceId, year: $year) {
      serviceId
      population
      minimumSample
      updatedAt
      period {
        key
        granularity
        label
      }
    }
  }
`);

export const SurveyAdminSetPopulationMutation = graphql(`
  mutation SurveyAdminSetPopulation($input: ServicePopulationInput!) {
    setServicePopulation(input: $input) {
      serviceId
      population
      minimumSample
      period {
        key
        label
      }
    }
  }
`);

export const SurveyAdminImportPopulationsMutation = graphql(`
  mutation SurveyAdminImportPopulations($csv: String!) {
    importServicePopulations(csv: $csv) {
      imported
      rejected {
        row
        reason
        message
      }
    }
  }
`);

export const SurveyAdminCreateRecommendationMutation = graphql(`
  mutation SurveyAdminCreateRecommendation($input: RecommendationInput!) {
    createRecommendation(input: $input) {
      id
      status
    }
  }
`);

export const SurveyAdminUpdateFollowUpMutation = graphql(`
  mutation SurveyAdminUpdateFollowUp($input: FollowUpInput!) {
    updateFollowUp(input: $input) {
      id
      status
      progressPercent
      availableActions
    }
  }
`);

export const SurveyAdminRecommendationReportQuery = graphql(`
  query SurveyAdminRecommendationReport($organizationCode: String!, $period: PeriodInput!) {
    recommendationReport(organizationCode: $organizationCode, period: $period) {
      filename
      contentType
      base64
      size
    }
  }
`);

export const SurveyAdminSatisfactionReportQuery = graphql(`
  query SurveyAdminSatisfactionReport($period: PeriodInput!, $format: SurveyReportFormat!) {
    satisfactionReport(period: $period, format: $format) {
      filename
      contentType
      base64
      size
    }
  }
`);
