import { z } from 'zod';
import { workflowTransitionSchema } from './transition.schema.js';

/** Payloads of the events the projects service (SIPOPI, DOMAIN.md §3) publishes (type → schema). */
const id = z.string().min(1);
const organizationCode = z.string().min(1);

/**
 * What every projects event says about its project, so consumers (notification rules, the
 * notifications thread tracker, later the leaders' dashboard) need no lookup.
 */
const project = z.object({
  id,
  code: z.string().min(1),
  name: z.string().min(1),
  fiscalYear: z.number().int(),
  organizationCode,
  lenderOrganizationCode: organizationCode,
  /** The finance agency managing the project (BPKAD). */
  managerOrganizationCode: organizationCode,
  stage: z.string().min(1),
});

/** One transition of a disbursement tranche (`request`, `approve`, `reject`, `disburse`). */
const trancheTransition = workflowTransitionSchema.extend({
  workflow: z.literal('disbursement-tranche'),
  project,
  tranche: z.object({
    id,
    sequence: z.number().int().positive(),
    name: z.string().min(1),
    plannedAmount: z.number().nonnegative(),
    disbursedAmount: z.number().nonnegative().nullable(),
    disbursedOn: z.string().nullable(),
  }),
});

export const projectsEventSchemas = {
  'projects.project.created': z.object({ project, amount: z.number().nonnegative() }),
  'projects.project.updated': z.object({ project, fields: z.array(z.string().min(1)) }),
  /** A stage transition of the loan-project workflow (`subjectId` = project id). */
  'projects.project.stageChanged': workflowTransitionSchema.extend({
    workflow: z.literal('loan-project'),
    project,
  }),
  'projects.agreement.recorded': z.object({
    project,
    documentId: id,
    number: z.string().min(1),
    signedOn: z.string().min(1),
  }),
  'projects.tranche.requested': trancheTransition,
  'projects.tranche.approved': trancheTransition,
  'projects.tranche.rejected': trancheTransition,
  'projects.tranche.disbursed': trancheTransition,
  'projects.progress.submitted': z.object({
    project,
    reportId: id,
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    physicalPercent: z.number().min(0).max(100),
    financialPercent: z.number().min(0).max(100),
    /** Planned physical % for the period (null when no plan), for "behind plan" alerts. */
    plannedPhysicalPercent: z.number().min(0).max(100).nullable(),
    behindPlan: z.boolean(),
    submittedBy: z.object({ id, name: z.string().nullable(), organizationCode }),
  }),
  'projects.progress.reviewed': z.object({
    project,
    reportId: id,
    period: z.string(),
    decision: z.enum(['ACCEPT', 'REQUEST_REVISION']),
    note: z.string().nullable(),
    reviewedBy: z.object({
      id,
      name: z.string().nullable(),
      organizationCode: z.string().nullable(),
    }),
    submittedById: id,
  }),
  'projects.planningCodes.imported': z.object({
    importId: id,
    versionId: id,
    kind: z.enum(['NOMENCLATURE', 'ACCOUNT']),
    accepted: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
  }),
} as const;
