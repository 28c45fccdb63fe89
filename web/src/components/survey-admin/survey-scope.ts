import type { Role } from '@/auth/roles';

export type IndexScopeValue = 'SERVICE' | 'ORGANIZATION' | 'PEMDA';

/** The URL names of the scopes (`cakupan=`). */
export const SCOPE_PARAM: Record<IndexScopeValue, string> = {
  PEMDA: 'pemda',
  ORGANIZATION: 'organisasi',
  SERVICE: 'layanan',
};

/** Roles that read every organization's survey results (DOMAIN.md §1, §5). */
export const SURVEY_OVERSEER_ROLES: readonly Role[] = ['evaluator', 'pimpinan', 'super-admin'];
/** Roles that edit their organization's standards, pledge and populations. */
export const STANDARD_EDITOR_ROLES: readonly Role[] = ['admin-opd', 'super-admin'];
/** Roles that write recommendations and verify follow-ups. */
export const EVALUATOR_ROLES: readonly Role[] = ['evaluator', 'super-admin'];
/** Roles that download the report of all organizations. */
export const REPORT_ROLES: readonly Role[] = ['super-admin', 'pimpinan', 'evaluator'];

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) =>
  roles.some((role) => wanted.includes(role));

export const readsAllOrganizations = (roles: readonly Role[]) =>
  hasAny(roles, SURVEY_OVERSEER_ROLES);
export const editsStandards = (roles: readonly Role[]) => hasAny(roles, STANDARD_EDITOR_ROLES);
export const editsAllOrganizations = (roles: readonly Role[]) => roles.includes('super-admin');
export const writesRecommendations = (roles: readonly Role[]) => hasAny(roles, EVALUATOR_ROLES);

export interface ResolvedScope {
  scope: IndexScopeValue;
  /** The organization looked at (for SERVICE: the one whose services are offered). */
  organizationCode: string | null;
  serviceId: string | null;
  /** The `id` argument of `satisfactionIndex`: service id, organization code, or null (Pemda). */
  id: string | null;
}

/**
 * The results scope in the URL (`cakupan`, `organisasi`, `layanan`) as far as the user may see it:
 * an admin-opd only their own organization and its services; the overseers anything, the Pemda by
 * default. A service without an id, or an organization without a code, falls back a level.
 */
export function resolveScope(
  params: { cakupan?: string; organisasi?: string; layanan?: string },
  user: { roles: readonly Role[]; organization: string | null },
): ResolvedScope {
  const all = readsAllOrganizations(user.roles);
  const wanted = (Object.keys(SCOPE_PARAM) as IndexScopeValue[]).find(
    (scope) => SCOPE_PARAM[scope] === params.cakupan?.trim().toLowerCase(),
  );
  const requestedOrganization = params.organisasi?.trim().toUpperCase() || null;
  const organizationCode = all ? requestedOrganization : user.organization;
  const serviceId = params.layanan?.trim() || null;

  if (wanted === 'SERVICE' && serviceId) {
    return { scope: 'SERVICE', organizationCode, serviceId, id: serviceId };
  }
  if (organizationCode && (wanted !== 'PEMDA' || !all)) {
    return { scope: 'ORGANIZATION', organizationCode, serviceId: null, id: organizationCode };
  }
  if (all) return { scope: 'PEMDA', organizationCode: null, serviceId: null, id: null };
  // An admin-opd without an organization in the token: nothing of their own to show.
  return { scope: 'ORGANIZATION', organizationCode: null, serviceId: null, id: null };
}
