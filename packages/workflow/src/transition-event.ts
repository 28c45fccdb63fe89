import { z } from 'zod';
import type { HistoryEntry } from './interpreter.js';

/**
 * Payload of the event a service publishes for every transition, e.g. as
 * `documents.requirement.transitioned`. Register it in packages/events with
 * `transitionEventDataSchema`, narrowed if the service wants (e.g. `.extend({ from: z.enum(…) })`).
 */
export const transitionEventDataSchema = z.object({
  workflow: z.string().min(1),
  subjectId: z.string().min(1),
  transition: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  actor: z.object({
    kind: z.enum(['user', 'client', 'system', 'public']),
    id: z.string().min(1),
    name: z.string().nullable(),
    organization: z.string().nullable(),
    roles: z.array(z.string().min(1)),
  }),
  at: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
});

export type TransitionEventData = z.infer<typeof transitionEventDataSchema>;

/** Builds the event payload of one history entry of the case `subjectId`. */
export function transitionEventData(
  workflow: { name: string },
  subjectId: string,
  entry: HistoryEntry,
): TransitionEventData {
  return {
    workflow: workflow.name,
    subjectId,
    transition: entry.transition,
    from: entry.from,
    to: entry.to,
    actor: { ...entry.actor, roles: [...entry.actor.roles] },
    at: entry.at.toISOString(),
    note: entry.note,
  };
}
