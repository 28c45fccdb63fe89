import { mkdirSync } from 'node:fs';
import {
  COMPONENTS,
  LOCAL_URLS,
  keycloakRealmReady,
  mongoPing,
  natsGreets,
  smtpHealthy,
  type Component,
  type ComponentName,
} from './components.js';
import {
  ensureInstallDirs,
  installAll,
  installFerretDb,
  installKeycloak,
  installMailpit,
  installNats,
} from './install.js';
import { LOG_DIR, logFile } from './paths.js';
import {
  httpOk,
  isPortOpen,
  stopProcess,
  waitUntil,
  type Log,
  type ManagedProcess,
} from './process.js';

export { PrerequisiteError } from './prerequisites.js';
export { KEYCLOAK_DEV_ADMIN, KEYCLOAK_REALM } from './versions.js';

export interface InfraUrls {
  mongoUrl: string;
  natsUrl: string;
  keycloakUrl: string;
  smtpUrl: string;
  mailpitApiUrl: string;
}

export interface InfraHandle {
  urls: InfraUrls;
  /** Stops only the servers this call started (reused and external ones keep running). */
  stop(): Promise<void>;
}

export type ComponentState = 'external' | 'reused' | 'started';

export interface InfraOptions {
  log?: Log;
  /** Reports how each component was obtained (for the CLI). */
  onState?: (name: ComponentName, state: ComponentState) => void;
}

const defaultLog: Log = (line) => console.log(`[infra] ${line}`);

interface External {
  name: ComponentName;
  url: string;
  check: () => Promise<boolean>;
}

/** Servers named by environment variables replace the local ones. */
function externals(env: NodeJS.ProcessEnv): External[] {
  const list: External[] = [];
  const { MONGO_URL, NATS_URL, KEYCLOAK_URL, SMTP_URL, MAILPIT_API_URL } = env;
  if (MONGO_URL) list.push({ name: 'ferretdb', url: MONGO_URL, check: () => mongoPing(MONGO_URL) });
  if (NATS_URL) list.push({ name: 'nats', url: NATS_URL, check: () => natsGreets(NATS_URL) });
  if (KEYCLOAK_URL)
    list.push({
      name: 'keycloak',
      url: KEYCLOAK_URL,
      check: () => keycloakRealmReady(KEYCLOAK_URL),
    });
  if (SMTP_URL) {
    list.push({
      name: 'mailpit',
      url: SMTP_URL,
      check: async () =>
        (await smtpHealthy(SMTP_URL)) &&
        (!MAILPIT_API_URL || (await httpOk(`${MAILPIT_API_URL}/api/v1/info`))),
    });
  }
  return list;
}

function resolveUrls(env: NodeJS.ProcessEnv): InfraUrls {
  return {
    mongoUrl: env.MONGO_URL || LOCAL_URLS.mongoUrl,
    natsUrl: env.NATS_URL || LOCAL_URLS.natsUrl,
    keycloakUrl: env.KEYCLOAK_URL || LOCAL_URLS.keycloakUrl,
    smtpUrl: env.SMTP_URL || LOCAL_URLS.smtpUrl,
    mailpitApiUrl: env.SMTP_URL
      ? (env.MAILPIT_API_URL ?? '')
      : env.MAILPIT_API_URL || LOCAL_URLS.mailpitApiUrl,
  };
}

async function healthyNow(component: Component): Promise<boolean> {
  try {
    return await component.healthy();
  } catch {
    return false;
  }
}

async function install(names: ComponentName[], log: Log): Promise<string> {
  let javaHome = '';
  ensureInstallDirs();
  // Sequential on purpose: Go builds are CPU-heavy on two cores.
  for (const name of names) {
    if (name === 'ferretdb') await installFerretDb(log);
    if (name === 'nats') await installNats(log);
    if (name === 'mailpit') await installMailpit(log);
    if (name === 'keycloak') javaHome = await installKeycloak(log);
  }
  return javaHome;
}

