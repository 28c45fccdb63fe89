import type { Resolvers } from '../generated/graphql.js';

/** Evaluation (DOMAIN.md §5): evaluator recommendations, the follow-up, printed reports. */
export const evaluationResolvers: Resolvers = {
  Query: {
    recommendations: (_root, args, { principal, services }) =>
      services.recommendations.list(principal, args),
    recommendation: (_root, { id }, { principal, services }) =>
      services.recommendations.get(principal, id),
    recommendationReport: (_root, { organizationCode, period }, { principal, services }) =>
      services.reports.recommendationReport(principal, organizationCode, period),
    satisfactionReport: (_root, { period, format }, { principal, services }) =>
      services.reports.satisfactionReport(principal, period, format),
  },
  Mutation: {
    createRecommendation: (_root, { input }, { principal, services }) =>
      services.recommendations.create(principal, input),
    updateFollowUp: (_root, { input }, { principal, services }) =>
      services.recommendations.updateFollowUp(principal, input),
  },
};
