// What the fault specs break on purpose: a private FerretDB they stop and restart, a loopback TCP
// proxy that stands for a host going silent or away, and the throwaway services they run. The
// shared infrastructure other suites use is never signalled: only processes started here are.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createGatewayApp } from '../../../gateway/src/app.js';
import { composeSubgraphs, readSubgraphSources } from '../../../gateway/src/composition.js';
import { loadGatewayEnvironment } from '../../../gateway/src/environment.js';
import { mongoPing } from '../../../scripts/lib/infra/components.js';
import { FERRETDB_BIN } from '../../../scripts/lib/infra/install.js';
import { REPO_ROOT } from '../../../scripts/lib/infra/paths.js';
import {
  startProcess,
  stopProcess,
  waitUntil,
  type ManagedProcess,
} from '../../../scripts/lib/infra/process.js';
import { freePort, type NatsServer } from '../../../packages/events/src/spec-infra.js';

export {
  freePort,
  startNatsServer,
  type NatsServer,
} from '../../../packages/events/src/spec-infra.js';

/**
 * A server process of the spec's own, on a fixed port, that can be stopped and started again with
 * the same data: the contract of the events specs' private NATS.
 */
export type PrivateServer = NatsServer;

/** FerretDB on SQLite in a temporary directory, flags as in scripts/lib/infra/components.ts. */
export async function startPrivateFerretDb(): Promise<PrivateServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'sipadu-faults-ferretdb-'));
  const url = `mongodb://127.0.0.1:${port}`;
  const logPath = path.join(dir, 'ferretdb.log');
  let current: ManagedProcess | undefined;
  const server: PrivateServer = {
    url,
    async start() {
      current = startProcess(
        'ferretdb-faults',
        FERRETDB_BIN,
        [
          '--handler=sqlite',
          `--sqlite-url=file:${dir}/`,
          `--state-dir=${dir}`,
          `--listen-addr=127.0.0.1:${port}`,
          '--debug-addr=-',
          '--telemetry=disable',
          '--log-level=warn',
        ],
        { logPath },
      );
      await waitUntil(() => mongoPing(url), {
        timeoutMs: 30_000,
        process: current,
        what: 'FerretDB (faults)',
        logPath,
      });
    },
    async stop() {
      if (current) await stopProcess(current, 5_000);
      current = undefined;
    },
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export type ProxyMode = 'forward' | 'blackhole';

/** A loopback TCP proxy in front of a real server, to cut it off without touching its process. */
export interface TcpProxy {
  port: number;
  origin: string;
  /** Connections accepted so far (forwarded or held), to tell that a client really tried. */
  readonly accepted: number;
  /**
   * `blackhole`: a host that hangs. Open connections stay open but carry nothing more, new ones
   * are accepted and never answered. `forward` relays to the target again, after dropping the
   * connections frozen meanwhile (their clients reconnect).
   */
  setMode(mode: ProxyMode): void;
  /** Stops listening and drops every connection: the port now refuses, like a stopped host. */
  close(): Promise<void>;
}

export async function startTcpProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const relays = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    accepted += 1;
    track(client);
    if (mode === 'blackhole') {
      client.resume();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    const relay = { client, upstream };
    relays.add(relay);
    client.on('close', () => {
      relays.delete(relay);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    setMode(next) {
      mode = next;
      if (next === 'forward') {
        dropAll();
        return;
      }
      for (const { client, upstream } of relays) {
        // Requests are swallowed and answers never read: both ends wait.
        client.unpipe(upstream);
        upstream.unpipe(client);
        upstream.pause();
        client.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
      }),
  };
}

/** Runs `work` and reports how long it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/** `work`'s result, or a failure naming `what` when it takes longer than `ms` (a hang). */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: tidak dijawab dalam ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Status and JSON body of a GET, bounded so a hung endpoint fails the assertion instead of the run. */
export async function getJson(
  url: string,
  timeoutMs = 15_000,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Origin of a subgraph (`/healthz`, `/readyz`) from its GraphQL URL. */
export const originOf = (graphqlUrl: string): string => new URL(graphqlUrl).origin;

export async function dropDatabases(mongoUrl: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const connection = await mongoose.createConnection(mongoUrl, { dbName: name }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
}

const SUBGRAPH_URL_VARIABLES = [
  'IDENTITY_URL',
  'DOCUMENTS_URL',
  'NOTIFICATIONS_URL',
  'PROJECTS_URL',
  'SURVEYS_URL',
  'CONSULTATIONS_URL',
  'INSIGHTS_URL',
] as const;

/**
 * The gateway in production mode on the supergraph composed from the services' SDL (as the API
 * stack does), with `env` on top; every subgraph URL `env` does not set points at an address
 * nothing listens on: the subgraphs a spec does not start are simply down.
 */
export async function startFaultGateway(
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dead = `http://127.0.0.1:${await freePort()}`;
  const gateway = await createGatewayApp(
    loadGatewayEnvironment({
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...Object.fromEntries(SUBGRAPH_URL_VARIABLES.map((name) => [name, dead])),
      ...env,
    }),
    { supergraphSdl: composed.supergraphSdl },
  );
  return { url: await gateway.start(), stop: () => gateway.stop() };
}

/** Cleanup steps run in reverse order; every step runs even when an earlier one fails. */
export class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    const failures: unknown[] = [];
    for (const step of this.steps.reverse()) {
      await step().catch((error: unknown) => failures.push(error));
    }
    this.steps.length = 0;
    if (failures.length) throw new AggregateError(failures, 'pembersihan uji gangguan gagal');
  }
}
