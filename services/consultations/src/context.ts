import type { OrganizationDirectory, StaffDirectory } from '@sipadu/directory';
import type { CalendarService } from './services/calendar.service.js';
import type { CaseEngine } from './services/case-engine.service.js';
import type { ComplaintCatalog } from './services/complaint-catalog.service.js';
import type { ConsultationService } from './services/consultation.service.js';
import type { IctComplaintService } from './services/ict-complaint.service.js';
import type { PerformanceService } from './services/performance.service.js';
import type { PersonalDataService } from './services/personal-data.service.js';
import type { PublicComplaintService } from './services/public-complaint.service.js';
import type { RecapService } from './services/recap.service.js';
import type { StatisticsService } from './services/statistics.service.js';
import type { WorkItemService } from './services/work-item.service.js';
import type { SubgraphContext } from '@sipadu/service-kit';

export interface ConsultationsServices {
  organizations: OrganizationDirectory;
  staff: StaffDirectory;
  calendar: CalendarService;
  engine: CaseEngine;
  consultations: ConsultationService;
  workItems: WorkItemService;
  ictComplaints: IctComplaintService;
  catalog: ComplaintCatalog;
  publicComplaints: PublicComplaintService;
  personalData: PersonalDataService;
  performance: PerformanceService;
  recaps: RecapService;
  statistics: StatisticsService;
}

export interface ServiceContext extends SubgraphContext {
  services: ConsultationsServices;
}
