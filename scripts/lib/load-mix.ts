// The platform's realistic load mix, shared by `npm run bench:load` and `npm run bench:footprint`:
// the portal's own operations (web/src/gql) at fixed, bounded rates — public directory and survey
// submission (anonymous), project list (bpkad) and leader dashboard (pimpinan) — while N
// notification streams stay open. Also brings up the platform to run it against.
import { randomUUID } from 'node:crypto';
import { getUserToken, openEventStream, type EventStreamClient } from '@sipadu/test-kit';
import autocannon from 'autocannon';
import { print, type DocumentNode } from 'graphql';
import {
  DirectoryDocument,
  LeaderDashboardDocument,
  LoanProjectsDocument,
  PublicServiceDirectoryDocument,
  SubmitSurveyResponseDocument,
} from '../../web/src/gql/graphql.js';
import { seedDemoProjects } from '../seed-demo-projects.js';
import { FOUNDATION_QUERY, benchNumber, percentile } from './bench.js';
import { ensureInfra } from './infra/index.js';
import { GATEWAY_PORT, existingServices, serviceUrl } from './platform.js';
import { platformEnvironment, startPlatformProcesses } from './platform-processes.js';

export type Owner = 'identity' | 'surveys' | 'projects' | 'insights';

export interface MixOperation {
  name: string;
  /** The subgraph that answers it alone (for the gateway-over-direct ratio). */
  owner: Owner;
  /** Requests per second (autocannon overallRate) and concurrent connections. */
  rate: number;
  connections: number;
  /** p95 threshold in ms on a shared 2-core loopback machine (documented in README). */
  p95Ms: number;
  user: 'bpkad' | 'pimpinan' | null;
  query: string;
  /** Variables per request (a survey needs a fresh submission id each time). */
  variables: () => Record<string, unknown>;
}

const text = (document: unknown) => print(document as DocumentNode);

/** The mix; `scale` multiplies every rate (BENCH_SCALE). */
export function loadMix(serviceId: string, scale = 1): MixOperation[] {
  const rate = (base: number) => Math.max(1, Math.round(base * scale));
  return [
    {
      name: 'direktori organisasi (foundation)',
      owner: 'identity',
      rate: rate(20),
      connections: 4,
      p95Ms: 250,
      user: null,
      query: FOUNDATION_QUERY,
      variables: () => ({}),
    },
    {
      name: 'direktori OPD (Directory)',
      owner: 'identity',
      rate: rate(10),
      connections: 2,
      p95Ms: 300,
      user: null,
      query: text(DirectoryDocument),
      variables: () => ({}),
    },
    {
      name: 'standar pelayanan (PublicServiceDirectory)',
      owner: 'surveys',
      rate: rate(10),
      connections: 2,
      p95Ms: 300,
      user: null,
      query: text(PublicServiceDirectoryDocument),
      variables: () => ({}),
    },
    {
      name: 'kirim survei (SubmitSurveyResponse)',
      owner: 'surveys',
      rate: rate(5),
      connections: 2,
      p95Ms: 400,
      user: null,
      query: text(SubmitSurveyResponseDocument),
      variables: () => ({
        input: {
          submissionId: randomUUID(),
          serviceId,
          scores: Array.from({ length: 9 }, (_, i) => 1 + ((i * 7 + Date.now()) % 4)),
          suggestion: 'Uji beban: pelayanan cepat.',
        },
      }),
    },
    {
      name: 'daftar proyek (LoanProjects, bpkad)',
      owner: 'projects',
      rate: rate(5),
      connections: 2,
      p95Ms: 500,
      user: 'bpkad',
      query: text(LoanProjectsDocument),
      variables: () => ({}),
    },
    {
      name: 'dasbor pimpinan (LeaderDashboard)',
      owner: 'insights',
      rate: rate(2),
      connections: 2,
      p95Ms: 1_500,
      user: 'pimpinan',
      query: text(LeaderDashboardDocument),
      variables: () => ({}),
    },
  ];
}

export interface MixTargets {
  /** Where each operation goes: the gateway's /graphql, or (direct) its owner's. */
  urlFor(operation: MixOperation): string;
  /** Where the notification streams are opened (gateway or notifications service origin). */
  eventsUrl: string;
}

export interface OperationResult {
  name: string;
  requests: number;
  errors: number;
  /** Error kinds and counts: `HTTP 429`, `GRAPHQL FORBIDDEN`, `timeout`, … */
  errorKinds: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  p95Limit: number;
}

export interface MixResult {
  seconds: number;
  operations: OperationResult[];
  streams: { opened: number; requested: number; stillOpen: number };
}

const tokenCache = new Map<string, { token: Promise<string>; until: number }>();

/** A dev user's token, asked of Keycloak at most once a minute (well within its lifetime). */
function userToken(user: string): Promise<string> {
  const cached = tokenCache.get(user);
  if (cached && cached.until > Date.now()) return cached.token;
  const token = getUserToken(user);
  tokenCache.set(user, { token, until: Date.now() + 60_000 });
  return token;
}

