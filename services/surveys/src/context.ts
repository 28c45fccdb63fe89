import type { OrganizationDirectory } from '@sipadu/directory';
import type { SubgraphContext } from '@sipadu/service-kit';
import type { AggregationService } from './services/aggregation.service.js';
import type { PopulationService } from './services/population.service.js';
import type { QuestionnaireService } from './services/questionnaire.service.js';
import type { RecommendationService } from './services/recommendation.service.js';
import type { SatisfactionIndexService } from './services/satisfaction-index.service.js';
import type { ServicePledgeService } from './services/service-pledge.service.js';
import type { ServiceStandardService } from './services/service-standard.service.js';
import type { SurveyReportService } from './services/survey-report.service.js';
import type { SurveyResponseService } from './services/survey-response.service.js';

export interface SurveysServices {
  organizations: OrganizationDirectory;
  standards: ServiceStandardService;
  pledges: ServicePledgeService;
  questionnaire: QuestionnaireService;
  responses: SurveyResponseService;
  aggregation: AggregationService;
  index: SatisfactionIndexService;
  populations: PopulationService;
  recommendations: RecommendationService;
  reports: SurveyReportService;
}

export interface ServiceContext extends SubgraphContext {
  services: SurveysServices;
}
