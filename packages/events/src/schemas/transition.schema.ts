import { z } from 'zod';

/** Who took a workflow transition (the shared engine's history actor). */
export const transitionActorSchema = z.object({
  kind: z.enum(['user', 'client', 'system', 'public']),
  id: z.string().min(1),
  name: z.string().nullable(),
  organization: z.string().nullable(),
  roles: z.array(z.string().min(1)),
});

/**
 * The fields every workflow transition event carries (the shape of `transitionEventData` in
 * @sipadu/workflow); services extend it with what their consumers need.
 */
export const workflowTransitionSchema = z.object({
  workflow: z.string().min(1),
  subjectId: z.string().min(1),
  transition: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  actor: transitionActorSchema,
  at: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
});
