import { ictComplaintWorkflow } from '../workflows/ict-complaint.workflow.js';
import type { FlowDefinition } from './flow-definition.js';
import { holds, readScope, type ReadGrant } from './read-grants.js';

/**
 * Pengaduan TIK: read by its complainant, by the assigned ICT officer, by every pengelola-tik (who
 * routes them all), by super-admin and pimpinan across agencies.
 */
export const ictComplaintFlow: FlowDefinition = {
  flow: 'ICT_COMPLAINT',
  workflow: ictComplaintWorkflow,
  numberPrefix: 'TIK',
  subjectType: 'IctComplaint',
  linkOf: (id) => `/pengaduan-tik/${id}`,
  ...readScope((principal) => {
    const grants: ReadGrant[] = [{ requesterId: principal.id }];
    if (
      (['super-admin', 'pimpinan', 'pengelola-tik'] as const).some((role) => holds(principal, role))
    ) {
      grants.push({});
    }
    if (holds(principal, 'petugas-tik')) grants.push({ assigneeId: principal.id });
    return grants;
  }),
  pointRule: {
    transition: 'document',
    points: 5,
    onTimeBonus: 1,
    event: 'pengaduan TIK didokumentasikan',
  },
};
