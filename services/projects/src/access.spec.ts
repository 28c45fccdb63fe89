import type { PartnerScope, Principal, Role } from '@sipadu/service-kit';
import { describe, expect, it } from 'vitest';
import {
  access,
  canManageProject,
  canReadProject,
  isExecutingOfficer,
  portfolioReadFilter,
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
    scopes: [],
    expiresAt: 0,
  };
}

/** A partner system's client-credentials token (roles are ignored for clients). */
function client(scopes: PartnerScope[], organizationCode: string | null = null): Principal {
  return {
    ...user([], organizationCode),
    kind: 'client',
    id: 'service-account',
    clientId: 'mitra',
    scopes,
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
    expect(projectReadFilter(client(['sipadu:sipd']))).toEqual({});
    expect(projectReadFilter(client(['sipadu:internal', 'sipadu:statistik']))).toEqual({});
    expect(projectReadFilter(client(['sipadu:pemberi-pinjaman'], 'PTSMI'))).toEqual({
      lenderOrganizationCode: 'PTSMI',
    });
    expect(projectReadFilter(client(['sipadu:pemberi-pinjaman']))).toBeNull();
    expect(projectReadFilter(client(['sipadu:statistik']))).toBeNull();
  });

  it('agrees with the filter on single records', () => {
    expect(canReadProject(user(['pelaksana'], 'DPUPR'), project)).toBe(true);
    expect(canReadProject(user(['pelaksana'], 'RSUD'), project)).toBe(false);
    expect(canReadProject(user(['pemberi-pinjaman'], 'BANKJAMBI'), project)).toBe(false);
    expect(canReadProject(user(['bpkad'], 'BPKAD'), project)).toBe(true);
    expect(canReadProject(null, project)).toBe(false);
    expect(canReadProject(client(['sipadu:sipd']), project)).toBe(true);
    expect(canReadProject(client(['sipadu:internal']), project)).toBe(true);
    expect(canReadProject(client(['sipadu:pemberi-pinjaman'], 'PTSMI'), project)).toBe(true);
    expect(canReadProject(client(['sipadu:pemberi-pinjaman'], 'BANKJAMBI'), project)).toBe(false);
    expect(canReadProject(client(['sipadu:pemberi-pinjaman']), project)).toBe(false);
    expect(canReadProject(client(['sipadu:statistik']), project)).toBe(false);
  });

  it('admits each partner scope to its reads only, and no partner to a mutation', () => {
    const sipd = client(['sipadu:sipd']);
    const lender = client(['sipadu:pemberi-pinjaman'], 'PTSMI');
    const statistics = client(['sipadu:statistik']);
    const insights = client(['sipadu:internal', 'sipadu:statistik']);
    for (const action of ['Query.planningCodeVersions', 'Query.planningCodes'] as const) {
      expect(access.allows(sipd, action)).toBe(true);
      expect(access.allows(insights, action)).toBe(true);
      expect(access.allows(lender, action)).toBe(false);
      expect(access.allows(statistics, action)).toBe(false);
    }
    expect(access.allows(sipd, 'Query.planningCodeImports')).toBe(false);
    for (const action of [
      'Query.loanProjects',
      'Query.loanProject',
      'Query.loanProjectFacets',
      'Query.loanProjectMap',
    ] as const) {
      expect(access.allows(sipd, action)).toBe(true);
      expect(access.allows(lender, action)).toBe(true);
      expect(access.allows(insights, action)).toBe(true);
      expect(access.allows(statistics, action)).toBe(false);
    }
    for (const action of ['Query.loanPortfolio', 'Query.loanPortfolioExport'] as const) {
      expect(access.allows(statistics, action)).toBe(true);
      expect(access.allows(insights, action)).toBe(true);
      expect(access.allows(sipd, action)).toBe(false);
      expect(access.allows(lender, action)).toBe(false);
    }
    const everyScope = client(
      ['sipadu:sipd', 'sipadu:pemberi-pinjaman', 'sipadu:statistik', 'sipadu:internal'],
      'PTSMI',
    );
    for (const action of Object.keys(access.rules).filter((name) => name.startsWith('Mutation.'))) {
      expect(access.allows(everyScope, action as keyof typeof access.rules)).toBe(false);
    }
  });

  it('counts every project in the totals of the statistics partners only', () => {
    expect(portfolioReadFilter(client(['sipadu:statistik']))).toEqual({});
    expect(portfolioReadFilter(client(['sipadu:internal']))).toEqual({});
    expect(portfolioReadFilter(client(['sipadu:pemberi-pinjaman'], 'PTSMI'))).toBeNull();
    expect(portfolioReadFilter(user(['pemberi-pinjaman'], 'PTSMI'))).toEqual({
      lenderOrganizationCode: 'PTSMI',
    });
    expect(portfolioReadFilter(user(['pimpinan'], 'SETDA'))).toEqual({});
  });

  it('gives all fields to the managing BPKAD and technical ones to the own agency', () => {
    expect(canManageProject(user(['bpkad'], 'BPKAD'), project)).toBe(true);
    expect(canManageProject(user(['super-admin'], 'DISKOMINFO'), project)).toBe(true);
    expect(canManageProject(user(['pimpinan'], 'BPKAD'), project)).toBe(false);
    expect(isExecutingOfficer(user(['pelaksana'], 'DPUPR'), project)).toBe(true);
    expect(isExecutingOfficer(user(['pelaksana'], 'RSUD'), project)).toBe(false);
  });
});
