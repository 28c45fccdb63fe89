// One list of roles for services and portal; the subpath keeps server dependencies out of the bundle.
import { RESTRICTED_ROLES, ROLES, isRole, type Role } from '@sipadu/service-kit/roles';

export { ROLES, isRole, type Role };

/** Roles the signed-in administrator may give to others. */
export function grantableRoles(own: readonly Role[]): Role[] {
  if (own.includes('super-admin')) return [...ROLES];
  if (own.includes('admin-opd')) return ROLES.filter((role) => !RESTRICTED_ROLES.includes(role));
  return [];
}
