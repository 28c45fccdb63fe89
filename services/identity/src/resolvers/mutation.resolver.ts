import type { MutationResolvers } from '../generated/graphql.js';

export const mutationResolvers: MutationResolvers = {
  createUser: (_root, { input }, { principal, services }) =>
    services.users.create(principal, input),
  setUserActive: (_root, { id, active, reason }, { principal, services }) =>
    services.users.setActive(principal, id, active, reason),
  setUserRoles: (_root, { id, roles }, { principal, services }) =>
    services.users.setRoles(principal, id, roles),
  updateOrganizationProfile: (_root, { code, input }, { principal, services }) =>
    services.organizations.updateProfile(principal, code, input),
  createOrganization: (_root, { input }, { principal, services }) =>
    services.organizations.create(principal, input),
  savePublicOfficer: (_root, { organizationCode, id, input }, { principal, services }) =>
    services.officers.save(principal, organizationCode, id, input),
  removePublicOfficer: (_root, { id }, { principal, services }) =>
    services.officers.remove(principal, id),
  recordDataBreach: (_root, { input }, { principal, services }) =>
    services.breaches.record(principal, input),
  updateDataBreach: (_root, { id, revision, input }, { principal, services }) =>
    services.breaches.update(principal, id, revision, input),
};
