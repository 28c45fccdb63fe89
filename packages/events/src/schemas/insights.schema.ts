import { z } from 'zod';

/** Payloads of the events the insights service (leaders' dashboard, assessment) publishes. */
export const insightsEventSchemas = {
  /** An alert of the leaders' dashboard was raised (once per cause), for pimpinan's notifications. */
  'insights.alert.raised': z.object({
    alertId: z.string().min(1),
    kind: z.enum(['PROJECT_BEHIND_PLAN', 'IKM_GRADE_FELL', 'COMPLAINT_OVERDUE']),
    severity: z.enum(['TINGGI', 'SEDANG', 'RENDAH']),
    title: z.string().min(1),
    detail: z.string().min(1),
    organizationCode: z.string().min(1).nullable(),
    reference: z.string().min(1).nullable(),
    /** Portal path of the record behind the alert. */
    link: z.string().min(1).nullable(),
  }),
} as const;
