import { access } from '../access.js';
import type { Resolvers } from '../generated/graphql.js';

/** Konsultasi (SI-KIMR): the gate of each operation, then the service. */
export const consultationResolvers: Resolvers = {
  Query: {
    consultations: (_root, args, { principal, services }) =>
      services.consultations.list(access.require(principal, 'Query.consultations'), args),
    consultation: (_root, { id }, { principal, services }) =>
      services.consultations.get(access.require(principal, 'Query.consultation'), id),
  },
  Mutation: {
    submitConsultation: (_root, { input }, { principal, services }) =>
      services.consultations.submit(
        access.require(principal, 'Mutation.submitConsultation'),
        input,
      ),
    routeConsultation: (_root, args, { principal, services }) =>
      services.consultations.route(access.require(principal, 'Mutation.routeConsultation'), args),
    requestConsultationInformation: (_root, args, { principal, services }) =>
      services.consultations.requestInformation(
        access.require(principal, 'Mutation.requestConsultationInformation'),
        args,
      ),
    provideConsultationInformation: (_root, args, { principal, services }) =>
      services.consultations.provideInformation(
        access.require(principal, 'Mutation.provideConsultationInformation'),
        args,
      ),
    draftConsultationAnswer: (_root, args, { principal, services }) =>
      services.consultations.draftAnswer(
        access.require(principal, 'Mutation.draftConsultationAnswer'),
        args,
      ),
    reviewConsultationAnswer: (_root, args, { principal, services }) =>
      services.consultations.review(
        access.require(principal, 'Mutation.reviewConsultationAnswer'),
        args,
      ),
    deliverConsultationAnswer: (_root, args, { principal, services }) =>
      services.consultations.deliver(
        access.require(principal, 'Mutation.deliverConsultationAnswer'),
        args,
      ),
    acknowledgeConsultation: (_root, args, { principal, services }) =>
      services.consultations.acknowledge(
        access.require(principal, 'Mutation.acknowledgeConsultation'),
        args,
      ),
  },
  Consultation: {
    // Another subgraph naming a consultation learns nothing the caller may not read.
    __resolveReference: ({ id }, { principal, services }) =>
      principal && access.allows(principal, 'Query.consultation')
        ? services.consultations.get(principal, id)
        : null,
  },
};
