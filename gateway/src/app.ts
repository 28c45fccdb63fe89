import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { followDeactivations } from '@sipadu/events';
import { TYPED_ERROR_CODES, createLogger, createMetrics, type Logger } from '@sipadu/service-kit';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { authenticate, createTokenVerifier, requireCaller, type TokenVerifier } from './auth.js';
import type { GatewayContext } from './context.js';
import type { GatewayEnvironment } from './environment.js';
import {
  armorProtection,
  bodyErrorHandler,
  clientRateLimit,
  queryLengthLimit,
  tokenLimitParseOptions,
  translateRefusal,
  withoutSuggestions,
} from './limits.js';
import {
  PartnerAuditPublisher,
  partnerAccessEvent,
  partnerAuditPlugin,
  summarizeRequestBody,
} from './partner-audit.js';
import { partnerRateLimit } from './partner-limits.js';
import { createServiceProxy } from './proxies.js';
import { publicOperationsPlugin, publicRootFields } from './public-operations.js';
import {
  createSubgraphFetcher,
  DOWNSTREAM_SERVICE_ERROR,
  SubgraphDataSource,
} from './subgraph-data-source.js';
import { probeSubgraphs, readSupergraph, subgraphEndpoints } from './supergraph.js';
import { createGatewayTracing } from './tracing.js';

export interface GatewayAppOptions {
  /** Supergraph SDL; read from `env.SUPERGRAPH_PATH` when absent. */
  supergraphSdl?: string;
  logger?: Logger;
  /** Token verification; keycloak-connect against `env.KEYCLOAK_*` when absent. */
  verifyToken?: TokenVerifier;
}

export interface GatewayApp {
  app: Express;
  server: http.Server;
  /** Listens on `env.HOST:env.PORT` (0 = any free port) and returns the /graphql URL. */
  start(): Promise<string>;
  /** Graceful: stops accepting, lets in-flight requests finish, then closes upstream pools. */
  stop(): Promise<void>;
}

/** Headers browsers may read from gateway answers (tus needs its own to resume uploads). */
const exposedHeaders = [
  'x-request-id',
  'Location',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Expires',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Max-Size',
  'Tus-Extension',
  // Id of the stored file, sent with the response that finishes an upload.
  'Sipadu-File-Id',
  // Code of a refused upload (MALWARE_DETECTED, TOO_LARGE…), for the client to act on.
  'Sipadu-Refusal',
  'Content-Disposition',
  'Content-Range',
  'Accept-Ranges',
  'RateLimit',
  'RateLimit-Policy',
  'Retry-After',
];

// The subgraphs' typed codes (RATE_LIMITED and SERVICE_UNAVAILABLE included) plus the gateway's own.
const safeCodes = new Set([...TYPED_ERROR_CODES, DOWNSTREAM_SERVICE_ERROR]);

/**
 * What leaves the gateway: the message, location, path and a typed code (plus the failing
 * subgraph's name). Anything untyped becomes a generic Indonesian message; the details go to
 * the log, never to the client.
 */
function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (!safeCodes.has(code)) {
      logger.error({ err: error }, 'galat tak terduga');
      return {
        message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    const serviceName = formatted.extensions?.serviceName;
    const message = translateRefusal(formatted.message);
    return {
      // In production, no schema names through suggestions (see withoutSuggestions).
      message: production ? withoutSuggestions(message) : message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code, ...(typeof serviceName === 'string' ? { serviceName } : {}) },
    };
  };
}

