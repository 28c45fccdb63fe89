// The deployable units of SIPADU on this machine. Subgraph ports come from the gateway's table.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultSubgraphPorts } from '../../gateway/src/composition.js';
import { REPO_ROOT } from './infra/paths.js';

export interface ServiceUnit {
  name: string;
  port: number;
  dir: string;
}

export const GATEWAY_PORT = 4000;
export const WEB_PORT = 3000;

/** Services that exist in this checkout (a folder with schema.graphql), in port order. */
export function existingServices(): ServiceUnit[] {
  return Object.entries(defaultSubgraphPorts)
    .map(([name, port]) => ({ name, port, dir: path.join(REPO_ROOT, 'services', name) }))
    .filter((unit) => existsSync(path.join(unit.dir, 'schema.graphql')));
}

export function serviceUrl(unit: Pick<ServiceUnit, 'port'>): string {
  return `http://127.0.0.1:${unit.port}/graphql`;
}

/** Dev accounts of the Keycloak dev realm (username = role), for the start banner and README. */
export const DEV_PASSWORD = 'Sipadu!2026';
