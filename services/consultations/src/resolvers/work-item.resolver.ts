import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

/** Pekerjaan internal (workspace): the gate of each operation, then the service. */
export const workItemResolvers: Resolvers = {
  Query: {
    workItems: (_root, args, { principal, services }) =>
      services.workItems.list(access.require(principal, 'Query.workItems'), args),
    workItem: (_root, { id }, { principal, services }) =>
      services.workItems.get(access.require(principal, 'Query.workItem'), id),
  },
  Mutation: {
    createWorkItem: (_root, { input }, { principal, services }) =>
      services.workItems.create(access.require(principal, 'Mutation.createWorkItem'), input),
    acceptWorkItem: (_root, args, { principal, services }) =>
      services.workItems.accept(access.require(principal, 'Mutation.acceptWorkItem'), args),
    submitWorkResult: (_root, args, { principal, services }) =>
      services.workItems.submitResult(access.require(principal, 'Mutation.submitWorkResult'), args),
    verifyWorkItem: (_root, args, { principal, services }) =>
      services.workItems.verify(access.require(principal, 'Mutation.verifyWorkItem'), args),
    cancelWorkItem: (_root, args, { principal, services }) =>
      services.workItems.cancel(access.require(principal, 'Mutation.cancelWorkItem'), args),
  },
  WorkItem: {
    __resolveReference: ({ id }, { principal, services }) =>
      principal && access.allows(principal, 'Query.workItem')
        ? services.workItems.get(principal, id)
        : null,
  },
};
