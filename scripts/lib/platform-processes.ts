// Every service and the gateway as separate processes, as `npm start` runs them (the web portal is
// started apart: scripts/lib/web.ts). Shared by `npm start` and the load and footprint benchmarks.
import path from 'node:path';
import { KEYCLOAK_REALM, type InfraUrls } from './infra/index.js';
import { REPO_ROOT, logFile } from './infra/paths.js';
import {
  httpOk,
  isPortOpen,
  startProcess,
  stopProcess,
  waitUntil,
  type ManagedProcess,
} from './infra/process.js';
import { GATEWAY_PORT, existingServices, serviceUrl } from './platform.js';
import { WEB_URL } from './web.js';

const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** Environment every Node unit receives: where the infrastructure is and how to check tokens. */
export function platformEnvironment(urls: InfraUrls): NodeJS.ProcessEnv {
  const issuer = `${urls.keycloakUrl}/realms/${KEYCLOAK_REALM}`;
  return {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    MONGO_URL: urls.mongoUrl,
    NATS_URL: urls.natsUrl,
    KEYCLOAK_URL: urls.keycloakUrl,
    KEYCLOAK_ISSUER: issuer,
    KEYCLOAK_JWKS_URL: `${issuer}/protocol/openid-connect/certs`,
    // The insights service reads the owning services with its own client-credentials token.
    KEYCLOAK_TOKEN_URL: `${issuer}/protocol/openid-connect/token`,
    SMTP_URL: urls.smtpUrl,
    // Links in e-mails and seal QR codes point at the portal.
    PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? WEB_URL,
  };
}

export interface PlatformProcessOptions {
  /** From `platformEnvironment`. */
  env: NodeJS.ProcessEnv;
  /** Added to every port of `npm start` (gateway 4000, services 4001…): 0 runs on those ports. */
  portOffset?: number;
  /**
   * Own databases `<isolate>_<service>` and JetStream consumers `<isolate>-<service>`, so a
   * benchmark neither writes into the demo data nor takes events meant for `npm start`.
   */
  isolate?: string;
  /** Extra settings for every service, and for the gateway. */
  serviceEnv?: NodeJS.ProcessEnv;
  gatewayEnv?: NodeJS.ProcessEnv;
  /**
   * How long each service may take to become ready (120 s). A new durable consumer first replays
   * its streams: on a machine whose JetStream holds many runs' events that takes minutes.
   */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface PlatformProcesses {
  /** Services in port order, then the gateway. */
  units: ManagedProcess[];
  gatewayUrl: string;
  /** Service name → its own GraphQL endpoint. */
  serviceUrls: Record<string, string>;
  /** Stops the gateway, then the services (reverse start order). */
  stop(): Promise<void>;
}

/**
 * Starts every service (seeded) in port order, so insights starts last, once every owner it reads
 * is ready, then the gateway. Stops what it started when one of them fails.
 */
export async function startPlatformProcesses(
  options: PlatformProcessOptions,
): Promise<PlatformProcesses> {
  const offset = options.portOffset ?? 0;
  const log = options.log ?? ((line: string) => console.log(line));
  const services = existingServices().map((unit) => ({ ...unit, port: unit.port + offset }));
  const gatewayPort = GATEWAY_PORT + offset;
  for (const port of [gatewayPort, ...services.map((unit) => unit.port)]) {
    if (await isPortOpen(port)) {
      throw new Error(`port ${port} sudah dipakai proses lain (port is busy)`);
    }
  }
  // Every owner's base URL: insights reads them, the gateway routes to them.
  const ownerUrls = Object.fromEntries(
    services.map((unit) => [`${unit.name.toUpperCase()}_URL`, `http://127.0.0.1:${unit.port}`]),
  );
  const units: ManagedProcess[] = [];
  const stop = async () => {
    for (const unit of [...units].reverse()) await stopProcess(unit, 10_000);
  };
  try {
    for (const unit of services) {
      const logPath = logFile(unit.name);
      const child = startProcess(unit.name, tsx, ['src/index.ts', '--seed'], {
        cwd: unit.dir,
        env: {
          ...options.env,
          ...(offset ? { ...ownerUrls, PUBLIC_API_URL: `http://localhost:${gatewayPort}` } : {}),
          ...(options.isolate
            ? {
                MONGO_DATABASE: `${options.isolate}_${unit.name}`,
                CONSUMER_PREFIX: `${options.isolate}-${unit.name}`,
              }
            : {}),
          ...options.serviceEnv,
          PORT: String(unit.port),
        },
        logPath,
      });
      units.push(child);
      await waitUntil(() => httpOk(`http://127.0.0.1:${unit.port}/readyz`), {
        timeoutMs: options.readyTimeoutMs ?? 120_000,
        process: child,
        what: `layanan ${unit.name}`,
        logPath,
      });
      log(`${unit.name} siap di ${serviceUrl(unit)}`);
    }

    const logPath = logFile('gateway');
    const gateway = startProcess('gateway', tsx, ['src/index.ts'], {
      cwd: path.join(REPO_ROOT, 'gateway'),
      env: { ...options.env, ...ownerUrls, ...options.gatewayEnv, PORT: String(gatewayPort) },
      logPath,
    });
    units.push(gateway);
    await waitUntil(() => httpOk(`http://127.0.0.1:${gatewayPort}/readyz`), {
      timeoutMs: 60_000,
      process: gateway,
      what: 'gateway',
      logPath,
    });
    return {
      units,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      serviceUrls: Object.fromEntries(services.map((unit) => [unit.name, serviceUrl(unit)])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
