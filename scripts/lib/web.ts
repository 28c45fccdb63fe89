// The Next.js portal (web/) on this machine: built only when its sources changed since the last
// build, then served with `next start` on port 3000 — the only origin the Keycloak client
// sipadu-web accepts as a redirect target. Used by `npm start`, the browser tests and bench:web.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KEYCLOAK_REALM } from './infra/index.js';
import { REPO_ROOT, logFile } from './infra/paths.js';
import {
  httpOk,
  isPortOpen,
  run,
  startProcess,
  stopProcess,
  tailFile,
  waitUntil,
  type Log,
  type ManagedProcess,
} from './infra/process.js';
import { WEB_PORT } from './platform.js';

export const WEB_DIR = path.join(REPO_ROOT, 'web');
/** The browser-facing origin; Keycloak's sipadu-web client allows redirects to it only. */
export const WEB_URL = `http://localhost:${WEB_PORT}`;
/** Development-only session secret; production supplies NEXTAUTH_SECRET from a Secret. */
export const DEV_NEXTAUTH_SECRET = 'sipadu-dev-nextauth-secret-ganti-di-produksi';

const NEXT_DIR = path.join(WEB_DIR, '.next');
const STAMP_FILE = path.join(NEXT_DIR, 'sipadu-source-hash');
// Build output, dependencies and tests do not change what `next build` produces.
const IGNORED_NAMES = new Set([
  'node_modules',
  '.next',
  'e2e',
  'test-results',
  'next-env.d.ts',
  'tsconfig.tsbuildinfo',
]);
const IGNORED_SUFFIXES = ['.spec.ts', '.spec.tsx', '.test.ts', '.test.tsx'];

function nextBin(): string {
  const local = path.join(WEB_DIR, 'node_modules', '.bin', 'next');
  return existsSync(local) ? local : path.join(REPO_ROOT, 'node_modules', '.bin', 'next');
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED_NAMES.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.isFile() && !IGNORED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix)))
      files.push(full);
  }
  return files;
}

/**
 * Fingerprint of everything a production build depends on: web sources and config, the installed
 * Next.js version and the NEXT_PUBLIC_* variables that get inlined into client bundles.
 */
export function webSourceHash(env: NodeJS.ProcessEnv = process.env, dir = WEB_DIR): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(dir).sort()) {
    hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const manifest of [
    path.join(dir, 'node_modules', 'next', 'package.json'),
    path.join(REPO_ROOT, 'node_modules', 'next', 'package.json'),
  ]) {
    if (existsSync(manifest)) hash.update(readFileSync(manifest));
  }
  for (const key of Object.keys(env)
    .filter((name) => name.startsWith('NEXT_PUBLIC_'))
    .sort())
    hash.update(`${key}=${env[key]}\0`);
  return hash.digest('hex');
}

/** True when web/.next holds a production build of the current sources. */
export function webBuildIsFresh(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    existsSync(path.join(NEXT_DIR, 'BUILD_ID')) &&
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, 'utf8').trim() === webSourceHash(env)
  );
}

/**
 * Runs the web workspace's production build (`next build`, with whatever its build script does
 * first). Skipped when the stamp matches, unless `force` (bench:web always measures a new build).
 */
export async function ensureWebBuild(
  options: { env?: NodeJS.ProcessEnv; log?: Log; force?: boolean } = {},
): Promise<'built' | 'fresh'> {
  const env = { ...(options.env ?? process.env), NEXT_TELEMETRY_DISABLED: '1' };
  const log = options.log ?? ((line: string) => console.log(`[web] ${line}`));
  if (!options.force && webBuildIsFresh(env)) return 'fresh';
  const logPath = logFile('web-build');
  log(`membangun portal web (next build)… log: ${path.relative(process.cwd(), logPath)}`);
  const started = Date.now();
  const result = await run('npm', ['run', 'build', '--workspace', 'web'], {
    cwd: REPO_ROOT,
    env,
    logPath,
  });
  if (result.code !== 0) {
    throw new Error(
      `build portal web gagal (kode ${result.code}); log ${logPath}:\n${tailFile(logPath, 40)}`,
    );
  }
  // Hashed after the build: a build step that regenerates sources (codegen) is then part of it.
  writeFileSync(STAMP_FILE, `${webSourceHash(env)}\n`);
  log(`portal web dibangun dalam ${Math.round((Date.now() - started) / 1000)} detik`);
  return 'built';
}

/** Environment of the web server: where the gateway and Keycloak are, and its own public URL. */
export function webEnvironment(options: {
  keycloakUrl: string;
  gatewayUrl: string;
  base?: NodeJS.ProcessEnv;
}): NodeJS.ProcessEnv {
  const base = options.base ?? process.env;
  return {
    ...base,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(WEB_PORT),
    GATEWAY_URL: options.gatewayUrl,
    KEYCLOAK_ISSUER: `${options.keycloakUrl.replace(/\/$/, '')}/realms/${KEYCLOAK_REALM}`,
    KEYCLOAK_CLIENT_ID: base.KEYCLOAK_CLIENT_ID ?? 'sipadu-web',
    NEXTAUTH_URL: WEB_URL,
    NEXTAUTH_SECRET: base.NEXTAUTH_SECRET ?? DEV_NEXTAUTH_SECRET,
    TIME_ZONE: base.TIME_ZONE ?? 'Asia/Jakarta',
  };
}

/** Starts `next start` on port 3000 and waits until the landing page answers. */
export async function startWeb(env: NodeJS.ProcessEnv): Promise<ManagedProcess> {
  if (await isPortOpen(WEB_PORT)) {
    throw new Error(
      `port ${WEB_PORT} sudah dipakai proses lain; hentikan dulu (mis. \`npm start\` yang masih ` +
        `berjalan). Portal web harus di ${WEB_URL}: hanya alamat itu yang diizinkan klien ` +
        `Keycloak sipadu-web. (port ${WEB_PORT} is busy)`,
    );
  }
  const logPath = logFile('web');
  const child = startProcess('web', nextBin(), ['start', '--port', String(WEB_PORT)], {
    cwd: WEB_DIR,
    env,
    logPath,
  });
  try {
    await waitUntil(() => httpOk(`http://127.0.0.1:${WEB_PORT}/`, 10_000), {
      timeoutMs: 60_000,
      process: child,
      what: 'portal web',
      logPath,
    });
  } catch (error) {
    await stopProcess(child, 5_000);
    throw error;
  }
  return child;
}
