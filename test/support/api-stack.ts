// The API as clients meet it in tests: the identity and documents subgraphs on throwaway databases
// (seeded) behind the gateway composed from the real SDL. Infrastructure comes from the Vitest
// global setup.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startDocumentsService } from '../../services/documents/src/app.js';
import { documentsEnvironment } from '../../services/documents/src/environment.js';
import { startIdentityService } from '../../services/identity/src/app.js';
import { identityEnvironment } from '../../services/identity/src/environment.js';
import { createGatewayApp } from '../../gateway/src/app.js';
import { composeSubgraphs, readSubgraphSources } from '../../gateway/src/composition.js';
import { loadGatewayEnvironment } from '../../gateway/src/environment.js';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';

export interface ApiStack {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The gateway's origin (for /files). */
  gatewayOrigin: string;
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
    const documentsDatabase = `${database}-documents`;
    for (const name of [database, documentsDatabase]) {
      const connection = await mongoose
        .createConnection(env.MONGO_URL, { dbName: name })
        .asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
    const identity = await startIdentityService(env, { seed: true });
    stops.push(() => identity.stop());

    // Partial uploads, the filesystem store and the dev seal key live in a per-stack directory.
    const scratch = path.join(os.tmpdir(), `sipadu-test-${database}`);
    rmSync(scratch, { recursive: true, force: true });
    const documents = await startDocumentsService(
      documentsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: documentsDatabase,
        LOG_LEVEL: 'silent',
        UPLOAD_DIR: path.join(scratch, 'uploads'),
        FILE_STORAGE_DIR: path.join(scratch, 'files'),
        SIGNING_KEY_FILE: path.join(scratch, 'signing-key.pem'),
      }),
    );
    stops.push(() => documents.stop());

    const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const gateway = await createGatewayApp(
      loadGatewayEnvironment({
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'silent',
        IDENTITY_URL: identity.url,
        DOCUMENTS_URL: documents.url.replace(/\/graphql$/, ''),
      }),
      { supergraphSdl: composed.supergraphSdl },
    );
    const gatewayUrl = await gateway.start();
    stops.push(() => gateway.stop());
    return { gatewayUrl, gatewayOrigin: new URL(gatewayUrl).origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
