// Pinned versions of the local infrastructure. Keycloak 26.7.3 is the newest release that runs on
// the JDKs available here; FerretDB stays on v1 (SQLite backend, no PostgreSQL/DocumentDB needed).
export const FERRETDB_VERSION = 'v1.24.2';
export const MAILPIT_VERSION = 'v1.29.5';
export const NATS_MODULE = 'github.com/nats-io/nats-server/v2';
export const KEYCLOAK_VERSION = '26.7.3';
export const MIN_GO_MINOR = 22;
export const MIN_JAVA_MAJOR = 21;

export const PORTS = {
  mongo: 27017,
  nats: 4222,
  natsMonitor: 8222,
  keycloak: 8080,
  keycloakManagement: 9000,
  smtp: 1025,
  mailpitHttp: 8025,
} as const;

// One host form for Keycloak everywhere: the issuer in every token is http://localhost:8080/realms/sipadu.
export const KEYCLOAK_PUBLIC_URL = `http://localhost:${PORTS.keycloak}`;
export const KEYCLOAK_REALM = 'sipadu';
export const KEYCLOAK_DEV_ADMIN = { username: 'admin', password: 'admin' } as const;
