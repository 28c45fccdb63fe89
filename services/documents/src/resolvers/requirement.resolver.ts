import type {
  AuditEntryResolvers,
  DocumentRequirementResolvers,
  RequirementHistoryEntryResolvers,
  RequirementTemplateResolvers,
} from '../generated/graphql.js';
import { requirementWorkflow } from '../workflows/requirement.workflow.js';
import { currentReviewer } from '../workflows/requirement-rules.js';

export const requirementResolvers: DocumentRequirementResolvers = {
  __resolveReference: (reference, { principal, services }) =>
    services.requirements.get(principal, reference.id),
  id: (requirement) => requirement._id,
  status: (requirement) => requirement.state,
  statusLabel: (requirement) => requirementWorkflow.states[requirement.state].label,
  currentReviewerOrganizationCode: (requirement) => currentReviewer(requirement),
  document: (requirement, _args, { principal, services }) =>
    requirement.documentId ? services.documents.get(principal, requirement.documentId) : null,
  availableActions: (requirement, _args, { principal, services }) =>
    services.requirements.actionsFor(principal, requirement).map((action) => ({
      name: action.name,
      label: action.label,
      to: action.to,
      requiresNote: Boolean(action.requires.note),
      blockedReason: action.blockedReason,
    })),
  overdue: (requirement, _args, { services }) => services.requirements.overdue(requirement),
  createdAt: (requirement) => requirement.createdAt.toISOString(),
};

export const requirementHistoryResolvers: RequirementHistoryEntryResolvers = {
  actor: (entry) => ({
    id: entry.actor.id,
    name: entry.actor.name,
    organizationCode: entry.actor.organization,
  }),
  at: (entry) => entry.at.toISOString(),
};

export const requirementTemplateResolvers: RequirementTemplateResolvers = {
  id: (template) => template._id,
  updatedAt: (template) => template.updatedAt.toISOString(),
};

export const auditEntryResolvers: AuditEntryResolvers = {
  at: (entry) => entry.at.toISOString(),
};
