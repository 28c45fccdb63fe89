import type { SubgraphContext } from '@sipadu/service-kit';
import type { OrganizationService } from './services/organization.service.js';
import type { PublicOfficerService } from './services/public-officer.service.js';
import type { UserService } from './services/user.service.js';

export interface IdentityServices {
  organizations: OrganizationService;
  users: UserService;
  officers: PublicOfficerService;
}

export interface ServiceContext extends SubgraphContext {
  services: IdentityServices;
}
