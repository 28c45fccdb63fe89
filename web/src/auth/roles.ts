/** SIPADU realm roles (DOMAIN.md §1); Keycloak's own default roles are ignored. */
export const ROLES = [
  'super-admin',
  'admin-opd',
  'pimpinan',
  'bpkad',
  'pelaksana',
  'pemberi-pinjaman',
  'evaluator',
  'unit-kerja',
  'petugas-konsultasi',
  'kasubdit',
  'direktur',
  'pengelola-tik',
  'petugas-tik',
  'pemberi-tugas',
  'publik',
] as const;

export type Role = (typeof ROLES)[number];

const roleSet: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: string): value is Role {
  return roleSet.has(value);
}

/** Roles an admin-opd may not grant: they reach beyond one agency (the identity service enforces it). */
const RESTRICTED_ROLES: ReadonlySet<Role> = new Set([
  'super-admin',
  'pimpinan',
  'evaluator',
  'pemberi-pinjaman',
]);

/** Roles the signed-in administrator may give to others. */
export function grantableRoles(own: readonly Role[]): Role[] {
  if (own.includes('super-admin')) return [...ROLES];
  if (own.includes('admin-opd')) return ROLES.filter((role) => !RESTRICTED_ROLES.has(role));
  return [];
}
