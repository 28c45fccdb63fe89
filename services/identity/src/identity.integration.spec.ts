import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  getClientToken,
  getUserToken,
  graphqlRequest,
  hmacToken,
  tamperedToken,
  unsignedToken,
  decodeClaims,
  expiredToken,
  masterRealmToken,
  wrongAudienceToken,
} from '@sipadu/test-kit';
import { startIdentityService, type IdentityService } from './app.js';
import { identityEnvironment } from './environment.js';
import { ORGANIZATION_SEEDS } from './seed/organizations.seed.js';

const DATABASE = 'sipadu_identity_test';
let service: IdentityService;
let url: string;
let mongoUrl: string;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));
const suffix = Date.now().toString(36);

beforeAll(async () => {
  const env = identityEnvironment({
    ...process.env,
    PORT: '0',
    MONGO_DATABASE: DATABASE,
    LOG_LEVEL: 'silent',
    SYNC_USERS_ON_START: 'false',
  });
  mongoUrl = env.MONGO_URL;
  const connection = await mongoose
    .createConnection(env.MONGO_URL, { dbName: DATABASE })
    .asPromise();
  await connection.dropDatabase();
  await connection.close();
  service = await startIdentityService(env);
  url = service.url;
  await service.seed();
});

afterAll(async () => {
  await service?.stop();
});

const ME = `{ me { id username name roles active organization { id code name kind } } }`;

