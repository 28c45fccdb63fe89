import { describe, expect, it } from 'vitest';
import { MENU, mayUse, menuFor, menuItemFor } from './menu';

describe('menu', () => {
  const hrefs = (roles: Parameters<typeof menuFor>[0]) => menuFor(roles).map((item) => item.href);

  it('shows each role only the pages it may use', () => {
    expect(hrefs(['super-admin'])).toEqual([
      '/dasbor',
      '/profil',
      '/dokumen',
      '/notifikasi',
      '/kalender-kerja',
      '/dasbor-pimpinan',
      '/proyek',
      '/proyek/portofolio',
      '/kode-perencanaan',
      '/standar-pelayanan',
      '/skm',
      '/skm/laporan',
      '/evaluasi',
      '/rekomendasi',
      '/konsultasi',
      '/pekerjaan',
      '/pengaduan-tik',
      '/pengaduan',
      '/kinerja',
      '/penilaian-kinerja',
      '/admin/pengguna',
      '/admin/organisasi',
      '/organisasi/profil',
      '/admin/audit',
      '/admin/data-pribadi',
    ]);
    expect(hrefs(['admin-opd'])).toEqual([
      '/dasbor',
      '/profil',
      '/dokumen',
      '/notifikasi',
      '/kalender-kerja',
      '/standar-pelayanan',
      '/skm',
      '/rekomendasi',
      '/pekerjaan',
      '/pengaduan-tik',
      '/pengaduan',
      '/penilaian-kinerja',
      '/admin/pengguna',
      '/organisasi/profil',
      '/admin/audit',
      '/admin/data-pribadi',
    ]);
    expect(hrefs(['pelaksana'])).toEqual([
      '/dasbor',
      '/profil',
      '/dokumen',
      '/notifikasi',
      '/kalender-kerja',
      '/proyek',
      '/kode-perencanaan',
      '/pekerjaan',
      '/pengaduan-tik',
    ]);
    expect(hrefs([])).toEqual(['/dasbor', '/profil', '/dokumen', '/notifikasi', '/kalender-kerja']);
  });

  it('opens the loan projects to the SIPOPI roles only', () => {
    const common = ['/dasbor', '/profil', '/dokumen', '/notifikasi', '/kalender-kerja'];
    expect(hrefs(['bpkad'])).toEqual([
      ...common,
      '/proyek',
      '/proyek/portofolio',
      '/kode-perencanaan',
      '/pengaduan-tik',
    ]);
    expect(hrefs(['pimpinan'])).toEqual([
      ...common,
      '/dasbor-pimpinan',
      '/proyek',
      '/proyek/portofolio',
      '/kode-perencanaan',
      '/skm',
      '/skm/laporan',
      '/rekomendasi',
      '/konsultasi',
      '/pekerjaan',
      '/pengaduan-tik',
      '/pengaduan',
      '/kinerja',
      '/penilaian-kinerja',
      '/admin/data-pribadi',
    ]);
    expect(hrefs(['pemberi-pinjaman'])).toEqual([...common, '/proyek']);
    expect(hrefs(['admin-opd'])).not.toContain('/proyek');
    // A project's pages follow /proyek; the portfolio has its own, narrower entry.
    expect(menuItemFor('/proyek/9b2f/ubah')?.key).toBe('projects');
    expect(menuItemFor('/proyek/baru')?.key).toBe('projects');
    expect(menuItemFor('/proyek/portofolio')?.key).toBe('portfolio');
    const portfolio = MENU.find((item) => item.href === '/proyek/portofolio');
    expect(portfolio && mayUse(portfolio, ['pelaksana', 'pemberi-pinjaman'])).toBe(false);
    expect(menuItemFor('/kode-perencanaan/impor')?.key).toBe('planningCodes');
  });

  it('opens SIPUTRI to its roles: editors, evaluators, leaders', () => {
    const common = ['/dasbor', '/profil', '/dokumen', '/notifikasi', '/kalender-kerja'];
    expect(hrefs(['evaluator'])).toEqual([
      ...common,
      '/skm',
      '/skm/laporan',
      '/evaluasi',
      '/rekomendasi',
      '/pengaduan-tik',
      '/penilaian-kinerja',
    ]);
    expect(hrefs(['bpkad'])).not.toContain('/skm');
    // Editor, public page links and the pledge follow /standar-pelayanan.
    expect(menuItemFor('/standar-pelayanan/baru')?.key).toBe('serviceStandards');
    expect(menuItemFor('/standar-pelayanan/maklumat')?.key).toBe('serviceStandards');
    expect(menuItemFor('/standar-pelayanan/6650c0ffee')?.key).toBe('serviceStandards');
    expect(menuItemFor('/rekomendasi/abc')?.key).toBe('recommendations');
    // The report has its own, narrower entry: admin-opd reads /skm but not the Pemda report.
    expect(menuItemFor('/skm/laporan')?.key).toBe('satisfactionReport');
    const report = MENU.find((item) => item.href === '/skm/laporan');
    expect(report && mayUse(report, ['admin-opd'])).toBe(false);
    expect(report && mayUse(report, ['pimpinan'])).toBe(true);
    const evaluation = MENU.find((item) => item.href === '/evaluasi');
    expect(evaluation && mayUse(evaluation, ['admin-opd', 'pimpinan'])).toBe(false);
    const standards = MENU.find((item) => item.href === '/standar-pelayanan');
    expect(standards && mayUse(standards, ['evaluator', 'pimpinan'])).toBe(false);
  });

  it('opens SI-KIMR and complaint handling to the roles of each flow', () => {
    const common = ['/dasbor', '/profil', '/dokumen', '/notifikasi', '/kalender-kerja'];
    expect(hrefs(['unit-kerja'])).toEqual([
      ...common,
      '/konsultasi',
      '/pekerjaan',
      '/pengaduan-tik',
    ]);
    expect(hrefs(['kasubdit'])).toEqual([
      ...common,
      '/konsultasi',
      '/pekerjaan',
      '/pengaduan-tik',
      '/kinerja',
    ]);
    expect(hrefs(['pengelola-tik'])).toEqual([...common, '/pengaduan-tik', '/kinerja']);
    expect(hrefs(['petugas-tik'])).toEqual([...common, '/pekerjaan', '/pengaduan-tik']);
    expect(hrefs(['pemberi-pinjaman'])).not.toContain('/pengaduan-tik');
    // Case pages follow their list; the ICT board is not under the public complaints' prefix.
    expect(menuItemFor('/konsultasi/baru')?.key).toBe('consultations');
    expect(menuItemFor('/konsultasi/6650c0ffee')?.key).toBe('consultations');
    expect(menuItemFor('/pekerjaan/baru')?.key).toBe('workItems');
    expect(menuItemFor('/pengaduan-tik/abc')?.key).toBe('ictComplaints');
    expect(menuItemFor('/pengaduan/abc')?.key).toBe('publicComplaints');
    const consultations = MENU.find((item) => item.href === '/konsultasi');
    expect(consultations && mayUse(consultations, ['pengelola-tik', 'admin-opd'])).toBe(false);
    const complaints = MENU.find((item) => item.href === '/pengaduan');
    expect(complaints && mayUse(complaints, ['unit-kerja', 'pengelola-tik'])).toBe(false);
  });

  it("opens the leaders' dashboard to leaders and the assessment to its readers", () => {
    const dashboard = MENU.find((item) => item.href === '/dasbor-pimpinan');
    expect(dashboard && mayUse(dashboard, ['pimpinan'])).toBe(true);
    expect(dashboard && mayUse(dashboard, ['admin-opd', 'evaluator', 'direktur', 'bpkad'])).toBe(
      false,
    );
    // Not a page under /dasbor: it has its own entry.
    expect(menuItemFor('/dasbor-pimpinan')?.key).toBe('leaderDashboard');
    expect(menuItemFor('/penilaian-kinerja/DINKES')?.key).toBe('performanceAssessment');
    const assessment = MENU.find((item) => item.href === '/penilaian-kinerja');
    expect(assessment && mayUse(assessment, ['direktur'])).toBe(true);
    expect(assessment && mayUse(assessment, ['kasubdit', 'pelaksana', 'pemberi-pinjaman'])).toBe(
      false,
    );
  });

  it('combines the menus of several roles', () => {
    expect(hrefs(['pimpinan', 'admin-opd'])).toContain('/admin/pengguna');
    expect(hrefs(['pimpinan', 'admin-opd'])).toContain('/admin/audit');
  });

  it('finds the entry governing nested paths', () => {
    expect(menuItemFor('/admin/pengguna/123')?.href).toBe('/admin/pengguna');
    expect(menuItemFor('/admin')).toBeUndefined();
    expect(menuItemFor('/dokumen/subjek/loan-project/42')?.href).toBe('/dokumen');
    const organizations = MENU.find((item) => item.href === '/admin/organisasi');
    expect(organizations && mayUse(organizations, ['admin-opd'])).toBe(false);
    expect(menuItemFor('/admin/audit')?.key).toBe('audit');
    const audit = MENU.find((item) => item.href === '/admin/audit');
    expect(audit && mayUse(audit, ['admin-opd'])).toBe(true);
    expect(audit && mayUse(audit, ['pimpinan', 'pelaksana'])).toBe(false);
  });
});

describe('session refresh', () => {
  it('runs the proxy (token refresh, sign-in redirect) before every menu page', async () => {
    const { config } = await import('@/proxy');
    // `/dasbor/:path*` does not match /dasbor-pimpinan: a prefix must end at a path segment.
    const covered = (href: string) =>
      config.matcher.some((pattern) => {
        const base = pattern.replace('/:path*', '');
        return href === base || href.startsWith(`${base}/`);
      });
    expect(MENU.map((item) => item.href).filter((href) => !covered(href))).toEqual([]);
  });
});
