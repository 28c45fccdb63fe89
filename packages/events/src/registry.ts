import type { z } from 'zod';
import { consultationsEventSchemas } from './schemas/consultations.schema.js';
import { documentsEventSchemas } from './schemas/documents.schema.js';
import { gatewayEventSchemas } from './schemas/gateway.schema.js';
import { identityEventSchemas } from './schemas/identity.schema.js';
import { insightsEventSchemas } from './schemas/insights.schema.js';
import { notificationsEventSchemas } from './schemas/notifications.schema.js';
import { projectsEventSchemas } from './schemas/projects.schema.js';
import { surveysEventSchemas } from './schemas/surveys.schema.js';

/**
 * Every event type of the platform and the schema of its payload. A service adds its events in
 * `schemas/<service>.schema.ts` and spreads them here; publishers and consumers validate against
 * the same entry.
 */
export const eventSchemas = {
  ...identityEventSchemas,
  ...documentsEventSchemas,
  ...notificationsEventSchemas,
  ...projectsEventSchemas,
  ...surveysEventSchemas,
  ...consultationsEventSchemas,
  ...gatewayEventSchemas,
  ...insightsEventSchemas,
} as const;

export type EventSchemas = typeof eventSchemas;
export type EventType = keyof EventSchemas;
/** Payload of an event type, as the producer writes it (defaults not yet applied). */
export type EventDataInput<T extends EventType> = z.input<EventSchemas[T]>;
/** Payload of an event type, as a consumer receives it. */
export type EventData<T extends EventType> = z.output<EventSchemas[T]>;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemas, type);
}
