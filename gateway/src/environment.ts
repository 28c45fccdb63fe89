import { fileURLToPath } from 'node:url';
import { baseEnvironmentSchema, loadEnvironment } from '@sipadu/service-kit';
import { z } from 'zod';
import { defaultSubgraphPorts } from './composition.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Service base URL (scheme, host, port; no path). A trailing `/graphql` is tolerated and dropped. */
const serviceBaseUrl = z
  .url()
  .transform((value) => value.replace(/\/+$/, '').replace(/\/graphql$/, ''));

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const gatewayEnvironmentSchema = baseEnvironmentSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    /** Static supergraph written by `npm run compose`. */
    SUPERGRAPH_PATH: z
      .string()
      .default(fileURLToPath(new URL('../supergraph.graphql', import.meta.url))),

    /** Keycloak base URL the gateway uses to fetch the realm keys (may be cluster-internal). */
    KEYCLOAK_URL: serviceBaseUrl.default('http://localhost:8080'),
    KEYCLOAK_REALM: z.string().default('sipadu'),
    /** Issuer exactly as it appears in tokens (what the browser sees). */
    KEYCLOAK_ISSUER: z.url().default('http://localhost:8080/realms/sipadu'),
    /** The audience every accepted token must carry (the `sipadu-api` client). */
    JWT_AUDIENCE: z.string().default('sipadu-api'),

    /** Comma-separated browser origins allowed by CORS. */
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:3000')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim().replace(/\/+$/, ''))
          .filter(Boolean),
      ),
    /** Express `trust proxy` setting, so rate limits key on the client's address behind an ingress. */
    TRUST_PROXY: z.string().default('loopback'),

    SUBGRAPH_TIMEOUT_MS: positiveInt(10_000),
    /** Requests per minute per client (token subject, else IP). Unset: 600 in production, 20 000 otherwise. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /**
     * GraphQL requests per minute per partner system (client-credentials token, by client id), on
     * top of RATE_LIMIT_PER_MINUTE.
     */
    PARTNER_RATE_LIMIT: positiveInt(120),
    MAX_QUERY_DEPTH: positiveInt(12),
    MAX_ALIASES: positiveInt(15),
    MAX_QUERY_COST: positiveInt(5_000),
    MAX_QUERY_TOKENS: positiveInt(2_000),
    MAX_DIRECTIVES: positiveInt(50),
    /** How often one response key may be asked for in a selection set (fragments included). */
    MAX_FIELD_REPEATS: positiveInt(10),
    MAX_QUERY_CHARS: positiveInt(20_000),
    /** Largest JSON body accepted at /graphql (query + variables). */
    MAX_BODY_BYTES: positiveInt(256 * 1024),
    /** Introspection; defaults to on except in production. */
    INTROSPECTION: booleanFlag.optional(),
    /** How long shutdown waits for in-flight requests before closing connections. */
    SHUTDOWN_GRACE_MS: positiveInt(10_000),

    /** Where the partner-access audit events go (stream SIPADU_GATEWAY). */
    NATS_URL: z.string().default('nats://127.0.0.1:4222'),

    // Service base URLs. `<NAME>_URL` overrides a subgraph's routing URL from the supergraph
    // (`<NAME>_URL/graphql`); DOCUMENTS_URL, NOTIFICATIONS_URL, CONSULTATIONS_URL and
    // INSIGHTS_URL are also the /files, /events, /open311 and /insights + /open-data proxy targets.
    IDENTITY_URL: serviceBaseUrl.optional(),
    DOCUMENTS_URL: serviceBaseUrl.optional(),
    PROJECTS_URL: serviceBaseUrl.optional(),
    SURVEYS_URL: serviceBaseUrl.optional(),
    CONSULTATIONS_URL: serviceBaseUrl.optional(),
    NOTIFICATIONS_URL: serviceBaseUrl.optional(),
    INSIGHTS_URL: serviceBaseUrl.optional(),
  })
  .transform((env) => {
    const production = env.NODE_ENV === 'production';
    const subgraphUrls: Record<string, string> = {};
    for (const name of Object.keys(defaultSubgraphPorts)) {
      const base = env[`${name.toUpperCase()}_URL` as keyof typeof env];
      if (typeof base === 'string') subgraphUrls[name] = `${base}/graphql`;
    }
    return {
      ...env,
      RATE_LIMIT_PER_MINUTE: env.RATE_LIMIT_PER_MINUTE ?? (production ? 600 : 20_000),
      INTROSPECTION: env.INTROSPECTION ?? !production,
      /** Subgraph name → GraphQL endpoint, only for subgraphs whose URL was overridden. */
      subgraphUrls,
      filesTarget: env.DOCUMENTS_URL ?? `http://127.0.0.1:${defaultSubgraphPorts.documents}`,
      eventsTarget:
        env.NOTIFICATIONS_URL ?? `http://127.0.0.1:${defaultSubgraphPorts.notifications}`,
      /** Open311 GeoReport v2 of the public complaints (consultations service). */
      complaintsTarget:
        env.CONSULTATIONS_URL ?? `http://127.0.0.1:${defaultSubgraphPorts.consultations}`,
      /** The leaders' dashboard stream and brief, and the open-data files (insights service). */
      insightsTarget: env.INSIGHTS_URL ?? `http://127.0.0.1:${defaultSubgraphPorts.insights}`,
    };
  });

export type GatewayEnvironment = z.infer<typeof gatewayEnvironmentSchema>;

/** The only place the gateway reads `process.env`-style settings. */
export function loadGatewayEnvironment(
  source: Record<string, string | undefined> = process.env,
): GatewayEnvironment {
  return loadEnvironment(gatewayEnvironmentSchema, source);
}
