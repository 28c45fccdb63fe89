import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

/** The leaders' dashboard and its alerts (thin: the services read and decide). */
export const dashboardResolvers: Resolvers = {
  Query: {
    leaderDashboard: (_root, { period }, { principal, services }) =>
      services.dashboard.get(period, access.require(principal, 'Query.leaderDashboard')),
    dashboardAlerts: (_root, { includeAcknowledged, first }, { principal, services }) => {
      access.require(principal, 'Query.dashboardAlerts');
      return services.alerts.list({ includeAcknowledged, first });
    },
  },
  Mutation: {
    acknowledgeDashboardAlert: (_root, { id, note }, { principal, services }) =>
      services.alerts.acknowledge(
        id,
        note,
        access.require(principal, 'Mutation.acknowledgeDashboardAlert'),
      ),
  },
};
