import { defineAccess, type Role } from '@sipadu/service-kit';

/** Leaders and the administrator see every organization (DOMAIN.md §1, Perwali 64 §17(2)). */
export const LEADERS: readonly Role[] = ['pimpinan', 'super-admin'];
/** Read an organization's own assessment besides the leaders. */
const OWN_ASSESSMENT_READERS: readonly Role[] = [...LEADERS, 'admin-opd', 'direktur', 'evaluator'];

/**
 * Who may call what in the insights service (first gate). The organization scope of an
 * assessment and the reader rules of internal data sets are decided per record by the services.
 */
export const access = defineAccess({
  'Query.performanceAssessments': {
    roles: OWN_ASSESSMENT_READERS,
    clientScopes: ['sipadu:statistik'],
  },
  'Query.performanceAssessment': {
    roles: OWN_ASSESSMENT_READERS,
    scope: 'organization',
    acrossOrganizations: [...LEADERS, 'evaluator'],
    clientScopes: ['sipadu:statistik'],
  },
  'Query.scoringMethod': { public: true },
  'Query.scoringMethodVersions': { roles: LEADERS },
  'Query.leaderDashboard': { roles: LEADERS },
  'Query.dashboardAlerts': { roles: LEADERS },
  'Query.dataSets': { public: true },
  'Query.dataSet': { public: true },
  'Mutation.updateScoringMethod': { roles: ['super-admin'] },
  'Mutation.acknowledgeDashboardAlert': { roles: LEADERS },
  'Mutation.updateDataSet': { roles: ['super-admin', 'admin-opd'] },
  /** HTTP routes: the live dashboard stream and the printable brief. */
  'Route.dashboardStream': { roles: LEADERS },
  'Route.dashboardBrief': { roles: LEADERS },
});
