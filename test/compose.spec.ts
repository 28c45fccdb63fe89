// docker-compose.yml checked without a Docker engine: valid against the Compose Specification
// schema (vendored in docker/compose-spec.schema.json by scripts/update-compose-schema.ts) and
// following the stack's own rules, so a broken or incomplete file fails `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnvironment } from '../gateway/src/environment.js';
import { REPO_ROOT } from '../scripts/lib/infra/paths.js';
import { consultationsEnvironment } from '../services/consultations/src/environment.js';
import { identityEnvironment } from '../services/identity/src/environment.js';
import { insightsEnvironment } from '../services/insights/src/environment.js';
import { notificationsEnvironment } from '../services/notifications/src/environment.js';
import { surveysEnvironment } from '../services/surveys/src/environment.js';

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: (string | { source?: string; target: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number)[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const NODE_DOCKERFILE = 'docker/node-service.Dockerfile';
const WEB_DOCKERFILE = 'docker/web.Dockerfile';
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
// Compose files use YAML merge keys (`<<`); parse them the way Compose does.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
const services = Object.entries(compose.services);

/** `${NAME}`, `${NAME:-default}` and `$$` as Compose resolves them with nothing set in the shell. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{\w+(?::?-([^}]*))?\}/g, (match, fallback?: string) =>
    match === '$$' ? '$' : (fallback ?? ''),
  );
}

function environmentOf(service: ComposeService): Record<string, string> {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((item) => item.split(/=(.*)/s, 2) as [string, string?])
    : Object.entries(service.environment ?? {}).map(([key, value]) => [key, value] as const);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(String(value ?? ''))]));
}

const argv = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value : (value ?? '').split(/\s+/).filter(Boolean);

const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** Services built from the shared Node Dockerfile, by workspace folder (`UNIT`). */
const nodeUnits = new Map(
  services.flatMap(([name, definition]) => {
    const build = definition.build;
    if (typeof build !== 'object' || build.dockerfile !== NODE_DOCKERFILE) return [];
    return [[build.args?.UNIT ?? '', name] as const];
  }),
);

/** Names of the environment variables declared by zod schemas in the given files. */
function declaredVariables(...files: string[]): Set<string> {
  const sources = files.map(read);
  return new Set(
    sources.flatMap((source) =>
      [...source.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] as string),
    ),
  );
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification', () => {
    const schema = JSON.parse(read('docker/compose-spec.schema.json')) as Record<string, unknown>;
    // The upstream schema is not written for Ajv's strict mode (missing `type` next to
    // `properties`); strictness is about authoring schemas, not about validating documents.
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(compose);
    const problems = (validate.errors ?? []).map(
      (error: ErrorObject) =>
        `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
    );
    expect(problems).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives every service a health check', () => {
    const missing = services
      .filter(([, definition]) => !definition.healthcheck?.test || definition.healthcheck.disable)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('starts a service only after its dependencies are healthy', () => {
    const wrong = services.flatMap(([name, definition]) => {
      const dependsOn = definition.depends_on ?? {};
      if (Array.isArray(dependsOn))
        return dependsOn.map((dependency) => `${name} -> ${dependency} (short syntax)`);
      return Object.entries(dependsOn)
        .filter(
          ([dependency, options]) =>
            options.condition !== 'service_healthy' || !compose.services[dependency],
        )
        .map(
          ([dependency, options]) =>
            `${name} -> ${dependency} (${options.condition ?? 'no condition'})`,
        );
    });
    expect(wrong).toEqual([]);
  });

  it('builds the gateway and every service from the shared Node Dockerfile', () => {
    const units = [
      'gateway',
      ...readdirSync(path.join(REPO_ROOT, 'services'), { withFileTypes: true })
        .filter(
          (entry) =>
            entry.isDirectory() &&
            existsSync(path.join(REPO_ROOT, 'services', entry.name, 'package.json')),
        )
        .map((entry) => `services/${entry.name}`),
    ];
    expect([...nodeUnits.keys()].sort()).toEqual(units.sort());
    for (const unit of units) {
      const manifest = JSON.parse(read(`${unit}/package.json`)) as {
        scripts?: Record<string, string>;
      };
      expect(manifest.scripts?.build, `${unit} needs a build script for the image`).toMatch(
        /build-unit\.ts/,
      );
    }
    expect(existsSync(path.join(REPO_ROOT, NODE_DOCKERFILE))).toBe(true);
  });

  it('ships the reference data files the Node units read at run time in their images', () => {
    // The bundle reads them from dist/ at `../src/<dir>/<file>`: the Dockerfile copies the data
    // files (*.csv, *.json) of each folder it lists, one level deep.
    const copied = /for dir in ([^;]+); do/.exec(read(NODE_DOCKERFILE))?.[1]?.trim().split(/\s+/);
    expect(copied, `${NODE_DOCKERFILE}: the data folders it copies`).toBeDefined();
    expect(copied).toContain('src/seed');
    const missing = [...nodeUnits.keys()].flatMap((unit) =>
      readdirSync(path.join(REPO_ROOT, unit, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(csv|json)$/.test(file) && !/(^|\/)(__)?fixtures?(__)?\//.test(file))
        .map((file) => path.join('src', file))
        .filter((file) => !copied?.includes(path.dirname(file)))
        .map((file) => `${unit}/${file}`),
    );
    expect(missing, 'data files the image would not hold').toEqual([]);
  });

  it('builds the web portal from its Dockerfile and configures it with its own variables', () => {
    const web = service('web');
    expect(web.build).toMatchObject({ context: '.', dockerfile: WEB_DOCKERFILE });
    expect(existsSync(path.join(REPO_ROOT, WEB_DOCKERFILE))).toBe(true);
    // PORT and HOSTNAME are read by Next's standalone server itself.
    const declared = declaredVariables('web/src/config/environment.ts');
    const unknown = Object.keys(environmentOf(web)).filter(
      (key) => !declared.has(key) && key !== 'PORT' && key !== 'HOSTNAME',
    );
    expect(unknown, 'web: variables web/src/config/environment.ts does not declare').toEqual([]);
  });

  it('runs MongoDB 7 as a replica set that initiates itself', () => {
    const mongo = service('mongo');
    expect(mongo.image).toMatch(/^mongo:7(\.|$)/);
    const command = argv(mongo.command);
    const replicaSet = command[command.indexOf('--replSet') + 1];
    expect(command).toContain('--replSet');
    expect(argv(mongo.healthcheck?.test).join(' ')).toContain(`rs.initiate({ _id: '${replicaSet}'`);
    // Services must name the replica set, or the driver treats the member as a standalone.
    for (const [unit, name] of nodeUnits) {
      const mongoUrl = environmentOf(service(name)).MONGO_URL;
      if (mongoUrl !== undefined) expect(mongoUrl, unit).toContain(`replicaSet=${replicaSet}`);
    }
  });

  it('runs NATS with JetStream on a volume', () => {
    const nats = service('nats');
    const command = argv(nats.command);
    expect(
      command.some((arg) => arg === '-js' || arg === '--jetstream'),
      `JetStream flag in ${command.join(' ')}`,
    ).toBe(true);
    const storeFlag = command.findIndex((arg) => arg === '-sd' || arg === '--store_dir');
    expect(storeFlag).toBeGreaterThanOrEqual(0);
    const storeDir = command[storeFlag + 1];
    const mounted = (nats.volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target],
    );
    const volume = mounted.find(([, target]) => target === storeDir);
    expect(volume, `a volume mounted at ${storeDir}`).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume?.[0]);
  });

  it('runs Keycloak 26 importing the dev realm, with health on the management port', () => {
    const keycloak = service('keycloak');
    expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:26\./);
    expect(argv(keycloak.command)).toEqual(expect.arrayContaining(['start-dev', '--import-realm']));
    expect(keycloak.volumes).toContain(
      './keycloak/realm-dev.json:/opt/keycloak/data/import/realm-dev.json:ro',
    );
    expect(environmentOf(keycloak).KC_HEALTH_ENABLED).toBe('true');
    expect(argv(keycloak.healthcheck?.test).join(' ')).toMatch(
      /\/dev\/tcp\/127\.0\.0\.1\/9000.*\/health\/ready/,
    );
  });

  it('expects tokens from the issuer Keycloak announces, fetched over the internal address', () => {
    const keycloakEnv = environmentOf(service('keycloak'));
    expect(keycloakEnv.KC_HOSTNAME_BACKCHANNEL_DYNAMIC).toBe('true');
    const issuer = `${keycloakEnv.KC_HOSTNAME}/realms/sipadu`;
    for (const name of [...nodeUnits.values(), 'web']) {
      const env = environmentOf(service(name));
      expect(env.KEYCLOAK_ISSUER, name).toBe(issuer);
      if (env.KEYCLOAK_URL !== undefined)
        expect(env.KEYCLOAK_URL, name).toBe('http://keycloak:8080');
      if (env.KEYCLOAK_JWKS_URL !== undefined) {
        expect(env.KEYCLOAK_JWKS_URL, name).toBe(
          'http://keycloak:8080/realms/sipadu/protocol/openid-connect/certs',
        );
      }
    }
  });

  it('configures each Node unit with variables its environment.ts declares and accepts', () => {
    for (const [unit, name] of nodeUnits) {
      const env = environmentOf(service(name));
      const declared = declaredVariables(
        `${unit}/src/environment.ts`,
        'packages/service-kit/src/environment.ts',
      );
      expect(
        Object.keys(env).filter((key) => !declared.has(key)),
        `${name}: unknown variables`,
      ).toEqual([]);
      // Reachable from the other containers, and healthy only when its own readiness says so.
      expect(env.HOST, name).toBe('0.0.0.0');
      expect(argv(service(name).healthcheck?.test).join(' '), name).toContain('/readyz');
    }
    expect(identityEnvironment(environmentOf(service('identity')))).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 4001,
    });
    const gateway = loadGatewayEnvironment(environmentOf(service('gateway')));
    // The gateway routes each subgraph to its container: IDENTITY_URL=http://identity:4001, …
    const subgraphUrls = Object.fromEntries(
      [...nodeUnits]
        .filter(([unit]) => unit.startsWith('services/'))
        .map(([unit, name]) => [
          path.basename(unit),
          `http://${name}:${environmentOf(service(name)).PORT}/graphql`,
        ]),
    );
    expect(gateway.subgraphUrls).toEqual(subgraphUrls);
    expect(gateway.CORS_ORIGINS).toEqual([environmentOf(service('web')).NEXTAUTH_URL]);
  });

  it('sends the notifications service’s mail to Mailpit and proxies /events to it', () => {
    const notifications = notificationsEnvironment(environmentOf(service('notifications')));
    expect(notifications).toMatchObject({
      PORT: 4006,
      SMTP_URL: 'smtp://mailpit:1025',
      PUBLIC_WEB_URL: environmentOf(service('web')).NEXTAUTH_URL,
    });
    expect(service('notifications').depends_on).toMatchObject({
      mailpit: { condition: 'service_healthy' },
    });
    // Mailpit's web UI (every e-mail sent) is published; its SMTP port stays inside.
    expect(service('mailpit').ports).toEqual(['8025:8025']);
    const gateway = loadGatewayEnvironment(environmentOf(service('gateway')));
    expect(gateway.eventsTarget).toBe('http://notifications:4006');
    expect(service('gateway').depends_on).toMatchObject({
      notifications: { condition: 'service_healthy' },
    });
  });

  it('runs the surveys service with its demo seed once identity has published the Pemda', () => {
    const surveys = service('surveys');
    expect(surveysEnvironment(environmentOf(surveys))).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 4004,
    });
    expect(argv(surveys.command)).toContain('--seed');
    expect(surveys.depends_on).toMatchObject({
      identity: { condition: 'service_healthy' },
      mongo: { condition: 'service_healthy' },
      nats: { condition: 'service_healthy' },
    });
    expect(loadGatewayEnvironment(environmentOf(service('gateway'))).subgraphUrls.surveys).toBe(
      'http://surveys:4004/graphql',
    );
    expect(service('gateway').depends_on).toMatchObject({
      surveys: { condition: 'service_healthy' },
    });
  });

  it('runs the consultations service with its demo seed, a tracking-code key and the gateway in front', () => {
    const consultations = service('consultations');
    const env = consultationsEnvironment(environmentOf(consultations));
    expect(env).toMatchObject({ HOST: '0.0.0.0', PORT: 4005 });
    // From the shell or .env when set; the dev default is not the service's built-in one.
    expect(consultations.environment).toMatchObject({
      TRACKING_SECRET: expect.stringMatching(/^\$\{TRACKING_SECRET:-.{32,}\}$/),
    });
    expect(env.TRACKING_SECRET).not.toBe(consultationsEnvironment({}).TRACKING_SECRET);
    expect(argv(consultations.command)).toContain('--seed');
    expect(consultations.depends_on).toMatchObject({
      identity: { condition: 'service_healthy' },
      mongo: { condition: 'service_healthy' },
      nats: { condition: 'service_healthy' },
    });
    expect(
      loadGatewayEnvironment(environmentOf(service('gateway'))).subgraphUrls.consultations,
    ).toBe('http://consultations:4005/graphql');
    expect(service('gateway').depends_on).toMatchObject({
      consultations: { condition: 'service_healthy' },
    });
  });

  it('runs the insights service after every owner it reads, with its client secret and the gateway in front', () => {
    const insights = service('insights');
    const env = insightsEnvironment(environmentOf(insights));
    expect(env).toMatchObject({ HOST: '0.0.0.0', PORT: 4007 });
    // It reads each owning service in its container, with a token from Keycloak's internal address.
    const owners = ['identity', 'documents', 'projects', 'surveys', 'consultations'] as const;
    for (const owner of owners) {
      expect(env[`${owner.toUpperCase() as Uppercase<typeof owner>}_URL`], owner).toBe(
        `http://${owner}:${environmentOf(service(owner)).PORT}`,
      );
      expect(insights.depends_on, owner).toMatchObject({
        [owner]: { condition: 'service_healthy' },
      });
    }
    expect(env.KEYCLOAK_TOKEN_URL).toBe(
      'http://keycloak:8080/realms/sipadu/protocol/openid-connect/token',
    );
    // The client secret can come from the shell or .env; the default is the dev realm's.
    expect(insights.environment).toMatchObject({
      INSIGHTS_CLIENT_SECRET: expect.stringMatching(/^\$\{INSIGHTS_CLIENT_SECRET:-.{16,}\}$/),
    });
    const realm = read('keycloak/realm-dev.json');
    expect(realm).toContain(env.INSIGHTS_CLIENT_SECRET);
    expect(env.PUBLIC_API_URL).toBe('http://localhost:4000');
    expect(loadGatewayEnvironment(environmentOf(service('gateway'))).subgraphUrls.insights).toBe(
      'http://insights:4007/graphql',
    );
    expect(service('gateway').depends_on).toMatchObject({
      insights: { condition: 'service_healthy' },
    });
  });
});
