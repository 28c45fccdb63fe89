// Notifications benchmark (issue 5): N domain events (default 10,000) published to JetStream as
// fast as acks allow, each becoming exactly one in-app notification for one real Keycloak user
// who follows them live over SSE. Starts its own notifications service as a child process on a
// free port (database `bench-notify-<run>`, durable consumers `bench-notify-<run>-<stream>` that
// start at new events) on the running infrastructure (started if needed). Measures
//   - the publish rate and the consumer throughput (first publish → last notification stored),
//   - the delay from publish to the connected SSE client (p50/p95/p99/max), split into
//     publish → stored (the notification's createdAt) and stored → SSE; and, first, the delay of
//     events sent one at a time, with nothing queued,
//   - duplicates (a marker seen twice over SSE, or more rows in the inbox than events) and
//     missing notifications, both of which must be 0,
//   - resuming: the stream closed, 500 more events, the stream reopened with Last-Event-ID must
//     deliver those 500, each once.
// The events are `documents.document.confidentialityChanged` to RAHASIA naming the bench user as
// the only reader: rule `document-secret-readers` turns each into exactly one notification for
// that user whoever else the service's directory holds (an organization-wide rule would also
// reach users that other test runs on the shared NATS create meanwhile). The document id is the
// event's marker; it comes back in the notification's subject and link. Category DOKUMEN has
// e-mail off by default, and the user's e-mail and SMS are switched off for every category
// through `updateNotificationPreferences` (events of other runs reach the bench's consumers too),
// so the user gets no e-mail (checked in the `deliveries` collection). The service's SMTP is a
// sink inside this process, not Mailpit: the bench's consumers also see the events other runs
// publish meanwhile and would mail their recipients a second time, breaking their exact Mailpit
// counts. Exit code 0 = PASS, 1 = FAIL, 2 = could not run. Ctrl-C still cleans up.
//
// Usage: tsx scripts/bench-notify.ts
//   BENCH_EVENTS=10000        events of the main burst
//   BENCH_RESUME_EVENTS=500   events published while the stream is closed
//   BENCH_SERIAL_EVENTS=100   events sent one at a time before the burst (latency without queue)
//   BENCH_WINDOW=256          publishes awaiting their ack at once
//   BENCH_TIMEOUT_S=600       longest wait for the burst's notifications (then FAIL, not hang)
//   BENCH_USER=pelaksana      the Keycloak user who receives everything
//   BENCH_SMTP=mailpit        send the service's e-mail to Mailpit instead of the sink
//   BENCH_KEEP=1              keep the bench database and consumers
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats, createEvent, streamName, subjectForType } from '@sipadu/events';
import {
  getUserToken,
  graphqlRequest,
  openEventStream,
  type EventStreamClient,
  type GraphQLResponse,
  type ServerSentEvent,
} from '@sipadu/test-kit';
import mongoose from 'mongoose';
import { CATEGORIES } from '../services/notifications/src/rules/categories.js';
import { RULE_STREAMS } from '../services/notifications/src/rules/index.js';
import { KEYCLOAK_REALM, ensureInfra, type InfraHandle } from './lib/infra/index.js';
import { REPO_ROOT, logFile } from './lib/infra/paths.js';
import {
  httpOk,
  startProcess,
  stopProcess,
  waitUntil,
  type ManagedProcess,
} from './lib/infra/process.js';

function positiveEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} harus bilangan bulat positif, bukan '${raw}'`);
  }
  return value;
}

const RUN = randomUUID().slice(0, 8);
const DATABASE = `bench-notify-${RUN}`;
const CONSUMER_PREFIX = `bench-notify-${RUN}`;
const UNIT = 'bench-notify-notifications';
const EVENT_TYPE = 'documents.document.confidentialityChanged';
/** Without a new notification for this long, waiting stops and the rest counts as missing. */
const STALL_MS = 60_000;
const PROGRESS_EVERY_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// Processes and CPU

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a process so far (null once it is gone). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The pid of a local infrastructure server by its executable's name, to read its CPU time. */
function pidOf(executable: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv0 = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0] ?? '';
      if (path.basename(argv0) === executable) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

interface CpuProbe {
  name: string;
  read: () => number | null;
}

/** CPU used by each process between two points, as a share of one core. */
function cpuWindow(probes: CpuProbe[]) {
  const startedAt = performance.now();
  const before = probes.map((probe) => probe.read());
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    return probes.map((probe, i) => {
      const start = before[i];
      const end = probe.read();
      return {
        name: probe.name,
        coreShare: start == null || end == null ? null : (end - start) / seconds,
      };
    });
  };
}

// ---------------------------------------------------------------------------------------------
// SMTP sink: accepts and counts every message, keeps none.

interface SmtpSink {
  url: string;
  messages(): number;
  close(): Promise<void>;
}

function startSmtpSink(): Promise<SmtpSink> {
  let messages = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 bench-notify ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages += 1;
            reply('250 diterima');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 bench-notify');
        else if (verb === 'DATA') {
          inData = true;
          reply('354 lanjutkan');
        } else if (verb === 'QUIT') {
          reply('221 selesai');
          socket.end();
        } else reply('250 OK');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        messages: () => messages,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '-');
const describeDistribution = (d: Distribution) =>
  `p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  p99 ${ms(d.p99)}  maks ${ms(d.max)}`;

// ---------------------------------------------------------------------------------------------
// Keycloak tokens

interface TokenClaims {
  sub: string;
  exp: number;
  org: string | null;
}

function claimsOf(token: string): TokenClaims {
  const payload: unknown = JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
  if (typeof payload !== 'object' || payload === null) throw new Error('token tanpa klaim');
  const { sub, exp, org } = payload as { sub?: unknown; exp?: unknown; org?: unknown };
  if (typeof exp !== 'number' || typeof sub !== 'string')
    throw new Error('token tanpa klaim sub/exp');
  return { sub, exp, org: typeof org === 'string' ? org : null };
}

/** A user's access token, fetched again when less than `minValidityS` of its life is left. */
class TokenSource {
  private token = '';
  private claims: TokenClaims = { sub: '', exp: 0, org: null };

  constructor(private readonly username: string) {}

  async get(minValidityS = 60): Promise<string> {
    if (this.claims.exp - Date.now() / 1000 < minValidityS) {
      this.token = await getUserToken(this.username);
      this.claims = claimsOf(this.token);
    }
    return this.token;
  }

  /** A token with its full lifetime ahead (an SSE stream lives only as long as its token). */
  fresh(): Promise<string> {
    return this.get(Number.POSITIVE_INFINITY);
  }

  get organization(): string | null {
    return this.claims.org;
  }

  get userId(): string {
    return this.claims.sub;
  }
}

// ---------------------------------------------------------------------------------------------
// Events: each carries a unique marker as its document id, which the notification's subject and
// link (`/dokumen/<id>`) carry back.

type Phase = 'serial' | 'main' | 'resume';
const PHASE_LETTER: Record<Phase, string> = { serial: 's', main: 'm', resume: 'r' };
const markerOf = (phase: Phase, index: number) => `bench-${RUN}-${PHASE_LETTER[phase]}${index}`;
const MARKER_LINK = `^/dokumen/bench-${RUN}-`;
const MARKER_IN_LINK = new RegExp(`${MARKER_LINK}[smr]\\d+$`);
const PHASE_OF_LETTER: Record<string, Phase> = { s: 'serial', m: 'main', r: 'resume' };
const phaseOfMarker = (marker: string): Phase | null =>
  PHASE_OF_LETTER[marker.charAt(`bench-${RUN}-`.length)] ?? null;

interface PreparedEvent {
  id: string;
  marker: string;
  payload: string;
}

function prepareEvents(phase: Phase, count: number, readerId: string): PreparedEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const marker = markerOf(phase, index);
    const event = createEvent(
      EVENT_TYPE,
      {
        documentId: marker,
        confidentiality: 'RAHASIA',
        previous: 'TERBATAS',
        readerIds: [readerId],
      },
      {
        actor: { type: 'system', id: null, org: null },
        subject: { type: 'document', id: marker },
        org: null,
      },
    );
    return { id: event.id, marker, payload: JSON.stringify(event) };
  });
}

/** performance.now() when each marker's publish was sent. */
const publishedAt = new Map<string, number>();

interface PublishRun {
  count: number;
  /** First send → last ack. */
  ms: number;
  /** Acks JetStream marked as duplicates (its de-duplication window caught a repeated id). */
  duplicateAcks: number;
  retries: number;
}

async function publishOne(
  js: JetStreamClient,
  event: PreparedEvent,
): Promise<{ duplicate: boolean; retries: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // The same message id on a retry: JetStream keeps one copy.
      const ack = await js.publish(subjectForType(EVENT_TYPE), event.payload, {
        msgID: event.id,
        timeout: 10_000,
      });
      return { duplicate: ack.duplicate && attempt === 1, retries: attempt - 1 };
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Publishes with at most `window` unacknowledged at any time. */
async function publishAll(
  js: JetStreamClient,
  events: readonly PreparedEvent[],
  window: number,
): Promise<PublishRun> {
  let next = 0;
  let duplicateAcks = 0;
  let retries = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < events.length; i = next++) {
      const event = events[i]!;
      publishedAt.set(event.marker, performance.now());
      const result = await publishOne(js, event);
      if (result.duplicate) duplicateAcks += 1;
      retries += result.retries;
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, events.length) }, worker));
  return { count: events.length, ms: performance.now() - started, duplicateAcks, retries };
}

// ---------------------------------------------------------------------------------------------
// The SSE client

interface Arrival {
  marker: string | null;
  notificationId: string;
  sequence: number;
  /** performance.now() on arrival. */
  receivedAt: number;
  /** The notification's createdAt (epoch ms): when the service stored it. */
  storedAt: number;
  /** Which connection delivered it (1, 2, …). */
  connection: number;
}

interface WireNotification {
  id: string;
  link: string | null;
  sequence: number;
  createdAt: string;
}

function wireNotification(data: string): WireNotification | null {
  const value: unknown = JSON.parse(data);
  if (typeof value !== 'object' || value === null) return null;
  const { id, link, sequence, createdAt } = value as Record<string, unknown>;
  return typeof id === 'string' &&
    (typeof link === 'string' || link === null) &&
    typeof sequence === 'number' &&
    typeof createdAt === 'string'
    ? { id, link, sequence, createdAt }
    : null;
}

/**
 * One user's `/events` stream over `openEventStream`, timestamping every notification on arrival.
 * When the server ends the stream (token expiry) it reconnects at once with Last-Event-ID, as
 * EventSource would.
 */
class NotificationReceiver {
  readonly arrivals: Arrival[] = [];
  /** How often each marker arrived. */
  readonly byMarker = new Map<string, number>();
  readonly firstArrival = new Map<string, Arrival>();
  private readonly distinctByPhase: Record<Phase, number> = { serial: 0, main: 0, resume: 0 };
  connections = 0;
  reconnects = 0;
  failure: Error | null = null;
  private client: EventStreamClient | null = null;
  private closing = false;
  private readonly waiters = new Map<string, () => void>();

  constructor(
    private readonly url: string,
    private readonly tokens: TokenSource,
  ) {}

  /** Connects and resolves once the stream has answered (its first `unread` event). */
  async open(lastEventId: string | null): Promise<void> {
    this.closing = false;
    await this.connect(lastEventId, await this.tokens.fresh());
  }

  /** Closes the stream; returns the id of the last notification it delivered. */
  close(): string | null {
    this.closing = true;
    const client = this.client;
    client?.close();
    this.client = null;
    return client?.lastEventId ?? null;
  }

  /** Resolves when the notification carrying `marker` arrives (or has arrived). */
  arrivalOf(marker: string, timeoutMs: number): Promise<void> {
    if (this.byMarker.has(marker)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(marker);
        reject(new Error(`notifikasi ${marker} tidak tiba dalam ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(marker, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async connect(lastEventId: string | null, token: string): Promise<void> {
    const client = await openEventStream(this.url, { token, lastEventId });
    if (client.status !== 200) throw new Error(`/events menjawab HTTP ${client.status}`);
    this.client = client;
    this.connections += 1;
    const connection = this.connections;
    let answered: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (answered = resolve));
    // waitFor runs its predicate on every event as soon as it is parsed: one that never matches
    // sees each event at its arrival. The long timeout only ends with the process.
    client
      .waitFor(
        (event) => {
          this.observe(event, connection);
          // Any event proves the stream answers: after a long absence the replayed notifications
          // come first and the unread count (a full count) only after them.
          answered();
          return false;
        },
        2 ** 31 - 1,
      )
      .catch(() => undefined);
    void client.ended
      .catch(() => undefined)
      .then(async () => {
        if (this.closing || this.client !== client) return;
        this.reconnects += 1;
        try {
          await this.connect(client.lastEventId, await this.tokens.fresh());
        } catch (error) {
          this.failure = error instanceof Error ? error : new Error(String(error));
        }
      });
    const timeout = delay(60_000).then(() => {
      throw new Error('aliran /events tidak menjawab dalam 60 s');
    });
    await Promise.race([ready, timeout]);
  }

  private observe(event: ServerSentEvent, connection: number): void {
    if (event.event !== 'notification') return;
    const receivedAt = performance.now();
    const notification = wireNotification(event.data);
    if (!notification) return;
    const link = notification.link ?? '';
    const marker = MARKER_IN_LINK.test(link) ? link.slice('/dokumen/'.length) : null;
    this.arrivals.push({
      marker,
      notificationId: notification.id,
      sequence: notification.sequence,
      receivedAt,
      storedAt: Date.parse(notification.createdAt),
      connection,
    });
    if (marker === null) return;
    this.byMarker.set(marker, (this.byMarker.get(marker) ?? 0) + 1);
    if (!this.firstArrival.has(marker)) {
      this.firstArrival.set(marker, this.arrivals.at(-1)!);
      const phase = phaseOfMarker(marker);
      if (phase) this.distinctByPhase[phase] += 1;
    }
    const waiter = this.waiters.get(marker);
    if (waiter) {
      this.waiters.delete(marker);
      waiter();
    }
  }

  /** Distinct markers of a phase received so far. */
  distinct(phase: Phase): number {
    return this.distinctByPhase[phase];
  }
}

