import { defineAccess } from '@sipadu/service-kit';

const administrators = ['super-admin', 'admin-opd'] as const;

/** Who may do what in the identity service (DOMAIN.md §1–2). One table, checked by every resolver. */
export const access = defineAccess({
  'Query.me': {},
  'Query.organizations': { public: true },
  'Query.organization': { public: true },
  'Query.users': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Query.user': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.createUser': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.setUserActive': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.setUserRoles': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.updateOrganizationProfile': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.createOrganization': { roles: ['super-admin'] },
  /** Personal-data breach records (UU 27/2022 Pasal 46): the platform's administrators, leaders read. */
  'Query.dataBreaches': { roles: ['super-admin', 'pimpinan'] },
  'Mutation.recordDataBreach': { roles: ['super-admin'] },
  'Mutation.updateDataBreach': { roles: ['super-admin'] },
  'Mutation.savePublicOfficer': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Mutation.removePublicOfficer': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  /** Unpublished officer profiles: the agency's own administrators. */
  'Organization.unpublishedOfficers': {
    roles: administrators,
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  /** NIP, e-mail, phone and activation history of a user: colleagues and overseers. */
  'User.privateFields': {
    scope: 'organization',
    acrossOrganizations: ['super-admin', 'pimpinan'],
  },
});

export type IdentityAction = keyof typeof access.rules;
