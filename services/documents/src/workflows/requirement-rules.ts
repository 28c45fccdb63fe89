import type { Principal } from '@sipadu/service-kit';
import {
  availableTransitions,
  type AvailableTransition,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import type { RequirementRecord } from '../models/requirement.model.js';
import { requirementWorkflow } from './requirement.workflow.js';

/** The reviewer organization holding a requirement, or null outside review. */
export function currentReviewer(requirement: RequirementRecord): string | null {
  if (requirement.state !== 'SUBMITTED' && requirement.state !== 'UNDER_REVIEW') return null;
  return requirement.reviewerOrganizationCodes[requirement.reviewIndex] ?? null;
}

interface RelationArgs {
  instance: RequirementRecord;
  principal: WorkflowPrincipal;
}

/** The relations and guards the requirement table names, for the shared engine. */
export const interpretation = {
  relations: {
    uploaderOrganization: ({ instance, principal }: RelationArgs) =>
      principal.organizationCode === instance.uploaderOrganizationCode,
    currentReviewer: ({ instance, principal }: RelationArgs) =>
      principal.organizationCode !== null &&
      principal.organizationCode === currentReviewer(instance),
    requesterOrganization: ({ instance, principal }: RelationArgs) =>
      principal.organizationCode === instance.requesterOrganizationCode,
  },
  guards: {
    hasNextReviewer: ({ instance }: { instance: RequirementRecord }) =>
      instance.reviewIndex < instance.reviewerOrganizationCodes.length - 1 ||
      'tidak ada pemverifikasi berikutnya; setujui atau minta perbaikan',
    isLastReviewer: ({ instance }: { instance: RequirementRecord }) =>
      instance.reviewIndex >= instance.reviewerOrganizationCodes.length - 1 ||
      `dokumen masih harus diteruskan ke ${instance.reviewerOrganizationCodes.at(-1)}`,
  },
};

/** What the caller may do now (buttons to show); partner systems and citizens get nothing. */
export function requirementActions(
  principal: Principal | null,
  requirement: RequirementRecord,
): AvailableTransition[] {
  if (!principal || principal.kind !== 'user') return [];
  return availableTransitions(requirementWorkflow, requirement, principal, interpretation);
}

/** Past its due date (a day in the Pemda's time zone) and not yet approved or waived. */
export function isOverdue(requirement: RequirementRecord, timeZone: string, now = new Date()) {
  if (!requirement.dueDate) return false;
  if (requirementWorkflow.states[requirement.state].final) return false;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  return requirement.dueDate < today;
}
