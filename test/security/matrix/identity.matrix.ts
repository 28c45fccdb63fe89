// Identity (DOMAIN.md §1–2): the directory is public; users and officer profiles are managed by
// super-admin (every organization) and admin-opd (its own); organizations and personal-data breach
// records are the platform's. The accounts the cells change are made for this run (one per
// organization) and deleted from Keycloak afterwards — never a dev user.
import { keycloakUrl, DEV_REALM, masterRealmToken } from '@sipadu/test-kit';
import { dataAs, MATRIX_ORGANIZATIONS, RUN } from './matrix-support.js';
import type { ServiceMatrix } from './matrix.types.js';

const PASSWORD = 'Rahasia!2026matriks';
/** One account per organization, made by super-admin: the targets of user reads and changes. */
const userIds = new Map<string, string>();
/** One unpublished officer profile per organization, for the cells that must not remove it. */
const officerIds = new Map<string, string>();
let breach: { id: string; revision: number } | null = null;
let created = 0;

const userOf = (organization: string): string => {
  const id = userIds.get(organization);
  if (!id) throw new Error(`tidak ada akun uji untuk ${organization}`);
  return id;
};
const officerOf = (organization: string): string => {
  const id = officerIds.get(organization);
  if (!id) throw new Error(`tidak ada profil pelaksana uji untuk ${organization}`);
  return id;
};

function newUserInput(organizationCode: string, label: string) {
  const username = `${RUN}-${label}`;
  return {
    username,
    name: 'Pengguna Matriks Otorisasi',
    email: `${username}@sipadu.local`,
    organizationCode,
    roles: ['unit-kerja'],
    password: PASSWORD,
  };
}

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const SAVE_OFFICER = `mutation ($organizationCode: String!, $id: ID, $input: PublicOfficerInput!) {
  savePublicOfficer(organizationCode: $organizationCode, id: $id, input: $input) { id } }`;
const officerInput = { name: 'Petugas Matriks', position: 'Pelaksana Layanan', published: false };

/** A fresh unpublished officer profile of the cell's organization (removal consumes it). */
async function freshOfficer(organization: string): Promise<string> {
  const data = await dataAs<{ savePublicOfficer: { id: string } }>('super-admin', SAVE_OFFICER, {
    organizationCode: organization,
    input: officerInput,
  });
  return data.savePublicOfficer.id;
}

/** Deletes this run's accounts from Keycloak (the identity database is thrown away anyway). */
async function deleteRunUsers(): Promise<void> {
  const headers = { authorization: `Bearer ${await masterRealmToken()}` };
  const base = `${keycloakUrl()}/admin/realms/${DEV_REALM}/users`;
  const found = (await (await fetch(`${base}?search=${RUN}&max=200`, { headers })).json()) as {
    id: string;
    username: string;
  }[];
  for (const user of found.filter((candidate) => candidate.username.startsWith(RUN))) {
    await fetch(`${base}/${user.id}`, { method: 'DELETE', headers });
  }
}

const administrators = ['super-admin', 'admin-opd'] as const;
const acrossSuperAdmin = { across: ['super-admin'] as const };

