// Builds keycloak/realm-dev.json from the production realm plus keycloak/dev-overlay.json, so the
// two realms never drift apart. Run `npx tsx keycloak/build-dev-realm.ts` after editing either
// source and commit the generated file (Docker and k8s import it as is).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const KEYCLOAK_DIR = dirname(fileURLToPath(import.meta.url));
export const PRODUCTION_REALM_PATH = join(KEYCLOAK_DIR, 'realm-production.json');
export const DEV_OVERLAY_PATH = join(KEYCLOAK_DIR, 'dev-overlay.json');
export const DEV_REALM_PATH = join(KEYCLOAK_DIR, 'realm-dev.json');

/** The parts of Keycloak's RealmRepresentation this project reads; everything else passes through. */
export interface ClientRepresentation {
  clientId: string;
  publicClient?: boolean;
  bearerOnly?: boolean;
  secret?: string;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  defaultClientScopes?: string[];
  [key: string]: unknown;
}

export interface UserRepresentation {
  username: string;
  enabled?: boolean;
  email?: string;
  emailVerified?: boolean;
  firstName?: string;
  lastName?: string;
  attributes?: Record<string, string[]>;
  credentials?: { type: string; value: string; temporary: boolean }[];
  realmRoles?: string[];
  clientRoles?: Record<string, string[]>;
  serviceAccountClientId?: string;
  [key: string]: unknown;
}

export interface RealmRepresentation {
  realm: string;
  roles: { realm: { name: string; description?: string }[] };
  clients: ClientRepresentation[];
  users?: UserRepresentation[];
  [key: string]: unknown;
}

export interface DevUser {
  role: string;
  /** Defaults to the role; set when one role has several demo users (e.g. two agencies). */
  username?: string;
  firstName: string;
  lastName: string;
  org?: string;
  nip?: string;
  phone?: string;
  position?: string;
}

export interface DevOverlay {
  clientSecrets: Record<string, string>;
  clients: ClientRepresentation[];
  devUsers: { password: string; emailDomain: string; users: DevUser[] };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export const loadProductionRealm = (): RealmRepresentation =>
  readJson<RealmRepresentation>(PRODUCTION_REALM_PATH);
export const loadDevOverlay = (): DevOverlay => readJson<DevOverlay>(DEV_OVERLAY_PATH);

function devUser(user: DevUser, overlay: DevOverlay): UserRepresentation {
  const attributes: Record<string, string[]> = {};
  for (const key of ['org', 'nip', 'phone', 'position'] as const) {
    const value = user[key];
    if (value) attributes[key] = [value];
  }
  return {
    username: user.username ?? user.role,
    enabled: true,
    email: `${user.username ?? user.role}@${overlay.devUsers.emailDomain}`,
    emailVerified: true,
    firstName: user.firstName,
    lastName: user.lastName,
    attributes,
    credentials: [{ type: 'password', value: overlay.devUsers.password, temporary: false }],
    realmRoles: [user.role],
  };
}

export function buildDevRealm(
  production: RealmRepresentation = loadProductionRealm(),
  overlay: DevOverlay = loadDevOverlay(),
): RealmRepresentation {
  const realm = structuredClone(production);
  realm.clients = realm.clients.map((client) => {
    const secret = overlay.clientSecrets[client.clientId];
    return secret ? { ...client, secret } : client;
  });
  realm.clients.push(...structuredClone(overlay.clients));
  realm.users = [...(realm.users ?? []), ...overlay.devUsers.users.map((u) => devUser(u, overlay))];
  return realm;
}

export const renderRealm = (realm: RealmRepresentation): string =>
  `${JSON.stringify(realm, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(DEV_REALM_PATH, renderRealm(buildDevRealm()));
  console.log(`ditulis (written): ${DEV_REALM_PATH}`);
}
