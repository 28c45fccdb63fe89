// The API as clients meet it in tests: the identity, documents, notifications, projects, surveys,
// consultations and insights subgraphs on throwaway databases (seeded) behind the gateway composed
// from the real SDL. Infrastructure comes from the Vitest global setup.
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats } from '@sipadu/events';
import { createLogger } from '@sipadu/service-kit';
import { tokenEndpoint } from '@sipadu/test-kit';
import mongoose from 'mongoose';
import {
  startConsultationsService,
  type RunningConsultationsService,
} from '../../services/consultations/src/app.js';
import { consultationsEnvironment } from '../../services/consultations/src/environment.js';
import { startDocumentsService } from '../../services/documents/src/app.js';
import { documentsEnvironment } from '../../services/documents/src/environment.js';
import { startIdentityService } from '../../services/identity/src/app.js';
import { identityEnvironment } from '../../services/identity/src/environment.js';
import {
  startInsightsService,
  type RunningInsightsService,
} from '../../services/insights/src/app.js';
import { insightsEnvironment } from '../../services/insights/src/environment.js';
import { startNotificationsService } from '../../services/notifications/src/app.js';
import { notificationsEnvironment } from '../../services/notifications/src/environment.js';
import { startProjectsService } from '../../services/projects/src/app.js';
import { projectsEnvironment } from '../../services/projects/src/environment.js';
import { startSurveysService } from '../../services/surveys/src/app.js';
import { surveysEnvironment } from '../../services/surveys/src/environment.js';
import { seedDemoResponses } from '../../services/surveys/src/seed/responses.seed.js';
import { seedDemoStandards } from '../../services/surveys/src/seed/standards.seed.js';
import { createGatewayApp } from '../../gateway/src/app.js';
import { composeSubgraphs, readSubgraphSources } from '../../gateway/src/composition.js';
import { loadGatewayEnvironment } from '../../gateway/src/environment.js';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';

export type SubgraphName =
  | 'identity'
  | 'documents'
  | 'notifications'
  | 'projects'
  | 'surveys'
  | 'consultations'
  | 'insights';

export interface ApiStack {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The gateway's origin (for /files and /events). */
  gatewayOrigin: string;
  /** The notifications service's own origin (its /events without the gateway). */
  notificationsOrigin: string;
  /** Each subgraph's own GraphQL endpoint, to call it without the gateway (token checks). */
  subgraphUrls: Record<SubgraphName, string>;
  /** The consultations service, for tests that move its clock (sweeps, recaps) or inspect it. */
  consultations: RunningConsultationsService;
  /** The insights service (dashboard, assessment, open data), to inspect its alerts or activity. */
  insights: RunningInsightsService;
  /**
   * GraphQL requests the subgraphs have received from the gateway so far (only with
   * `countSubgraphRequests`; always 0 otherwise): proof that a refusal happened before any resolver.
   */
  subgraphRequests(): number;
  stop(): Promise<void>;
}

interface CountingProxy {
  origin: string;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of `target` (an origin) that passes everything through untouched
 * (streams too) and calls `count` for every request to its /graphql.
 */
async function startCountingProxy(target: string, count: () => void): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] === '/graphql') count();
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    // A client gone before the answer ends (an SSE stream closed) ends the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/**
 * Deletes the durable JetStream consumers named `<prefix>-…`. JetStream is shared by every test
 * stack and keeps a durable consumer's position: without this, a stack started later with the
 * same database would first take every event published since the previous one stopped.
 */
export async function removeConsumers(natsUrl: string, prefixes: readonly string[]): Promise<void> {
  const nc = await connectNats(natsUrl, 'sipadu-test-stack');
  try {
    const jsm = await jetstreamManager(nc);
    for await (const stream of jsm.streams.list()) {
      for await (const consumer of jsm.consumers.list(stream.config.name)) {
        if (prefixes.some((prefix) => consumer.name.startsWith(`${prefix}-`))) {
          await jsm.consumers.delete(stream.config.name, consumer.name);
        }
      }
    }
  } finally {
    await nc.close();
  }
}

