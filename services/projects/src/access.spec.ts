import type { Principal, Role } from '@sipadu/service-kit';
import { describe, expect, it } from 'vitest';
import {
  canManageProject,
  canReadProject,
  isExecutingOfficer,
  projectReadFilter,
} from './access.js';

function user(roles: Role[], organizationCode: string | null): Principal {
  return {
    kind: 'user',
    id: 'u',
    username: 'u',
    name: null,
    email: null,
    organizationCode,
    roles,
    clientId: null,
    expiresAt: 0,
  };
}

const project = {
  organizationCode: 'DPUPR',
  lenderOrganizationCode: 'PTSMI',
  managerOrganizationCode: 'BPKAD',
};

describe('project scope', () => {
  it('filters each role to the projects it may read', () => {
    expect(projectReadFilter(user(['pimpinan'], 'SETDA'))).toEqual({});
    expect(projectReadFilter(user(['pelaksana'], 'RSUD'))).toEqual({ organizationCode: 'RSUD' });
    expect(projectReadFilter(user(['pemberi-pinjaman'], 'PTSMI'))).toEqual({
      lenderOrganizationCode: 'PTSMI',
    });
    expect(projectReadFilter(user(['admin-opd'], 'DPUPR'))).toBeNull();
    expect(projectReadFilter(user(['pelaksana'], null))).toBeNull();
    expect(projectReadFilter({ ...user(['pimpinan'], 'SETDA'), kind: 'client' })).toBeNull();
  });

  it('agrees with the filter on single records', () => {
    expect(canReadProject(user(['pelaksana'], 'DPUPR'), project)).toBe(true);
    expect(canReadProject(user(['pelaksana'], 'RSUD'), project)).toBe(false);
    expect(canReadProject(user(['pemberi-pinjaman'], 'BANKJAMBI'), project)).toBe(false);
    expect(canReadProject(user(['bpkad'], 'BPKAD'), project)).toBe(true);
    expect(canReadProject(null, project)).toBe(false);
  });

  it('gives all fields to the managing BPKAD and technical ones to the own agency', () => {
    expect(canManageProject(user(['bpkad'], 'BPKAD'), project)).toBe(true);
    expect(canManageProject(user(['super-admin'], 'DISKOMINFO'), project)).toBe(true);
    expect(canManageProject(user(['pimpinan'], 'BPKAD'), project)).toBe(false);
    expect(isExecutingOfficer(user(['pelaksana'], 'DPUPR'), project)).toBe(true);
    expect(isExecutingOfficer(user(['pelaksana'], 'RSUD'), project)).toBe(false);
  });
});
