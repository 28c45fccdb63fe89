import { loadEnvironment, subgraphEnvironmentSchema } from '@sipadu/service-kit';
import { z } from 'zod';

/** Development secret of the `sipadu-insights` client (keycloak/dev-overlay.json); refused in production. */
const DEVELOPMENT_CLIENT_SECRET = 'sipadu-insights-dev-secret';

/** A subgraph's base URL (scheme, host, port); its GraphQL endpoint is `<url>/graphql`. */
const serviceUrl = (port: number) => z.url().default(`http://127.0.0.1:${port}`);

const schema = subgraphEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4007),
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(1_000),
  /** Durable JetStream consumer prefix; tests give their own. */
  CONSUMER_PREFIX: z
    .string()
    .regex(/^[\w-]{1,60}$/)
    .default('insights'),
  CONSUMER_DELIVER_FROM: z.enum(['all', 'new']).default('all'),
  /**
   * The owning services read directly (not through the gateway), with this service's own
   * client-credentials token: numbers are read where they live, never copied here.
   */
  IDENTITY_URL: serviceUrl(4001),
  DOCUMENTS_URL: serviceUrl(4002),
  PROJECTS_URL: serviceUrl(4003),
  SURVEYS_URL: serviceUrl(4004),
  CONSULTATIONS_URL: serviceUrl(4005),
  /** Token endpoint for the client-credentials grant (internal URL inside a cluster). */
  KEYCLOAK_TOKEN_URL: z
    .url()
    .default('http://localhost:8080/realms/sipadu/protocol/openid-connect/token'),
  INSIGHTS_CLIENT_ID: z.string().min(1).default('sipadu-insights'),
  INSIGHTS_CLIENT_SECRET: z.string().min(16).default(DEVELOPMENT_CLIENT_SECRET),
  /** How long numbers read from the owners are reused; events of the owners clear it at once. */
  OWNER_CACHE_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Timeout of one read from an owning service; a module that does not answer is marked unavailable. */
  OWNER_TIMEOUT_MS: z.coerce.number().int().positive().default(8_000),
  /** Public base URL of the gateway, for absolute links in the DCAT catalog. */
  PUBLIC_API_URL: z.url().default('http://localhost:4000'),
  /** Name of the Pemda on the leaders' brief and in the open-data catalog (publisher). */
  PEMDA_NAME: z.string().min(1).default('Pemerintah Kota Jambi'),
});

export type InsightsEnvironment = z.infer<typeof schema>;

export function insightsEnvironment(
  source: Record<string, string | undefined> = process.env,
): InsightsEnvironment {
  const env = loadEnvironment(schema, source);
  if (env.NODE_ENV === 'production' && env.INSIGHTS_CLIENT_SECRET === DEVELOPMENT_CLIENT_SECRET) {
    throw new Error(
      'INSIGHTS_CLIENT_SECRET wajib diisi di produksi (rahasia klien sipadu-insights).',
    );
  }
  return env;
}
