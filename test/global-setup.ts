// Vitest global setup: one set of real infrastructure (FerretDB, NATS JetStream, Keycloak, Mailpit)
// for every project. Servers that already run (or that MONGO_URL etc. name) are reused; at teardown
// only what this setup started is stopped.
import type { TestProject } from 'vitest/node';
import { ensureInfra, type InfraUrls } from '../scripts/lib/infra/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    infra: InfraUrls;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const handle = await ensureInfra({ log: (line) => console.log(`[infra] ${line}`) });
  const { urls } = handle;
  // Workers are forked after global setup and inherit this environment.
  process.env.MONGO_URL = urls.mongoUrl;
  process.env.NATS_URL = urls.natsUrl;
  process.env.KEYCLOAK_URL = urls.keycloakUrl;
  process.env.SMTP_URL = urls.smtpUrl;
  process.env.MAILPIT_API_URL = urls.mailpitApiUrl;
  project.provide('infra', urls);
  return () => handle.stop();
}
