import { startSurveysService } from './app.js';
import { surveysEnvironment } from './environment.js';

// The SKM questionnaire is reference data loaded on every start when missing; `--seed` adds the
// demo service standards, pledges, populations and a few hundred survey responses (idempotent).
const service = await startSurveysService(surveysEnvironment(), {
  seed: process.argv.includes('--seed'),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
