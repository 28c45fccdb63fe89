import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  eventSchemas,
  isEventType,
  type EventData,
  type EventDataInput,
  type EventType,
} from './registry.js';
import { EVENT_TYPE_PATTERN } from './subjects.js';
import { currentTraceparent, isTraceparent } from './tracing.js';

export const actorSchema = z.object({
  type: z.enum(['user', 'client', 'system']),
  /** Keycloak subject of a user, client id of a service account, null for the system itself. */
  id: z.string().min(1).nullable(),
  org: z.string().min(1).nullable().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const eventSubjectSchema = z.object({
  /** What the event is about, e.g. `user`, `organization`. */
  type: z.string().min(1),
  id: z.string().min(1),
});
export type EventSubject = z.infer<typeof eventSubjectSchema>;

/** The envelope with an unchecked payload; `parseEnvelope` also checks `data` against the registry. */
export const envelopeSchema = z.object({
  id: z.uuidv4(),
  /** `<service>.<entity>.<verbPastTense>`: the NATS subject without its `sipadu.` prefix. */
  type: z.string().regex(EVENT_TYPE_PATTERN),
  occurredAt: z.iso.datetime({ offset: true }),
  actor: actorSchema,
  subject: eventSubjectSchema,
  /** Organization (OPD) the event belongs to; null for platform-wide events. */
  org: z.string().min(1).nullable(),
  data: z.unknown(),
  traceparent: z.string().refine(isTraceparent, 'not a W3C traceparent').optional(),
});
export type RawEnvelope = z.infer<typeof envelopeSchema>;

export type EventEnvelope<T extends EventType = EventType> = Omit<RawEnvelope, 'type' | 'data'> & {
  type: T;
  data: EventData<T>;
};
/** Discriminated union over every registered type: `switch (envelope.type)` narrows `data`. */
export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

export interface EventMeta {
  actor: Actor;
  subject: EventSubject;
  org: string | null;
  /** Defaults to a fresh uuid v4. */
  id?: string;
  /** Defaults to now. */
  occurredAt?: Date | string;
  /** Defaults to the active OpenTelemetry context. */
  traceparent?: string;
}

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    message: string,
    readonly issues: z.core.$ZodIssue[] = [],
  ) {
    super(message);
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Builds a validated envelope. Type-checks only with the payload of that type, and throws
 * InvalidEventError when the payload does not match the registry at runtime.
 */
export function createEvent<T extends EventType>(
  type: T,
  data: EventDataInput<T>,
  meta: EventMeta,
): EventEnvelope<T> {
  const occurredAt = meta.occurredAt ?? new Date();
  const traceparent = meta.traceparent ?? currentTraceparent();
  return parseEnvelope({
    id: meta.id ?? randomUUID(),
    type,
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
    actor: meta.actor,
    subject: meta.subject,
    org: meta.org,
    data,
    ...(traceparent ? { traceparent } : {}),
  }) as EventEnvelope<T>;
}

/** Validates an envelope and its payload (unknown types are rejected). */
export function parseEnvelope(raw: unknown): AnyEventEnvelope {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    throw new InvalidEventError(
      `Invalid envelope: ${describe(envelope.error)}`,
      envelope.error.issues,
    );
  const { type } = envelope.data;
  if (!isEventType(type)) throw new InvalidEventError(`Unknown event type '${type}'`);
  const data = eventSchemas[type].safeParse(envelope.data.data);
  if (!data.success)
    throw new InvalidEventError(
      `Invalid payload of ${type}: ${describe(data.error)}`,
      data.error.issues,
    );
  return { ...envelope.data, type, data: data.data } as AnyEventEnvelope;
}
