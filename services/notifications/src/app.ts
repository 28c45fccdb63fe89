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
import {
  DeliveryWorker,
  DigestJob,
  createEmailTransport,
  createSmsGateway,
} from './channels/index.js';
import type { ServiceContext } from './context.js';
import type { NotificationsEnvironment } from './environment.js';
import { startRuleConsumers } from './events/rules.consumer.js';
import { mountEventStream } from './live/event-stream.routes.js';
import { LiveHub } from './live/live-hub.js';
import { messageModel } from './models/message.model.js';
import { notificationSourceModel } from './models/notification-source.model.js';
import { notificationModel, type NotificationRecord } from './models/notification.model.js';
import { preferenceModel } from './models/preference.model.js';
import { recipientModel } from './models/recipient.model.js';
import { reminderModel } from './models/reminder.model.js';
import { sequenceModel } from './models/sequence.model.js';
import { subjectModel } from './models/subject.model.js';
import { threadReadModel } from './models/thread-read.model.js';
import { threadModel } from './models/thread.model.js';
import { ReminderScheduler } from './reminders/reminder-scheduler.js';
import { resolvers } from './resolvers/index.js';
import {
  NOTIFICATION_RULES,
  REMINDER_PLANS,
  RULE_STREAMS,
  SUBJECT_TRACKERS,
} from './rules/index.js';
import { RuleEngine } from './rules/rule-engine.js';
import { DirectoryService } from './services/directory.service.js';
import { NotificationDispatcher } from './services/notification-dispatcher.js';
import { NotificationService } from './services/notification.service.js';
import { PreferenceService } from './services/preference.service.js';
import { SubjectService } from './services/subject.service.js';
import { ThreadService } from './services/thread.service.js';

export const SERVICE_NAME = 'notifications';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

export interface RunningNotificationsService extends RunningSubgraph {
  /** Fires due reminders now (tests and operators; the poller does the same on its own). */
  runReminders(now?: Date): Promise<number>;
  /** The service's origin, where `/events` is served. */
  origin: string;
}

/** Builds and starts the notifications subgraph with its consumers and workers. */
export async function startNotificationsService(
  env: NotificationsEnvironment,
): Promise<RunningNotificationsService> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);

  const notificationRows = notificationModel(connection);
  const preferenceRows = preferenceModel(connection);
  const threads = threadModel(connection);
  const messages = messageModel(connection);

  const outbox = new Outbox({ connection, logger });
  await outbox.init();
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    sources: [messages],
    sweepIntervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });
  relay.start();

  const live = new LiveHub(nc);
  live.start();
  const subjects = new SubjectService(subjectModel(connection), threads);
  const directory = new DirectoryService(recipientModel(connection), subjects);
  await Promise.all([subjects.init(), directory.init()]);

  const transport = createEmailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  const smsGateway = createSmsGateway(
    { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN },
    logger,
  );
  const deliveries = new DeliveryWorker(
    {
      connection,
      loadNotification: (id) => notificationRows.findById(id).lean<NotificationRecord>().exec(),
      loadRecipient: (userId) => directory.get(userId),
      transport,
      smsGateway,
      logger,
    },
    {
      publicWebUrl: env.PUBLIC_WEB_URL,
      timeZone: env.TZ_PEMDA,
      pollIntervalMs: env.DELIVERY_POLL_MS,
    },
  );
  await deliveries.init();

  const sequences = sequenceModel(connection);
  const dispatcher = new NotificationDispatcher({
    notifications: notificationRows,
    sources: notificationSourceModel(connection),
    sequences,
    preferences: preferenceRows,
    directory,
    deliveries,
    live,
    logger,
  });
  await dispatcher.init();
  const reminders = new ReminderScheduler(
    reminderModel(connection),
    dispatcher,
    {
      timeZone: env.TZ_PEMDA,
      reminderHour: env.REMINDER_HOUR,
      dueSoonDays: env.REMINDER_DUE_SOON_DAYS,
      pollIntervalMs: env.REMINDER_POLL_MS,
    },
    logger,
  );
  await reminders.init();
  const engine = new RuleEngine(
    { rules: NOTIFICATION_RULES, trackers: SUBJECT_TRACKERS, plans: REMINDER_PLANS },
    { directory, subjects, reminders, dispatcher },
  );

  const notifications = new NotificationService(notificationRows, sequences, live);
  const threadService = new ThreadService({
    threads,
    messages,
    reads: threadReadModel(connection),
    subjects,
    notifications,
    outbox,
  });
  await threadService.init();
  const services = {
    notifications,
    threads: threadService,
    preferences: new PreferenceService(preferenceRows, directory, smsGateway, env.DIGEST_HOUR),
  };

  const digests = new DigestJob(
    { connection, transport, logger, loadRecipient: (userId) => directory.get(userId) },
    {
      publicWebUrl: env.PUBLIC_WEB_URL,
      timeZone: env.TZ_PEMDA,
      digestHour: env.DIGEST_HOUR,
      pollIntervalMs: env.DIGEST_POLL_MS,
    },
  );

  const consumers = startRuleConsumers({
    nc,
    connection,
    engine,
    streams: RULE_STREAMS,
    prefix: env.CONSUMER_PREFIX,
    deliverFrom: env.CONSUMER_DELIVER_FROM,
    concurrency: env.CONSUMER_CONCURRENCY,
    logger,
  });
  await Promise.all(consumers.map((consumer) => consumer.ready));
  deliveries.start();
  reminders.start();
  digests.start();

  // Refuses unexpired tokens of accounts deactivated since (SECURITY.md §2.4), on every route.
  const revocations = followDeactivations(nc, logger);
  const verifyToken = createTokenVerifier({
    issuer: env.KEYCLOAK_ISSUER,
    jwksUrl: env.KEYCLOAK_JWKS_URL,
    audience: env.JWT_AUDIENCE,
    revocations,
  });
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
    onPrincipal: (principal) => directory.rememberPrincipal(principal),
    routes: (app) =>
      mountEventStream(app, {
        verifyToken,
        notifications,
        directory,
        live,
        heartbeatMs: env.SSE_HEARTBEAT_MS,
        maxConnectionMs: env.SSE_MAX_CONNECTION_MS,
        logger,
      }),
    onStop: async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await Promise.all([reminders.stop(), deliveries.stop(), digests.stop()]);
      live.stop();
      transport.close();
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });

  return {
    ...running,
    origin: new URL(running.url).origin,
    runReminders: (now) => reminders.runOnce(now),
  };
}