/**
 * Polls `progress` until it reaches `target`, printing it every few seconds; gives up after
 * `stallMs` without progress or at `timeoutMs`. Returns whether the target was reached.
 */
async function waitWithProgress(
  label: string,
  progress: () => number | Promise<number>,
  target: number,
  options: { stallMs?: number; pollMs?: number; timeoutMs?: number } = {},
): Promise<boolean> {
  const stallMs = options.stallMs ?? STALL_MS;
  const deadline = performance.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
  let last = -1;
  let lastChange = performance.now();
  let lastReport = performance.now();
  for (;;) {
    const value = await progress();
    const now = performance.now();
    if (value >= target) return true;
    if (value !== last) {
      last = value;
      lastChange = now;
    }
    if (now - lastChange > stallMs) {
      console.log(`  ${label}: berhenti di ${value}/${target}, ${stallMs / 1000} s tanpa kemajuan`);
      return false;
    }
    if (now > deadline) {
      console.log(`  ${label}: berhenti di ${value}/${target}, batas waktu habis`);
      return false;
    }
    if (now - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = now;
      console.log(`  ${label}: ${value}/${target}`);
    }
    await delay(options.pollMs ?? 50);
  }
}

// ---------------------------------------------------------------------------------------------
// GraphQL

const ME = /* GraphQL */ `
  query {
    unreadNotificationCount
  }
`;

