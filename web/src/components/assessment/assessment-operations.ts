import { graphql } from '@/gql';

/** Organizations ranked for a period, with each component's score and the period's IKM. */
export const AssessmentRankingQuery = graphql(`
  query AssessmentRanking($period: String!, $ikmPeriod: PeriodInput!) {
    performanceAssessments(period: $period) {
      period {
        key
        label
        from
        to
      }
      computedAt
      method {
        version
        name
      }
      items {
        organizationCode
        organizationName
        score
        grade
        gradeLabel
        rank
        components {
          key
          label
          weight
          score
        }
      }
    }
    organizationSatisfaction(period: $ikmPeriod) {
      scopeId
      ikmConverted
      grade
    }
  }
`);

/** One organization's assessment with the measures and records behind every component. */
export const AssessmentDetailQuery = graphql(`
  query AssessmentDetail($organizationCode: String!, $period: String!) {
    performanceAssessment(organizationCode: $organizationCode, period: $period) {
      organizationCode
      organizationName
      period {
        key
        label
        from
        to
      }
      score
      coverage
      grade
      gradeLabel
      rank
      methodVersion
      components {
        key
        label
        weight
        score
        explanation
        measures {
          key
          label
          value
          unit
        }
        records {
          kind
          id
          reference
          title
          detail
          negative
          href
        }
      }
    }
  }
`);

export const ScoringMethodFieldsFragment = graphql(`
  fragment ScoringMethodFields on ScoringMethod {
    version
    name
    description
    publishedAt
    publishedBy
    components {
      key
      label
      weight
      formula
      parameters {
        key
        label
        value
      }
    }
    grades {
      grade
      label
      minScore
    }
    minimumCoverage
  }
`);

export const ScoringMethodQuery = graphql(`
  query ScoringMethod {
    scoringMethod {
      ...ScoringMethodFields
    }
  }
`);

/** The method with its earlier versions (leaders and super-admin only). */
export const ScoringMethodHistoryQuery = graphql(`
  query ScoringMethodHistory {
    scoringMethod {
      ...ScoringMethodFields
    }
    scoringMethodVersions {
      version
      name
      publishedAt
      publishedBy
      components {
        key
        label
        weight
      }
    }
  }
`);

export const UpdateScoringMethodMutation = graphql(`
  mutation UpdateScoringMethod($input: ScoringMethodInput!) {
    updateScoringMethod(input: $input) {
      ...ScoringMethodFields
    }
  }
`);
