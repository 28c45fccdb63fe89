// The API as clients meet it in tests: the identity subgraph on a throwaway database (seeded) behind
// the gateway composed from the real SDL. Infrastructure comes from the Vitest global setup.
import mongoose from 'mongoose';
import { startIdentityService } from '../../services/identity/src/app.js';
import { identityEnvironment } from '../../services/identity/src/environment.js';
import { createGatewayApp } from '../../gateway/src/app.js';
import { composeSubgraphs, readSubgraphSources } from '../../gateway/src/composition.js';
import { loadGatewayEnvironment } from '../../gateway/src/environment.js';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';

export interface ApiStack {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  stop(): Promise<void>;
}

export async function startApiStack(database: string): Promise<ApiStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const env = identityEnvironment({
      ...process.env,
      PORT: '0',
      MONGO_DATABASE: database,
      LOG_LEVEL: 'silent',
    });
    const connection = await mongoose
      .createConnection(env.MONGO_URL, { dbName: database })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
    const identity = await startIdentityService(env, { seed: true });
    stops.push(() => identity.stop());

    const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const gateway = await createGatewayApp(
      loadGatewayEnvironment({
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'silent',
        IDENTITY_URL: identity.url,
      }),
      { supergraphSdl: composed.supergraphSdl },
    );
    const gatewayUrl = await gateway.start();
    stops.push(() => gateway.stop());
    return { gatewayUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
