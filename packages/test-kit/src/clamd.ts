// Debian's clamd (package clamav-daemon) for tests, on a free loopback port with a signature
// database written here: the official one comes from freshclam, which a closed network cannot
// reach, and tests need signatures they control anyway.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CLAMD_PATH = process.env.CLAMD_PATH ?? '/usr/sbin/clamd';

/** ASCII bytes the test database knows as `Sipadu.Uji.Penanda`. */
export const CLAMD_TEST_MARKER = 'SIPADU-UJI-CLAMAV';
// ClamAV names a detection from a database outside its own signed ones `<name>.UNOFFICIAL`.
/** What clamd answers for a stream carrying CLAMD_TEST_MARKER. */
export const CLAMD_TEST_SIGNATURE = 'Sipadu.Uji.Penanda.UNOFFICIAL';
/** What clamd answers for the EICAR test file (also inside an archive). */
export const CLAMD_EICAR_SIGNATURE = 'Eicar-Test-Signature.UNOFFICIAL';

// The test-kit cannot import the documents service; these are the 68 bytes every scanner knows.
const EICAR = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;

/** A body-based signature (`.ndb`: name, any target type, any offset, the bytes in hex). */
const ndbLine = (reported: string, bytes: string) =>
  `${reported.replace(/\.UNOFFICIAL$/, '')}:0:*:${Buffer.from(bytes, 'latin1').toString('hex')}\n`;

const STARTUP_DEADLINE_MS = 30_000;
const STOP_DEADLINE_MS = 10_000;

export interface RunningClamd {
  host: string;
  port: number;
  /** Streams clamd has given a verdict on so far (clean or not), read from its log. */
  scanned(): Promise<number>;
  /** Ends this clamd (its own process only) and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** clamd's answer to `zPING`, or null when it does not answer (yet). */
function ping(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (data: Buffer) => chunks.push(data));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(chunks.length ? Buffer.concat(chunks).toString() : null));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts clamd and resolves once it answers PING; throws when it does not within 30 s. */
export async function startClamd(): Promise<RunningClamd> {
  if (!existsSync(CLAMD_PATH)) {
    throw new Error(
      `clamd tidak ditemukan di ${CLAMD_PATH}: pasang paket Debian \`apt-get install clamav-daemon\` ` +
        '(.ci/run memasangnya) atau arahkan CLAMD_PATH ke clamd lain (clamd not found)',
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sipadu-clamd-'));
  const database = path.join(dir, 'db');
  const temporary = path.join(dir, 'tmp');
  const log = path.join(dir, 'clamd.log');
  await mkdir(database);
  await mkdir(temporary);
  await writeFile(
    path.join(database, 'sipadu.ndb'),
    ndbLine(CLAMD_EICAR_SIGNATURE, EICAR) + ndbLine(CLAMD_TEST_SIGNATURE, CLAMD_TEST_MARKER),
  );
  const port = await freePort();
  const conf = path.join(dir, 'clamd.conf');
  await writeFile(
    conf,
    [
      'Foreground yes',
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${temporary}`,
      'TCPAddr 127.0.0.1',
      `TCPSocket ${port}`,
      `LogFile ${log}`,
      'LogTime no',
      // Clean verdicts are logged too: scanned() counts them.
      'LogClean yes',
      `PidFile ${path.join(dir, 'clamd.pid')}`,
      'StreamMaxLength 100M',
      // Nothing changes the database while it runs.
      'SelfCheck 0',
      '',
    ].join('\n'),
  );

  const child = spawn(CLAMD_PATH, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (data: Buffer) => {
    output = (output + data.toString()).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let failure: Error | undefined;
  child.once('error', (error) => (failure = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test process that ends without stop() must not leave clamd running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    })());

  const ended = () => failure !== undefined || child.exitCode !== null || child.signalCode !== null;
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  let answer: string | null = null;
  while (!answer?.startsWith('PONG')) {
    if (ended() || Date.now() > deadline) {
      const reason = ended()
        ? `berhenti (${failure?.message ?? `kode ${child.exitCode ?? child.signalCode}`})`
        : `tidak menjawab PING dalam ${STARTUP_DEADLINE_MS / 1000} detik`;
      await stop();
      throw new Error(`clamd ${reason}:\n${output}`);
    }
    await sleep(200);
    answer = await ping(port);
  }

  return {
    host: '127.0.0.1',
    port,
    scanned: async () => {
      const text = await readFile(log, 'utf8').catch(() => '');
      return text.split('\n').filter((line) => /^instream\(.*\): (OK|.+ FOUND)$/.test(line)).length;
    },
    stop,
  };
}
