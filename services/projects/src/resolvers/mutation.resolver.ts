import type { MutationResolvers } from '../generated/graphql.js';

export const mutationResolvers: MutationResolvers = {
  createLoanProject: (_root, { input }, { principal, services }) =>
    services.projects.create(principal, input),
  updateLoanProject: (_root, { id, input }, { principal, services }) =>
    services.projects.update(principal, id, input),
  setProjectLocations: (_root, { projectId, locations }, { principal, services }) =>
    services.projects.setLocations(principal, projectId, locations),
  transitionLoanProject: (_root, { id, transition, note }, { principal, services }) =>
    services.projects.transition(principal, id, transition, note),
  setLoanAgreement: (_root, { projectId, input }, { principal, services }) =>
    services.projects.setAgreement(principal, projectId, input),
};