async function tokensFor(operations: MixOperation[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const user of new Set(operations.map((op) => op.user))) {
    if (user) tokens.set(user, await userToken(user));
  }
  return tokens;
}

/** The GraphQL error codes in an answer body, or null when it has none. */
function graphqlErrorCodes(body: string): string[] | null {
  if (!body.includes('"errors"')) return null;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    if (!parsed.errors?.length) return null;
    return parsed.errors.map((error) => error.extensions?.code ?? 'TANPA_KODE');
  } catch {
    return ['BUKAN_JSON'];
  }
}

/**
 * Runs every operation of `mix` at once (one autocannon instance each, so the latencies are per
 * operation) for `seconds`, with `streams` notification streams open throughout. `onTick` is
 * called every 500 ms while it runs (the footprint benchmark samples memory there).
 */
export async function runLoadMix(options: {
  mix: MixOperation[];
  targets: MixTargets;
  seconds: number;
  streams: number;
  onTick?: () => void;
}): Promise<MixResult> {
  const { mix, targets, seconds } = options;
  const tokens = await tokensFor(mix);
  const streamToken = await userToken('pelaksana');
  const clients: EventStreamClient[] = [];
  let ended = 0;
  for (let i = 0; i < options.streams; i += 1) {
    try {
      const client = await openEventStream(targets.eventsUrl, { token: streamToken });
      if (client.status === 200) {
        clients.push(client);
        void client.ended.then(() => (ended += 1));
      } else client.close();
    } catch {
      // Counted below as not opened.
    }
  }
  const ticker = options.onTick ? setInterval(options.onTick, 500) : undefined;
  try {
    const runs = mix.map(async (operation): Promise<OperationResult> => {
      const latencies: number[] = [];
      const errorKinds: Record<string, number> = {};
      let errors = 0;
      const fail = (kind: string) => {
        errors += 1;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      };
      const token = operation.user ? tokens.get(operation.user) : undefined;
      const settings: autocannon.Options = {
        url: targets.urlFor(operation),
        connections: operation.connections,
        overallRate: operation.rate,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ query: operation.query, variables: operation.variables() }),
            }),
            onResponse: (status, body) => {
              if (status !== 200) fail(`HTTP ${status}`);
              else {
                const codes = graphqlErrorCodes(body);
                if (codes) fail(`GRAPHQL ${[...new Set(codes)].join(',')}`);
              }
            },
          },
        ],
      };
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(settings, (error, done) =>
          error ? reject(error) : resolve(done),
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => {
          latencies.push(responseTime);
        });
      });
      const failures = result.errors + result.timeouts;
      if (failures) {
        errors += failures;
        errorKinds['koneksi/timeout'] = failures;
      }
      const sorted = latencies.sort((a, b) => a - b);
      return {
        name: operation.name,
        requests: latencies.length + failures,
        errors,
        errorKinds,
        rps: latencies.length / seconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        p95Limit: operation.p95Ms,
      };
    });
    const operations = await Promise.all(runs);
    return {
      seconds,
      operations,
      streams: {
        opened: clients.length,
        requested: options.streams,
        stillOpen: clients.length - ended,
      },
    };
  } finally {
    if (ticker) clearInterval(ticker);
    for (const client of clients) client.close();
  }
}

/** Prints the per-operation table; returns the threshold failures (empty = PASS). */
export function printMixReport(result: MixResult, label: string): string[] {
  const failures: string[] = [];
  console.log(`\n${label} — ${result.seconds} detik`);
  console.log(
    'operasi                                       permintaan   rps/s  galat    p50 ms    p95 ms    p99 ms  batas p95',
  );
  for (const row of result.operations) {
    const errorRate = row.requests ? row.errors / row.requests : 1;
    console.log(
      `${row.name.padEnd(45)} ${String(row.requests).padStart(10)} ${row.rps.toFixed(1).padStart(7)}` +
        ` ${String(row.errors).padStart(6)} ${row.p50.toFixed(1).padStart(9)} ${row.p95.toFixed(1).padStart(9)}` +
        ` ${row.p99.toFixed(1).padStart(9)} ${String(row.p95Limit).padStart(10)}`,
    );
    if (row.errors) console.log(`    galat: ${JSON.stringify(row.errorKinds)}`);
    if (errorRate >= 0.01) {
      failures.push(`${row.name}: galat ${(errorRate * 100).toFixed(2)} % (batas < 1 %)`);
    }
    if (!(row.p95 <= row.p95Limit)) {
      failures.push(`${row.name}: p95 ${row.p95.toFixed(1)} ms (batas ${row.p95Limit} ms)`);
    }
  }
  const total = result.operations.reduce((sum, row) => sum + row.requests, 0);
  const errors = result.operations.reduce((sum, row) => sum + row.errors, 0);
  console.log(
    `total ${total} permintaan, ${errors} galat (${((errors / Math.max(total, 1)) * 100).toFixed(2)} %);` +
      ` aliran notifikasi terbuka ${result.streams.opened}/${result.streams.requested},` +
      ` masih terbuka di akhir ${result.streams.stillOpen}`,
  );
  if (result.streams.opened < result.streams.requested) {
    failures.push(
      `aliran notifikasi: hanya ${result.streams.opened} dari ${result.streams.requested} terbuka`,
    );
  }
  return failures;
}

