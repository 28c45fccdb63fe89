import { startConsultationsService } from './app.js';
import { consultationsEnvironment } from './environment.js';

// Holidays of 2026 and the complaint categories are reference data loaded on every start when
// missing; `--seed` adds demo cases of the four flows (idempotent).
const service = await startConsultationsService(consultationsEnvironment(), {
  seed: process.argv.includes('--seed'),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
