import type { PageArgs, Principal } from '@sipadu/service-kit';
import { access } from '../access.js';
import type { AuditLog, AuditLogFilter } from '../audit/audit-log.js';

/** Reading the audit log: super-admin sees every organization, admin-opd only their own. */
export class AuditQueryService {
  constructor(private readonly audit: AuditLog) {}

  page(principal: Principal | null, filter: AuditLogFilter | null | undefined, page: PageArgs) {
    const caller = access.require(principal, 'Query.auditLog', {
      organizationCode: filter?.organizationCode ?? principal?.organizationCode ?? null,
    });
    const scoped = access.seesAllOrganizations(caller, 'Query.auditLog')
      ? (filter ?? {})
      : { ...filter, organizationCode: caller.organizationCode };
    return this.audit.page(scoped, page);
  }

  verify(principal: Principal | null) {
    access.require(principal, 'Query.verifyAuditChain');
    return this.audit.verify();
  }
}
