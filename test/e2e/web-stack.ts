// The real stack behind the browser tests: the API (identity behind the gateway, see
// test/support/api-stack.ts) and the production build of the web portal on port 3000 (the only
// redirect target of the Keycloak client sipadu-web). Infrastructure comes from the Vitest global
// setup.
import { stopProcess } from '../../scripts/lib/infra/process.js';
import { ensureWebBuild, startWeb, webEnvironment } from '../../scripts/lib/web.js';
import { startApiStack, type ApiStackOptions } from '../support/api-stack.js';

export interface WebStack {
  gatewayUrl: string;
  stop(): Promise<void>;
}

export async function startWebStack(
  database: string,
  options: ApiStackOptions = {},
): Promise<WebStack> {
  const api = await startApiStack(database, options);
  try {
    const webEnv = webEnvironment({
      keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://localhost:8080',
      gatewayUrl: api.gatewayUrl,
    });
    await ensureWebBuild({ env: webEnv });
    const web = await startWeb(webEnv);
    return {
      gatewayUrl: api.gatewayUrl,
      stop: async () => {
        await stopProcess(web, 10_000);
        await api.stop();
      },
    };
  } catch (error) {
    await api.stop();
    throw error;
  }
}
