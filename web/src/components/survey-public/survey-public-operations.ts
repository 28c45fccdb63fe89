import 'server-only';
import { graphql } from '@/gql';

// Operations of the public SIPUTRI pages (all `@public` fields: no token needed). Each page runs
// separate small queries, so one failing part (say the index) leaves the rest of the page usable.

export const ServiceDirectoryQuery = graphql(`
  query PublicServiceDirectory(
    $search: String
    $organizationCode: String
    $category: String
    $after: String
  ) {
    serviceStandards(
      search: $search
      organizationCode: $organizationCode
      category: $category
      first: 20
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          category
          organizationCode
          organizationName
          published {
            components {
              completionTime
              cost
            }
          }
        }
      }
    }
  }
`);

export const ServiceDirectoryFacetsQuery = graphql(`
  query PublicServiceDirectoryFacets {
    serviceDirectoryFacets {
      categories {
        value
        label
        count
      }
      organizations {
        value
        label
        count
      }
    }
  }
`);

export const PublicServiceStandardQuery = graphql(`
  query PublicServiceStandard($id: ID!) {
    serviceStandard(id: $id) {
      id
      name
      category
      organizationCode
      organizationName
      published {
        version
        name
        category
        description
        onlineServiceUrl
        publishedAt
        components {
          legalBasis
          requirements
          procedure
          completionTime
          completionDays
          cost
          products
          facilities
          officerCompetence
          internalSupervision
          complaintHandling
          numberOfOfficers
          serviceGuarantee
          securityGuarantee
          performanceEvaluation
        }
      }
    }
  }
`);

export const PublicServicePledgeQuery = graphql(`
  query PublicServicePledge($organizationCode: String!) {
    servicePledge(organizationCode: $organizationCode) {
      organizationName
      published {
        text
        commitments
        signatoryName
        signatoryPosition
        effectiveDate
      }
    }
  }
`);

export const PublicServiceQrQuery = graphql(`
  query PublicServiceQr($id: ID!) {
    serviceStandard(id: $id) {
      id
      name
      organizationName
      published {
        version
      }
    }
  }
`);

export const PublicSurveyFormQuery = graphql(`
  query PublicSurveyForm($id: ID!) {
    serviceStandard(id: $id) {
      id
      name
      organizationCode
      organizationName
      published {
        version
      }
    }
    surveyQuestionnaire {
      version
      elements {
        code
        order
        name
        question
        labels
      }
      profileFields {
        key
        label
        options {
          code
          label
        }
      }
    }
  }
`);

export const SubmitSurveyResponseDocument = graphql(`
  mutation SubmitSurveyResponse($input: SurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      submissionId
      serviceId
      serviceName
      receivedAt
      duplicate
    }
  }
`);

export const IndexSummaryFragment = graphql(`
  fragment PublicIndexSummary on SatisfactionIndex {
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
  }
`);

export const ElementScoresFragment = graphql(`
  fragment PublicElementScores on SatisfactionIndex {
    elements {
      element {
        code
        order
        name
      }
      answers
      nrr
    }
  }
`);

export const SatisfactionIndexQuery = graphql(`
  query PublicSatisfactionIndex($scope: IndexScope!, $id: ID, $period: PeriodInput!) {
    satisfactionIndex(scope: $scope, id: $id, period: $period) {
      scopeId
      scopeName
      period {
        key
        label
      }
      ...PublicIndexSummary
      ...PublicElementScores
    }
  }
`);

export const SatisfactionTrendQuery = graphql(`
  query PublicSatisfactionTrend(
    $scope: IndexScope!
    $id: ID
    $granularity: PeriodGranularity!
    $until: PeriodInput!
    $count: Int
  ) {
    satisfactionTrend(
      scope: $scope
      id: $id
      granularity: $granularity
      until: $until
      count: $count
    ) {
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

export const OrganizationRankingQuery = graphql(`
  query PublicOrganizationRanking($period: PeriodInput!) {
    organizationSatisfaction(period: $period) {
      scopeId
      scopeName
      ...PublicIndexSummary
    }
  }
`);

export const OrganizationServicesQuery = graphql(`
  query PublicOrganizationServices($organizationCode: String!) {
    serviceStandards(organizationCode: $organizationCode, first: 50) {
      totalCount
      edges {
        node {
          id
          name
          category
        }
      }
    }
  }
`);
