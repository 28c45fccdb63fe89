import type { MutationResolvers } from '../generated/graphql.js';

export const mutationResolvers: MutationResolvers = {
  createDocument: (_root, { input }, { principal, services }) =>
    services.documents.create(principal, input),
  addDocumentVersion: (_root, { documentId, fileId, note }, { principal, services }) =>
    services.documents.addVersion(principal, documentId, fileId, note),
  withdrawDocument: (_root, { id, reason }, { principal, services }) =>
    services.documents.withdraw(principal, id, reason),
  setDocumentConfidentiality: (
    _root,
    { id, confidentiality, readerIds },
    { principal, services },
  ) => services.documents.setConfidentiality(principal, id, confidentiality, readerIds),
  createRequirement: (_root, { input }, { principal, services }) =>
    services.requirements.create(principal, input),
  createRequirementsFromTemplate: (_root, { input }, { principal, services }) =>
    services.requirements.createFromTemplate(principal, input, (id) => services.templates.byId(id)),
  submitRequirementVersion: (_root, { requirementId, fileId, note }, { principal, services }) =>
    services.requirements.submit(principal, requirementId, fileId, note),
  forwardRequirement: (_root, { id, note }, { principal, services }) =>
    services.requirements.forward(principal, id, note),
  reviewRequirement: (_root, { id, decision, message }, { principal, services }) =>
    services.requirements.review(principal, id, decision, message),
  waiveRequirement: (_root, { id, reason }, { principal, services }) =>
    services.requirements.waive(principal, id, reason),
  saveRequirementTemplate: (_root, { input }, { principal, services }) =>
    services.templates.save(principal, input),
  signDocumentVersion: (_root, { documentId, version, reason }, { principal, services }) =>
    services.seals.sign(principal, documentId, version, reason),
};
