import type { SubgraphContext } from '@sipadu/service-kit';
import type { NotificationService } from './services/notification.service.js';
import type { PreferenceService } from './services/preference.service.js';
import type { ThreadService } from './services/thread.service.js';

export interface NotificationsServices {
  notifications: NotificationService;
  threads: ThreadService;
  preferences: PreferenceService;
}

export interface ServiceContext extends SubgraphContext {
  services: NotificationsServices;
}
