import type {
  LoanAgreementResolvers,
  LoanProjectResolvers,
  ProjectHistoryEntryResolvers,
} from '../generated/graphql.js';
import { canManageProject, isExecutingOfficer } from '../access.js';
import { stageLabel } from '../workflows/loan-project.workflow.js';

export const loanProjectResolvers: LoanProjectResolvers = {
  __resolveReference: (reference, { principal, loaders, services }) =>
    services.projects.reference(principal, loaders, reference.id),
  id: (project) => project._id,
  stage: (project) => project.state,
  stageLabel: (project) => stageLabel(project.state),
  availableActions: async (project, _args, { principal, loaders, services }) =>
    (
      await services.projects.actions(
        principal,
        loaders,
        await services.projects.full(loaders, project),
      )
    ).map((action) => ({
      name: action.name,
      label: action.label,
      to: action.to,
      requiresNote: Boolean(action.requires.note),
      blockedReason: action.blockedReason,
    })),
  viewerCanEdit: (project, _args, { principal }) => canManageProject(principal, project),
  viewerCanEditTechnical: (project, _args, { principal }) =>
    canManageProject(principal, project) || isExecutingOfficer(principal, project),
  // Not on the list rows (the list, the portfolio): loaded by id, batched per request.
  description: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).description,
  borrowingReason: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).borrowingReason,
  tenorMonths: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).tenorMonths,
  consultant: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).consultant,
  planningCodes: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).planningCodes,
  // The list rows' locations have no outline.
  locations: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).locations,
  history: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).history,
  agreement: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).agreement,
  createdBy: async (project, _args, { loaders, services }) =>
    (await services.projects.full(loaders, project)).createdBy,
  createdAt: (project) => project.createdAt.toISOString(),
  updatedAt: (project) => project.updatedAt.toISOString(),
};

export const projectHistoryResolvers: ProjectHistoryEntryResolvers = {
  actor: (entry) => ({
    id: entry.actor.id,
    name: entry.actor.name,
    organizationCode: entry.actor.organization,
  }),
  at: (entry) => entry.at.toISOString(),
};

export const loanAgreementResolvers: LoanAgreementResolvers = {
  // Recorded only from a sealed version, and a seal is never taken back.
  sealed: () => true,
  recordedAt: (agreement) => agreement.recordedAt.toISOString(),
};
