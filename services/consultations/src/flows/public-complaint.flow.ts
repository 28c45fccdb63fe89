import {
  publicComplaintRelations,
  publicComplaintWorkflow,
} from '../workflows/public-complaint.workflow.js';
import type { FlowDefinition } from './flow-definition.js';
import { holds, readScope, type ReadGrant } from './read-grants.js';

const PUBLIC_PREFIX = 'public:';

/**
 * Pengaduan masyarakat: read by the target agency's admin-opd, by super-admin and pimpinan across
 * agencies. Citizens read and act through their tracking code (the service checks it and acts as
 * `public:<caseId>`), never through this scope. No points: a complaint has no assigned officer;
 * the agencies' handling is measured by the recaps.
 */
export const publicComplaintFlow: FlowDefinition = {
  flow: 'PUBLIC_COMPLAINT',
  workflow: publicComplaintWorkflow,
  numberPrefix: 'ADU',
  subjectType: 'PublicComplaint',
  linkOf: (id) => `/pengaduan/${id}`,
  ...readScope((principal) => {
    const grants: ReadGrant[] = [];
    if (holds(principal, 'super-admin') || holds(principal, 'pimpinan')) grants.push({});
    if (holds(principal, 'admin-opd'))
      grants.push({ organizationCode: principal.organizationCode });
    return grants;
  }),
  relations: publicComplaintRelations,
  relationFilters: {
    handler: (principal) => {
      if (holds(principal, 'super-admin')) return {};
      return holds(principal, 'admin-opd') && principal.organizationCode
        ? { organizationCode: principal.organizationCode }
        : null;
    },
    trackingHolder: (principal) =>
      principal.kind === 'public' && principal.id.startsWith(PUBLIC_PREFIX)
        ? { _id: principal.id.slice(PUBLIC_PREFIX.length) }
        : null,
  },
  pointRule: null,
  // The citizen neither replied nor rated within 10 working days of the answer.
  timer: { state: 'ANSWERED', transition: 'autoClose', dateField: 'complaint.autoCloseDate' },
};