export async function createGatewayApp(
  env: GatewayEnvironment,
  options: GatewayAppOptions = {},
): Promise<GatewayApp> {
  const logger = options.logger ?? createLogger('gateway', env.LOG_LEVEL);
  const production = env.NODE_ENV === 'production';
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(env.SUPERGRAPH_PATH);
  const endpoints = subgraphEndpoints(supergraphSdl, env.subgraphUrls);
  const tracing = createGatewayTracing();
  const metrics = createMetrics('gateway');
  // Refuses unexpired tokens of accounts deactivated since (SECURITY.md §2.4); own NATS connection.
  const revocations = options.verifyToken ? undefined : followDeactivations(env.NATS_URL, logger);
  const verifyToken =
    options.verifyToken ??
    createTokenVerifier({
      keycloakUrl: env.KEYCLOAK_URL,
      realm: env.KEYCLOAK_REALM,
      issuer: env.KEYCLOAK_ISSUER,
      audience: env.JWT_AUDIENCE,
      revocations,
    });

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are not cacheable by validator; hashing every body for an ETag is waste.
  app.set('etag', false);
  app.set('trust proxy', env.TRUST_PROXY);
  const server = http.createServer(app);
  // Longer than the idle timeout of load balancers in front (commonly 60 s), so the gateway never
  // closes a connection a client is about to reuse; headers must arrive within that too.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Bounds slow uploads through /files without cutting legitimate ones on a 2 Mbps link.
  server.requestTimeout = 60 * 60_000;

  const fetcher = createSubgraphFetcher(env.SUBGRAPH_TIMEOUT_MS);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, env.subgraphUrls[name] ?? url ?? '', fetcher.fetch, tracing),
  });
  const armor = armorProtection(env);
  const partnerAudit = new PartnerAuditPublisher({ natsUrl: env.NATS_URL, logger });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: env.INTROSPECTION,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: tokenLimitParseOptions(env.MAX_QUERY_TOKENS),
    validationRules: armor.validationRules,
    formatError: formatError(logger, production),
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer: server,
        stopGracePeriodMillis: env.SHUTDOWN_GRACE_MS,
      }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // graphql-armor types its plugins for the base context; they never read the context.
      ...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      publicOperationsPlugin(publicRootFields(supergraphSdl)),
      partnerAuditPlugin(partnerAudit),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
                metrics.graphqlErrors.inc({ code });
                if (code === DOWNSTREAM_SERVICE_ERROR) {
                  logger.warn(
                    { requestId: contextValue.requestId, err: error.originalError ?? error },
                    error.message,
                  );
                }
              }
            },
          };
        },
      },
    ],
  });

  let draining = false;
  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w\-.]{1,128}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    const requestTrace = tracing.startRequest(`${req.method} ${req.path}`, req.headers);
    res.locals.traceContext = requestTrace.context;
    res.on('close', () => requestTrace.end(res.statusCode));
    next();
  });
  // Access lines go through an asynchronous, buffered destination: a synchronous write per
  // request would block the event loop on the platform's hottest path.
  const accessLog = pino.destination({ dest: 1, sync: false });
  app.use(
    pinoHttp({
      logger: pino(
        { name: 'gateway', level: logger.level, base: { service: 'gateway' } },
        accessLog,
      ),
      genReqId: (_req, res) => String(res.locals?.requestId ?? randomUUID()),
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
      // One short line per request: the full header dump costs allocation and log volume on
      // the hottest path of the platform.
      wrapSerializers: false,
      serializers: {
        req: (req: http.IncomingMessage & { id?: unknown }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: http.ServerResponse) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(metrics.middleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  // Ready = the supergraph is loaded and the gateway is not shutting down. A subgraph being down
  // does not make the gateway unready (it still answers the rest with partial data), so the
  // subgraphs' health is reported for operators but does not change the status code.
  app.get('/readyz', async (_req, res) => {
    const subgraphs = await probeSubgraphs(endpoints);
    const degraded = Object.values(subgraphs).includes('down');
    res.status(draining ? 503 : 200).json({
      status: draining ? 'stopping' : degraded ? 'degraded' : 'ok',
      service: 'gateway',
      subgraphs,
    });
  });
  app.get('/metrics', metrics.handler);

  app.use(
    cors({
      origin: env.CORS_ORIGINS,
      credentials: true,
      exposedHeaders,
      maxAge: 600,
    }),
  );

  const onRejected = (reason: string) => logger.info({ reason }, 'token ditolak');
  const authenticated = ['/graphql', '/files', '/events', '/insights'];
  app.use(authenticated, authenticate(verifyToken, onRejected));
  // A notification stream is always someone's, and the leaders' dashboard (stream, brief) is only
  // for signed-in leaders: anonymous requests stop here.
  app.use(['/events', '/insights'], requireCaller());
  // One count per request: an SSE stream costs one per (re)connection, so the shared budget only
  // bites on a reconnect storm, which is what it should stop. Open311 and open data need no token
  // (citizens' apps, dashboards, harvesters) but share the budget, keyed on the address.
  app.use([...authenticated, '/open311', '/open-data'], clientRateLimit(env.RATE_LIMIT_PER_MINUTE));

  // Proxies before any body parser: upload bodies and event streams pass through untouched.
  const onProxyError = (error: Error, service: string) =>
    logger.warn({ err: error, service }, 'proxy ke layanan gagal');
  const proxies = [
    createServiceProxy({
      prefix: '/files',
      target: env.filesTarget,
      service: 'documents',
      onError: onProxyError,
    }),
    // The public keys of the documents service's electronic seal (verifiable by anyone).
    createServiceProxy({
      prefix: '/.well-known/sipadu-signing-keys.json',
      target: env.filesTarget,
      service: 'documents',
      onError: onProxyError,
    }),
    createServiceProxy({
      prefix: '/events',
      target: env.eventsTarget,
      service: 'notifications',
      streaming: true,
      onError: onProxyError,
    }),
    // Open311 GeoReport v2 of the public complaints: public, JSON only.
    createServiceProxy({
      prefix: '/open311',
      target: env.complaintsTarget,
      service: 'consultations',
      onError: onProxyError,
    }),
    // The leaders' live dashboard (SSE) and printable brief; insights checks the roles.
    createServiceProxy({
      prefix: '/insights',
      target: env.insightsTarget,
      service: 'insights',
      streaming: true,
      onError: onProxyError,
    }),
    // Open data files and their catalogue: public and read-only.
    createServiceProxy({
      prefix: '/open-data',
      target: env.insightsTarget,
      service: 'insights',
      methods: ['GET', 'HEAD'],
      onError: onProxyError,
    }),
  ];
  for (const proxy of proxies) app.use(proxy.handler);

  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: env.MAX_BODY_BYTES }),
    queryLengthLimit(env.MAX_QUERY_CHARS),
    partnerRateLimit(env.PARTNER_RATE_LIMIT, (partner, req, res) =>
      partnerAudit.record(
        partnerAccessEvent(partner, {
          ...summarizeRequestBody(req.body, env.MAX_QUERY_TOKENS),
          errorCodes: ['RATE_LIMITED'],
          requestId: String(res.locals.requestId),
          clientAddress: req.ip ?? null,
          durationMs: 0,
          traceContext: res.locals.traceContext,
        }),
      ),
    ),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        requestId: String(res.locals.requestId),
        caller: res.locals.caller ?? null,
        traceContext: res.locals.traceContext,
        clientAddress: req.ip ?? null,
      }),
    }),
  );
  app.use(bodyErrorHandler);
  app.use((_req, res) => {
    res.status(404).json({
      errors: [{ message: 'Alamat tidak ditemukan.', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    app,
    server,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(env.PORT, env.HOST, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      const url = `http://${env.HOST}:${port}/graphql`;
      logger.info({ url, subgraphs: endpoints }, 'gateway siap');
      return url;
    },
    stop() {
      stopping ??= (async () => {
        draining = true;
        // Stops the HTTP server through the drain plugin (in-flight requests get the grace period).
        await apollo.stop();
        if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
        // After the server: the last partner requests are recorded before the queue is flushed.
        await partnerAudit.stop(env.SHUTDOWN_GRACE_MS);
        await revocations?.stop();
        fetcher.destroy();
        for (const proxy of proxies) proxy.destroy();
        try {
          accessLog.flushSync();
        } catch {
          // Nothing buffered, or the descriptor is already closed: no access line to save.
        }
      })();
      return stopping;
    },
  };
}
