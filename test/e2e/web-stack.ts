// The real stack behind the browser tests: the identity subgraph on a throwaway database, the
// gateway composed from the real SDL, and the production build of the web portal on port 3000
// (the only redirect target of the Keycloak client sipadu-web). Infrastructure comes from the
// Vitest global setup.
import mongoose from 'mongoose';
import { startIdentityService } from '../../services/identity/src/app.js';
import { identityEnvironment } from '../../services/identity/src/environment.js';
import { createGatewayApp } from '../../gateway/src/app.js';
import { composeSubgraphs, readSubgraphSources } from '../../gateway/src/composition.js';
import { loadGatewayEnvironment } from '../../gateway/src/environment.js';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';
import { stopProcess } from '../../scripts/lib/infra/process.js';
import { ensureWebBuild, startWeb, webEnvironment } from '../../scripts/lib/web.js';

export interface WebStack {
  gatewayUrl: string;
  stop(): Promise<void>;
}

export async function startWebStack(database: string): Promise<WebStack> {
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

    const webEnv = webEnvironment({
      keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://localhost:8080',
      gatewayUrl,
    });
    await ensureWebBuild({ env: webEnv });
    const web = await startWeb(webEnv);
    stops.push(() => stopProcess(web, 10_000));
    return { gatewayUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
