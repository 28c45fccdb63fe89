import type { Resolvers } from '../generated/graphql.js';
import { trancheStatusLabel } from '../workflows/disbursement.workflow.js';

/** Disbursement tranches (termin pencairan): plan, workflow steps, readiness. */
export const disbursementResolvers: Resolvers = {
  Mutation: {
    saveDisbursementPlan: (_root, { projectId, tranches }, { principal, services }) =>
      services.disbursements.savePlan(principal, projectId, tranches),
    transitionDisbursement: (
      _root,
      { projectId, trancheId, transition, note, disbursedAmount, disbursedOn },
      { principal, services },
    ) =>
      services.disbursements.transition(principal, projectId, trancheId, transition, {
        note,
        disbursedAmount,
        disbursedOn,
      }),
  },
  LoanProject: {
    disbursements: async (project, _args, { loaders, services }) =>
      services.disbursements.tranchesOf(await services.projects.full(loaders, project), loaders),
    disbursementSummary: async (project, _args, { loaders, services }) =>
      services.disbursements.summaryOf(await services.projects.full(loaders, project)),
  },
  DisbursementTranche: {
    status: (tranche) => tranche.state,
    statusLabel: (tranche) => trancheStatusLabel(tranche.state),
    availableActions: (tranche, _args, { principal, services }) =>
      services.disbursements.actionsFor(principal, tranche).map((action) => ({
        name: action.name,
        label: action.label,
        to: action.to,
        requiresNote: Boolean(action.requires.note),
        requiresFields: [...(action.requires.fields ?? [])],
        blockedReason: action.blockedReason,
      })),
    readinessWarnings: (tranche, _args, { services }) =>
      services.disbursements.warningsFor(tranche),
  },
  DisbursementHistoryEntry: {
    actor: (entry) => ({
      id: entry.actor.id,
      name: entry.actor.name,
      organizationCode: entry.actor.organization,
    }),
    at: (entry) => new Date(entry.at).toISOString(),
  },
};
