import type { OrganizationResolvers, PublicOfficerResolvers } from '../generated/graphql.js';

export const organizationResolvers: OrganizationResolvers = {
  __resolveReference: (reference, { services, loaders }) =>
    services.organizations.byId(loaders, reference.id),
  id: (org) => org._id,
  parent: (org, _args, { services, loaders }) =>
    org.parentCode ? services.organizations.byCodeBatched(loaders, org.parentCode) : null,
  children: (org, _args, { services }) => services.organizations.children(org.code),
  profile: ({ profile }) => ({
    address: profile?.address ?? null,
    phone: profile?.phone ?? null,
    email: profile?.email ?? null,
    website: profile?.website ?? null,
    headName: profile?.headName ?? null,
    headPosition: profile?.headPosition ?? null,
    legalBasis: profile?.legalBasis ?? [],
    tasksAndFunctions: profile?.tasksAndFunctions ?? null,
    openingHours: profile?.openingHours ?? [],
    latitude: profile?.latitude ?? null,
    longitude: profile?.longitude ?? null,
    updatedAt: profile?.updatedAt?.toISOString() ?? null,
  }),
  officers: (org, _args, { principal, services }) =>
    services.officers.forOrganization(principal, org.code),
};

export const publicOfficerResolvers: PublicOfficerResolvers = {
  __resolveReference: async (reference, { services, principal }) =>
    services.officers.visibleById(principal, reference.id),
  id: (officer) => officer._id,
  organization: async (officer, _args, { services, loaders }) => {
    const org = await services.organizations.byCodeBatched(loaders, officer.organizationCode);
    if (!org) throw new Error(`organisasi ${officer.organizationCode} hilang`);
    return org;
  },
};
