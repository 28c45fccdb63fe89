import { startIdentityService } from './app.js';
import { identityEnvironment } from './environment.js';

// `--seed` loads the demo Pemda (idempotent) before the service starts answering.
const service = await startIdentityService(identityEnvironment(), {
  seed: process.argv.includes('--seed'),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
