import type { Resolvers } from '../generated/graphql.js';
import {
  documentResolvers,
  documentVersionResolvers,
  signatureResolvers,
  storedFileResolvers,
  withdrawalResolvers,
} from './document.resolver.js';
import { loanProjectResolvers } from './loan-project.resolver.js';
import { mutationResolvers } from './mutation.resolver.js';
import { queryResolvers } from './query.resolver.js';
import {
  auditEntryResolvers,
  requirementHistoryResolvers,
  requirementResolvers,
  requirementTemplateResolvers,
} from './requirement.resolver.js';

export const resolvers: Resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  Document: documentResolvers,
  DocumentVersion: documentVersionResolvers,
  Withdrawal: withdrawalResolvers,
  StoredFile: storedFileResolvers,
  Signature: signatureResolvers,
  DocumentRequirement: requirementResolvers,
  RequirementHistoryEntry: requirementHistoryResolvers,
  RequirementTemplate: requirementTemplateResolvers,
  AuditEntry: auditEntryResolvers,
  LoanProject: loanProjectResolvers,
};