export interface BenchPlatform {
  gatewayUrl: string;
  /** Service name → its own GraphQL endpoint. */
  serviceUrls: Record<string, string>;
  /** The notifications service's origin (its own /events). */
  notificationsOrigin: string;
  /** Whether this run started the services (false: BENCH_USE_RUNNING=1). */
  started: boolean;
  stop(): Promise<void>;
}

/**
 * `BENCH_USE_RUNNING=1`: the platform `npm start` runs (gateway :4000, services :4001…).
 * Otherwise the infrastructure (reused when it runs) and every service and the gateway as
 * separate processes, on own databases `bench_<service>` (seeded, demo projects included), ports
 * shifted by BENCH_PORT_OFFSET (default 0), with the per-client limits raised: every request of a
 * benchmark comes from one address.
 */
async function acquireBenchPlatform(log: (line: string) => void): Promise<BenchPlatform> {
  if (process.env.BENCH_USE_RUNNING === '1') {
    const services = existingServices();
    const notifications = services.find((unit) => unit.name === 'notifications');
    return {
      gatewayUrl: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
      serviceUrls: Object.fromEntries(services.map((unit) => [unit.name, serviceUrl(unit)])),
      notificationsOrigin: `http://127.0.0.1:${notifications?.port ?? 4006}`,
      started: false,
      stop: async () => undefined,
    };
  }
  const infra = await ensureInfra({ log });
  try {
    const platform = await startPlatformProcesses({
      env: platformEnvironment(infra.urls),
      portOffset: Number(process.env.BENCH_PORT_OFFSET ?? 0),
      isolate: 'bench',
      serviceEnv: {
        SURVEY_RATE_LIMIT: '1000000',
        SURVEY_RATE_LIMIT_PER_SERVICE: '1000000',
        COMPLAINT_RATE_LIMIT: '1000000',
        TRACKING_RATE_LIMIT: '1000000',
      },
      gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000' },
      readyTimeoutMs: 600_000,
      log,
    });
    const stop = async () => {
      await platform.stop();
      await infra.stop();
    };
    // As `npm start`: the project list is measured whatever the demo story managed to create.
    try {
      await seedDemoProjects({
        gatewayUrl: platform.gatewayUrl,
        keycloakUrl: infra.urls.keycloakUrl,
        log: (line) => log(`demo proyek: ${line}`),
      });
    } catch (error) {
      log(
        `peringatan: data demo proyek gagal dibuat: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return {
      gatewayUrl: platform.gatewayUrl,
      serviceUrls: platform.serviceUrls,
      notificationsOrigin: new URL(platform.serviceUrls.notifications ?? '').origin,
      started: true,
      stop,
    };
  } catch (error) {
    await infra.stop();
    throw error;
  }
}

/** The settings of every run of the mix: BENCH_SECONDS, BENCH_STREAMS and BENCH_SCALE. */
export function mixSettings(): { seconds: number; streams: number; scale: number } {
  return {
    seconds: benchNumber('BENCH_SECONDS', 30),
    streams: benchNumber('BENCH_STREAMS', 50),
    scale: benchNumber('BENCH_SCALE', 1),
  };
}

/**
 * A load benchmark's body on the bench platform, with a `[name]` log: exit code 2 when the platform
 * cannot be brought up, and the platform stopped after `run` whatever happens.
 */
export async function onBenchPlatform(
  name: string,
  run: (platform: BenchPlatform, log: (line: string) => void) => Promise<number>,
): Promise<number> {
  const log = (line: string) => console.log(`[${name}] ${line}`);
  let platform: BenchPlatform;
  try {
    platform = await acquireBenchPlatform(log);
  } catch (error) {
    console.error(
      `Platform tidak dapat dijalankan: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  try {
    return await run(platform, log);
  } finally {
    await platform.stop();
  }
}

/** Every operation of the mix, and the notification streams, through the gateway. */
export function gatewayTargets(platform: BenchPlatform): MixTargets {
  return {
    urlFor: () => platform.gatewayUrl,
    eventsUrl: `${new URL(platform.gatewayUrl).origin}/events`,
  };
}

/** A published service standard to send survey answers to (the demo seed has several). */
export async function surveyServiceId(gatewayUrl: string): Promise<string> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ serviceStandards(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as {
    data?: { serviceStandards?: { edges: { node: { id: string } }[] } };
  };
  const id = body.data?.serviceStandards?.edges[0]?.node.id;
  if (!id)
    throw new Error(`tidak ada standar pelayanan terbit untuk survei: ${JSON.stringify(body)}`);
  return id;
}
