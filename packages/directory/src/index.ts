export { startIdentityConsumer } from './identity.consumer.js';
export {
  OrganizationDirectory,
  type OrganizationEntry,
  type OrganizationNameListener,
} from './organization-directory.js';
export {
  LENDER_KIND,
  organizationModel,
  type OrganizationModel,
  type OrganizationRecord,
} from './organization.model.js';
export { StaffDirectory, type StaffMemberRecord } from './staff-directory.js';
export {
  staffMemberModel,
  type StaffMemberDocument,
  type StaffMemberModel,
} from './staff-member.model.js';
