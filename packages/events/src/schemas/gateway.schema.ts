import { z } from 'zod';

/** Payloads of the events the gateway publishes (type → schema). */
export const gatewayEventSchemas = {
  /**
   * One GraphQL request of a partner system (a client-credentials token), allowed or refused; the
   * documents service appends it to the audit log. Carries no arguments or results, only what was
   * asked and how it ended.
   */
  'gateway.partner.accessed': z.object({
    /** Keycloak client id (`azp`) of the partner. */
    clientId: z.string().min(1),
    /** Organization code of the partner (`org` claim), when its client carries one. */
    organizationCode: z.string().min(1).nullable(),
    /** OAuth scopes of the token that name SIPADU scopes (`sipadu:*`). */
    scopes: z.array(z.string().min(1)),
    operationName: z.string().nullable(),
    operationType: z.enum(['query', 'mutation', 'subscription', 'unknown']),
    /** Root fields asked for (`Query.loanProjects`, …). */
    fields: z.array(z.string().min(1)),
    outcome: z.enum(['ALLOWED', 'FORBIDDEN', 'REFUSED', 'RATE_LIMITED', 'ERROR']),
    /** `extensions.code` of every error of the response, de-duplicated. */
    errorCodes: z.array(z.string().min(1)),
    requestId: z.string().min(1),
    clientAddress: z.string().nullable(),
    durationMs: z.number().nonnegative(),
  }),
} as const;
