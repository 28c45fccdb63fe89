import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { FERRETDB_BIN, KEYCLOAK_HOME, MAILPIT_BIN, NATS_BIN } from './install.js';
import { REPO_ROOT, dataDir, logFile } from './paths.js';
import { httpOk, smtpGreets, startProcess, type Log, type ManagedProcess } from './process.js';
import { KEYCLOAK_DEV_ADMIN, KEYCLOAK_PUBLIC_URL, KEYCLOAK_REALM, PORTS } from './versions.js';

export type ComponentName = 'ferretdb' | 'nats' | 'keycloak' | 'mailpit';

export interface Component {
  name: ComponentName;
  /** Ports a local instance listens on; any of them taken by a stranger blocks the start. */
  ports: number[];
  healthy(): Promise<boolean>;
  start(env: { javaHome: string; log: Log }): ManagedProcess;
  /** Runs once the started instance is healthy. */
  onHealthy?(): void;
  /** Runs when an already running, healthy instance is reused. */
  onReuse?(log: Log): void;
  timeoutMs: number;
  graceMs: number;
}

export const LOCAL_URLS = {
  mongoUrl: `mongodb://127.0.0.1:${PORTS.mongo}`,
  natsUrl: `nats://127.0.0.1:${PORTS.nats}`,
  keycloakUrl: KEYCLOAK_PUBLIC_URL,
  smtpUrl: `smtp://127.0.0.1:${PORTS.smtp}`,
  mailpitApiUrl: `http://127.0.0.1:${PORTS.mailpitHttp}`,
} as const;

export async function mongoPing(url: string): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(url, {
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
  });
  try {
    await client.connect();
    const res = await client.db('admin').command({ ping: 1 });
    return res.ok === 1;
  } finally {
    await client.close();
  }
}

/** A NATS server greets every client with an INFO line. */
export function natsGreets(url: string, timeoutMs = 2_000): Promise<boolean> {
  const first = url.split(',')[0] ?? url;
  const { hostname, port } = new URL(first.includes('://') ? first : `nats://${first}`);
  return new Promise((resolvePromise) => {
    const socket = connect({ host: hostname, port: Number(port || PORTS.nats) });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('data', (d: Buffer) => finish(d.toString().startsWith('INFO ')));
    socket.once('error', () => finish(false));
  });
}

export async function keycloakRealmReady(baseUrl: string): Promise<boolean> {
  return httpOk(
    `${baseUrl.replace(/\/$/, '')}/realms/${KEYCLOAK_REALM}/.well-known/openid-configuration`,
  );
}

export async function smtpHealthy(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return smtpGreets(hostname, Number(port || 25));
}

export const ferretdb: Component = {
  name: 'ferretdb',
  ports: [PORTS.mongo],
  healthy: () => mongoPing(LOCAL_URLS.mongoUrl),
  start: () => {
    const dir = dataDir('ferretdb');
    mkdirSync(dir, { recursive: true });
    return startProcess(
      'ferretdb',
      FERRETDB_BIN,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--state-dir=${dir}`,
        `--listen-addr=127.0.0.1:${PORTS.mongo}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      { logPath: logFile('ferretdb') },
    );
  },
  timeoutMs: 60_000,
  graceMs: 10_000,
};

export const nats: Component = {
  name: 'nats',
  ports: [PORTS.nats, PORTS.natsMonitor],
  healthy: () => httpOk(`http://127.0.0.1:${PORTS.natsMonitor}/healthz?js-enabled-only=true`),
  start: () => {
    const dir = dataDir('nats');
    mkdirSync(dir, { recursive: true });
    return startProcess(
      'nats',
      NATS_BIN,
      [
        '-n',
        'sipadu-dev',
        '-a',
        '127.0.0.1',
        '-p',
        String(PORTS.nats),
        '-m',
        String(PORTS.natsMonitor),
        '-js',
        '-sd',
        dir,
      ],
      { logPath: logFile('nats') },
    );
  },
  timeoutMs: 30_000,
  graceMs: 10_000,
};

let mailpitNoticeShown = false;

