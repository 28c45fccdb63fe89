import { describe, expect, it } from 'vitest';
import { editsStandards, readsAllOrganizations, resolveScope } from './survey-scope';

const adminOpd = { roles: ['admin-opd'] as const, organization: 'DINKES' };
const evaluator = { roles: ['evaluator'] as const, organization: 'INSPEKTORAT' };

describe('results scope', () => {
  it('keeps an admin-opd in their own organization', () => {
    expect(resolveScope({}, { ...adminOpd, roles: [...adminOpd.roles] })).toEqual({
      scope: 'ORGANIZATION',
      organizationCode: 'DINKES',
      serviceId: null,
      id: 'DINKES',
    });
    expect(
      resolveScope(
        { cakupan: 'pemda', organisasi: 'DPUPR' },
        { ...adminOpd, roles: [...adminOpd.roles] },
      ),
    ).toMatchObject({ scope: 'ORGANIZATION', id: 'DINKES' });
    expect(
      resolveScope({ cakupan: 'layanan', layanan: 'abc' }, { ...adminOpd, roles: ['admin-opd'] }),
    ).toEqual({ scope: 'SERVICE', organizationCode: 'DINKES', serviceId: 'abc', id: 'abc' });
  });

  it('shows the overseers the Pemda by default and any organization or service', () => {
    const roles = [...evaluator.roles];
    expect(resolveScope({}, { ...evaluator, roles })).toMatchObject({ scope: 'PEMDA', id: null });
    expect(resolveScope({ organisasi: 'dinkes' }, { ...evaluator, roles })).toMatchObject({
      scope: 'ORGANIZATION',
      id: 'DINKES',
    });
    expect(
      resolveScope({ cakupan: 'pemda', organisasi: 'DINKES' }, { ...evaluator, roles }),
    ).toMatchObject({ scope: 'PEMDA' });
    // A service scope without a service falls back to its organization.
    expect(
      resolveScope({ cakupan: 'layanan', organisasi: 'DINKES' }, { ...evaluator, roles }),
    ).toMatchObject({ scope: 'ORGANIZATION', id: 'DINKES' });
  });

  it('tells the roles apart', () => {
    expect(readsAllOrganizations(['pimpinan'])).toBe(true);
    expect(readsAllOrganizations(['admin-opd'])).toBe(false);
    expect(editsStandards(['admin-opd'])).toBe(true);
    expect(editsStandards(['evaluator'])).toBe(false);
  });
});
