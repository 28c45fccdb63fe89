import { defineAccess, type Principal, type Role } from '@sipadu/service-kit';

/** Edit an organization's service standards, pledge and populations (DOMAIN.md §1, §5). */
export const STANDARD_EDITORS: readonly Role[] = ['admin-opd', 'super-admin'];
/** Read every organization's internal survey data (suggestions, populations, recommendations). */
export const SURVEY_OVERSEERS: readonly Role[] = ['evaluator', 'pimpinan', 'super-admin'];
const INTERNAL_READERS: readonly Role[] = ['admin-opd', ...SURVEY_OVERSEERS];

const orgScoped = { scope: 'organization', acrossOrganizations: SURVEY_OVERSEERS } as const;

/**
 * Who may call what in the surveys service. Organization scope is checked against the record's
 * organization by the services (`access.assert(principal, action, { organizationCode })`).
 */
export const access = defineAccess({
  'Query.serviceStandards': { public: true },
  'Query.serviceStandard': { public: true },
  'Query.serviceDirectoryFacets': { public: true },
  'Query.managedServiceStandards': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Query.servicePledge': { public: true },
  'Query.surveyQuestionnaire': { public: true },
  'Query.satisfactionIndex': { public: true },
  'Query.satisfactionTrend': { public: true },
  'Query.organizationSatisfaction': { public: true },
  'Query.servicePopulations': { roles: INTERNAL_READERS, ...orgScoped },
  'Query.surveySuggestions': { roles: INTERNAL_READERS, ...orgScoped },
  'Query.recommendations': { roles: INTERNAL_READERS, ...orgScoped },
  'Query.recommendation': { roles: INTERNAL_READERS, ...orgScoped },
  'Query.recommendationReport': { roles: INTERNAL_READERS, ...orgScoped },
  'Query.satisfactionReport': { roles: SURVEY_OVERSEERS },
  'Mutation.submitSurveyResponse': { public: true },
  'Mutation.createServiceStandard': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.saveServiceStandardDraft': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.publishServiceStandard': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.discardServiceStandardDraft': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.saveServicePledgeDraft': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.publishServicePledge': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.setServicePopulation': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.importServicePopulations': {
    roles: STANDARD_EDITORS,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.createRecommendation': { roles: ['evaluator', 'super-admin'] },
  'Mutation.updateFollowUp': {
    roles: ['admin-opd', 'evaluator', 'super-admin'],
    scope: 'organization',
    acrossOrganizations: ['evaluator', 'super-admin'],
  },
  'Mutation.recomputeSatisfactionAggregates': { roles: ['super-admin'] },
});

export type SurveysAction = keyof typeof access.rules;

/** Whether the caller edits this organization's standards, pledge and populations. */
export function canEditOrganization(
  principal: Principal | null,
  organizationCode: string,
): boolean {
  return access.allows(principal, 'Mutation.saveServiceStandardDraft', { organizationCode });
}