export const mailpit: Component = {
  name: 'mailpit',
  ports: [PORTS.smtp, PORTS.mailpitHttp],
  healthy: () => httpOk(`${LOCAL_URLS.mailpitApiUrl}/api/v1/info`),
  start: ({ log }) => {
    if (!mailpitNoticeShown) {
      mailpitNoticeShown = true;
      log(
        'Mailpit: hanya SMTP + API HTTP yang berfungsi; aset UI web tidak ikut dalam modul Go ' +
          '(only SMTP and the HTTP API work; the web UI assets are not in the Go module)',
      );
    }
    const dir = dataDir('mailpit');
    mkdirSync(dir, { recursive: true });
    return startProcess(
      'mailpit',
      MAILPIT_BIN,
      [
        '--smtp',
        `127.0.0.1:${PORTS.smtp}`,
        '--listen',
        `127.0.0.1:${PORTS.mailpitHttp}`,
        '--database',
        join(dir, 'mailpit.db'),
        '--smtp-auth-accept-any',
        '--smtp-auth-allow-insecure',
        '--disable-version-check',
      ],
      { logPath: logFile('mailpit') },
    );
  },
  timeoutMs: 30_000,
  graceMs: 10_000,
};

const REALM_FILE = join(REPO_ROOT, 'keycloak', 'realm-dev.json');
const REALM_HASH_FILE = join(dataDir('keycloak'), 'imported-realm.sha256');

function realmHash(): string {
  return createHash('sha256').update(readFileSync(REALM_FILE)).digest('hex');
}

export const keycloak: Component = {
  name: 'keycloak',
  ports: [PORTS.keycloak, PORTS.keycloakManagement],
  healthy: async () =>
    (await httpOk(`http://127.0.0.1:${PORTS.keycloakManagement}/health/ready`)) &&
    keycloakRealmReady(`http://127.0.0.1:${PORTS.keycloak}`),
  start: ({ javaHome, log }) => {
    mkdirSync(dataDir('keycloak'), { recursive: true });
    const importDir = join(KEYCLOAK_HOME, 'data', 'import');
    mkdirSync(importDir, { recursive: true });
    copyFileSync(REALM_FILE, join(importDir, `${KEYCLOAK_REALM}-realm.json`));
    // start-dev keeps its H2 database in the Keycloak home and never re-imports an existing realm:
    // when the realm file changed since the last import, start from an empty database.
    const previous = existsSync(REALM_HASH_FILE)
      ? readFileSync(REALM_HASH_FILE, 'utf8').trim()
      : '';
    if (previous !== realmHash()) {
      log(
        'Keycloak: berkas realm berubah, basis data H2 dev dihapus agar realm diimpor ulang (realm changed, re-importing)',
      );
      rmSync(join(KEYCLOAK_HOME, 'data', 'h2'), { recursive: true, force: true });
    }
    return startProcess(
      'keycloak',
      join(KEYCLOAK_HOME, 'bin', 'kc.sh'),
      [
        'start-dev',
        '--import-realm',
        '--http-host=127.0.0.1',
        `--http-port=${PORTS.keycloak}`,
        `--hostname=${KEYCLOAK_PUBLIC_URL}`,
        '--health-enabled=true',
      ],
      {
        cwd: KEYCLOAK_HOME,
        logPath: logFile('keycloak'),
        env: {
          ...process.env,
          JAVA_HOME: javaHome,
          PATH: `${join(javaHome, 'bin')}:${process.env.PATH ?? ''}`,
          // Two cores and many services on this machine: keep the JVM small.
          JAVA_OPTS_KC_HEAP: '-Xms256m -Xmx768m',
          KC_BOOTSTRAP_ADMIN_USERNAME: KEYCLOAK_DEV_ADMIN.username,
          KC_BOOTSTRAP_ADMIN_PASSWORD: KEYCLOAK_DEV_ADMIN.password,
        },
      },
    );
  },
  onHealthy: () => writeFileSync(REALM_HASH_FILE, `${realmHash()}\n`),
  onReuse: (log) => {
    const imported = existsSync(REALM_HASH_FILE)
      ? readFileSync(REALM_HASH_FILE, 'utf8').trim()
      : '';
    if (imported && imported !== realmHash()) {
      log(
        'PERINGATAN: keycloak/realm-dev.json berubah sejak diimpor; hentikan Keycloak yang berjalan lalu jalankan ulang ' +
          'agar realm diimpor ulang (realm file changed since import: restart Keycloak to re-import)',
      );
    }
  },
  timeoutMs: 300_000,
  graceMs: 20_000,
};

export const COMPONENTS: readonly Component[] = [ferretdb, nats, mailpit, keycloak];
