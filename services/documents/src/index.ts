import { startDocumentsService } from './app.js';
import { documentsEnvironment } from './environment.js';

// The standard requirement templates are loaded on every start (only when missing), so `--seed`,
// which start scripts pass to every service, changes nothing here.
const service = await startDocumentsService(documentsEnvironment());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
