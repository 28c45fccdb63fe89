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
    (await services.projects.actions(principal, loaders, project)).map((action) => ({
      name: action.name,
      label: action.label,
      to: action.to,
      requiresNote: Boolean(action.requires.note),
      blockedReason: action.blockedReason,
    })),
  viewerCanEdit: (project, _args, { principal }) => canManageProject(principal, project),
  viewerCanEditTechnical: (project, _args, { principal }) =>
    canManageProject(principal, project) || isExecutingOfficer(principal, project),
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
