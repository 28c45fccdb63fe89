import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  /** Internal base URL of Keycloak for the Admin REST API. */
  KEYCLOAK_URL: z.url().default('http://localhost:8080'),
  KEYCLOAK_REALM: z.string().default('sipadu'),
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().default('sipadu-identity-admin'),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1).default('sipadu-identity-admin-dev-secret'),
  /** Mirror every Keycloak user at start-up, so lists include people who never signed in. */
  SYNC_USERS_ON_START: z.stringbool().default(true),
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(1_000),
});

export type IdentityEnvironment = z.infer<typeof schema>;

export function identityEnvironment(
  source: Record<string, string | undefined> = process.env,
): IdentityEnvironment {
  const env = loadEnvironment(schema, source);
  if (
    env.NODE_ENV === 'production' &&
    env.KEYCLOAK_ADMIN_CLIENT_SECRET === 'sipadu-identity-admin-dev-secret'
  ) {
    throw new Error(
      'KEYCLOAK_ADMIN_CLIENT_SECRET wajib diisi di produksi (jangan memakai rahasia pengembangan).',
    );
  }
  return env;
}
