import { defineAccess, type PartnerScope, type Principal, type Role } from '@sipadu/service-kit';
import type { LoanProjectRecord } from './models/loan-project.model.js';

/** Roles that read every loan project (DOMAIN.md §1). */
export const PROJECT_READERS: readonly Role[] = ['bpkad', 'pimpinan', 'super-admin'];
const MANAGERS: readonly Role[] = ['bpkad', 'super-admin'];
const TECHNICAL_EDITORS: readonly Role[] = ['bpkad', 'pelaksana', 'super-admin'];

/** Partner systems that read every loan project: SIPD and the platform's insights. */
const ALL_PROJECTS_SCOPES: readonly PartnerScope[] = ['sipadu:sipd', 'sipadu:internal'];
/** A lender's system reads the projects it finances (token `org`), like a lender user. */
const LENDER_SCOPE: PartnerScope = 'sipadu:pemberi-pinjaman';
const PROJECT_SCOPES: readonly PartnerScope[] = [...ALL_PROJECTS_SCOPES, LENDER_SCOPE];
/** SIPD and insights read the planning nomenclature (Permendagri 90/2019). */
const PLANNING_SCOPES: readonly PartnerScope[] = ['sipadu:sipd', 'sipadu:internal'];
/** Portfolio totals are statistics: the insights client and statistics partners read them. */
const PORTFOLIO_SCOPES: readonly PartnerScope[] = ['sipadu:internal', 'sipadu:statistik'];

/**
 * Who may call what in the projects service. Which projects a caller reads and may change is
 * decided per record by the services (organization, lender, manager) on top of this.
 */
export const access = defineAccess({
  'Query.loanProjects': { clientScopes: PROJECT_SCOPES },
  'Query.loanProject': { clientScopes: PROJECT_SCOPES },
  'Query.loanProjectFacets': { clientScopes: PROJECT_SCOPES },
  'Query.loanProjectMap': { clientScopes: PROJECT_SCOPES },
  'Query.loanPortfolio': {
    roles: ['pimpinan', 'bpkad', 'super-admin', 'pemberi-pinjaman'],
    clientScopes: PORTFOLIO_SCOPES,
  },
  'Query.loanPortfolioExport': {
    roles: ['pimpinan', 'bpkad', 'super-admin', 'pemberi-pinjaman'],
    clientScopes: PORTFOLIO_SCOPES,
  },
  'Query.planningCodeVersions': { clientScopes: PLANNING_SCOPES },
  'Query.planningCodes': { clientScopes: PLANNING_SCOPES },
  'Query.planningCode': { clientScopes: PLANNING_SCOPES },
  'Query.planningCodeImports': {},
  'Mutation.createLoanProject': { roles: MANAGERS },
  'Mutation.updateLoanProject': { roles: TECHNICAL_EDITORS },
  'Mutation.setProjectLocations': { roles: TECHNICAL_EDITORS },
  'Mutation.transitionLoanProject': {
    roles: ['bpkad', 'pelaksana', 'pemberi-pinjaman', 'super-admin'],
  },
  'Mutation.setLoanAgreement': { roles: MANAGERS },
  'Mutation.saveDisbursementPlan': { roles: MANAGERS },
  // BPKAD requests a tranche, the lender decides and pays (disbursement.workflow.ts).
  'Mutation.transitionDisbursement': { roles: ['bpkad', 'pemberi-pinjaman', 'super-admin'] },
  'Mutation.saveProgressPlan': { roles: TECHNICAL_EDITORS },
  'Mutation.submitProgressReport': { roles: TECHNICAL_EDITORS },
  'Mutation.reviewProgressReport': { roles: MANAGERS },
  'Mutation.importPlanningCodes': { roles: MANAGERS },
  'Mutation.activatePlanningCodeVersion': { roles: MANAGERS },
});

const holds = (principal: Principal, roles: readonly Role[]) =>
  roles.some((role) => principal.roles.includes(role));
const holdsScope = (principal: Principal, scopes: readonly PartnerScope[]) =>
  scopes.some((scope) => principal.scopes.includes(scope));

/**
 * MongoDB filter of the projects the caller may read: everything for the readers of all (and the
 * SIPD and insights clients), the organization's own for `pelaksana`, the financed ones for
 * `pemberi-pinjaman` (user or lender client); null for none.
 */
export function projectReadFilter(principal: Principal): Record<string, unknown> | null {
  if (principal.kind === 'client') {
    if (holdsScope(principal, ALL_PROJECTS_SCOPES)) return {};
    const org = principal.organizationCode;
    return org && principal.scopes.includes(LENDER_SCOPE) ? { lenderOrganizationCode: org } : null;
  }
  if (holds(principal, PROJECT_READERS)) return {};
  const org = principal.organizationCode;
  if (!org) return null;
  const clauses: Record<string, string>[] = [];
  if (principal.roles.includes('pelaksana')) clauses.push({ organizationCode: org });
  if (principal.roles.includes('pemberi-pinjaman')) clauses.push({ lenderOrganizationCode: org });
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? (clauses[0] as Record<string, string>) : { $or: clauses };
}

/**
 * Projects counted in the portfolio totals: the readable ones, and every project for the partner
 * systems admitted to the portfolio (statistics need the Pemda's totals, not single records).
 */
export function portfolioReadFilter(principal: Principal): Record<string, unknown> | null {
  if (principal.kind !== 'client') return projectReadFilter(principal);
  return holdsScope(principal, PORTFOLIO_SCOPES) ? {} : null;
}

export function canReadProject(
  principal: Principal | null,
  project: Pick<LoanProjectRecord, 'organizationCode' | 'lenderOrganizationCode'>,
): boolean {
  if (!principal) return false;
  const org = principal.organizationCode;
  if (principal.kind === 'client') {
    if (holdsScope(principal, ALL_PROJECTS_SCOPES)) return true;
    return (
      Boolean(org) &&
      principal.scopes.includes(LENDER_SCOPE) &&
      project.lenderOrganizationCode === org
    );
  }
  if (holds(principal, PROJECT_READERS)) return true;
  if (!org) return false;
  return (
    (principal.roles.includes('pelaksana') && project.organizationCode === org) ||
    (principal.roles.includes('pemberi-pinjaman') && project.lenderOrganizationCode === org)
  );
}

/** BPKAD of the managing organization, or super-admin: may change every field of the project. */
export function canManageProject(
  principal: Principal | null,
  project: Pick<LoanProjectRecord, 'managerOrganizationCode'>,
): boolean {
  if (!principal || principal.kind !== 'user') return false;
  if (principal.roles.includes('super-admin')) return true;
  return (
    principal.roles.includes('bpkad') &&
    principal.organizationCode === project.managerOrganizationCode
  );
}

/** The executing organization's `pelaksana`: technical data, locations and progress only. */
export function isExecutingOfficer(
  principal: Principal | null,
  project: Pick<LoanProjectRecord, 'organizationCode'>,
): boolean {
  return (
    principal?.kind === 'user' &&
    principal.roles.includes('pelaksana') &&
    principal.organizationCode !== null &&
    principal.organizationCode === project.organizationCode
  );
}
