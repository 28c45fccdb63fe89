import type { Role } from '@sipadu/service-kit';
import {
  defineWorkflow,
  type RelationPredicate,
  type StateOf,
  type TransitionOf,
  type WorkflowInstance,
} from '@sipadu/workflow';

/** The organization's admin records its follow-up; super-admin may act for any organization. */
const FOLLOW_UP_EDITORS: readonly Role[] = ['admin-opd', 'super-admin'];
/** The evaluator judges the follow-up (DOMAIN.md §5); super-admin may too. */
const REVIEWERS: readonly Role[] = ['evaluator', 'super-admin'];

/**
 * Tindak lanjut rekomendasi evaluator (DOMAIN.md §5): the organization's admin-opd records a plan,
 * reports progress (as often as it likes, the percentage need not rise) and declares it complete;
 * the evaluator accepts the result or reopens it with a note. The plan may be revised while the
 * work is not complete. Transition names are the GraphQL `FollowUpAction` values as they are.
 */
export const recommendationWorkflow = defineWorkflow({
  name: 'recommendation-follow-up',
  states: {
    OPEN: { label: 'Belum Ditindaklanjuti' },
    PLANNED: { label: 'Rencana Dicatat' },
    IN_PROGRESS: { label: 'Sedang Ditindaklanjuti' },
    COMPLETED: { label: 'Selesai, Menunggu Verifikasi' },
    VERIFIED: { label: 'Terverifikasi', final: true },
  },
  initial: 'OPEN',
  transitions: [
    {
      name: 'PLAN',
      from: ['OPEN', 'PLANNED'],
      to: 'PLANNED',
      label: 'mencatat rencana tindak lanjut',
      roles: FOLLOW_UP_EDITORS,
      actor: 'ownOrganization',
      requires: { fields: ['plan'] },
    },
    {
      // Revising the plan during the work keeps the work going.
      name: 'PLAN',
      from: 'IN_PROGRESS',
      to: 'IN_PROGRESS',
      label: 'mencatat rencana tindak lanjut',
      roles: FOLLOW_UP_EDITORS,
      actor: 'ownOrganization',
      requires: { fields: ['plan'] },
    },
    {
      name: 'PROGRESS',
      from: ['PLANNED', 'IN_PROGRESS'],
      to: 'IN_PROGRESS',
      label: 'melaporkan kemajuan tindak lanjut',
      roles: FOLLOW_UP_EDITORS,
      actor: 'ownOrganization',
      requires: { fields: ['progressPercent'] },
    },
    {
      name: 'COMPLETE',
      from: 'IN_PROGRESS',
      to: 'COMPLETED',
      label: 'menyatakan tindak lanjut selesai',
      roles: FOLLOW_UP_EDITORS,
      actor: 'ownOrganization',
    },
    {
      name: 'VERIFY',
      from: 'COMPLETED',
      to: 'VERIFIED',
      label: 'memverifikasi hasil tindak lanjut',
      roles: REVIEWERS,
    },
    {
      name: 'REOPEN',
      from: 'COMPLETED',
      to: 'IN_PROGRESS',
      label: 'membuka kembali tindak lanjut',
      roles: REVIEWERS,
      requires: { note: true },
    },
  ],
});

export type RecommendationStatus = StateOf<typeof recommendationWorkflow>;
export type FollowUpAction = TransitionOf<typeof recommendationWorkflow>;

export const RECOMMENDATION_STATUSES = Object.keys(
  recommendationWorkflow.states,
) as RecommendationStatus[];
export const FOLLOW_UP_ACTIONS = [
  ...new Set(recommendationWorkflow.transitions.map((t) => t.name)),
] as FollowUpAction[];

export const recommendationStatusLabel = (status: RecommendationStatus) =>
  recommendationWorkflow.states[status].label;

/**
 * `ownOrganization`: the caller is an admin of the recommendation's organization, or a super-admin
 * (who acts for every organization).
 */
const ownOrganization: RelationPredicate<WorkflowInstance> = ({ instance, principal }) =>
  principal.roles.includes('super-admin') ||
  (principal.organizationCode !== null && principal.organizationCode === instance.organizationCode);

/** The context `applyTransition` / `availableTransitions` need for this workflow. */
export const recommendationInterpretation = { relations: { ownOrganization } };
