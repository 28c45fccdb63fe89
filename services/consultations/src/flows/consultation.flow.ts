import { consultationWorkflow, handlerOrganization } from '../workflows/consultation.workflow.js';
import type { FlowDefinition } from './flow-definition.js';
import { holds, readScope, type ReadGrant } from './read-grants.js';

/**
 * Konsultasi: read by its requester and the unit-kerja of the requesting organization, by the
 * assigned officer, by the kasubdit and direktur of the handling organization (the direktur also
 * by every consultation of its own organization), by super-admin and pimpinan across agencies.
 */
export const consultationFlow: FlowDefinition = {
  flow: 'CONSULTATION',
  workflow: consultationWorkflow,
  numberPrefix: 'KNS',
  subjectType: 'Consultation',
  linkOf: (id) => `/konsultasi/${id}`,
  ...readScope((principal) => {
    const org = principal.organizationCode;
    const grants: ReadGrant[] = [{ requesterId: principal.id }];
    if (holds(principal, 'super-admin') || holds(principal, 'pimpinan')) grants.push({});
    if (holds(principal, 'unit-kerja')) grants.push({ organizationCode: org });
    if (holds(principal, 'petugas-konsultasi')) grants.push({ assigneeId: principal.id });
    if (holds(principal, 'kasubdit')) grants.push({ handlerOrganizationCode: org });
    if (holds(principal, 'direktur')) {
      grants.push({ handlerOrganizationCode: org }, { organizationCode: org });
    }
    return grants;
  }),
  relations: { handlerOrganization },
  relationFilters: {
    handlerOrganization: (principal) =>
      principal.organizationCode ? { handlerOrganizationCode: principal.organizationCode } : null,
  },
  pointRule: { transition: 'acknowledge', points: 10, onTimeBonus: 2, event: 'konsultasi selesai' },
};
