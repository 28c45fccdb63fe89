// The authorization matrix's vocabulary: one entry per GraphQL root operation says who may call it
// and, for operations that touch one organization's records, whether the caller's own organization
// matters. The runner (authorization-matrix.integration.spec.ts) expands every entry into its cells
// (anonymous and every role × own organization / other organization) and runs each one through the
// gateway of a full stack.
import type { Role } from '@sipadu/service-kit';
import type { ApiStack } from '../../support/api-stack.js';

export type Caller = Role | 'anonymous';

/** `own`: the record or organization argument belongs to the caller's organization; `other`: it does not. */
export type Target = 'own' | 'other' | 'none';

export interface CellContext {
  caller: Caller;
  /** The dev user's organization (keycloak/dev-overlay.json), null for anonymous and `publik`. */
  callerOrganization: string | null;
  target: Target;
  /** The organization the variables must point at: the caller's own, or another one. */
  organization: string;
  /**
   * What the runner expects of the cell (from `allow` and `across`): lets `variables` make costly
   * fresh records (uploads, workflow states) only for the cells expected to change something.
   */
  expected?: 'allowed' | 'refused';
}

export interface OperationEntry {
  /** `Query.<field>` or `Mutation.<field>`, exactly as in the supergraph. */
  operation: `${'Query' | 'Mutation'}.${string}`;
  /** A document that calls only this root field (variables allowed). */
  document: string;
  /**
   * Who passes the role check, whatever the organization: `public` (anonymous too), `signed-in`
   * (any role, never anonymous) or the list of roles.
   */
  allow: 'public' | 'signed-in' | readonly Role[];
  /**
   * Set when the operation reads or changes one organization's records (an organization code or
   * a record id among its arguments): the runner then tries the caller's own organization and
   * another one. Roles in `across` may reach other organizations; every other allowed role is
   * refused (FORBIDDEN or NOT_FOUND) on the other organization's record.
   */
  organization?: { across: readonly Role[] | 'all' };
  /** Why an operation with an `ID` argument has no `organization` (e.g. "catatan milik pengguna"). */
  objectLevel?: string;
  /**
   * Variables for one cell. May create records (async) when a cell needs a fresh one, e.g. a
   * deletion. For `other`, point at a record of `cell.organization`, which is not the caller's.
   */
  variables(cell: CellContext): Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * Roles that are allowed in principle but whose own-organization cell may legitimately answer
   * NOT_FOUND (e.g. the record is visible only to its assignee). Keep it short and explain why.
   */
  ownMayBeNotFound?: readonly Caller[];
  /**
   * For reads that hide what the caller may not see instead of refusing (null, an empty list):
   * true when the answer shows nothing, which then counts as NOT_FOUND.
   */
  hidden?(data: Record<string, unknown>): boolean;
  /**
   * For reads that return records of several organizations: per record, the organization codes
   * that take part in it. The runner fails an allowed cell when a record does not include the
   * caller's organization, unless the caller's role is in `visibleAcross`.
   */
  visible?(data: Record<string, unknown>): readonly (string | readonly (string | null)[] | null)[];
  /** Roles that may see other organizations' records in `visible` (default: `organization.across`). */
  visibleAcross?: readonly Role[] | 'all';
}

export interface ServiceMatrix {
  service: string;
  /** Creates, once, the records the entries point at (in several organizations). */
  prepare(stack: ApiStack): Promise<void>;
  entries: readonly OperationEntry[];
  /** Removes what `prepare` or the cells left outside the throwaway databases (e.g. Keycloak users). */
  cleanup?(): Promise<void>;
}
