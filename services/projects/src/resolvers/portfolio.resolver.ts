import type { Resolvers } from '../generated/graphql.js';

/** The leaders' portfolio, the map of all locations, exports and the OC4IDS view. */
export const portfolioResolvers: Resolvers = {
  Query: {
    loanPortfolio: (_root, { fiscalYear }, { principal, services }) =>
      services.portfolio.portfolio(principal, fiscalYear),
    loanProjectMap: (_root, { filter }, { principal, services }) =>
      services.portfolio.map(principal, filter),
    loanPortfolioExport: (_root, { format, fiscalYear }, { principal, services }) =>
      services.portfolio.export(principal, format, fiscalYear),
  },
  LoanProject: {
    oc4ids: async (project, _args, { loaders, services }) =>
      services.portfolio.oc4ids(await services.projects.full(loaders, project)),
  },
};