/**
 * Makes FerretDB, NATS JetStream, Keycloak (realm `sipadu`) and Mailpit available on loopback:
 * uses the servers named by MONGO_URL/NATS_URL/KEYCLOAK_URL/SMTP_URL, reuses healthy local ones,
 * installs and starts the rest, and waits on real health checks.
 */
export async function ensureInfra(opts: InfraOptions = {}): Promise<InfraHandle> {
  const log = opts.log ?? defaultLog;
  const onState = opts.onState ?? (() => undefined);
  mkdirSync(LOG_DIR, { recursive: true });
  const external = externals(process.env);
  const externalNames = new Set(external.map((e) => e.name));

  await Promise.all(
    external.map(async (e) => {
      await waitUntil(e.check, { timeoutMs: 30_000, what: `${e.name} (${e.url})` });
      onState(e.name, 'external');
    }),
  );

  const toStart: Component[] = [];
  for (const component of COMPONENTS) {
    if (externalNames.has(component.name)) continue;
    if (await healthyNow(component)) {
      component.onReuse?.(log);
      onState(component.name, 'reused');
      continue;
    }
    const busy: number[] = [];
    for (const port of component.ports) if (await isPortOpen(port)) busy.push(port);
    if (busy.length > 0) {
      // Possibly another run still booting it (e.g. Keycloak): give it the normal start-up time.
      log(
        `${component.name}: port ${busy.join(', ')} sudah terpakai, menunggu sampai sehat (port in use, waiting)…`,
      );
      try {
        await waitUntil(component.healthy, {
          timeoutMs: component.timeoutMs,
          what: component.name,
        });
      } catch (err) {
        throw new Error(
          `Port ${busy.join(', ')} dipakai proses yang bukan ${component.name} yang sehat ` +
            `(port taken by something that is not a healthy ${component.name}); hentikan proses itu dahulu. ` +
            (err instanceof Error ? err.message : String(err)),
          { cause: err },
        );
      }
      component.onReuse?.(log);
      onState(component.name, 'reused');
      continue;
    }
    toStart.push(component);
  }

  const started: { component: Component; process: ManagedProcess }[] = [];
  const stop = async (): Promise<void> => {
    const running = started.splice(0);
    await Promise.all(
      running.map(({ component, process }) => stopProcess(process, component.graceMs)),
    );
  };

  try {
    if (toStart.length > 0) {
      const javaHome = await install(
        toStart.map((c) => c.name),
        log,
      );
      for (const component of toStart) {
        log(`menjalankan ${component.name} (log: ${logFile(component.name)})`);
        started.push({ component, process: component.start({ javaHome, log }) });
      }
      await Promise.all(
        started.map(async ({ component, process }) => {
          await waitUntil(component.healthy, {
            timeoutMs: component.timeoutMs,
            process,
            what: component.name,
            logPath: logFile(component.name),
          });
          component.onHealthy?.();
          onState(component.name, 'started');
        }),
      );
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return { urls: resolveUrls(process.env), stop };
}

/** Installs whatever is missing without starting anything. */
export async function installInfra(opts: { log?: Log } = {}): Promise<void> {
  await installAll(opts.log ?? defaultLog);
}

/** Health of each local component (or of its external replacement). */
export async function infraStatus(): Promise<
  { name: ComponentName; url: string; healthy: boolean }[]
> {
  const urls = resolveUrls(process.env);
  const urlOf: Record<ComponentName, string> = {
    ferretdb: urls.mongoUrl,
    nats: urls.natsUrl,
    keycloak: urls.keycloakUrl,
    mailpit: urls.smtpUrl,
  };
  const external = new Map(externals(process.env).map((e) => [e.name, e]));
  return Promise.all(
    COMPONENTS.map(async (component) => {
      const ext = external.get(component.name);
      let healthy: boolean;
      try {
        healthy = ext ? await ext.check() : await component.healthy();
      } catch {
        healthy = false;
      }
      return { name: component.name, url: urlOf[component.name], healthy };
    }),
  );
}
