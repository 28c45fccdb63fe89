import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export type Log = (line: string) => void;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, capturing its output (for installs and version probes). */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; logPath?: string } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let settled = false;
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      if (opts.logPath) appendLog(opts.logPath, `$ ${cmd} ${args.join(' ')}\n${stdout}${stderr}\n`);
      resolvePromise({ code, stdout, stderr });
    };
    child.on('error', (err) => {
      stderr += String(err);
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

function appendLog(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  writeSync(fd, text);
  closeSync(fd);
}

export function tailFile(path: string, lines = 30): string {
  if (!existsSync(path)) return '(log kosong)';
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  hasExited(): boolean;
}

const live = new Set<ManagedProcess>();

// Best effort for abnormal exits of the parent (uncaught errors, process.exit): the children run
// in their own process group so one signal reaches kc.sh's JVM too.
process.once('exit', () => {
  for (const p of live) signalGroup(p, 'SIGTERM');
});

function signalGroup(p: ManagedProcess, signal: NodeJS.Signals): void {
  if (p.hasExited() || p.child.pid === undefined) return;
  try {
    process.kill(-p.child.pid, signal);
  } catch {
    try {
      p.child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Starts a long-running server with stdout/stderr going straight to its log file. */
export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; logPath: string },
): ManagedProcess {
  appendLog(opts.logPath, `\n===== ${new Date().toISOString()} start: ${cmd} ${args.join(' ')}\n`);
  const fd = openSync(opts.logPath, 'a');
  // detached = own process group, so stop() can signal the whole tree; the log fd (not a pipe)
  // keeps the child independent of our event loop.
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  let done = false;
  const exited = new Promise<number | null>((resolvePromise) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolvePromise(code ?? (signal ? 128 : null));
    });
    child.on('error', (err) => {
      done = true;
      appendLog(opts.logPath, `spawn error: ${String(err)}\n`);
      resolvePromise(127);
    });
  });
  const managed: ManagedProcess = { name, child, exited, hasExited: () => done };
  live.add(managed);
  void exited.then(() => live.delete(managed));
  // Do not keep the parent's event loop alive just for the child.
  child.unref();
  return managed;
}

/** SIGTERM to the process group, then SIGKILL after the grace period. */
export async function stopProcess(p: ManagedProcess, graceMs = 15_000): Promise<void> {
  if (p.hasExited()) return;
  signalGroup(p, 'SIGTERM');
  const timedOut = await Promise.race([
    p.exited.then(() => false),
    delay(graceMs).then(() => true),
  ]);
  if (timedOut) {
    signalGroup(p, 'SIGKILL');
    await Promise.race([p.exited, delay(5_000)]);
  }
}

/**
 * Polls `check` with exponential backoff until it returns true, the process dies or the timeout
 * passes. Returns the last error message for diagnostics.
 */
export async function waitUntil(
  check: () => Promise<boolean>,
  opts: { timeoutMs: number; process?: ManagedProcess; what: string; logPath?: string },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let wait = 200;
  let lastError = '';
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (opts.process?.hasExited()) {
      throw new Error(
        `${opts.what} berhenti sebelum siap (exited before becoming healthy)` +
          (opts.logPath ? `; log ${opts.logPath}:\n${tailFile(opts.logPath)}` : ''),
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${opts.what} tidak siap dalam ${Math.round(opts.timeoutMs / 1000)} detik (not healthy in time)` +
          (lastError ? `; galat terakhir: ${lastError}` : '') +
          (opts.logPath ? `; log ${opts.logPath}:\n${tailFile(opts.logPath)}` : ''),
      );
    }
    await delay(Math.min(wait, Math.max(0, deadline - Date.now())));
    wait = Math.min(Math.round(wait * 1.5), 2_000);
  }
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ port, host });
    const finish = (open: boolean): void => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Reads the first line an SMTP server sends and checks it is a 220 greeting. */
export function smtpGreets(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ port, host });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('data', (d: Buffer) => {
      socket.write('QUIT\r\n');
      finish(d.toString().startsWith('220'));
    });
    socket.once('error', () => finish(false));
  });
}

/** GET with a timeout; true on a 2xx answer. */
export async function httpOk(url: string, timeoutMs = 3_000): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}`);
  return true;
}
