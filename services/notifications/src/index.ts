import { startNotificationsService } from './app.js';
import { notificationsEnvironment } from './environment.js';

// Nothing to seed: categories and rules are code, everything else comes from events.
const service = await startNotificationsService(notificationsEnvironment());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.stop().then(() => process.exit(0));
  });
}