export interface ApiStackOptions {
  /** How often the notifications service looks for due reminders and deliveries (300 ms). */
  notificationsPollMs?: number;
  /** Loads the SIPUTRI demo standards, pledges and survey responses (off: tests make their own). */
  seedSurveys?: boolean;
  /** The gateway's requests per minute per partner client (PARTNER_RATE_LIMIT; its default otherwise). */
  partnerRateLimit?: number;
  /** Routes the gateway to every subgraph through a counting proxy (see `subgraphRequests`). */
  countSubgraphRequests?: boolean;
}

export async function startApiStack(
  database: string,
  options: ApiStackOptions = {},
): Promise<ApiStack> {
  const notificationsPollMs = String(options.notificationsPollMs ?? 300);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const env = identityEnvironment({
      ...process.env,
      PORT: '0',
      MONGO_DATABASE: database,
      LOG_LEVEL: 'silent',
    });
    const documentsDatabase = `${database}-documents`;
    const notificationsDatabase = `${database}-notifications`;
    const projectsDatabase = `${database}-projects`;
    const surveysDatabase = `${database}-surveys`;
    const consultationsDatabase = `${database}-consultations`;
    const insightsDatabase = `${database}-insights`;
    for (const name of [
      consultationsDatabase,
      database,
      documentsDatabase,
      insightsDatabase,
      notificationsDatabase,
      projectsDatabase,
      surveysDatabase,
    ]) {
      const connection = await mongoose
        .createConnection(env.MONGO_URL, { dbName: name })
        .asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
    // Each stack consumes only the events published while it runs, under consumer names of its
    // own, so neither earlier runs nor other stacks feed it.
    const consumerPrefixes = {
      documents: `documents-${database}`,
      notifications: `notifications-${database}`,
      projects: `projects-${database}`,
      surveys: `surveys-${database}`,
      consultations: `consultations-${database}`,
      insights: `insights-${database}`,
    };
    await removeConsumers(env.NATS_URL, Object.values(consumerPrefixes));
    stops.push(() => removeConsumers(env.NATS_URL, Object.values(consumerPrefixes)));

    // First, so that it hears the events identity publishes while seeding (the directory).
    const notifications = await startNotificationsService(
      notificationsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: notificationsDatabase,
        LOG_LEVEL: 'silent',
        PUBLIC_WEB_URL: 'http://localhost:3000',
        CONSUMER_PREFIX: consumerPrefixes.notifications,
        CONSUMER_DELIVER_FROM: 'new',
        REMINDER_POLL_MS: notificationsPollMs,
        DELIVERY_POLL_MS: notificationsPollMs,
      }),
    );
    stops.push(() => notifications.stop());

    // Also before identity: its organization projection comes from the seed's events.
    const projects = await startProjectsService(
      projectsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: projectsDatabase,
        LOG_LEVEL: 'silent',
        CONSUMER_PREFIX: consumerPrefixes.projects,
        CONSUMER_DELIVER_FROM: 'new',
      }),
    );
    stops.push(() => projects.stop());

    const surveys = await startSurveysService(
      surveysEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: surveysDatabase,
        LOG_LEVEL: 'silent',
        CONSUMER_PREFIX: consumerPrefixes.surveys,
        CONSUMER_DELIVER_FROM: 'new',
        // Every test request comes from one address; the limits have their own service test.
        SURVEY_RATE_LIMIT: '100000',
        SURVEY_RATE_LIMIT_PER_SERVICE: '100000',
      }),
    );
    stops.push(() => surveys.stop());

    // Before identity too: its staff directory comes from the seed's events.
    const consultations = await startConsultationsService(
      consultationsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: consultationsDatabase,
        LOG_LEVEL: 'silent',
        CONSUMER_PREFIX: consumerPrefixes.consultations,
        CONSUMER_DELIVER_FROM: 'new',
        COMPLAINT_RATE_LIMIT: '100000',
        TRACKING_RATE_LIMIT: '100000',
      }),
    );
    stops.push(() => consultations.stop());

    const identity = await startIdentityService(env, { seed: true });
    stops.push(() => identity.stop());
    if (options.seedSurveys) {
      const { standards, pledges, organizations, responses, populations } = surveys.services;
      const logger = createLogger('surveys-seed', 'silent');
      await seedDemoStandards({ standards, pledges, organizations, logger });
      const seeded = await seedDemoResponses({
        responses,
        standards,
        populations,
        timeZone: 'Asia/Jakarta',
        logger,
      });
      // The single-writer consumer aggregates them at its own pace; tests start on settled numbers.
      const deadline = Date.now() + 180_000;
      while ((await responses.recordedCount()) < seeded) {
        if (Date.now() > deadline) throw new Error('demo jawaban SKM belum teragregasi');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }

    // Partial uploads, the filesystem store and the dev seal key live in a per-stack directory.
    const scratch = path.join(os.tmpdir(), `sipadu-test-${database}`);
    rmSync(scratch, { recursive: true, force: true });
    const documents = await startDocumentsService(
      documentsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: documentsDatabase,
        LOG_LEVEL: 'silent',
        UPLOAD_DIR: path.join(scratch, 'uploads'),
        FILE_STORAGE_DIR: path.join(scratch, 'files'),
        SIGNING_KEY_FILE: path.join(scratch, 'signing-key.pem'),
        CONSUMER_PREFIX: consumerPrefixes.documents,
        CONSUMER_DELIVER_FROM: 'new',
      }),
    );
    stops.push(() => documents.stop());

    // Last: it reads every owner directly (their own ports) with its client-credentials token.
    const baseUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');
    const insights = await startInsightsService(
      insightsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: insightsDatabase,
        LOG_LEVEL: 'silent',
        CONSUMER_PREFIX: consumerPrefixes.insights,
        CONSUMER_DELIVER_FROM: 'new',
        IDENTITY_URL: baseUrl(identity.url),
        DOCUMENTS_URL: baseUrl(documents.url),
        PROJECTS_URL: baseUrl(projects.url),
        SURVEYS_URL: baseUrl(surveys.url),
        CONSULTATIONS_URL: baseUrl(consultations.url),
        KEYCLOAK_TOKEN_URL: tokenEndpoint(),
        INSIGHTS_CLIENT_SECRET: 'sipadu-insights-dev-secret',
      }),
    );
    stops.push(() => insights.stop());

    let subgraphRequests = 0;
    // The origin the gateway is given for a service: its own, or a counting proxy in front of it.
    const viaGateway = async (origin: string): Promise<string> => {
      if (!options.countSubgraphRequests) return origin;
      const proxy = await startCountingProxy(origin, () => (subgraphRequests += 1));
      stops.push(() => proxy.close());
      return proxy.origin;
    };

    const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const gateway = await createGatewayApp(
      loadGatewayEnvironment({
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'silent',
        IDENTITY_URL: await viaGateway(baseUrl(identity.url)),
        DOCUMENTS_URL: await viaGateway(baseUrl(documents.url)),
        NOTIFICATIONS_URL: await viaGateway(notifications.origin),
        PROJECTS_URL: await viaGateway(baseUrl(projects.url)),
        SURVEYS_URL: await viaGateway(baseUrl(surveys.url)),
        CONSULTATIONS_URL: await viaGateway(baseUrl(consultations.url)),
        // Also the target of /insights (the dashboard's stream and brief) and /open-data.
        INSIGHTS_URL: await viaGateway(baseUrl(insights.url)),
        ...(options.partnerRateLimit
          ? { PARTNER_RATE_LIMIT: String(options.partnerRateLimit) }
          : {}),
      }),
      { supergraphSdl: composed.supergraphSdl },
    );
    const gatewayUrl = await gateway.start();
    stops.push(() => gateway.stop());
    return {
      gatewayUrl,
      gatewayOrigin: new URL(gatewayUrl).origin,
      notificationsOrigin: notifications.origin,
      subgraphUrls: {
        identity: identity.url,
        documents: documents.url,
        notifications: notifications.url,
        projects: projects.url,
        surveys: surveys.url,
        consultations: consultations.url,
        insights: insights.url,
      },
      consultations,
      insights,
      subgraphRequests: () => subgraphRequests,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
