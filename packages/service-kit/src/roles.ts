/** Realm roles of DOMAIN.md §1; Keycloak is the source of truth, this list names them in code. */
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

/** Roles that reach beyond one agency: an admin-opd may never grant or take them away. */
export const RESTRICTED_ROLES: readonly Role[] = [
  'super-admin',
  'pimpinan',
  'evaluator',
  'pemberi-pinjaman',
];

const roleSet: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: string): value is Role {
  return roleSet.has(value);
}
