import { describe, expect, it } from 'vitest';
import { ROLES, grantableRoles, isRole } from './roles';

describe('roles', () => {
  it('lets super-admin grant every role', () => {
    expect(grantableRoles(['super-admin'])).toEqual([...ROLES]);
  });

  it('keeps cross-agency roles away from admin-opd', () => {
    const roles = grantableRoles(['admin-opd']);
    expect(roles).toContain('pelaksana');
    for (const role of ['super-admin', 'pimpinan', 'evaluator', 'pemberi-pinjaman'] as const) {
      expect(roles).not.toContain(role);
    }
    expect(grantableRoles(['pelaksana'])).toEqual([]);
  });

  it('ignores Keycloak default roles', () => {
    expect(isRole('offline_access')).toBe(false);
    expect(isRole('admin-opd')).toBe(true);
  });
});
