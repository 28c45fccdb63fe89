import path from 'node:path';
import { Outbox, OutboxRelay, connectNats, followDeactivations, natsReady } from '@sipadu/events';
import {
  connectMongo,
  createLogger,
  createTokenVerifier,
  pingMongo,
  startSubgraph,
  type RunningSubgraph,
} from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { InsightsServices, ServiceContext } from './context.js';
import type { InsightsEnvironment } from './environment.js';
import { startModuleEventsConsumer } from './events/module-events.consumer.js';
import { DashboardHub } from './live/dashboard-hub.js';
import { resolvers } from './resolvers/index.js';
import { dashboardRoutes } from './routes/dashboard.routes.js';
import { openDataRoutes } from './routes/open-data.routes.js';
import { ActivityService } from './services/activity.service.js';
import { AlertService } from './services/alert.service.js';
import { AssessmentService } from './services/assessment.service.js';
import { DashboardService } from './services/dashboard.service.js';
import { DataSetService } from './services/data-set.service.js';
import { OwnerClient } from './services/owner-client.js';
import { ScoringMethodService } from './services/scoring-method.service.js';

export const SERVICE_NAME = 'insights';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

export interface RunningInsightsService extends RunningSubgraph {
  connection: Connection;
  services: InsightsServices;
}

/**
 * Builds and starts the insights subgraph: performance assessment, the leaders' dashboard, open
 * data and the data set registry. It keeps no copy of the modules' numbers: it reads them from the
 * owning services on request (cached briefly) and listens to their events only to raise alerts,
 * record recent activity and tell open dashboards to refresh.
 */
export async function startInsightsService(
  env: InsightsEnvironment,
): Promise<RunningInsightsService> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);
  const outbox = new Outbox({ connection, logger });
  // Refuses unexpired tokens of accounts deactivated since (SECURITY.md §2.4), on every route.
  const revocations = followDeactivations(nc, logger);
  const verifyToken = createTokenVerifier({
    issuer: env.KEYCLOAK_ISSUER,
    jwksUrl: env.KEYCLOAK_JWKS_URL,
    audience: env.JWT_AUDIENCE,
    revocations,
  });

  const owners = new OwnerClient({
    urls: {
      identity: env.IDENTITY_URL,
      documents: env.DOCUMENTS_URL,
      projects: env.PROJECTS_URL,
      surveys: env.SURVEYS_URL,
      consultations: env.CONSULTATIONS_URL,
    },
    token: {
      tokenUrl: env.KEYCLOAK_TOKEN_URL,
      clientId: env.INSIGHTS_CLIENT_ID,
      clientSecret: env.INSIGHTS_CLIENT_SECRET,
    },
    cacheMs: env.OWNER_CACHE_MS,
    timeoutMs: env.OWNER_TIMEOUT_MS,
    timeZone: env.TZ_PEMDA,
    logger,
  });
  const scoringMethods = new ScoringMethodService({ connection, logger });
  const assessments = new AssessmentService({ owners, scoringMethods, timeZone: env.TZ_PEMDA });
  const dataSets = new DataSetService({
    connection,
    owners,
    assessments,
    publicApiUrl: env.PUBLIC_API_URL,
    publisher: env.PEMDA_NAME,
    timeZone: env.TZ_PEMDA,
  });
  const hub = new DashboardHub({ logger, nc });
  const alerts = new AlertService({
    connection,
    outbox,
    owners,
    hub,
    logger,
    timeZone: env.TZ_PEMDA,
  });
  const activity = new ActivityService({ connection, hub });
  const dashboard = new DashboardService({
    owners,
    assessments,
    alerts,
    activity,
    timeZone: env.TZ_PEMDA,
    pemdaName: env.PEMDA_NAME,
  });

  await Promise.all([scoringMethods.init(), dataSets.init(), alerts.init(), activity.init()]);
  await outbox.init();
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    sources: alerts.eventSources,
    sweepIntervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });
  relay.start();

  const services: InsightsServices = {
    owners,
    scoringMethods,
    assessments,
    dataSets,
    alerts,
    activity,
    dashboard,
    hub,
  };

  const consumer = startModuleEventsConsumer({
    nc,
    connection,
    prefix: env.CONSUMER_PREFIX,
    deliverFrom: env.CONSUMER_DELIVER_FROM,
    logger,
    owners,
    alerts,
    activity,
    hub,
  });
  await consumer.ready;

  const running = await startSubgraph<ServiceContext>({
    service: SERVICE_NAME,
    env,
    schemaPath,
    resolvers,
    revocations,
    logger,
    readiness: {
      mongodb: () => pingMongo(connection),
      nats: () => natsReady(nc),
    },
    extendContext: (base) => ({ ...base, services }),
    routes: (app) => {
      openDataRoutes(app, { dataSets, verifyToken, logger });
      dashboardRoutes(app, { dashboard, hub, verifyToken, logger });
    },
    onStop: async () => {
      hub.close();
      await consumer.stop();
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });
  return { ...running, connection, services };
}
