import type { SubgraphContext } from '@sipadu/service-kit';
import type { PlanningCodeService } from './planning/planning-code.service.js';
import type { DisbursementService } from './services/disbursement.service.js';
import type { LoanProjectService } from './services/loan-project.service.js';
import type { PortfolioService } from './services/portfolio.service.js';
import type { ProgressService } from './services/progress.service.js';
import type { ProjectionService } from './services/projection.service.js';

export interface ProjectsServices {
  projects: LoanProjectService;
  planning: PlanningCodeService;
  disbursements: DisbursementService;
  progress: ProgressService;
  portfolio: PortfolioService;
  projections: ProjectionService;
}

export interface ServiceContext extends SubgraphContext {
  services: ProjectsServices;
}
