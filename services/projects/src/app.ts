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
import type { ProjectsServices, ServiceContext } from './context.js';
import type { ProjectsEnvironment } from './environment.js';
import { startDocumentsConsumer } from './events/documents.consumer.js';
import { fileCaptureModel } from './models/file-capture.model.js';
import { backfillLoanProjectList, loanProjectListModel } from './models/loan-project-list.model.js';
import { startStrandedEventSweep } from './models/loan-project-writer.js';
import { loanProjectModel } from './models/loan-project.model.js';
import { projectDocumentModel } from './models/project-document.model.js';
import { requirementStateModel } from './models/requirement-state.model.js';
import { PlanningCodeService } from './planning/planning-code.service.js';
import { resolvers } from './resolvers/index.js';
import { DisbursementService } from './services/disbursement.service.js';
import { LoanProjectService } from './services/loan-project.service.js';
import { PortfolioService } from './services/portfolio.service.js';
import { ProgressService } from './services/progress.service.js';
import { ProjectionService } from './services/projection.service.js';

export const SERVICE_NAME = 'projects';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

export interface RunningProjectsService extends RunningSubgraph {
  /** The service's database, for tests that inspect or prepare it. */
  connection: Connection;
  services: ProjectsServices;
}

/** Builds and starts the projects subgraph (SIPOPI); `index.ts` only calls this. */
export async function startProjectsService(
  env: ProjectsEnvironment,
): Promise<RunningProjectsService> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);

  const projects = loanProjectModel(connection);
  const organizations = new OrganizationDirectory(connection);
  const requirementStates = requirementStateModel(connection);
  const projectDocuments = projectDocumentModel(connection);
  const fileCaptures = fileCaptureModel(connection);
  const outbox = new Outbox({ connection, logger });
  const projections = new ProjectionService(
    projects,
    requirementStates,
    projectDocuments,
    fileCaptures,
    outbox,
  );
  const projectList = loanProjectListModel(connection);
  await Promise.all([
    projects.init(),
    projectList.init(),
    organizations.init(),
    projections.init(),
  ]);
  // The slim list rows of projects written before they existed (or left behind by a crash).
  const backfilled = await backfillLoanProjectList(projects, projectList);
  if (backfilled > 0) logger.info({ rows: backfilled }, 'loan_project_list rebuilt');
  await outbox.init();
  // Nomenclature is reference data every deployment needs: loaded whenever it is missing.
  const planning = new PlanningCodeService(connection, outbox);
  await planning.init();
  const seededCodes = await planning.seedIfEmpty();
  if (seededCodes) logger.info({ codes: seededCodes }, 'kode perencanaan standar dimuat');
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    // Not `projects`: the relay's sweep clears with an unguarded `$pullAll`, which FerretDB v1 may
    // interleave with a concurrent write of the project and undo it. Loan projects have their own
    // sweep, through the claimed writes of loan-project-writer.ts.
    sources: [planning.importModel],
    sweepIntervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });
  relay.start();
  const strandedSweep = startStrandedEventSweep({
    projects,
    outbox,
    intervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });

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
    startDocumentsConsumer({ ...consumerOptions, projections }),
  ];
  await Promise.all(consumers.map((consumer) => consumer.ready));

  const services: ProjectsServices = {
    projects: new LoanProjectService(
      projects,
      organizations.model,
      requirementStates,
      projectDocuments,
      planning,
      outbox,
      env.MANAGER_ORGANIZATION_CODE,
    ),
    planning,
    disbursements: new DisbursementService(projects, requirementStates, outbox, {
      timeZone: env.TZ_PEMDA,
    }),
    progress: new ProgressService(projects, fileCaptures, outbox, { timeZone: env.TZ_PEMDA }),
    portfolio: new PortfolioService(projects, requirementStates, { timeZone: env.TZ_PEMDA }),
    projections,
  };

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
      await strandedSweep.stop();
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });

  return { ...running, connection, services };
}
