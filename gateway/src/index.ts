import { createLogger } from '@sipadu/service-kit';
import { createGatewayApp } from './app.js';
import { loadGatewayEnvironment } from './environment.js';

const env = loadGatewayEnvironment();
const logger = createLogger('gateway', env.LOG_LEVEL);
const gateway = await createGatewayApp(env, { logger });
await gateway.start();

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'gateway berhenti');
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'gagal berhenti dengan rapi');
        process.exit(1);
      },
    );
  });
}
