import type { PartnerScope, Principal } from './auth.js';
import type { Role } from './roles.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * One access rule of an operation. `public` needs no token; otherwise the caller must hold one of
 * `roles` (any signed-in caller when omitted). With `scope: 'organization'` the target record's
 * organization must be the caller's own, unless the caller holds a role in `acrossOrganizations`.
 */
export type AccessRule =
  | { public: true }
  | {
      public?: false;
      roles?: readonly Role[];
      scope?: 'organization';
      acrossOrganizations?: readonly Role[];
      /**
       * Partner systems (client-credentials tokens) are refused unless their token holds one of
       * these scopes; for them the scope replaces the role check.
       */
      clientScopes?: readonly PartnerScope[];
    };

export interface AccessTarget {
  organizationCode?: string | null;
}

export interface Authorizer<Action extends string> {
  /** Throws UNAUTHENTICATED / FORBIDDEN, or returns the principal (null for public access). */
  assert(principal: Principal | null, action: Action, target?: AccessTarget): Principal | null;
  /** Throwing variant for rules that require sign-in: never returns null. */
  require(principal: Principal | null, action: Action, target?: AccessTarget): Principal;
  allows(principal: Principal | null, action: Action, target?: AccessTarget): boolean;
  /** Whether the caller sees every organization for this action (no organization filter needed). */
  seesAllOrganizations(principal: Principal, action: Action): boolean;
  rules: Readonly<Record<Action, AccessRule>>;
}

/** Builds the authorization of a service from its declarative table of operations. */
export function defineAccess<Action extends string>(
  rules: Record<Action, AccessRule>,
): Authorizer<Action> {
  const decide = (
    principal: Principal | null,
    action: Action,
    target: AccessTarget | undefined,
  ): 'ok' | 'unauthenticated' | 'forbidden' => {
    const rule = rules[action];
    if (!rule) return 'forbidden';
    if (rule.public) return 'ok';
    if (!principal) return 'unauthenticated';
    if (principal.kind === 'client') {
      const scopes = rule.clientScopes ?? [];
      return scopes.some((scope) => principal.scopes.includes(scope)) ? 'ok' : 'forbidden';
    }
    if (rule.roles && !rule.roles.some((role) => principal.roles.includes(role)))
      return 'forbidden';
    if (rule.scope === 'organization' && target) {
      const across = rule.acrossOrganizations ?? [];
      const crossing = across.some((role) => principal.roles.includes(role));
      if (!crossing) {
        if (!principal.organizationCode) return 'forbidden';
        if (target.organizationCode !== principal.organizationCode) return 'forbidden';
      }
    }
    return 'ok';
  };

  const assert = (principal: Principal | null, action: Action, target?: AccessTarget) => {
    const verdict = decide(principal, action, target);
    if (verdict === 'unauthenticated') throw unauthenticated();
    if (verdict === 'forbidden') throw forbidden();
    return principal;
  };

  return {
    rules,
    assert,
    require(principal, action, target) {
      const result = assert(principal, action, target);
      if (!result) throw unauthenticated();
      return result;
    },
    allows: (principal, action, target) => decide(principal, action, target) === 'ok',
    seesAllOrganizations(principal, action) {
      const rule = rules[action];
      if (!rule || rule.public) return true;
      if (rule.scope !== 'organization') return true;
      return (rule.acrossOrganizations ?? []).some((role) => principal.roles.includes(role));
    },
  };
}
