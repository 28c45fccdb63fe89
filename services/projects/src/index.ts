import { startProjectsService } from './app.js';
import { projectsEnvironment } from './environment.js';

// The planning-code nomenclature is reference data loaded on every start when missing; the demo
// projects come from the platform's seed script, so `--seed` changes nothing here.
const service = await startProjectsService(projectsEnvironment());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
