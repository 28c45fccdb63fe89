import path from 'node:path';
import { Outbox, OutboxRelay, connectNats, followDeactivations, natsReady } from '@sipadu/events';
import {
  connectMongo,
  createLogger,
  pingMongo,
  startSubgraph,
  type RunningSubgraph,
} from '@sipadu/service-kit';
import type { ServiceContext } from './context.js';
import type { IdentityEnvironment } from './environment.js';
import { KeycloakAdmin } from './keycloak/keycloak-admin.js';
import { dataBreachModel } from './models/data-breach.model.js';
import { organizationModel } from './models/organization.model.js';
import { publicOfficerModel } from './models/public-officer.model.js';
import { userModel } from './models/user.model.js';
import { resolvers } from './resolvers/index.js';
import { DataBreachService } from './services/data-breach.service.js';
import { OrganizationService } from './services/organization.service.js';
import { PublicOfficerService } from './services/public-officer.service.js';
import { seedDemoData } from './services/seed.service.js';
import { UserService } from './services/user.service.js';

export const SERVICE_NAME = 'identity';
const schemaPath = path.resolve(import.meta.dirname, '../schema.graphql');

export interface IdentityService extends RunningSubgraph {
  seed(): Promise<{ organizations: number; officers: number; users: number }>;
}

/** Builds and starts the identity subgraph; `index.ts` only loads the environment and calls this. */
export async function startIdentityService(
  env: IdentityEnvironment,
  options: { seed?: boolean } = {},
): Promise<IdentityService> {
  const logger = createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const connection = await connectMongo(env.MONGO_URL, SERVICE_NAME, env.MONGO_DATABASE);
  const nc = await connectNats(env.NATS_URL, `sipadu-${SERVICE_NAME}`);

  const organizations = organizationModel(connection);
  const users = userModel(connection);
  const officers = publicOfficerModel(connection);
  const breaches = dataBreachModel(connection);
  await Promise.all([organizations.init(), users.init(), officers.init(), breaches.init()]);

  const outbox = new Outbox({ connection, logger });
  await outbox.init();
  const relay = new OutboxRelay({
    outbox,
    nc,
    service: SERVICE_NAME,
    sources: [organizations, users],
    sweepIntervalMs: env.OUTBOX_SWEEP_MS,
    logger,
  });
  relay.start();

  const keycloak = new KeycloakAdmin({
    baseUrl: env.KEYCLOAK_URL,
    realm: env.KEYCLOAK_REALM,
    clientId: env.KEYCLOAK_ADMIN_CLIENT_ID,
    clientSecret: env.KEYCLOAK_ADMIN_CLIENT_SECRET,
    logger,
  });
  const services = {
    organizations: new OrganizationService(organizations, outbox),
    users: new UserService(users, organizations, keycloak, outbox, logger),
    officers: new PublicOfficerService(officers, organizations),
    breaches: new DataBreachService(breaches, logger),
  };

  const seed = async () => {
    const seeded = await seedDemoData(organizations, officers, outbox);
    const synced = await services.users.syncFromKeycloak();
    return { ...seeded, users: synced };
  };
  if (options.seed) {
    // Before listening, so a ready service already holds the demo data.
    logger.info(await seed(), 'data contoh dimuat');
  } else if (env.SYNC_USERS_ON_START) {
    // In the background: the service answers while Keycloak's user list is mirrored.
    services.users
      .syncFromKeycloak()
      .then((count) => logger.info({ count }, 'pengguna Keycloak dicerminkan'))
      .catch((err: unknown) =>
        logger.warn(
          { err },
          'gagal mencerminkan pengguna Keycloak; dicoba lagi saat start berikutnya',
        ),
      );
  }

  const running = await startSubgraph<ServiceContext>({
    service: SERVICE_NAME,
    env,
    schemaPath,
    resolvers,
    revocations: followDeactivations(nc, logger),
    logger,
    readiness: {
      mongodb: () => pingMongo(connection),
      nats: () => natsReady(nc),
    },
    extendContext: (base) => ({ ...base, services }),
    onPrincipal: (principal) => services.users.mirror(principal),
    onStop: async () => {
      await relay.stop();
      await nc.drain().catch(() => undefined);
      await connection.close();
    },
  });

  return { ...running, seed };
}
