import type { Resolvers } from '../generated/graphql.js';

/** Service standards, the public directory and the service pledges (thin: the services decide). */
export const standardResolvers: Resolvers = {
  Query: {
    serviceStandards: (_root, args, { services }) => services.standards.directory(args),
    serviceStandard: (_root, { id }, { principal, services }) =>
      services.standards.get(principal, id),
    serviceDirectoryFacets: (_root, _args, { services }) => services.standards.facets(),
    managedServiceStandards: (_root, args, { principal, services }) =>
      services.standards.managed(principal, args),
    servicePledge: (_root, { organizationCode }, { principal, services }) =>
      services.pledges.get(principal, organizationCode),
  },
  Mutation: {
    createServiceStandard: (_root, { input }, { principal, services }) =>
      services.standards.create(principal, input),
    saveServiceStandardDraft: (_root, { id, input, revision }, { principal, services }) =>
      services.standards.saveDraft(principal, id, input, revision),
    publishServiceStandard: (_root, { id }, { principal, services }) =>
      services.standards.publish(principal, id),
    discardServiceStandardDraft: (_root, { id }, { principal, services }) =>
      services.standards.discardDraft(principal, id),
    saveServicePledgeDraft: (_root, { organizationCode, input }, { principal, services }) =>
      services.pledges.saveDraft(principal, organizationCode, input),
    publishServicePledge: (_root, { organizationCode }, { principal, services }) =>
      services.pledges.publish(principal, organizationCode),
  },
  ServiceStandard: {
    __resolveReference: (reference, { principal, services }) =>
      services.standards.get(principal, reference.id),
  },
};
