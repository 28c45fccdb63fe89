import type { SubgraphContext } from '@sipadu/service-kit';
import type { DashboardHub } from './live/dashboard-hub.js';
import type { AlertService } from './services/alert.service.js';
import type { ActivityService } from './services/activity.service.js';
import type { AssessmentService } from './services/assessment.service.js';
import type { DashboardService } from './services/dashboard.service.js';
import type { DataSetService } from './services/data-set.service.js';
import type { OwnerClient } from './services/owner-client.js';
import type { ScoringMethodService } from './services/scoring-method.service.js';

export interface InsightsServices {
  owners: OwnerClient;
  scoringMethods: ScoringMethodService;
  assessments: AssessmentService;
  dataSets: DataSetService;
  alerts: AlertService;
  activity: ActivityService;
  dashboard: DashboardService;
  hub: DashboardHub;
}

export interface ServiceContext extends SubgraphContext {
  services: InsightsServices;
}
