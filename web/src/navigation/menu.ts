import type { Role } from '@/auth/roles';

export interface MenuItem {
  href: string;
  /** Key under `menu` in messages/*.json. */
  key:
    | 'dashboard'
    | 'leaderDashboard'
    | 'profile'
    | 'documents'
    | 'notifications'
    | 'projects'
    | 'portfolio'
    | 'planningCodes'
    | 'users'
    | 'organizations'
    | 'organizationProfile'
    | 'audit'
    | 'serviceStandards'
    | 'satisfaction'
    | 'satisfactionReport'
    | 'evaluation'
    | 'recommendations'
    | 'consultations'
    | 'workItems'
    | 'ictComplaints'
    | 'publicComplaints'
    | 'performance'
    | 'performanceAssessment'
    | 'workingCalendar'
    | 'personalData';
  /** Roles that may use the page; `'signed-in'` means every signed-in user. */
  roles: readonly Role[] | 'signed-in';
}

/**
 * The internal area's pages and who may use them (DOMAIN.md §1). The navigation shows only the
 * items a user may use and every page checks the same entry, so the two cannot disagree.
 */
export const MENU: readonly MenuItem[] = [
  { href: '/dasbor', key: 'dashboard', roles: 'signed-in' },
  { href: '/profil', key: 'profile', roles: 'signed-in' },
  // Requirements wait on organizations (upload or review); the list shows the user's own.
  { href: '/dokumen', key: 'documents', roles: 'signed-in' },
  // Inbox, correspondence threads and preferences: everyone receives notifications.
  { href: '/notifikasi', key: 'notifications', roles: 'signed-in' },
  // Every step's service time counts working days of this calendar; super-admin imports it.
  { href: '/kalender-kerja', key: 'workingCalendar', roles: 'signed-in' },
  // Every module on one screen for the head of region (Perwali 64 §17(2)); services/insights.
  { href: '/dasbor-pimpinan', key: 'leaderDashboard', roles: ['pimpinan', 'super-admin'] },
  // SIPOPI (DOMAIN.md §3): pelaksana and the lender see only their own projects; the projects
  // service filters, the page only needs the role.
  {
    href: '/proyek',
    key: 'projects',
    roles: ['bpkad', 'pelaksana', 'pemberi-pinjaman', 'pimpinan', 'super-admin'],
  },
  // The leaders' dashboard; a longer prefix than /proyek, so it governs its own path.
  { href: '/proyek/portofolio', key: 'portfolio', roles: ['pimpinan', 'bpkad', 'super-admin'] },
  // Permendagri 90/2019 nomenclature: browsing for those citing codes, importing for BPKAD.
  {
    href: '/kode-perencanaan',
    key: 'planningCodes',
    roles: ['bpkad', 'super-admin', 'pimpinan', 'pelaksana'],
  },
  // SIPUTRI — Survei Kepuasan (DOMAIN.md §5): standards and pledge by their organization's
  // editors; results for the organization (admin-opd) or everyone (evaluator, pimpinan,
  // super-admin); the surveys service scopes the data, the pages only need the role.
  {
    href: '/standar-pelayanan',
    key: 'serviceStandards',
    roles: ['admin-opd', 'super-admin'],
  },
  {
    href: '/skm',
    key: 'satisfaction',
    roles: ['admin-opd', 'evaluator', 'pimpinan', 'super-admin'],
  },
  // The report of all organizations for the head of region; narrower than /skm, so its own entry.
  {
    href: '/skm/laporan',
    key: 'satisfactionReport',
    roles: ['super-admin', 'pimpinan', 'evaluator'],
  },
  { href: '/evaluasi', key: 'evaluation', roles: ['evaluator', 'super-admin'] },
  {
    href: '/rekomendasi',
    key: 'recommendations',
    roles: ['admin-opd', 'evaluator', 'pimpinan', 'super-admin'],
  },
  // SI-KIMR and complaints (DOMAIN.md §6, §7), the roles of services/consultations/src/access.ts;
  // each case is then scoped by its flow (organization, requester, assignee) in the service.
  {
    href: '/konsultasi',
    key: 'consultations',
    roles: ['unit-kerja', 'super-admin', 'petugas-konsultasi', 'kasubdit', 'direktur', 'pimpinan'],
  },
  {
    href: '/pekerjaan',
    key: 'workItems',
    roles: [
      'pemberi-tugas',
      'super-admin',
      'direktur',
      'pimpinan',
      'petugas-konsultasi',
      'petugas-tik',
      'unit-kerja',
      'kasubdit',
      'pelaksana',
      'admin-opd',
    ],
  },
  // Any employee may report an ICT problem (every staff role but the lender's).
  {
    href: '/pengaduan-tik',
    key: 'ictComplaints',
    roles: [
      'unit-kerja',
      'pengelola-tik',
      'petugas-tik',
      'super-admin',
      'pimpinan',
      'admin-opd',
      'petugas-konsultasi',
      'kasubdit',
      'direktur',
      'pemberi-tugas',
      'pelaksana',
      'bpkad',
      'evaluator',
    ],
  },
  // Public complaints' handlers: the target organization's admin-opd, super-admin; pimpinan reads.
  { href: '/pengaduan', key: 'publicComplaints', roles: ['admin-opd', 'super-admin', 'pimpinan'] },
  {
    href: '/kinerja',
    key: 'performance',
    roles: ['direktur', 'kasubdit', 'pengelola-tik', 'super-admin', 'pimpinan'],
  },
  // Performance assessment (Perwali 64 §17(4)f): leaders and evaluators all organizations,
  // admin-opd and direktur their own; the insights service scopes each assessment.
  {
    href: '/penilaian-kinerja',
    key: 'performanceAssessment',
    roles: ['pimpinan', 'super-admin', 'admin-opd', 'direktur', 'evaluator'],
  },
  { href: '/admin/pengguna', key: 'users', roles: ['super-admin', 'admin-opd'] },
  { href: '/admin/organisasi', key: 'organizations', roles: ['super-admin'] },
  { href: '/organisasi/profil', key: 'organizationProfile', roles: ['super-admin', 'admin-opd'] },
  // admin-opd sees only the own organization's entries; the documents service enforces it.
  { href: '/admin/audit', key: 'audit', roles: ['super-admin', 'admin-opd'] },
  // UU 27/2022 records: requests (admin-opd their agency's) and breaches (super-admin, pimpinan).
  {
    href: '/admin/data-pribadi',
    key: 'personalData',
    roles: ['super-admin', 'admin-opd', 'pimpinan'],
  },
];

export function mayUse(item: MenuItem, roles: readonly Role[]): boolean {
  return item.roles === 'signed-in' || item.roles.some((role) => roles.includes(role));
}

export function menuFor(roles: readonly Role[]): MenuItem[] {
  return MENU.filter((item) => mayUse(item, roles));
}

/** The menu entry that governs a path (the longest matching prefix). */
export function menuItemFor(pathname: string): MenuItem | undefined {
  return MENU.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`)).sort(
    (a, b) => b.href.length - a.href.length,
  )[0];
}
