import { z } from 'zod';

/** Settings every service and the gateway share; each service extends this schema with its own. */
export const baseEnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Pemda time zone for dates people read (reports, e-mails). */
  TZ_PEMDA: z.string().default('Asia/Jakarta'),
  /** OTLP/HTTP collector; tracing context still propagates when unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});

/** Settings of a subgraph: database, events and token verification. */
export const subgraphEnvironmentSchema = baseEnvironmentSchema.extend({
  HOST: z.string().default('127.0.0.1'),
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'harus URL mongodb://')
    .default('mongodb://127.0.0.1:27017'),
  /** Overrides the database name `sipadu_<service>` (tests use their own). */
  MONGO_DATABASE: z
    .string()
    .regex(/^[\w-]{1,63}$/)
    .optional(),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** Issuer as it appears in tokens (what the browser sees). */
  KEYCLOAK_ISSUER: z.url().default('http://localhost:8080/realms/sipadu'),
  /** Where this service fetches the realm keys; may differ from the issuer inside a cluster. */
  KEYCLOAK_JWKS_URL: z
    .url()
    .default('http://localhost:8080/realms/sipadu/protocol/openid-connect/certs'),
  JWT_AUDIENCE: z.string().default('sipadu-api'),
});

export type BaseEnvironment = z.infer<typeof baseEnvironmentSchema>;
export type SubgraphEnvironment = z.infer<typeof subgraphEnvironmentSchema>;

/**
 * Parses the environment once at start-up and fails fast with every problem listed, so a
 * misconfigured deployment stops before it serves a single request.
 */
export function loadEnvironment<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new Error(`Konfigurasi lingkungan tidak valid (invalid environment):\n${problems}`);
  }
  return parsed.data;
}
