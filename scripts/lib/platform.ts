// The deployable units of SIPADU on this machine: one table read by start, compose and benchmarks.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './infra/paths.js';

export interface ServiceUnit {
  name: string;
  port: number;
  dir: string;
}

const SERVICE_PORTS: Record<string, number> = {
  identity: 4001,
  documents: 4002,
  projects: 4003,
  surveys: 4004,
  consultations: 4005,
  notifications: 4006,
};

export const GATEWAY_PORT = 4000;
export const WEB_PORT = 3000;

/** Services that exist in this checkout (a folder with schema.graphql), in port order. */
export function existingServices(): ServiceUnit[] {
  return Object.entries(SERVICE_PORTS)
    .map(([name, port]) => ({ name, port, dir: path.join(REPO_ROOT, 'services', name) }))
    .filter((unit) => existsSync(path.join(unit.dir, 'schema.graphql')));
}

export function serviceUrl(unit: Pick<ServiceUnit, 'port'>): string {
  return `http://127.0.0.1:${unit.port}/graphql`;
}

/** Dev accounts of the Keycloak dev realm (username = role), for the start banner and README. */
export const DEV_PASSWORD = 'Sipadu!2026';