describe('identity subgraph: who am I', () => {
  it.each([
    ['super-admin', 'DISKOMINFO'],
    ['admin-opd', 'DINKES'],
    ['bpkad', 'BPKAD'],
    ['pelaksana', 'DPUPR'],
    ['pemberi-pinjaman', 'PTSMI'],
    ['pimpinan', 'SETDA'],
  ])('%s sees their organization %s and role', async (username, org) => {
    const res = await graphqlRequest<{
      me: { username: string; roles: string[]; organization: { code: string } };
    }>(url, ME, { token: await token(username) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.username).toBe(username);
    expect(res.data?.me.roles).toContain(username);
    expect(res.data?.me.organization.code).toBe(org);
  });

  it('asks anonymous callers of me to sign in', async () => {
    const res = await graphqlRequest(url, ME);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('identity subgraph: realm re-import', () => {
  it('replaces a mirrored user whose Keycloak id changed instead of failing on the username', async () => {
    const connection = await mongoose
      .createConnection(identityEnvironment(process.env).MONGO_URL, { dbName: DATABASE })
      .asPromise();
    try {
      const users = connection.collection<{ _id: string; username: string }>('users');
      const current = await users.findOne({ username: 'kasubdit' });
      expect(current).not.toBeNull();
      // What a re-imported realm leaves behind: the same username under a new Keycloak id.
      await users.deleteOne({ username: 'kasubdit' });
      await users.insertOne({ ...current!, _id: `stale-${suffix}` });
      const res = await graphqlRequest<{ me: { id: string; username: string } }>(url, ME, {
        token: await getUserToken('kasubdit'),
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.me.id).toBe(current!._id);
      expect(await users.countDocuments({ username: 'kasubdit' })).toBe(1);
    } finally {
      await connection.close();
    }
  });
});

describe('identity subgraph: bad tokens', () => {
  it.each([
    ['alg none', async () => unsignedToken(decodeClaims(await token('super-admin')))],
    ['HS256', async () => hmacToken(decodeClaims(await token('super-admin')), 'sipadu')],
    [
      'tampered',
      async () =>
        tamperedToken(await token('admin-opd'), { realm_access: { roles: ['super-admin'] } }),
    ],
    ['wrong audience', () => wrongAudienceToken()],
    ['wrong issuer', () => masterRealmToken()],
    ['expired', () => expiredToken()],
  ])('refuses a %s token with UNAUTHENTICATED and no data', async (_case, make) => {
    const res = await graphqlRequest(url, ME, { token: await make() });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('identity subgraph: public directory', () => {
  it('lists organizations without a token, filtered and paginated', async () => {
    const page1 = await graphqlRequest<{
      organizations: {
        totalCount: number;
        edges: { node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      url,
      `{ organizations(first: 5) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(page1.errors).toBeUndefined();
    expect(page1.data?.organizations.totalCount).toBeGreaterThanOrEqual(14);
    expect(page1.data?.organizations.edges).toHaveLength(5);
    expect(page1.data?.organizations.pageInfo.hasNextPage).toBe(true);
    const page2 = await graphqlRequest<{ organizations: { edges: { node: { code: string } }[] } }>(
      url,
      `query($after: String) { organizations(first: 5, after: $after) { edges { node { code } } } }`,
      { variables: { after: page1.data?.organizations.pageInfo.endCursor } },
    );
    const first = page1.data?.organizations.edges.map((e) => e.node.code) ?? [];
    const second = page2.data?.organizations.edges.map((e) => e.node.code) ?? [];
    expect(second).toHaveLength(5);
    expect(second.filter((code) => first.includes(code))).toEqual([]);

    const kecamatan = await graphqlRequest<{
      organizations: { edges: { node: { code: string } }[] };
    }>(url, `{ organizations(kind: KECAMATAN, first: 50) { edges { node { code } } } }`);
    expect(kecamatan.data?.organizations.edges.map((e) => e.node.code).sort()).toEqual([
      'KEC-JAMBISELATAN',
      'KEC-KOTABARU',
      'KEC-TELANAIPURA',
    ]);
    const search = await graphqlRequest<{ organizations: { edges: { node: { code: string } }[] } }>(
      url,
      `{ organizations(search: "kesehatan") { edges { node { code } } } }`,
    );
    expect(search.data?.organizations.edges.map((e) => e.node.code)).toContain('DINKES');
  });

  it('refuses a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    const res = await graphqlRequest(
      url,
      `{ organizations(first: 5, after: "bm90LWpzb24") { totalCount } }`,
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const big = await graphqlRequest(url, `{ organizations(first: 1000) { totalCount } }`);
    expect(errorCodes(big)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows a profile and only published officers to the public', async () => {
    const query = `{ organization(code: "DINKES") { name profile { headName openingHours { days hours } legalBasis } officers { name published } } }`;
    const anonymous = await graphqlRequest<{
      organization: { profile: { headName: string }; officers: { published: boolean }[] };
    }>(url, query);
    expect(anonymous.data?.organization.profile.headName).toBeTruthy();
    expect(anonymous.data?.organization.officers).toEqual([]);
    const admin = await graphqlRequest<{ organization: { officers: { published: boolean }[] } }>(
      url,
      query,
      {
        token: await token('admin-opd'),
      },
    );
    expect(admin.data?.organization.officers).toEqual([
      expect.objectContaining({ published: false }),
    ]);
  });
});

describe('identity subgraph: user administration', () => {
  const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username roles active organization { code } } }`;
  const input = (overrides: Record<string, unknown> = {}) => ({
    username: `staf-${suffix}-${Math.random().toString(36).slice(2, 7)}`,
    name: 'Budi Santoso',
    email: `budi.${suffix}.${Math.random().toString(36).slice(2, 7)}@sipadu.local`,
    nip: '198503152010011002',
    organizationCode: 'DINKES',
    roles: ['unit-kerja'],
    password: 'Rahasia!2026x',
    ...overrides,
  });

  it('admin-opd of Dinas Kesehatan cannot create a Dinas PUPR user', async () => {
    const res = await graphqlRequest(url, CREATE, {
      token: await token('admin-opd'),
      variables: { input: input({ organizationCode: 'DPUPR' }) },
    });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('admin-opd cannot grant super-admin, even in their own organization', async () => {
    const res = await graphqlRequest(url, CREATE, {
      token: await token('admin-opd'),
      variables: { input: input({ roles: ['super-admin'] }) },
    });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors?.[0]?.message).toMatch(/super-admin/);
  });

  it('admin-opd cannot change roles or deactivate a Dinas PUPR user', async () => {
    const pelaksana = decodeClaims(await token('pelaksana')).sub as string;
    // The target must be known to identity: it is mirrored when it first calls.
    await graphqlRequest(url, ME, { token: await token('pelaksana') });
    const roles = await graphqlRequest(
      url,
      `mutation($id: ID!) { setUserRoles(id: $id, roles: ["unit-kerja"]) { id } }`,
      {
        token: await token('admin-opd'),
        variables: { id: pelaksana },
      },
    );
    expect(errorCodes(roles)).toEqual(['FORBIDDEN']);
    const deactivate = await graphqlRequest(
      url,
      `mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }`,
      {
        token: await token('admin-opd'),
        variables: { id: pelaksana },
      },
    );
    expect(errorCodes(deactivate)).toEqual(['FORBIDDEN']);
  });

  it('admin-opd lists only their own organization', async () => {
    const own = await graphqlRequest<{
      users: { edges: { node: { organization: { code: string } } }[] };
    }>(url, `{ users(first: 100) { edges { node { username organization { code } } } } }`, {
      token: await token('admin-opd'),
    });
    expect(own.errors).toBeUndefined();
    const codes = new Set(own.data?.users.edges.map((e) => e.node.organization.code));
    expect([...codes]).toEqual(['DINKES']);
    const other = await graphqlRequest(url, `{ users(organizationCode: "DPUPR") { totalCount } }`, {
      token: await token('admin-opd'),
    });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const pelaksana = await graphqlRequest(url, `{ users { totalCount } }`, {
      token: await token('pelaksana'),
    });
    expect(errorCodes(pelaksana)).toEqual(['FORBIDDEN']);
  });

  it('refuses invalid input with BAD_USER_INPUT listing the fields', async () => {
    const res = await graphqlRequest(url, CREATE, {
      token: await token('super-admin'),
      variables: { input: input({ nip: '123', email: 'bukan-email', roles: ['raja'] }) },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.errors?.[0]?.extensions?.fields as { field: string }[])
      .map((f) => f.field)
      .sort();
    expect(fields).toEqual(['email', 'nip', 'roles']);
  });

  it('super-admin creates a user in Keycloak who can then sign in, and manages it', async () => {
    const data = input({ organizationCode: 'DPUPR', roles: ['pelaksana'] });
    const created = await graphqlRequest<{
      createUser: { id: string; roles: string[]; organization: { code: string } };
    }>(url, CREATE, { token: await token('super-admin'), variables: { input: data } });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser).toMatchObject({
      roles: ['pelaksana'],
      organization: { code: 'DPUPR' },
    });
    const id = created.data?.createUser.id ?? '';

    const userToken = await getUserToken(data.username as string, data.password as string);
    const claims = decodeClaims(userToken);
    expect(claims.org).toBe('DPUPR');
    expect((claims.realm_access as { roles: string[] }).roles).toContain('pelaksana');

    const duplicate = await graphqlRequest(url, CREATE, {
      token: await token('super-admin'),
      variables: { input: data },
    });
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);

    const changed = await graphqlRequest<{ setUserRoles: { roles: string[] } }>(
      url,
      `mutation($id: ID!) { setUserRoles(id: $id, roles: ["pelaksana", "unit-kerja"]) { roles } }`,
      { token: await token('super-admin'), variables: { id } },
    );
    expect(changed.data?.setUserRoles.roles.sort()).toEqual(['pelaksana', 'unit-kerja']);
    const refreshed = decodeClaims(
      await getUserToken(data.username as string, data.password as string),
    );
    expect((refreshed.realm_access as { roles: string[] }).roles).toEqual(
      expect.arrayContaining(['pelaksana', 'unit-kerja']),
    );

    const deactivated = await graphqlRequest<{
      setUserActive: {
        active: boolean;
        activationHistory: { active: boolean; reason: string | null }[];
      };
    }>(
      url,
      `mutation($id: ID!) { setUserActive(id: $id, active: false, reason: "Mutasi ke instansi lain") { active activationHistory { active reason } } }`,
      { token: await token('super-admin'), variables: { id } },
    );
    expect(deactivated.data?.setUserActive.active).toBe(false);
    expect(deactivated.data?.setUserActive.activationHistory.map((h) => h.active)).toEqual([
      true,
      false,
    ]);
    await expect(getUserToken(data.username as string, data.password as string)).rejects.toThrow();

    const reactivated = await graphqlRequest<{ setUserActive: { active: boolean } }>(
      url,
      `mutation($id: ID!) { setUserActive(id: $id, active: true, reason: "Kembali bertugas") { active } }`,
      { token: await token('super-admin'), variables: { id } },
    );
    expect(reactivated.data?.setUserActive.active).toBe(true);
    await expect(
      getUserToken(data.username as string, data.password as string),
    ).resolves.toBeTruthy();
  });

  it('admin-opd creates a user in their own organization', async () => {
    const res = await graphqlRequest<{ createUser: { organization: { code: string } } }>(
      url,
      CREATE,
      {
        token: await token('admin-opd'),
        variables: { input: input() },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createUser.organization.code).toBe('DINKES');
  });

  it('publishes an event for every change through the outbox', async () => {
    const connection = await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DATABASE })
      .asPromise();
    try {
      const deadline = Date.now() + 10_000;
      let unsent = -1;
      while (Date.now() < deadline) {
        unsent = await connection.collection('outbox').countDocuments({ sentAt: null });
        if (unsent === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(unsent).toBe(0);
      const types = await connection.collection('outbox').distinct('type');
      expect(types).toEqual(
        expect.arrayContaining([
          'identity.user.created',
          'identity.user.rolesChanged',
          'identity.user.activationChanged',
        ]),
      );
      const stranded = await connection
        .collection('users')
        .countDocuments({ '_pendingEvents.0': { $exists: true } });
      expect(stranded).toBe(0);
    } finally {
      await connection.close();
    }
  });

  it('gives the notification directory name, e-mail and roles in user events', async () => {
    const connection = await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DATABASE })
      .asPromise();
    try {
      const rows = await connection
        .collection<{ type: string; envelope: string }>('outbox')
        .find({ type: { $in: ['identity.user.created', 'identity.user.mirrored'] } })
        .toArray();
      const events = rows.map(
        (row) => JSON.parse(row.envelope) as { type: string; data: Record<string, unknown> },
      );
      const mirrored = events.find(
        (event) => event.type === 'identity.user.mirrored' && event.data.username === 'pelaksana',
      );
      expect(mirrored?.data).toMatchObject({
        organizationCode: 'DPUPR',
        roles: expect.arrayContaining(['pelaksana']),
        name: expect.any(String),
        email: expect.stringContaining('@'),
      });
      const created = events.find((event) => event.type === 'identity.user.created');
      expect(created?.data).toMatchObject({
        name: 'Budi Santoso',
        email: expect.stringMatching(/^budi\./),
      });
    } finally {
      await connection.close();
    }
  });
});

describe('identity subgraph: organization profile', () => {
  const UPDATE = `mutation($code: String!, $input: OrganizationProfileInput!) { updateOrganizationProfile(code: $code, input: $input) { code profile { phone openingHours { days hours } } } }`;

  it('admin-opd edits their own profile but not another agency’s', async () => {
    const own = await graphqlRequest<{ updateOrganizationProfile: { profile: { phone: string } } }>(
      url,
      UPDATE,
      {
        token: await token('admin-opd'),
        variables: {
          code: 'DINKES',
          input: {
            phone: '0741-33521',
            openingHours: [{ days: 'Senin – Jumat', hours: '08.00 – 15.00 WIB' }],
          },
        },
      },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.updateOrganizationProfile.profile.phone).toBe('0741-33521');
    const other = await graphqlRequest(url, UPDATE, {
      token: await token('admin-opd'),
      variables: { code: 'DPUPR', input: { phone: '0741-1' } },
    });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const invalid = await graphqlRequest(url, UPDATE, {
      token: await token('admin-opd'),
      variables: { code: 'DINKES', input: { email: 'bukan email', website: 'ftp://x' } },
    });
    expect(errorCodes(invalid)).toEqual(['BAD_USER_INPUT']);
    const missing = await graphqlRequest(url, UPDATE, {
      token: await token('super-admin'),
      variables: { code: 'TIDAK-ADA', input: { phone: '0741-1' } },
    });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });
});

describe('identity subgraph: office coordinates', () => {
  const UPDATE = `mutation($code: String!, $input: OrganizationProfileInput!) { updateOrganizationProfile(code: $code, input: $input) { profile { latitude longitude address } } }`;
  const update = async (input: Record<string, unknown>) =>
    graphqlRequest<{
      updateOrganizationProfile: { profile: { latitude: number | null; longitude: number | null } };
    }>(url, UPDATE, {
      token: await token('super-admin'),
      variables: { code: 'DPMPTSP', input },
    });

  it('takes both coordinates or neither, within range', async () => {
    const moved = await update({ latitude: -1.6249, longitude: 103.5993 });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateOrganizationProfile.profile).toMatchObject({
      latitude: -1.6249,
      longitude: 103.5993,
    });
    for (const input of [
      { latitude: -1.6 },
      { latitude: null, longitude: 103.6 },
      { latitude: -91, longitude: 103.6 },
      { latitude: -1.6, longitude: 180.5 },
    ]) {
      const refused = await update(input);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.message).toMatch(/latitude|longitude/);
    }
    // Other fields leave the point alone; both null clear it.
    const other = await update({ address: 'Jl. Jend. Basuki Rahmat, Kota Baru, Kota Jambi' });
    expect(other.data?.updateOrganizationProfile.profile.latitude).toBe(-1.6249);
    const cleared = await update({ latitude: null, longitude: null });
    expect(cleared.data?.updateOrganizationProfile.profile).toMatchObject({
      latitude: null,
      longitude: null,
    });
  });

  it('fills the seed coordinates on an older database without undoing an administrator', async () => {
    const connection = await mongoose.createConnection(mongoUrl, { dbName: DATABASE }).asPromise();
    // SETDA as seeded before the coordinates existed; DPMPTSP cleared by its administrator above.
    await connection
      .collection('organizations')
      .updateOne(
        { code: 'SETDA' },
        { $unset: { 'profile.latitude': '', 'profile.longitude': '' } },
      );
    await connection.close();
    await service.seed();
    const insights = await getClientToken('sipadu-insights', 'sipadu-insights-dev-secret');
    const listed = await graphqlRequest<{
      organizations: {
        edges: {
          node: { code: string; profile: { latitude: number | null; longitude: number } };
        }[];
      };
    }>(
      url,
      `{ organizations(first: 50) { edges { node { code profile { latitude longitude } } } } }`,
      {
        token: insights,
      },
    );
    expect(listed.errors).toBeUndefined();
    const points = new Map(
      listed.data!.organizations.edges.map(({ node }) => [node.code, node.profile]),
    );
    expect(points.get('SETDA')).toEqual({ latitude: -1.6256, longitude: 103.5975 });
    expect(points.get('PTSMI')).toEqual({ latitude: -6.2297, longitude: 106.8295 });
    expect(points.get('DPMPTSP')).toEqual({ latitude: null, longitude: null });
    for (const { code } of ORGANIZATION_SEEDS) {
      if (code === 'DPMPTSP' || code === 'PTSMI') continue;
      expect(points.get(code)?.latitude, code).toBeCloseTo(-1.61, 1);
      expect(points.get(code)?.longitude, code).toBeCloseTo(103.61, 1);
    }
  });
});

describe('identity subgraph: federation references', () => {
  it('resolves many user references with one database query', async () => {
    const users = await graphqlRequest<{ users: { edges: { node: { id: string } }[] } }>(
      url,
      `{ users(first: 10) { edges { node { id } } } }`,
      {
        token: await token('super-admin'),
      },
    );
    const ids = users.data?.users.edges.map((e) => e.node.id) ?? [];
    expect(ids.length).toBeGreaterThan(3);
    let userQueries = 0;
    mongoose.set('debug', (collection: string, method: string) => {
      if (collection === 'users' && method === 'find') userQueries += 1;
    });
    try {
      const res = await graphqlRequest<{ _entities: { username: string }[] }>(
        url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { username organization { code } } } }`,
        {
          token: await token('super-admin'),
          variables: { r: ids.map((id) => ({ __typename: 'User', id })) },
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toHaveLength(ids.length);
    } finally {
      mongoose.set('debug', false);
    }
    expect(userQueries).toBe(1);
  });
});
