import type { QueryResolvers } from '../generated/graphql.js';

export const queryResolvers: QueryResolvers = {
  loanProjects: (_root, { filter, first, after }, { principal, services }) =>
    services.projects.list(principal, filter, { first, after }),
  loanProject: (_root, { id }, { principal, services }) => services.projects.get(principal, id),
  loanProjectFacets: (_root, _args, { principal, services }) => services.projects.facets(principal),
};
