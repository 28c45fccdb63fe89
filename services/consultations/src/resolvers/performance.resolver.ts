import type { Resolvers } from '../generated/graphql.js';

/** Performance points and monthly recaps (thin: the services check role and flow scope). */
export const performanceResolvers: Resolvers = {
  Query: {
    performancePoints: (_root, { period, flow, organizationCode }, { principal, services }) =>
      services.performance.report(principal, period, flow, organizationCode),
    monthlyRecap: (_root, { flow, month }, { principal, services }) =>
      services.recaps.monthlyRecap(principal, flow, month),
    publishedRecaps: (_root, { flow, first }, { principal, services }) =>
      services.recaps.published(principal, flow ?? null, first),
    monthlyRecapFile: (_root, { flow, month, format }, { principal, services }) =>
      services.recaps.file(principal, flow, month, format),
  },
  Mutation: {
    publishMonthlyRecap: (_root, { flow, month }, { principal, services }) =>
      services.recaps.publish(flow, month, 'MANUAL', principal),
  },
};
