import type { QueryResolvers } from '../generated/graphql.js';
import { access } from '../access.js';

export const queryResolvers: QueryResolvers = {
  document: (_root, { id }, { principal, services }) => services.documents.get(principal, id),
  documents: (_root, { subjectType, subjectId, includeWithdrawn }, { principal, services }) =>
    services.documents.forSubject(
      principal,
      { type: subjectType, id: subjectId },
      includeWithdrawn ?? false,
    ),
  storedFile: (_root, { id }, { principal, services }) => {
    access.require(principal, 'Query.storedFile');
    return services.documents.storedFile(principal, id);
  },
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
  auditLog: (_root, { filter, first, after }, { principal, services }) => {
    const caller = access.require(principal, 'Query.auditLog', {
      organizationCode: filter?.organizationCode ?? principal?.organizationCode ?? null,
    });
    // An admin-opd sees only entries of their own organization.
    const scoped = access.seesAllOrganizations(caller, 'Query.auditLog')
      ? (filter ?? {})
      : { ...filter, organizationCode: caller.organizationCode };
    return services.audit.page(scoped, { first, after });
  },
  verifyAuditChain: (_root, _args, { principal, services }) => {
    access.require(principal, 'Query.verifyAuditChain');
    return services.audit.verify();
  },
};
