import type { Resolvers } from '../generated/graphql.js';

/** Case statistics for the assessment, the dashboard, open data and partners (thin). */
export const statisticsResolvers: Resolvers = {
  Query: {
    complaintStatistics: (_root, { from, to }, { principal, services }) =>
      services.statistics.complaintStatistics(principal, from, to),
    serviceTimeStatistics: (_root, { from, to }, { principal, services }) =>
      services.statistics.serviceTimeStatistics(principal, from, to),
    statisticRecords: (
      _root,
      { flow, organizationCode, from, to, first },
      { principal, services },
    ) => services.statistics.statisticRecords(principal, flow, organizationCode, from, to, first),
  },
};
