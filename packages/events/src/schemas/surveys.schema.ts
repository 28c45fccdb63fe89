import { z } from 'zod';

/** Payloads of the events the surveys service (SIPUTRI, DOMAIN.md §5) publishes (type → schema). */
const id = z.string().min(1);
const organizationCode = z.string().min(1);
/** `2026`, `2026-S1`, `2026-Q3`, `2026-M07`. */
const periodKey = z.string().regex(/^\d{4}(-S[12]|-Q[1-4]|-M(0[1-9]|1[0-2]))?$/);

const standard = z.object({
  id,
  name: z.string().min(1),
  category: z.string().min(1),
  organizationCode,
  organizationName: z.string().min(1),
});

const recommendation = z.object({
  id,
  organizationCode,
  organizationName: z.string().min(1),
  periodKey,
  periodLabel: z.string().min(1),
  elementCode: z.string().regex(/^U[1-9]$/),
  elementName: z.string().min(1),
  /** Keycloak subject of the evaluator who wrote it, so follow-ups reach them. */
  createdById: id,
});

const actor = z.object({
  id,
  name: z.string().nullable(),
  organizationCode: z.string().nullable(),
});

export const surveysEventSchemas = {
  /**
   * One citizen's answers (the log the aggregates are built from, in stream order). Carries no
   * personal identifier beyond the optional profile the respondent chose to give.
   */
  'surveys.response.submitted': z.object({
    responseId: z.uuidv4(),
    serviceId: id,
    serviceName: z.string().min(1),
    organizationCode,
    questionnaireVersion: z.string().min(1),
    /** Scores 1–4 in element order U1..U9. */
    scores: z.array(z.number().int().min(1).max(4)).length(9),
    profile: z.object({
      gender: z.string().nullable(),
      ageGroup: z.string().nullable(),
      education: z.string().nullable(),
      occupation: z.string().nullable(),
    }),
    suggestion: z.string().nullable(),
    channel: z.enum(['ONLINE', 'COUNTER']),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
  'surveys.standard.published': z.object({
    standard,
    version: z.number().int().positive(),
    publishedBy: actor,
  }),
  'surveys.pledge.published': z.object({
    organizationCode,
    organizationName: z.string().min(1),
    version: z.number().int().positive(),
    publishedBy: actor,
  }),
  'surveys.recommendation.created': z.object({
    recommendation,
    text: z.string().min(1),
    priority: z.enum(['HIGH', 'MEDIUM', 'LOW']),
    dueDate: z.string().nullable(),
  }),
  /** A follow-up action on a recommendation (plan, progress, complete, verify, reopen). */
  'surveys.followUp.updated': z.object({
    recommendation,
    action: z.enum(['PLAN', 'PROGRESS', 'COMPLETE', 'VERIFY', 'REOPEN']),
    fromStatus: z.string().min(1),
    toStatus: z.string().min(1),
    progressPercent: z.number().int().min(0).max(100),
    plan: z.string().nullable(),
    note: z.string().nullable(),
    actor,
  }),
} as const;
