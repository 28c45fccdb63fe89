import type { QueryResolvers } from '../generated/graphql.js';

export const queryResolvers: QueryResolvers = {
  document: (_root, { id }, { principal, services }) => services.documents.get(principal, id),
  documents: (_root, { subjectType, subjectId, includeWithdrawn }, { principal, services }) =>
    services.documents.forSubject(
      principal,
      { type: subjectType, id: subjectId },
      includeWithdrawn ?? false,
    ),
  storedFile: (_root, { id }, { principal, services }) =>
    services.documents.storedFile(principal, id),
  requirements: (_root, { subjectType, subjectId }, { principal, services }) =>
    services.requirements.forSubject(principal, { type: subjectType, id: subjectId }),
  requirement: (_root, { id }, { principal, services }) => services.requirements.get(principal, id),
  myRequirements: (_root, { status, first, after }, { principal, services }) =>
    services.requirements.mine(principal, status, { first, after }),
  requirementTemplates: (_root, _args, { principal, services }) =>
    services.templates.list(principal),
  uploadPurposes: (_root, _args, { services }) =>
    services.purposes.map((purpose) => ({
      name: purpose.name,
      label: purpose.label,
      maxBytes: purpose.maxBytes,
      contentTypes: [...purpose.contentTypes],
      extensions: [...purpose.extensions],
    })),
  verifySignature: (_root, { code }, { services }) => services.signatures.verifyCode(code),
  verifyFileHash: (_root, { sha256 }, { services }) => services.signatures.verifyHash(sha256),
  auditLog: (_root, { filter, first, after }, { principal, services }) =>
    services.auditQueries.page(principal, filter, { first, after }),
  verifyAuditChain: (_root, _args, { principal, services }) =>
    services.auditQueries.verify(principal),
};
