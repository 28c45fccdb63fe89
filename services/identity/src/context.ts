import type { SubgraphContext } from '@sipadu/service-kit';
import type { DataBreachService } from './services/data-breach.service.js';
import type { OrganizationService } from './services/organization.service.js';
import type { PublicOfficerService } from './services/public-officer.service.js';
import type { UserService } from './services/user.service.js';

export interface IdentityServices {
  organizations: OrganizationService;
  users: UserService;
  officers: PublicOfficerService;
  breaches: DataBreachService;
}

export interface ServiceContext extends SubgraphContext {
  services: IdentityServices;
}
