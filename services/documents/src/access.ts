import { defineAccess, type PartnerScope, type Principal, type Role } from '@sipadu/service-kit';
import type { DocumentRecord } from './models/document.model.js';
import type { RequirementRecord } from './models/requirement.model.js';
import type { StoredFileRecord } from './models/stored-file.model.js';
import { LOAN_PROJECT } from './resolvers/loan-project.resolver.js';
import { REQUESTERS } from './workflows/requirement.workflow.js';

/** Roles that read every organization's internal (TERBATAS) documents and requirements. */
export const OVERSEERS: readonly Role[] = ['super-admin', 'pimpinan'];

/** A lender's system: the loan projects it finances, like a lender user (never file bytes). */
const LENDER_SCOPE: PartnerScope = 'sipadu:pemberi-pinjaman';
/** The platform's insights: the requirement status of every loan project. */
const INTERNAL_SCOPE: PartnerScope = 'sipadu:internal';

/** Roles that may apply an organization's electronic seal to a document it owns. */
const SEALERS: readonly Role[] = [
  'pimpinan',
  'direktur',
  'kasubdit',
  'admin-opd',
  'bpkad',
  'super-admin',
];

/**
 * Who may call what in the documents service. Record-level rules (confidentiality, the
 * organizations of a requirement, workflow roles) are checked by the services on top of this.
 */
export const access = defineAccess({
  'Query.document': { public: true },
  'Query.documents': { public: true },
  'Query.storedFile': {},
  'Query.requirements': { clientScopes: [LENDER_SCOPE, INTERNAL_SCOPE] },
  'Query.requirement': { clientScopes: [LENDER_SCOPE, INTERNAL_SCOPE] },
  'Query.myRequirements': {},
  'Query.requirementTemplates': {},
  'Query.uploadPurposes': { public: true },
  'Query.verifySignature': { public: true },
  'Query.verifyFileHash': { public: true },
  'Query.auditLog': {
    roles: ['super-admin', 'admin-opd'],
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Query.verifyAuditChain': { roles: ['super-admin'] },
  'Mutation.createDocument': { scope: 'organization', acrossOrganizations: ['super-admin'] },
  'Mutation.addDocumentVersion': { scope: 'organization' },
  'Mutation.withdrawDocument': { scope: 'organization', acrossOrganizations: ['super-admin'] },
  'Mutation.setDocumentConfidentiality': {
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.createRequirement': { roles: REQUESTERS },
  'Mutation.createRequirementsFromTemplate': { roles: REQUESTERS },
  /**
   * A loan project's checklist is BPKAD's (DOMAIN.md §3 step 3): another agency's requester must
   * not add requirements to a project it does not manage.
   */
  'Requirement.onLoanProject': { roles: ['bpkad', 'super-admin'] },
  'Mutation.saveRequirementTemplate': { roles: ['bpkad', 'pemberi-pinjaman', 'super-admin'] },
  'Mutation.signDocumentVersion': {
    roles: SEALERS,
    scope: 'organization',
    acrossOrganizations: ['pimpinan', 'super-admin'],
  },
});

/**
 * Whether the caller may read a document (DOMAIN.md §4): PUBLIK for anyone; TERBATAS for the
 * owning and related organizations and the overseers; RAHASIA only for its named readers and
 * the people who created or uploaded it — not even an administrator.
 */
export function canReadDocument(principal: Principal | null, doc: DocumentRecord): boolean {
  if (doc.confidentiality === 'PUBLIK') return true;
  if (!principal) return false;
  if (principal.kind === 'client') {
    // A lender's system reads the TERBATAS documents of the loan projects its organization takes
    // part in, as a lender user does; RAHASIA ones are for named people only.
    const org = principal.organizationCode;
    return (
      doc.confidentiality === 'TERBATAS' &&
      doc.subject.type === LOAN_PROJECT &&
      principal.scopes.includes(LENDER_SCOPE) &&
      org !== null &&
      (doc.organizationCode === org || doc.relatedOrganizationCodes.includes(org))
    );
  }
  if (doc.confidentiality === 'RAHASIA') {
    return (
      doc.readerIds.includes(principal.id) ||
      doc.createdBy.id === principal.id ||
      doc.versions.some((version) => version.uploadedBy.id === principal.id)
    );
  }
  if (OVERSEERS.some((role) => principal.roles.includes(role))) return true;
  const org = principal.organizationCode;
  return (
    org !== null && (doc.organizationCode === org || doc.relatedOrganizationCodes.includes(org))
  );
}

/** Whether an organization requests, uploads or reviews the requirement. */
function takesPart(org: string | null, requirement: RequirementRecord): boolean {
  return (
    org !== null &&
    (requirement.requesterOrganizationCode === org ||
      requirement.uploaderOrganizationCode === org ||
      requirement.reviewerOrganizationCodes.includes(org))
  );
}

/**
 * Whether the caller reads a requirement and its status: its organizations and the overseers;
 * of partner systems, only on loan projects: insights every one, a lender's system those its
 * organization takes part in (the lender reviews the projects it finances), as a lender user.
 */
export function canReadRequirement(
  principal: Principal | null,
  requirement: RequirementRecord,
): boolean {
  if (!principal) return false;
  if (principal.kind === 'client') {
    if (requirement.subject.type !== LOAN_PROJECT) return false;
    if (principal.scopes.includes(INTERNAL_SCOPE)) return true;
    return (
      principal.scopes.includes(LENDER_SCOPE) && takesPart(principal.organizationCode, requirement)
    );
  }
  if (OVERSEERS.some((role) => principal.roles.includes(role))) return true;
  return takesPart(principal.organizationCode, requirement);
}

/**
 * Whether a file was shared with the caller's organization, with them by name (a thread, a
 * case) or with one of their roles (Pemda-wide).
 */
export function isFileSharedWith(principal: Principal | null, file: StoredFileRecord): boolean {
  if (!principal || principal.kind !== 'user') return false;
  const org = principal.organizationCode;
  return (file.sharedWith ?? []).some(
    (grant) =>
      grant.userIds.includes(principal.id) ||
      (org !== null && grant.organizationCodes.includes(org)) ||
      (grant.roles ?? []).some((role) => (principal.roles as readonly string[]).includes(role)),
  );
}
