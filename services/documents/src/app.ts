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
import { AuditLog } from './audit/audit-log.js';
import type { ServiceContext } from './context.js';
import type { DocumentsEnvironment } from './environment.js';
import { startCaseAttachmentsConsumer } from './events/case-attachments.consumer.js';
import { startMessagePostedConsumer } from './events/message-posted.consumer.js';
import { startPartnerAccessConsumer } from './events/partner-access.consumer.js';
import { startRecapFilesConsumer } from './events/recap-files.consumer.js';
import { documentModel } from './models/document.model.js';
import { requirementModel } from './models/requirement.model.js';
import { templateModel } from './models/template.model.js';
import { resolvers } from './resolvers/index.js';
import { TEMPLATE_SEEDS } from './seed/templates.seed.js';
import { AuditQueryService } from './services/audit-query.service.js';
import { DocumentService } from './services/document.service.js';
import { RequirementService } from './services/requirement.service.js';
import { SealService } from './services/seal.service.js';
import { TemplateService } from './services/template.service.js';
import { createSignatureProvider } from './signing/signature-provider.js';
import { SignatureService, mountSigningRoutes } from './signing/signature.service.js';
import { createFileStorage } from './storage/create-file-storage.js';
import { FileService } from './uploads/file.service.js';
import { mountFileRoutes } from './uploads/file-routes.js';
import { loadPurposes } from './uploads/purposes.js';

export const SERVICE_NAME = 'documents';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

/** Builds and starts the documents subgraph with its file routes; `index.ts` only calls this. */
export async function startDocumentsService(env: DocumentsEnvironment): Promise<RunningSubgraph> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const purposes = loadPurposes(env.UPLOAD_PURPOSES);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);

  const documents = documentModel(connection);
  const requirements = requirementModel(connection);
  const templates = templateModel(connection);
  await Promise.all([documents.init(), requirements.init(), templates.init()]);

  const outbox = new Outbox({ connection, logger });
  await outbox.init();
  const audit = new AuditLog(connection);
  await audit.init();
  const storage = createFileStorage(env, connection);
  const files = new FileService(connection, storage, outbox);
  await files.init();
  const documentService = new DocumentService(documents, files, audit, outbox);
  const provider = await createSignatureProvider(env, logger);
  const signatures = new SignatureService({
    connection,
    files,
    provider,
    publicWebUrl: env.PUBLIC_WEB_URL,
    audit,
    documentStatus: (id) => documentService.status(id),
    outbox,
  });
  await signatures.init();
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    // Stored files and seals carry their events on insert, like documents and requirements.
    sources: [documents, requirements, files.model, signatures.model],
    sweepIntervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });
  relay.start();

  const consumerOptions = { nc, connection, files, deliverFrom: env.CONSUMER_DELIVER_FROM, logger };
  const consumers = [
    startMessagePostedConsumer({
      ...consumerOptions,
      durable: `${env.CONSUMER_PREFIX}-notifications`,
    }),
    startCaseAttachmentsConsumer({
      ...consumerOptions,
      durable: `${env.CONSUMER_PREFIX}-consultations-cases`,
    }),
    startRecapFilesConsumer({
      ...consumerOptions,
      audit,
      durable: `${env.CONSUMER_PREFIX}-consultations-recaps`,
    }),
    startPartnerAccessConsumer({
      nc,
      connection,
      audit,
      deliverFrom: env.CONSUMER_DELIVER_FROM,
      logger,
      durable: `${env.CONSUMER_PREFIX}-gateway-partners`,
    }),
  ];
  await Promise.all(consumers.map((consumer) => consumer.ready));
  const templateService = new TemplateService(templates);
  const services = {
    documents: documentService,
    requirements: new RequirementService(
      requirements,
      documentService,
      audit,
      outbox,
      env.TZ_PEMDA,
    ),
    templates: templateService,
    files,
    signatures,
    seals: new SealService(documentService, signatures, files),
    auditQueries: new AuditQueryService(audit),
    purposes,
  };

  // The standard lenders' lists are reference data, present in every deployment.
  let seeded = 0;
  for (const { owner, template } of TEMPLATE_SEEDS) {
    if (await templateService.seed(owner, template)) seeded += 1;
  }
  if (seeded) logger.info({ templates: seeded }, 'templat persyaratan standar dimuat');

  // Refuses unexpired tokens of accounts deactivated since (SECURITY.md §2.4), on every route.
  const revocations = followDeactivations(nc, logger);
  const verifyToken = createTokenVerifier({
    issuer: env.KEYCLOAK_ISSUER,
    jwksUrl: env.KEYCLOAK_JWKS_URL,
    audience: env.JWT_AUDIENCE,
    revocations,
  });
  let fileRoutes: { close(): Promise<void> } | undefined;
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
      mountSigningRoutes(app, { provider });
      fileRoutes = mountFileRoutes(app, {
        env,
        files,
        storage,
        logger,
        purposes,
        verifyToken,
        authorizeRead: (principal, file) => documentService.authorizeFileRead(principal, file),
        audit,
      });
    },
    onStop: async () => {
      await fileRoutes?.close();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });

  return running;
}