export const identityMatrix: ServiceMatrix = {
  service: 'identity',
  async prepare() {
    for (const organization of MATRIX_ORGANIZATIONS) {
      const data = await dataAs<{ createUser: { id: string } }>('super-admin', CREATE_USER, {
        input: newUserInput(organization, organization.toLowerCase()),
      });
      userIds.set(organization, data.createUser.id);
      officerIds.set(organization, await freshOfficer(organization));
    }
    const recorded = await dataAs<{ recordDataBreach: { id: string; revision: number } }>(
      'super-admin',
      `mutation ($input: DataBreachInput!) { recordDataBreach(input: $input) { id revision } }`,
      {
        input: {
          title: 'Uji matriks otorisasi',
          description: 'Insiden rekaan untuk menguji hak akses.',
          discoveredAt: new Date().toISOString(),
          dataCategories: ['nama'],
        },
      },
    );
    breach = recorded.recordDataBreach;
  },
  cleanup: deleteRunUsers,
  entries: [
    {
      operation: 'Query.me',
      document: `{ me { id } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Query.organizations',
      document: `{ organizations(first: 5) { totalCount } }`,
      allow: 'public',
      variables: () => ({}),
    },
    {
      operation: 'Query.organization',
      document: `query ($code: String!) { organization(code: $code) { id } }`,
      allow: 'public',
      variables: () => ({ code: 'DINKES' }),
    },
    {
      operation: 'Query.users',
      document: `query ($organizationCode: String) {
        users(organizationCode: $organizationCode, first: 100) { edges { node { organization { code } } } } }`,
      allow: administrators,
      organization: acrossSuperAdmin,
      variables: (cell) => ({ organizationCode: cell.organization }),
      visible: (data) =>
        (
          data as { users: { edges: { node: { organization: { code: string } | null } }[] } }
        ).users.edges.map((edge) => edge.node.organization?.code ?? null),
    },
    {
      operation: 'Query.user',
      document: `query ($id: ID!) { user(id: $id) { id } }`,
      allow: administrators,
      organization: acrossSuperAdmin,
      variables: (cell) => ({ id: userOf(cell.organization) }),
    },
    {
      operation: 'Query.dataBreaches',
      document: `{ dataBreaches { id } }`,
      allow: ['super-admin', 'pimpinan'],
      variables: () => ({}),
    },
    {
      operation: 'Mutation.createUser',
      document: CREATE_USER,
      allow: administrators,
      organization: acrossSuperAdmin,
      variables: (cell) => {
        created += 1;
        return { input: newUserInput(cell.organization, `c${created}`) };
      },
    },
    {
      operation: 'Mutation.setUserActive',
      // Re-activating an active account changes nothing but passes every check first.
      document: `mutation ($id: ID!) { setUserActive(id: $id, active: true, reason: "uji matriks") { id } }`,
      allow: administrators,
      organization: acrossSuperAdmin,
      variables: (cell) => ({ id: userOf(cell.organization) }),
    },
    {
      operation: 'Mutation.setUserRoles',
      document: `mutation ($id: ID!) { setUserRoles(id: $id, roles: ["unit-kerja"]) { id } }`,
      allow: administrators,
      organization: acrossSuperAdmin,
      variables: (cell) => ({ id: userOf(cell.organization) }),
    },
    {
      operation: 'Mutation.updateOrganizationProfile',
      document: `mutation ($code: String!) {
        updateOrganizationProfile(code: $code, input: { headPosition: "Kepala Perangkat Daerah" }) { id } }`,
      allow: administrators,
      organization: acrossSuperAdmin,
      variables: (cell) => ({ code: cell.organization }),
    },
    {
      operation: 'Mutation.createOrganization',
      document: `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      allow: ['super-admin'],
      variables: () => {
        created += 1;
        return {
          input: {
            code: `${RUN}-${created}`.toUpperCase(),
            name: 'Balai Uji Matriks',
            kind: 'UNIT_KERJA',
          },
        };
      },
    },
    {
      operation: 'Mutation.savePublicOfficer',
      document: SAVE_OFFICER,
      allow: administrators,
      organization: acrossSuperAdmin,
      // An admin-opd names its own organization but another one's profile: the object-level
      // check. Everyone else edits the target organization's profile by its code.
      variables: (cell) =>
        cell.caller === 'admin-opd' && cell.target === 'other'
          ? {
              organizationCode: cell.callerOrganization,
              id: officerOf(cell.organization),
              input: officerInput,
            }
          : {
              organizationCode: cell.organization,
              id: officerOf(cell.organization),
              input: officerInput,
            },
    },
    {
      operation: 'Mutation.removePublicOfficer',
      document: `mutation ($id: ID!) { removePublicOfficer(id: $id) }`,
      allow: administrators,
      organization: acrossSuperAdmin,
      // Removal is final: a fresh profile where it is expected to go, a kept one elsewhere.
      variables: async (cell) => ({
        id:
          cell.expected === 'allowed'
            ? await freshOfficer(cell.organization)
            : officerOf(cell.organization),
      }),
    },
    {
      operation: 'Mutation.recordDataBreach',
      document: `mutation ($input: DataBreachInput!) { recordDataBreach(input: $input) { id } }`,
      allow: ['super-admin'],
      variables: () => ({
        input: {
          title: 'Uji matriks otorisasi',
          description: 'Insiden rekaan untuk menguji hak akses.',
          discoveredAt: new Date().toISOString(),
          dataCategories: ['nama'],
        },
      }),
    },
    {
      operation: 'Mutation.updateDataBreach',
      document: `mutation ($id: ID!, $revision: Int!) {
        updateDataBreach(id: $id, revision: $revision, input: { measures: "Sandi diganti." }) { id } }`,
      allow: ['super-admin'],
      objectLevel: 'insiden data pribadi dicatat untuk seluruh Pemda, bukan milik satu organisasi',
      variables: () => {
        if (!breach) throw new Error('insiden uji belum dicatat');
        return { id: breach.id, revision: breach.revision };
      },
    },
  ],
};
