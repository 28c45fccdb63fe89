import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';

import { context as otelContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import express, { type Request } from 'express';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { bearerToken, createTokenVerifier, type Principal, type TokenRevocations } from './auth.js';
import type { SubgraphEnvironment } from './environment.js';
import { createErrorFormatter } from './errors.js';
import { RequestLoaders } from './loaders.js';
import { createMetrics } from './metrics.js';
import { extractTraceContext, startTracing } from './tracing.js';

/** What every resolver receives; services add their own fields through `extendContext`. */
export interface SubgraphContext extends BaseContext {
  requestId: string;
  principal: Principal | null;
  logger: Logger;
  loaders: RequestLoaders;
  /**
   * The caller's address as the gateway saw it (`x-sipadu-client`); null when called directly.
   * Subgraphs sit behind the gateway, which overwrites the header, so it cannot be forged from
   * outside. For rate limits only: never store it.
   */
  clientAddress: string | null;
}

export type ReadinessCheck = () => Promise<boolean>;

/**
 * A readiness check still unanswered after this counts as down: a hung database or NATS would
 * otherwise hold /readyz open, and the orchestrator's probe would time out instead of being told.
 */
const READINESS_TIMEOUT_MS = 2_000;

function checkWithin(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  return Promise.race([check().catch(() => false), late]).finally(() => clearTimeout(timer));
}

export interface SubgraphOptions<Context extends SubgraphContext> {
  service: string;
  env: SubgraphEnvironment & { PORT: number };
  /** Path of the service's `schema.graphql` (SDL first). */
  schemaPath: string;
  resolvers: GraphQLResolverMap<Context>;
  logger: Logger;
  /** Named checks behind /readyz, e.g. MongoDB and NATS. */
  readiness: Record<string, ReadinessCheck>;
  extendContext?: (base: SubgraphContext) => Context | Promise<Context>;
  /**
   * Deactivated accounts whose unexpired tokens are refused (`followDeactivations` of
   * @sipadu/events); stopped with the subgraph, before `onStop` closes the NATS connection.
   */
  revocations: TokenRevocations & { stop(): Promise<void> };
  /** Called on the first authenticated request of each principal (e.g. to mirror users). */
  onPrincipal?: (principal: Principal, base: SubgraphContext) => Promise<void>;
  /** Extra HTTP routes mounted before /graphql (e.g. file downloads). */
  routes?: (app: express.Express) => void;
  /** Releases the service's own resources after the HTTP server stopped. */
  onStop?: () => Promise<void>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph: Apollo Server 5 on express 5 with the federated schema, token
 * verification, request ids, tracing, metrics, health probes and graceful shutdown.
 */
export async function startSubgraph<Context extends SubgraphContext>(
  options: SubgraphOptions<Context>,
): Promise<RunningSubgraph> {
  const { env, logger, service } = options;
  const production = env.NODE_ENV === 'production';
  // Stack traces and error details only on a developer's machine, never in tests or production.
  const development = env.NODE_ENV === 'development';
  const tracer = startTracing(service);
  const verify = createTokenVerifier({
    issuer: env.KEYCLOAK_ISSUER,
    jwksUrl: env.KEYCLOAK_JWKS_URL,
    audience: env.JWT_AUDIENCE,
    revocations: options.revocations,
  });
  const metrics = createMetrics(service);

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Above the 15 s a proxy or the gateway may keep idle connections, so we never close first.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w\-.]{1,128}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    const parent = extractTraceContext(req.headers);
    const span = tracer.startSpan(`${req.method} ${req.path}`, { kind: SpanKind.SERVER }, parent);
    res.on('finish', () => {
      span.setAttribute('http.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    otelContext.with(trace.setSpan(parent, span), () => next());
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => String(res.locals?.requestId ?? randomUUID()),
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
    }),
  );
  app.use(metrics.middleware);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  app.get('/readyz', async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(options.readiness).map(async ([name, check]) => {
        const ok = await checkWithin(check, READINESS_TIMEOUT_MS);
        return [name, ok ? 'ok' : 'down'] as const;
      }),
    );
    const ready = entries.every(([, state]) => state === 'ok');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ok' : 'unavailable', service, checks: Object.fromEntries(entries) });
  });
  app.get('/metrics', metrics.handler);
  options.routes?.(app);

  const typeDefs = parse(readFileSync(options.schemaPath, 'utf8'));
  const apollo = new ApolloServer<Context>({
    schema: buildSubgraphSchema([
      { typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> },
    ]),
    formatError: createErrorFormatter(logger, development),
    includeStacktraceInErrorResponses: development,
    introspection: !production,
    csrfPrevention: true,
    // Each service's index.ts stops it on SIGINT/SIGTERM (consumers, NATS, MongoDB); Apollo's own
    // handler would re-raise the signal and end the process before that drain finished.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Federated traces go to Apollo's commercial reporting, which SIPADU does not use.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                metrics.graphqlErrors.inc({
                  code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
                });
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const seen = new Set<string>();
  const buildContext = async ({
    req,
    res,
  }: {
    req: Request;
    res: express.Response;
  }): Promise<Context> => {
    const requestId = String(res.locals.requestId);
    const token = bearerToken(req.header('authorization'));
    const principal = token ? await verify(token) : null;
    const base: SubgraphContext = {
      requestId,
      principal,
      logger: logger.child({ requestId, user: principal?.username }),
      loaders: new RequestLoaders(),
      clientAddress: req.header('x-sipadu-client') ?? null,
    };
    if (principal && options.onPrincipal && !seen.has(principal.id)) {
      await options.onPrincipal(principal, base);
      seen.add(principal.id);
    }
    return options.extendContext ? options.extendContext(base) : (base as Context);
  };
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: buildContext }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${env.HOST}:${port}/graphql`;
  logger.info({ url }, `${service} subgraph siap`);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        await options.revocations.stop();
        await options.onStop?.();
      })();
      return stopping;
    },
  };
}
