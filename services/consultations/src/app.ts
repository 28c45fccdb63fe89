import path from 'node:path';
import { OrganizationDirectory, StaffDirectory, startIdentityConsumer } from '@sipadu/directory';
import { Outbox, OutboxRelay, connectNats, followDeactivations, natsReady } from '@sipadu/events';
import {
  connectMongo,
  createLogger,
  pingMongo,
  startSubgraph,
  type RunningSubgraph,
} from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { ConsultationsServices, ServiceContext } from './context.js';
import type { ConsultationsEnvironment } from './environment.js';
import { startSurveysConsumer } from './events/surveys.consumer.js';
import { FLOWS } from './flows/index.js';
import { resolvers } from './resolvers/index.js';
import { open311Routes } from './routes/open311.routes.js';
import { seedDemoCases } from './seed/cases.seed.js';
import { CalendarService } from './services/calendar.service.js';
import { CaseEngine } from './services/case-engine.service.js';
import { ComplaintCatalog } from './services/complaint-catalog.service.js';
import { ConsultationService } from './services/consultation.service.js';
import { IctComplaintService } from './services/ict-complaint.service.js';
import { PerformanceService } from './services/performance.service.js';
import { PersonalDataService } from './services/personal-data.service.js';
import { CaseNumbers } from './services/case-number.js';
import { personalDataRequestModel } from './models/personal-data-request.model.js';
import { PublicComplaintService } from './services/public-complaint.service.js';
import { RecapScheduler } from './services/recap-scheduler.js';
import { RecapService } from './services/recap.service.js';
import { SlaSweeper } from './services/sla-sweeper.js';
import { StatisticsService } from './services/statistics.service.js';
import { WorkItemService } from './services/work-item.service.js';

export const SERVICE_NAME = 'consultations';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

export interface RunningConsultationsService extends RunningSubgraph {
  /** The service's database, for tests that inspect or prepare it. */
  connection: Connection;
  services: ConsultationsServices;
}

/** Builds and starts the consultations subgraph (SI-KIMR, public complaints); `index.ts` calls it. */
export async function startConsultationsService(
  env: ConsultationsEnvironment,
  options: { seed?: boolean } = {},
): Promise<RunningConsultationsService> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);
  const outbox = new Outbox({ connection, logger });
  const timeZone = env.TZ_PEMDA;

  const organizations = new OrganizationDirectory(connection);
  const staff = new StaffDirectory(connection);
  const calendar = new CalendarService({ connection, timeZone, logger });
  const engine = new CaseEngine({
    connection,
    outbox,
    calendar,
    flows: FLOWS,
    pointOverrides: env.POINT_RULES,
    logger,
  });
  const consultations = new ConsultationService({ engine, staff, organizations });
  const workItems = new WorkItemService({ engine, staff, organizations });
  const ictComplaints = new IctComplaintService({ engine, staff, organizations });
  const catalog = new ComplaintCatalog({ connection, organizations });
  const publicComplaints = new PublicComplaintService({
    connection,
    engine,
    catalog,
    organizations,
    calendar,
    limits: {
      filingsPerClient: env.COMPLAINT_RATE_LIMIT,
      trackingPerClient: env.TRACKING_RATE_LIMIT,
      windowMs: env.COMPLAINT_RATE_WINDOW_S * 1000,
    },
    trackingSecret: env.TRACKING_SECRET,
    logger,
  });
  const personalDataRequests = personalDataRequestModel(connection);
  const personalData = new PersonalDataService({
    complaints: publicComplaints,
    engine,
    requests: personalDataRequests,
    numbers: new CaseNumbers(connection),
    calendar,
  });
  const performance = new PerformanceService({ engine, staff, organizations, calendar });
  const recaps = new RecapService({
    connection,
    outbox,
    engine,
    performance,
    calendar,
    timeZone,
    logger,
  });
  const statistics = new StatisticsService({ engine, organizations, calendar });

  await Promise.all([
    organizations.init(),
    staff.init(),
    calendar.init(),
    engine.init(),
    catalog.init(),
    publicComplaints.init(),
    personalDataRequests.init(),
    recaps.init(),
  ]);
  await outbox.init();
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    sources: [...engine.eventSources, ...recaps.eventSources],
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
      appliers: [
        (event) => organizations.applyIdentity(event),
        (event) => staff.applyIdentity(event),
      ],
    }),
    startSurveysConsumer({ ...consumerOptions, catalog }),
  ];
  await Promise.all(consumers.map((consumer) => consumer.ready));

  const services: ConsultationsServices = {
    organizations,
    staff,
    calendar,
    engine,
    consultations,
    workItems,
    ictComplaints,
    catalog,
    publicComplaints,
    personalData,
    performance,
    recaps,
    statistics,
  };

  if (options.seed) {
    const seeded = await seedDemoCases({ services, logger });
    if (seeded > 0) logger.info({ cases: seeded }, 'demo kasus SI-KIMR dan pengaduan dimuat');
  }

  // Timers run in every replica: each step is claimed by a revisioned write, so work is done once.
  const sweeper = new SlaSweeper({ engine, intervalMs: env.SLA_SWEEP_MS, logger });
  const scheduler = new RecapScheduler({
    recaps,
    calendar,
    intervalMs: env.RECAP_CHECK_MS,
    logger,
  });
  sweeper.start();
  scheduler.start();

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
    onPrincipal: (principal) => staff.remember(principal),
    routes: (app) => open311Routes(app, { complaints: publicComplaints, catalog }),
    onStop: async () => {
      await Promise.all([sweeper.stop(), scheduler.stop()]);
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });
  return { ...running, connection, services };
}
