/** What a workflow action asks of the user interface. */
export type ActionKind = 'submit' | 'forward' | 'approve' | 'requestRevision' | 'waive';

export interface WorkflowActionLike {
  name: string;
  to: string;
}

const BY_NAME: Record<string, ActionKind> = {
  submit: 'submit',
  resubmit: 'submit',
  forward: 'forward',
  approve: 'approve',
  requestRevision: 'requestRevision',
  waive: 'waive',
};

const BY_TARGET: Record<string, ActionKind> = {
  SUBMITTED: 'submit',
  UNDER_REVIEW: 'forward',
  APPROVED: 'approve',
  REVISION_REQUESTED: 'requestRevision',
  WAIVED: 'waive',
};

/**
 * The form behind an action the server offers (`availableActions`): by its name, else by the
 * status it leads to. Unknown actions get no button: the server decides what exists.
 */
export function actionKind(action: WorkflowActionLike): ActionKind | null {
  return BY_NAME[action.name] ?? BY_TARGET[action.to] ?? null;
}

/** Requirement statuses in workflow order, with the colour of their filled badge (white text). */
export const REQUIREMENT_STATUSES = [
  'REQUESTED',
  'SUBMITTED',
  'UNDER_REVIEW',
  'REVISION_REQUESTED',
  'APPROVED',
  'WAIVED',
] as const;
export type RequirementStatusName = (typeof REQUIREMENT_STATUSES)[number];

/** Groups requirements under their heading, keeping the server's order within and between groups. */
export function groupRequirements<T extends { group?: string | null }>(
  items: readonly T[],
): { group: string | null; items: T[] }[] {
  const groups: { group: string | null; items: T[] }[] = [];
  for (const item of items) {
    const key = item.group?.trim() || null;
    let entry = groups.find((candidate) => candidate.group === key);
    if (!entry) {
      entry = { group: key, items: [] };
      groups.push(entry);
    }
    entry.items.push(item);
  }
  return groups;
}
