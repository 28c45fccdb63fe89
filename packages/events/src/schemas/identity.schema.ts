import { z } from 'zod';

/** Payloads of the events the identity service publishes (type → schema). */
const userId = z.string().min(1);
const organizationCode = z.string().min(1);
const roles = z.array(z.string().min(1));
/**
 * Directory fields added for the notifications service; optional so events published before they
 * existed still validate.
 */
const name = z.string().nullable().optional();
const email = z.string().nullable().optional();

export const identityEventSchemas = {
  'identity.user.created': z.object({
    userId,
    username: z.string().min(1),
    organizationCode,
    roles,
    name,
    email,
  }),
  'identity.user.activationChanged': z.object({
    userId,
    active: z.boolean(),
    reason: z.string().optional(),
  }),
  'identity.user.rolesChanged': z.object({
    userId,
    roles,
    previousRoles: roles,
  }),
  'identity.organization.profileUpdated': z.object({
    organizationCode,
    fields: z.array(z.string().min(1)).min(1),
  }),
  /** First time a user is seen in a token: identity mirrors the Keycloak account. */
  'identity.user.mirrored': z.object({
    userId,
    /** Null for people not attached to an agency (e.g. a citizen account). */
    organizationCode: organizationCode.nullable(),
    username: z.string().min(1).optional(),
    name,
    email,
    roles: roles.optional(),
  }),
  'identity.organization.created': z.object({
    organizationCode,
    name: z.string().min(1),
    kind: z.string().min(1),
    parentCode: organizationCode.nullable(),
  }),
} as const;