const MUTE_EMAIL = /* GraphQL */ `
  mutation ($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      dailyDigest
      categories {
        category
        inApp
        email
        sms
      }
    }
  }
`;

const TOTAL = /* GraphQL */ `
  query {
    notifications(first: 1) {
      totalCount
    }
  }
`;

function graphqlData<T>(response: GraphQLResponse<T>, what: string): T {
  if (response.errors?.length || !response.data) {
    throw new Error(
      `${what} gagal: HTTP ${response.status} ${response.errors?.map((e) => e.message).join('; ') ?? ''}`,
    );
  }
  return response.data;
}

// ---------------------------------------------------------------------------------------------

interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

async function main(): Promise<number> {
  const events = positiveEnv('BENCH_EVENTS', 10_000);
  const resumeEvents = positiveEnv('BENCH_RESUME_EVENTS', 500);
  const serialEvents = positiveEnv('BENCH_SERIAL_EVENTS', 100);
  const window = positiveEnv('BENCH_WINDOW', 256);
  const drainTimeoutS = positiveEnv('BENCH_TIMEOUT_S', 600);
  const username = process.env.BENCH_USER || 'pelaksana';
  const keep = Boolean(process.env.BENCH_KEEP);

  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(
          `pembersihan gagal: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: membersihkan…`);
      void cleanup().finally(() => process.exit(2));
    });
  }

  let infra: InfraHandle;
  try {
    infra = await ensureInfra({ log: (line) => console.log(`[infra] ${line}`) });
  } catch (error) {
    console.error(
      `Infrastruktur tidak tersedia: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  cleanups.push(() => infra.stop());
  const { urls } = infra;
  process.env.KEYCLOAK_URL = urls.keycloakUrl;
  const issuer = `${urls.keycloakUrl}/realms/${KEYCLOAK_REALM}`;

  try {
    const nc: NatsConnection = await connectNats(urls.natsUrl, `bench-notify-${RUN}`);
    cleanups.push(() => nc.close());
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    const dropDatabase = async () => {
      const connection = await mongoose
        .createConnection(urls.mongoUrl, { dbName: DATABASE })
        .asPromise();
      try {
        await connection.dropDatabase();
      } finally {
        await connection.close();
      }
    };
    const deleteConsumers = async () => {
      for (const service of RULE_STREAMS) {
        try {
          await jsm.consumers.delete(streamName(service), `${CONSUMER_PREFIX}-${service}`);
        } catch (error) {
          const absent =
            error instanceof JetStreamApiError &&
            (error.code === JetStreamApiCodes.ConsumerNotFound ||
              error.code === JetStreamApiCodes.StreamNotFound);
          if (!absent) throw error;
        }
      }
    };
    if (!keep) cleanups.push(dropDatabase, deleteConsumers);

    // The service.
    const smtp = process.env.BENCH_SMTP === 'mailpit' ? null : await startSmtpSink();
    if (smtp) cleanups.push(() => smtp.close());
    const port = await freePort();
    const service: ManagedProcess = startProcess(
      UNIT,
      process.execPath,
      ['--import', 'tsx', 'src/index.ts'],
      {
        cwd: path.join(REPO_ROOT, 'services', 'notifications'),
        env: {
          ...process.env,
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          PORT: String(port),
          MONGO_URL: urls.mongoUrl,
          MONGO_DATABASE: DATABASE,
          NATS_URL: urls.natsUrl,
          KEYCLOAK_URL: urls.keycloakUrl,
          KEYCLOAK_ISSUER: issuer,
          KEYCLOAK_JWKS_URL: `${issuer}/protocol/openid-connect/certs`,
          SMTP_URL: smtp?.url ?? urls.smtpUrl,
          CONSUMER_PREFIX,
          CONSUMER_DELIVER_FROM: 'new',
          REMINDER_POLL_MS: '3600000',
          DIGEST_POLL_MS: '3600000',
        },
        logPath: logFile(UNIT),
      },
    );
    cleanups.push(() => stopProcess(service, 15_000));
    const origin = `http://127.0.0.1:${port}`;
    await waitUntil(() => httpOk(`${origin}/readyz`), {
      timeoutMs: 120_000,
      process: service,
      what: 'layanan notifications',
      logPath: logFile(UNIT),
    });
    const servicePid = service.child.pid as number;
    console.log(
      `notifications pid ${servicePid} :${port}, basis data ${DATABASE}, konsumen ${CONSUMER_PREFIX}-*`,
    );

    // The user: known to the service from a first request; e-mail and SMS off in every category.
    const tokens = new TokenSource(username);
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
      graphqlRequest<T>(`${origin}/graphql`, query, { token: await tokens.get(), variables });
    graphqlData(await gql<{ unreadNotificationCount: number }>(ME), 'permintaan pertama');
    const userId = tokens.userId;
    const organization = tokens.organization;
    const prefs = graphqlData(
      await gql<{
        updateNotificationPreferences: {
          dailyDigest: boolean;
          categories: { category: string; inApp: boolean; email: boolean; sms: boolean }[];
        };
      }>(MUTE_EMAIL, {
        input: {
          categories: CATEGORIES.map(({ category }) => ({
            category,
            inApp: true,
            email: false,
            sms: false,
          })),
          dailyDigest: false,
        },
      }),
      'updateNotificationPreferences',
    ).updateNotificationPreferences;
    if (prefs.categories.some((entry) => !entry.inApp || entry.email || entry.sms)) {
      throw new Error('preferensi tidak tersimpan sebagai hanya-aplikasi');
    }
    const totalCount = async () =>
      graphqlData(await gql<{ notifications: { totalCount: number } }>(TOTAL), 'notifications')
        .notifications.totalCount;
    console.log(
      `Penerima: ${username} (${organization ?? 'tanpa organisasi'}, ${userId}); peristiwa ${EVENT_TYPE}, ` +
        'kategori DOKUMEN, email/SMS dimatikan',
    );

    const serialBatch = prepareEvents('serial', serialEvents, userId);
    const mainBatch = prepareEvents('main', events, userId);
    const resumeBatch = prepareEvents('resume', resumeEvents, userId);

    const receiver = new NotificationReceiver(`${origin}/events`, tokens);
    await receiver.open(null);

    // 1. One at a time: the delay of the pipeline itself, nothing queued.
    const serialLatencies: number[] = [];
    for (const event of serialBatch) {
      const sent = performance.now();
      publishedAt.set(event.marker, sent);
      await publishOne(js, event);
      await receiver.arrivalOf(event.marker, 30_000);
      serialLatencies.push(receiver.firstArrival.get(event.marker)!.receivedAt - sent);
    }
    const serial = distribution(serialLatencies);
    console.log(`Satu per satu (${serialEvents}): ${describeDistribution(serial)}`);

    // 2. The burst.
    const probes: CpuProbe[] = [{ name: 'notifications', read: () => cpuSeconds(servicePid) }];
    for (const [name, executable] of [
      ['ferretdb', 'ferretdb'],
      ['nats', 'nats-server'],
    ] as const) {
      const pid = pidOf(executable);
      if (pid !== null) probes.push({ name, read: () => cpuSeconds(pid) });
    }
    probes.push({
      name: 'bench (proses ini)',
      read: () => {
        const usage = process.cpuUsage();
        return (usage.user + usage.system) / 1e6;
      },
    });
    const cpu = cpuWindow(probes);
    const burstStarted = performance.now();
    const burstStartedEpoch = performance.timeOrigin + burstStarted;
    console.log(`Menerbitkan ${events} peristiwa (jendela ${window})…`);
    const publish = await publishAll(js, mainBatch, window);
    const publishRate = events / (publish.ms / 1000);
    console.log(
      `  terbit dalam ${(publish.ms / 1000).toFixed(2)} s (${publishRate.toFixed(0)} peristiwa/s); menunggu notifikasi…`,
    );
    const mainComplete = await waitWithProgress(
      'diterima lewat SSE',
      () => receiver.distinct('main'),
      events,
      { timeoutMs: drainTimeoutS * 1000 },
    );
    const cpuShares = cpu();
    const firsts = mainBatch.flatMap((event) => {
      const arrival = receiver.firstArrival.get(event.marker);
      return arrival ? [arrival] : [];
    });
    const lastStored = Math.max(...firsts.map((a) => a.storedAt));
    const lastReceived = Math.max(...firsts.map((a) => a.receivedAt));
    const storedSeconds = (lastStored - burstStartedEpoch) / 1000;
    const receivedSeconds = (lastReceived - burstStarted) / 1000;
    const throughputStored = firsts.length / storedSeconds;
    const throughputReceived = firsts.length / receivedSeconds;
    const sentOf = (a: Arrival) => publishedAt.get(a.marker!)!;
    const latency = distribution(firsts.map((a) => a.receivedAt - sentOf(a)));
    const toStored = distribution(
      firsts.map((a) => a.storedAt - (performance.timeOrigin + sentOf(a))),
    );
    const storedToSse = distribution(
      firsts.map((a) => a.receivedAt + performance.timeOrigin - a.storedAt),
    );

    // 3. Resume: stream closed, more events, reopened with Last-Event-ID. Only after a complete
    // burst: behind a backlog it would measure the backlog again.
    const lastEventId = receiver.close();
    const closedAtConnections = receiver.connections;
    let resume: {
      published: PublishRun;
      storedWhileAway: number;
      complete: boolean;
    } | null = null;
    if (mainComplete) {
      const beforeResume = await totalCount();
      console.log(
        `Aliran ditutup di Last-Event-ID ${lastEventId ?? '-'}; menerbitkan ${resumeEvents} peristiwa…`,
      );
      const published = await publishAll(js, resumeBatch, window);
      // Done when the documents consumer has nothing pending or unacknowledged.
      const durable = `${CONSUMER_PREFIX}-documents`;
      await waitWithProgress(
        'diproses selagi terputus',
        async () => {
          const info = await jsm.consumers.info(streamName('documents'), durable);
          return Math.max(0, resumeEvents - info.num_pending - info.num_ack_pending);
        },
        resumeEvents,
        { stallMs: 30_000, pollMs: 250 },
      );
      const storedWhileAway = (await totalCount()) - beforeResume;
      await receiver.open(lastEventId);
      const complete = await waitWithProgress(
        'diterima setelah sambung ulang',
        () => receiver.distinct('resume'),
        resumeEvents,
        { stallMs: 30_000 },
      );
      // Anything replayed twice would come right behind.
      await delay(1_500);
      receiver.close();
      resume = { published, storedWhileAway, complete };
    } else {
      console.log('Uji lanjutan dilewati: notifikasi beban utama belum lengkap.');
    }

    // 4. Counting.
    const finalTotal = await totalCount();
    const resumeArrivals = receiver.arrivals.filter((a) => a.connection > closedAtConnections);
    const resumeMarkers = resumeArrivals.filter(
      (a) => a.marker !== null && phaseOfMarker(a.marker) === 'resume',
    );
    const resumeDistinct = new Set(resumeMarkers.map((a) => a.marker)).size;
    const resumeTwice = resumeMarkers.length - resumeDistinct;
    const replayedOld = resumeArrivals.filter(
      (a) => a.marker !== null && phaseOfMarker(a.marker) !== 'resume',
    ).length;
    const markedArrivals = receiver.arrivals.filter((a) => a.marker !== null).length;
    const sseDuplicates = markedArrivals - receiver.byMarker.size;
    const foreign = new Set(
      receiver.arrivals.filter((a) => a.marker === null).map((a) => a.notificationId),
    ).size;
    const expectedTotal = serialEvents + events + (resume ? resumeEvents : 0);
    const missing = events - receiver.distinct('main');
    const sequences = receiver.arrivals.map((a) => a.sequence);
    const outOfOrder = sequences.filter((s, i) => i > 0 && s <= sequences[i - 1]!).length;

    // In the database: the user's rows of one marker beyond the first (complete or not), rows
    // beyond the events published (once everything arrived), and the load other runs added.
    const connection = await mongoose
      .createConnection(urls.mongoUrl, { dbName: DATABASE })
      .asPromise();
    let queuedDeliveries: number;
    let otherDeliveries: number;
    let otherNotifications: number;
    let foreignEvents = 0;
    let repeatedRows = 0;
    try {
      const deliveries = connection.collection('deliveries');
      queuedDeliveries = await deliveries.countDocuments({ userId });
      otherDeliveries = (await deliveries.countDocuments({})) - queuedDeliveries;
      const notifications = connection.collection('notifications');
      otherNotifications = await notifications.countDocuments({ userId: { $ne: userId } });
      const ownIds = new Set([...serialBatch, ...mainBatch, ...resumeBatch].map((e) => e.id));
      const processed = await connection
        .collection<{ eventId: string }>('processed_events')
        .find({}, { projection: { _id: 0, eventId: 1 } })
        .toArray();
      for (const row of processed) if (!ownIds.has(row.eventId)) foreignEvents += 1;
      const groups = await notifications
        .aggregate<{ _id: string; rows: number }>([
          { $match: { userId, link: { $regex: MARKER_LINK } } },
          { $group: { _id: '$link', rows: { $sum: 1 } } },
          { $match: { rows: { $gt: 1 } } },
        ])
        .toArray();
      for (const group of groups) repeatedRows += group.rows - 1;
    } finally {
      await connection.close();
    }
    const extraRows = mainComplete ? Math.max(0, finalTotal - foreign - expectedTotal) : 0;
    const databaseDuplicates = Math.max(repeatedRows, extraRows);
    const duplicates = sseDuplicates + databaseDuplicates;

    const checks: Check[] = [
      {
        name: 'duplikat (SSE + basis data)',
        value: `${duplicates} (SSE ${sseDuplicates}, basis data ${databaseDuplicates})`,
        target: '0',
        pass: duplicates === 0,
      },
      {
        name: mainComplete ? 'hilang' : 'hilang / belum tiba (batas waktu)',
        value: `${missing} dari ${events}`,
        target: '0',
        pass: missing === 0 && mainComplete,
      },
      {
        name: 'lanjutan dengan Last-Event-ID',
        value: resume
          ? `${resumeDistinct}/${resumeEvents}, ${resumeTwice} ganda, ${replayedOld} lama diulang`
          : 'dilewati',
        target: `${resumeEvents}, 0, 0`,
        pass:
          resume !== null &&
          resume.complete &&
          resumeDistinct === resumeEvents &&
          resumeTwice === 0 &&
          replayedOld === 0,
      },
      {
        name: 'urutan id SSE naik',
        value: `${outOfOrder} turun`,
        target: '0',
        pass: outOfOrder === 0,
      },
      {
        name: 'email/SMS untuk pengguna bench',
        value: String(queuedDeliveries),
        target: '0',
        pass: queuedDeliveries === 0,
      },
    ];
    const pass = checks.every((check) => check.pass);

    const cpuLine = cpuShares
      .map(({ name, coreShare }) =>
        coreShare === null ? `${name} -` : `${name} ${(coreShare * 100).toFixed(0)} %`,
      )
      .join(', ');
    console.log('');
    console.log(
      `Peristiwa                 ${events} ${EVENT_TYPE} (+${serialEvents} satu per satu, +${resumeEvents} uji lanjutan), 1 notifikasi per peristiwa`,
    );
    console.log(
      `Laju publikasi            ${publishRate.toFixed(0).padStart(8)} peristiwa/s (${(publish.ms / 1000).toFixed(2)} s, jendela ${window}, ${publish.retries} ulang)`,
    );
    console.log(
      `Throughput konsumen       ${throughputStored.toFixed(1).padStart(8)} peristiwa/s (${firsts.length} dalam ${storedSeconds.toFixed(1)} s dari publikasi pertama sampai notifikasi terakhir tersimpan)`,
    );
    console.log(
      `  sampai diterima SSE     ${throughputReceived.toFixed(1).padStart(8)} peristiwa/s (${receivedSeconds.toFixed(1)} s)`,
    );
    console.log(`Latensi publikasi→SSE     ${describeDistribution(latency)}`);
    console.log(`  publikasi→tersimpan     ${describeDistribution(toStored)}`);
    console.log(`  tersimpan→SSE           ${describeDistribution(storedToSse)}`);
    console.log(`Latensi tanpa antrean     ${describeDistribution(serial)} (satu per satu)`);
    console.log(`CPU selama beban          ${cpuLine} (per satu inti; mesin ini 2 inti)`);
    console.log(
      `Notifikasi di basis data  ${finalTotal} (diharapkan ${expectedTotal}${foreign ? `, ${foreign} dari sumber lain` : ''})`,
    );
    console.log(
      `Beban dari uji lain       ${foreignEvents} peristiwa lain diproses konsumen bench, ` +
        `${otherNotifications} notifikasi dan ${otherDeliveries} email/SMS untuk pengguna lain` +
        (smtp
          ? ` (${smtp.messages()} email ke penampung SMTP bench, bukan Mailpit)`
          : ' (ke Mailpit)'),
    );
    console.log(
      `Sambungan SSE             ${receiver.connections} (${receiver.reconnects} sambung ulang otomatis saat token habis)`,
    );
    console.log('');
    console.log(`${'pemeriksaan'.padEnd(32)} ${'hasil'.padEnd(40)} ${'target'.padEnd(10)} status`);
    for (const check of checks) {
      console.log(
        `${check.name.padEnd(32)} ${check.value.padEnd(40)} ${check.target.padEnd(10)} ${check.pass ? 'PASS' : 'FAIL'}`,
      );
    }
    console.log(
      pass
        ? `PASS — ${events} peristiwa, ${throughputStored.toFixed(0)} peristiwa/s, p99 ${ms(latency.p99)}, 0 duplikat, 0 hilang`
        : `FAIL — duplikat ${duplicates}, ${mainComplete ? 'hilang' : `belum tiba setelah ${drainTimeoutS} s`} ${missing}, ` +
            `lanjutan ${resume ? `${resumeDistinct}/${resumeEvents}` : 'dilewati'}`,
    );

    const resultsDir = path.join(REPO_ROOT, 'bench-results');
    mkdirSync(resultsDir, { recursive: true });
    const resultFile = path.join(
      resultsDir,
      `notify-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(
      resultFile,
      JSON.stringify(
        {
          run: RUN,
          eventType: EVENT_TYPE,
          user: username,
          userId,
          organization,
          events,
          complete: mainComplete,
          drainTimeoutS,
          serialEvents,
          resumeEvents,
          window,
          publish: { ...publish, perSecond: publishRate },
          throughput: {
            storedPerSecond: throughputStored,
            storedSeconds,
            receivedPerSecond: throughputReceived,
            receivedSeconds,
          },
          latencyMs: {
            publishToSse: latency,
            publishToStored: toStored,
            storedToSse,
            serialPublishToSse: serial,
          },
          cpuCoreShare: Object.fromEntries(cpuShares.map((s) => [s.name, s.coreShare])),
          sse: { connections: receiver.connections, reconnects: receiver.reconnects },
          counts: {
            received: receiver.arrivals.length,
            distinctMain: receiver.distinct('main'),
            sseDuplicates,
            databaseTotal: finalTotal,
            databaseExpected: expectedTotal,
            databaseRepeatedRows: repeatedRows,
            databaseExtraRows: extraRows,
            foreign,
            duplicates,
            missing,
            outOfOrder,
            queuedDeliveries,
            foreignEvents,
            otherNotifications,
            otherDeliveries,
            smtpSinkMessages: smtp?.messages() ?? null,
          },
          resume: resume && {
            lastEventId,
            published: resume.published,
            storedWhileAway: resume.storedWhileAway,
            received: resumeDistinct,
            twice: resumeTwice,
            replayedOld,
          },
          checks,
          pass,
        },
        null,
        2,
      ),
    );
    console.log(`Hasil: ${path.relative(process.cwd(), resultFile)}`);
    if (receiver.failure) console.log(`Catatan: sambung ulang gagal: ${receiver.failure.message}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(
      `Benchmark gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`,
    );
    console.error(`Log: ${logFile(UNIT)}`);
    return 2;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
