import type { Role } from '@/auth/roles';

/** Roles that create loan projects and drive them (DOMAIN.md §1, §3); the service checks again. */
export const PROJECT_MANAGER_ROLES: readonly Role[] = ['bpkad', 'super-admin'];

export function mayManageProjects(roles: readonly Role[]): boolean {
  return roles.some((role) => PROJECT_MANAGER_ROLES.includes(role));
}
