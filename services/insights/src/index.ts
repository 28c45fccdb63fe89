import { startInsightsService } from './app.js';
import { insightsEnvironment } from './environment.js';

const service = await startInsightsService(insightsEnvironment());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
