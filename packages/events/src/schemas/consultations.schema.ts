import { z } from 'zod';
import { workflowTransitionSchema } from './transition.schema.js';

/**
 * Payloads of the events the consultations service (SI-KIMR and public complaints, DOMAIN.md §6–7)
 * publishes (type → schema).
 */
const id = z.string().min(1);
const organizationCode = z.string().min(1);
const flow = z.enum(['CONSULTATION', 'WORK_ITEM', 'ICT_COMPLAINT', 'PUBLIC_COMPLAINT']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** What every consumer needs of a case, so no rule or projection has to look it up. */
const caseFacts = z.object({
  id,
  flow,
  /** Human number, e.g. KNS-2026-00012. */
  number: z.string().min(1),
  /** Topic, title or problem (for notification texts). Never a complainant's personal data. */
  title: z.string().min(1),
  /** Organization the case belongs to: the requester's unit, or a complaint's target agency. */
  organizationCode,
  /** Organization of the assigned officer (consultation/ICT handlers); null before routing. */
  handlerOrganizationCode: organizationCode.nullable(),
  /** Keycloak subject of the requester; null for a citizen's public complaint. */
  requesterId: id.nullable(),
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  /** State after the event and its Indonesian label. */
  status: z.string().min(1),
  statusLabel: z.string().min(1),
  /** Due instant and last working day of the step that runs now (null: paused, final, untimed). */
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  dueDate: isoDate.nullable(),
  /** Files attached to the case (documents service ids), so their readers can be widened. */
  attachmentFileIds: z.array(id),
  /** Portal link of the case for staff, e.g. /konsultasi/<id>. */
  link: z.string().min(1),
});

export const consultationsEventSchemas = {
  /**
   * One transition of any of the four case flows (`workflow` names the table: consultation,
   * work-item, ict-complaint, public-complaint). `pointsAwarded` > 0 when it completed a case
   * that earns its officer performance points.
   */
  'consultations.case.transitioned': workflowTransitionSchema.extend({
    case: caseFacts,
    pointsAwarded: z.number().int().nonnegative(),
  }),
  /** A step passed its service time (raised once per step by the service-time sweeper). */
  'consultations.case.overdue': z.object({
    case: caseFacts,
    /** The overdue step (state) and its label. */
    step: z.string().min(1),
    stepLabel: z.string().min(1),
    dueAt: z.iso.datetime({ offset: true }),
    dueDate: isoDate,
  }),
  /**
   * A monthly recap was published (automatically on the first working day of the next month, or
   * on demand). Carries the rendered files so the documents service can file them under the ids
   * given here (idempotent); the recap shows them once filed.
   */
  'consultations.recap.published': z.object({
    recapId: id,
    flow,
    flowLabel: z.string().min(1),
    month,
    monthLabel: z.string().min(1),
    trigger: z.enum(['SCHEDULE', 'MANUAL']),
    received: z.number().int().nonnegative(),
    completed: z.number().int().nonnegative(),
    completedOnTime: z.number().int().nonnegative(),
    openAtEnd: z.number().int().nonnegative(),
    points: z.number().int().nonnegative(),
    /** Who may read the filed recap: these realm roles, Pemda-wide. */
    readerRoles: z.array(z.string().min(1)).min(1),
    files: z
      .array(
        z.object({
          fileId: z.uuidv4(),
          filename: z.string().min(1),
          contentType: z.string().min(1),
          base64: z.string().min(1),
        }),
      )
      .max(2),
  }),
} as const;
