import type { Role } from '@sipadu/service-kit';
import type { WorkflowPrincipal } from '@sipadu/workflow';
import type { FlowDefinition } from './flow-definition.js';

/**
 * One way a caller may read cases: the case fields that must equal the given values (an empty
 * grant reads every case of the flow; a grant naming a null value, e.g. the organization of a
 * caller who has none, grants nothing).
 */
export type ReadGrant = Partial<
  Record<
    'requesterId' | 'assigneeId' | 'organizationCode' | 'handlerOrganizationCode',
    string | null
  >
>;

export const holds = (principal: WorkflowPrincipal, role: Role) => principal.roles.includes(role);

/**
 * `canRead` and `listScope` of a flow from one list of grants, so the single-case check and the
 * list filter can never disagree.
 */
export function readScope(
  grantsOf: (principal: WorkflowPrincipal) => ReadGrant[],
): Pick<FlowDefinition, 'canRead' | 'listScope'> {
  // Only signed-in staff read internal cases.
  const usable = (principal: WorkflowPrincipal) =>
    principal.kind === 'user'
      ? grantsOf(principal).filter((grant) => Object.values(grant).every(Boolean))
      : [];
  return {
    canRead: (principal, record) =>
      usable(principal).some((grant) =>
        Object.entries(grant).every(([field, value]) => record[field as keyof ReadGrant] === value),
      ),
    listScope: (principal) => {
      const grants = usable(principal);
      if (grants.length === 0) return null;
      if (grants.some((grant) => Object.keys(grant).length === 0)) return {};
      return grants.length === 1 ? { ...grants[0] } : { $or: grants };
    },
  };
}
