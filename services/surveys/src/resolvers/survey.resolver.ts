import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

// The survey, index and population operations (SIPUTRI). Resolvers stay thin: access rules of
// public reads here, everything else in the services.

export const surveyResolvers: Resolvers = {
  Query: {
    surveyQuestionnaire: (_root, _args, { principal, services }) => {
      access.assert(principal, 'Query.surveyQuestionnaire');
      return services.questionnaire.current();
    },
    satisfactionIndex: (_root, { scope, id, period }, { principal, services }) => {
      access.assert(principal, 'Query.satisfactionIndex');
      return services.index.index(scope, id, period);
    },
    satisfactionTrend: (
      _root,
      { scope, id, granularity, until, count },
      { principal, services },
    ) => {
      access.assert(principal, 'Query.satisfactionTrend');
      return services.index.trend(scope, id, granularity, until, count);
    },
    organizationSatisfaction: (_root, { period }, { principal, services }) => {
      access.assert(principal, 'Query.organizationSatisfaction');
      return services.index.organizations(period);
    },
    servicePopulations: (_root, { serviceId, year }, { principal, services }) =>
      services.populations.list(principal, serviceId, year),
    surveySuggestions: (_root, { scope, id, period, first, after }, { principal, services }) =>
      services.responses.suggestions(principal, { scope, id, period, first, after }),
  },
  Mutation: {
    submitSurveyResponse: (_root, { input }, { principal, clientAddress, services }) =>
      services.responses.submit(input, { principal, clientAddress }),
    setServicePopulation: (_root, { input }, { principal, services }) =>
      services.populations.set(principal, input),
    importServicePopulations: (_root, { csv }, { principal, services }) =>
      services.populations.import(principal, csv),
    recomputeSatisfactionAggregates: (_root, { apply }, { principal, services }) => {
      access.require(principal, 'Mutation.recomputeSatisfactionAggregates');
      return services.aggregation.recompute({ apply: apply ?? false });
    },
  },
};
