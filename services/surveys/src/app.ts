import path from 'node:path';
import { OrganizationDirectory, startIdentityConsumer } from '@sipadu/directory';
import { Outbox, OutboxRelay, connectNats, followDeactivations, natsReady } from '@sipadu/events';
import {
  connectMongo,
  createLogger,
  pingMongo,
  startSubgraph,
  type RunningSubgraph,
} from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { ServiceContext, SurveysServices } from './context.js';
import type { SurveysEnvironment } from './environment.js';
import { startResponsesConsumer } from './events/responses.consumer.js';
import { resolvers } from './resolvers/index.js';
import { seedDemoResponses } from './seed/responses.seed.js';
import { seedDemoStandards } from './seed/standards.seed.js';
import { AggregationService } from './services/aggregation.service.js';
import { PopulationService } from './services/population.service.js';
import { QuestionnaireService } from './services/questionnaire.service.js';
import { RecommendationService } from './services/recommendation.service.js';
import { SatisfactionIndexService } from './services/satisfaction-index.service.js';
import { ServicePledgeService } from './services/service-pledge.service.js';
import { ServiceStandardService } from './services/service-standard.service.js';
import { SurveyReportService } from './services/survey-report.service.js';
import { SurveyResponseService } from './services/survey-response.service.js';

export const SERVICE_NAME = 'surveys';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

export interface RunningSurveysService extends RunningSubgraph {
  /** The service's database, for tests that inspect or prepare it. */
  connection: Connection;
  services: SurveysServices;
}

/** Builds and starts the surveys subgraph (SIPUTRI); `index.ts` only calls this. */
export async function startSurveysService(
  env: SurveysEnvironment,
  options: { seed?: boolean } = {},
): Promise<RunningSurveysService> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);
  const outbox = new Outbox({ connection, logger });
  const timeZone = env.TZ_PEMDA;

  const organizations = new OrganizationDirectory(connection);
  const questionnaire = new QuestionnaireService(connection);
  const standards = new ServiceStandardService({ connection, outbox, organizations });
  const pledges = new ServicePledgeService({ connection, outbox, organizations });
  const aggregation = new AggregationService({ connection, questionnaire, timeZone, logger });
  const responses = new SurveyResponseService({
    nc,
    connection,
    standards,
    questionnaire,
    limits: {
      perClient: env.SURVEY_RATE_LIMIT,
      perService: env.SURVEY_RATE_LIMIT_PER_SERVICE,
      windowMs: env.SURVEY_RATE_WINDOW_S * 1000,
    },
    logger,
  });
  const populations = new PopulationService({ connection, standards });
  const index = new SatisfactionIndexService({
    connection,
    questionnaire,
    standards,
    organizations,
    populations,
    timeZone,
  });
  const recommendations = new RecommendationService({
    connection,
    outbox,
    index,
    organizations,
    questionnaire,
    timeZone,
  });
  const reports = new SurveyReportService({ index, recommendations, organizations, questionnaire });

  await Promise.all([
    organizations.init(),
    questionnaire.init(),
    standards.init(),
    pledges.init(),
    aggregation.init(),
    responses.init(),
    populations.init(),
    recommendations.init(),
  ]);
  await outbox.init();
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    sources: [...standards.eventSources, ...pledges.eventSources, ...recommendations.eventSources],
    sweepIntervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });
  relay.start();

  const consumerOptions = {
    nc,
    connection,
    prefix: env.CONSUMER_PREFIX,
    deliverFrom: env.CONSUMER_DELIVER_FROM,
    logger,
  };
  const consumers = [
    startIdentityConsumer({
      ...consumerOptions,
      appliers: [(event) => organizations.applyIdentity(event)],
      subjects: ['sipadu.identity.organization.>'],
    }),
    startResponsesConsumer({ ...consumerOptions, aggregation }),
  ];
  await Promise.all(consumers.map((consumer) => consumer.ready));

  const services: SurveysServices = {
    organizations,
    standards,
    pledges,
    questionnaire,
    responses,
    aggregation,
    index,
    populations,
    recommendations,
    reports,
  };

  if (options.seed) {
    const seeded = await seedDemoStandards({ standards, pledges, organizations, logger });
    if (seeded.standards > 0) logger.info(seeded, 'demo standar pelayanan dimuat');
    const answered = await seedDemoResponses({
      responses,
      standards,
      populations,
      timeZone,
      logger,
    });
    if (answered > 0) logger.info({ responses: answered }, 'demo jawaban SKM dimuat');
  }

  const running = await startSubgraph<ServiceContext>({
    service: SERVICE_NAME,
    env,
    schemaPath,
    resolvers,
    revocations: followDeactivations(nc, logger),
    logger,
    readiness: {
      mongodb: () => pingMongo(connection),
      nats: () => natsReady(nc),
    },
    extendContext: (base) => ({ ...base, services }),
    onStop: async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });
  return { ...running, connection, services };
}
