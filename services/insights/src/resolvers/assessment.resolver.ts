import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

/** Performance assessment and its scoring method (thin: the services check role and scope). */
export const assessmentResolvers: Resolvers = {
  Query: {
    performanceAssessments: (_root, { period }, { principal, services }) =>
      services.assessments.listFor(principal, period),
    performanceAssessment: (_root, { organizationCode, period }, { principal, services }) =>
      services.assessments.oneFor(principal, organizationCode, period),
    scoringMethod: (_root, _args, { services }) => services.scoringMethods.current(),
    scoringMethodVersions: (_root, _args, { principal, services }) => {
      access.require(principal, 'Query.scoringMethodVersions');
      return services.scoringMethods.versions();
    },
  },
  Mutation: {
    updateScoringMethod: (_root, { input }, { principal, services }) =>
      services.scoringMethods.publish(input, principal),
  },
};
