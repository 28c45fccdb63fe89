import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

/** Pengaduan TIK: the gate of each operation, then the service. */
export const ictComplaintResolvers: Resolvers = {
  Query: {
    ictComplaints: (_root, args, { principal, services }) =>
      services.ictComplaints.list(access.require(principal, 'Query.ictComplaints'), args),
    ictComplaint: (_root, { id }, { principal, services }) =>
      services.ictComplaints.get(access.require(principal, 'Query.ictComplaint'), id),
  },
  Mutation: {
    fileIctComplaint: (_root, { input }, { principal, services }) =>
      services.ictComplaints.file(access.require(principal, 'Mutation.fileIctComplaint'), input),
    routeIctComplaint: (_root, args, { principal, services }) =>
      services.ictComplaints.route(access.require(principal, 'Mutation.routeIctComplaint'), args),
    resolveIctComplaint: (_root, args, { principal, services }) =>
      services.ictComplaints.resolve(
        access.require(principal, 'Mutation.resolveIctComplaint'),
        args,
      ),
    confirmIctResolution: (_root, args, { principal, services }) =>
      services.ictComplaints.confirm(
        access.require(principal, 'Mutation.confirmIctResolution'),
        args,
      ),
    documentIctResult: (_root, args, { principal, services }) =>
      services.ictComplaints.document(
        access.require(principal, 'Mutation.documentIctResult'),
        args,
      ),
  },
  IctComplaint: {
    __resolveReference: ({ id }, { principal, services }) =>
      principal && access.allows(principal, 'Query.ictComplaint')
        ? services.ictComplaints.get(principal, id)
        : null,
  },
};
