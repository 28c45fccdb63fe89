import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Throwaway NATS and FerretDB processes for this package's integration specs: each spec owns its
 * servers, so it can stop and restart NATS at will without touching the shared infrastructure.
 */
const infraBin = path.resolve(import.meta.dirname, '../../../.infra/bin');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

function launch(
  bin: string,
  args: string[],
  readyLine: RegExp,
  timeoutMs = 20_000,
): Promise<Started> {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(bin)} did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(bin)} exited with ${code}:\n${output}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface NatsServer {
  url: string;
  /** Stops the server; its JetStream store stays for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same store. */
  start(): Promise<void>;
  /** Stops it and deletes the store. */
  destroy(): Promise<void>;
}

export async function startNatsServer(): Promise<NatsServer> {
  const port = await freePort();
  const storeDir = await mkdtemp(path.join(tmpdir(), 'sipadu-events-nats-'));
  const bin = process.env.NATS_SERVER_BIN ?? path.join(infraBin, 'nats-server');
  let current: ChildProcess | undefined;
  const server: NatsServer = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      const started = await launch(
        bin,
        ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir],
        /Server is ready/,
      );
      current = started.child;
    },
    async stop() {
      if (current) await terminate(current);
      current = undefined;
    },
    async destroy() {
      await server.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface MongoServer {
  /** Connection string including a database private to this spec. */
  url: string;
  destroy(): Promise<void>;
}

/**
 * FerretDB on SQLite in a temp directory. `EVENTS_SPEC_MONGO_URL` (a server URL without database)
 * reuses a running FerretDB instead; the spec then works in a database of its own.
 */
export async function startMongoServer(): Promise<MongoServer> {
  const database = `events_spec_${process.pid}_${Date.now().toString(36)}`;
  const shared = process.env.EVENTS_SPEC_MONGO_URL;
  if (shared)
    return { url: `${shared.replace(/\/$/, '')}/${database}`, destroy: async () => undefined };
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'sipadu-events-ferretdb-'));
  const bin = process.env.FERRETDB_BIN ?? path.join(infraBin, 'ferretdb');
  const { child } = await launch(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=INFO',
    ],
    /Listening on/i,
  );
  return {
    url: `mongodb://127.0.0.1:${port}/${database}`,
    async destroy() {
      await terminate(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
