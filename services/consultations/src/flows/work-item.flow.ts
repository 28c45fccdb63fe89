import { workItemWorkflow } from '../workflows/work-item.workflow.js';
import type { FlowDefinition } from './flow-definition.js';
import { holds, readScope, type ReadGrant } from './read-grants.js';

/**
 * Pekerjaan internal: read by its assigner and its assignee, by the direktur of the organization,
 * by super-admin (who verifies every result) and pimpinan across agencies.
 */
export const workItemFlow: FlowDefinition = {
  flow: 'WORK_ITEM',
  workflow: workItemWorkflow,
  numberPrefix: 'PKJ',
  subjectType: 'WorkItem',
  linkOf: (id) => `/pekerjaan/${id}`,
  ...readScope((principal) => {
    const grants: ReadGrant[] = [{ requesterId: principal.id }, { assigneeId: principal.id }];
    if (holds(principal, 'super-admin') || holds(principal, 'pimpinan')) grants.push({});
    if (holds(principal, 'direktur')) grants.push({ organizationCode: principal.organizationCode });
    return grants;
  }),
  pointRule: { transition: 'approve', points: 8, onTimeBonus: 2, event: 'pekerjaan diterima' },
};
