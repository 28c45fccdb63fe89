import { randomUUID } from 'node:crypto';
import { createEvent, type EventDataInput, type EventType } from '@sipadu/events';
import type { Principal } from '@sipadu/service-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrganizationDirectory } from './organization-directory.js';
import { StaffDirectory } from './staff-directory.js';

// The identity projections against the real FerretDB: events applied as the consumer would.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-directory-${randomUUID().slice(0, 8)}`;

function identityEvent<T extends EventType>(type: T, data: EventDataInput<T>, userId: string) {
  return createEvent(type, data, {
    actor: { type: 'system', id: null },
    subject: { type: 'user', id: userId },
    org: null,
  });
}

const mirrored = (userId: string, organizationCode: string, roles: string[], name: string) =>
  identityEvent(
    'identity.user.mirrored',
    { userId, organizationCode, username: name.toLowerCase(), name, email: null, roles },
    userId,
  );

let connection: Connection;
let staff: StaffDirectory;
let organizations: OrganizationDirectory;

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  staff = new StaffDirectory(connection);
  organizations = new OrganizationDirectory(connection);
  await Promise.all([staff.init(), organizations.init()]);
});

beforeEach(async () => {
  await staff.model.deleteMany({});
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('StaffDirectory', () => {
  it('follows a user from the mirror through a role change to deactivation', async () => {
    await staff.applyIdentity(mirrored('u-1', 'DPUPR', ['unit-kerja'], 'Budi'));
    expect(await staff.get('u-1')).toEqual({
      id: 'u-1',
      username: 'budi',
      name: 'Budi',
      organizationCode: 'DPUPR',
      roles: ['unit-kerja'],
      active: true,
    });

    await staff.applyIdentity(
      identityEvent(
        'identity.user.rolesChanged',
        { userId: 'u-1', roles: ['petugas-konsultasi'], previousRoles: ['unit-kerja'] },
        'u-1',
      ),
    );
    expect((await staff.get('u-1'))?.roles).toEqual(['petugas-konsultasi']);
    expect((await staff.withRole('petugas-konsultasi')).map((m) => m.id)).toEqual(['u-1']);
    expect(await staff.withRole('unit-kerja')).toEqual([]);

    await staff.applyIdentity(
      identityEvent('identity.user.activationChanged', { userId: 'u-1', active: false }, 'u-1'),
    );
    // Kept (names of past cases stay), but no longer offered for new work.
    expect(await staff.get('u-1')).toMatchObject({ name: 'Budi', active: false });
    expect(await staff.withRole('petugas-konsultasi')).toEqual([]);
    expect(await staff.ofOrganization('DPUPR')).toEqual([]);
  });

  it('lists active holders of a role, of one organization when asked, by name', async () => {
    await staff.applyIdentity(mirrored('u-c', 'DPUPR', ['kasubdit'], 'Citra'));
    await staff.applyIdentity(mirrored('u-a', 'DPUPR', ['kasubdit', 'direktur'], 'Andi'));
    await staff.applyIdentity(mirrored('u-b', 'DINKES', ['kasubdit'], 'Bayu'));
    await staff.applyIdentity(mirrored('u-d', 'DPUPR', ['pelaksana'], 'Dewi'));

    expect((await staff.withRole('kasubdit')).map((m) => m.id)).toEqual(['u-a', 'u-b', 'u-c']);
    expect((await staff.withRole('kasubdit', 'DPUPR')).map((m) => m.id)).toEqual(['u-a', 'u-c']);
    expect((await staff.withRole('kasubdit', null)).map((m) => m.id)).toHaveLength(3);
    expect((await staff.ofOrganization('DPUPR')).map((m) => m.id)).toEqual(['u-a', 'u-c', 'u-d']);
    const many = await staff.many(['u-a', 'u-d', 'unknown', 'u-a']);
    expect([...many.keys()].sort()).toEqual(['u-a', 'u-d']);
  });

  it('starts a user known only from a partial event with placeholders a later event fills', async () => {
    await staff.applyIdentity(
      identityEvent(
        'identity.user.rolesChanged',
        { userId: 'u-x', roles: ['pelaksana'], previousRoles: [] },
        'u-x',
      ),
    );
    expect(await staff.get('u-x')).toMatchObject({
      username: 'u-x',
      name: 'u-x',
      organizationCode: null,
      roles: ['pelaksana'],
      active: true,
    });
    await staff.applyIdentity(
      identityEvent(
        'identity.user.created',
        {
          userId: 'u-x',
          username: 'eko',
          organizationCode: 'DPUPR',
          roles: ['pelaksana'],
          name: 'Eko Prasetyo',
          email: null,
        },
        'u-x',
      ),
    );
    expect((await staff.withRole('pelaksana', 'DPUPR')).map((m) => m.name)).toEqual([
      'Eko Prasetyo',
    ]);
  });

  it('remembers a signed-in user from the token, never a partner system', async () => {
    const principal: Principal = {
      kind: 'user',
      id: 'u-t',
      username: 'petugas-tik',
      name: 'Fajar',
      email: null,
      organizationCode: 'DISKOMINFO',
      roles: ['petugas-tik'],
      clientId: 'sipadu-web',
      scopes: [],
      expiresAt: 0,
    };
    await staff.remember(principal);
    await staff.remember({ ...principal, kind: 'client', id: 'svc-1' });
    expect(await staff.get('u-t')).toMatchObject({ name: 'Fajar', roles: ['petugas-tik'] });
    expect(await staff.get('svc-1')).toBeNull();
  });
});

describe('OrganizationDirectory', () => {
  it('knows lenders by name but lists only Pemda agencies', async () => {
    const created = (code: string, name: string, kind: string) =>
      createEvent(
        'identity.organization.created',
        { organizationCode: code, name, kind, parentCode: null },
        {
          actor: { type: 'system', id: null },
          subject: { type: 'organization', id: code },
          org: code,
        },
      );
    const heard: string[] = [];
    organizations.onName(async (code, name) => void heard.push(`${code}:${name}`));
    await organizations.applyIdentity(created('DPUPR', 'Dinas PUPR', 'DINAS'));
    await organizations.applyIdentity(created('PTSMI', 'PT SMI', 'LENDER'));
    expect(await organizations.name('PTSMI')).toBe('PT SMI');
    expect(await organizations.exists('PTSMI')).toBe(false);
    expect((await organizations.list()).map((org) => org.code)).toEqual(['DPUPR']);
    expect(heard).toEqual(['DPUPR:Dinas PUPR', 'PTSMI:PT SMI']);
  });
});
