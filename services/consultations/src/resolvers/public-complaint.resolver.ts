import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

// Pengaduan masyarakat: citizens (no token) file, track, reply and rate with their tracking code;
// handlers list, verify, reroute and answer. Resolvers stay thin: the service checks the rest.

export const publicComplaintResolvers: Resolvers = {
  Query: {
    publicComplaints: (_root, args, { principal, services }) =>
      services.publicComplaints.list(principal, args),
    publicComplaint: (_root, { id }, { principal, services }) =>
      services.publicComplaints.get(principal, id),
    trackPublicComplaint: (_root, { trackingCode }, { principal, clientAddress, services }) => {
      access.assert(principal, 'Query.trackPublicComplaint');
      return services.publicComplaints.track(trackingCode, clientAddress);
    },
    complaintCategories: (_root, _args, { principal, services }) => {
      access.assert(principal, 'Query.complaintCategories');
      return services.catalog.categories();
    },
    complaintServiceOptions: (_root, { organizationCode, search }, { principal, services }) => {
      access.assert(principal, 'Query.complaintServiceOptions');
      return services.catalog.serviceOptions({ organizationCode, search });
    },
    complaintOrganizations: (_root, _args, { principal, services }) => {
      access.assert(principal, 'Query.complaintOrganizations');
      return services.catalog.organizationOptions();
    },
    personalDataRequests: (_root, args, { principal, services }) =>
      services.personalData.list(principal, args),
  },
  Mutation: {
    filePublicComplaint: (_root, { input }, { principal, clientAddress, services }) => {
      access.assert(principal, 'Mutation.filePublicComplaint');
      return services.publicComplaints.file(input, clientAddress);
    },
    requestComplaintPersonalData: (_root, { input }, { principal, clientAddress, services }) => {
      access.assert(principal, 'Mutation.requestComplaintPersonalData');
      return services.personalData.request(input, clientAddress);
    },
    replyToPublicComplaint: (
      _root,
      { trackingCode, message },
      { principal, clientAddress, services },
    ) => {
      access.assert(principal, 'Mutation.replyToPublicComplaint');
      return services.publicComplaints.reply(trackingCode, message, clientAddress);
    },
    ratePublicComplaint: (
      _root,
      { trackingCode, rating, comment },
      { principal, clientAddress, services },
    ) => {
      access.assert(principal, 'Mutation.ratePublicComplaint');
      return services.publicComplaints.rate(trackingCode, { rating, comment }, clientAddress);
    },
    verifyPublicComplaint: (_root, args, { principal, services }) =>
      services.publicComplaints.verify(principal, args),
    reroutePublicComplaint: (_root, args, { principal, services }) =>
      services.publicComplaints.reroute(principal, args),
    answerPublicComplaint: (_root, args, { principal, services }) =>
      services.publicComplaints.answer(principal, args),
  },
  PublicComplaint: {
    // Another subgraph's reference resolves only for a caller who may read the complaint.
    __resolveReference: ({ id }, { principal, services }) =>
      access.allows(principal, 'Query.publicComplaint')
        ? services.publicComplaints.get(principal, id)
        : null,
  },
};
