import { graphql } from '@/gql';

/**
 * The leaders' dashboard of one period (null: the service's current period). Fields are written
 * inline (no fragments): spreads raise the gateway's static cost.
 */
export const LeaderDashboardQuery = graphql(`
  query LeaderDashboard($period: String) {
    leaderDashboard(period: $period) {
      period {
        key
        label
        from
        to
      }
      generatedAt
      portfolio {
        projects
        totalAmount
        disbursedAmount
        behindPlan
        byStage {
          key
          label
          count
        }
        behindPlanProjects {
          id
          reference
          title
          detail
          href
        }
      }
      ranking {
        organizationCode
        organizationName
        score
        grade
        gradeLabel
        rank
        components {
          key
          measures {
            key
            value
          }
        }
      }
      map {
        organizationCode
        organizationName
        latitude
        longitude
        ikm
        ikmGrade
        score
        grade
      }
      complaintTrend {
        month
        received
        answered
        answeredOnTime
      }
      overdueByOrganization {
        organizationCode
        organizationName
        count
        references
      }
      alerts {
        id
        kind
        severity
        title
        detail
        organizationCode
        reference
        href
        raisedAt
        acknowledgedAt
        acknowledgedBy
        note
      }
      activity {
        id
        module
        title
        organizationCode
        href
        occurredAt
      }
      unavailable
    }
  }
`);

/** Alerts including those already followed up (the dashboard itself lists the open ones). */
export const DashboardAlertsQuery = graphql(`
  query DashboardAlerts($includeAcknowledged: Boolean, $first: Int) {
    dashboardAlerts(includeAcknowledged: $includeAcknowledged, first: $first) {
      id
      kind
      severity
      title
      detail
      organizationCode
      reference
      href
      raisedAt
      acknowledgedAt
      acknowledgedBy
      note
    }
  }
`);

export const AcknowledgeDashboardAlertMutation = graphql(`
  mutation AcknowledgeDashboardAlert($id: ID!, $note: String) {
    acknowledgeDashboardAlert(id: $id, note: $note) {
      id
      acknowledgedAt
      acknowledgedBy
      note
    }
  }
`);
