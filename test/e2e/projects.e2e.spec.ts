/// <reference lib="dom" />
// Issue 6 (SIPOPI) in a real browser, as a new user meets it: BPKAD opens the project list, proposes
// a project through the form (a sub-kegiatan code from the active nomenclature and one location;
// a coordinate outside Indonesia is refused first with the Indonesian message), finds it with the
// year filter, walks the project page's tabs (Ringkasan, Dokumen Persyaratan, Lokasi with its
// marker on the map and in the text list, Riwayat) and submits the proposal with the stage button;
// the history then shows the move. The leaders (pimpinan) see the portfolio's figures, a chart and
// the map's points; the RSUD's executing agency does not see DPUPR's draft at all. /proyek and
// /proyek/portofolio pass axe's WCAG 2.1 AA rules.
import { DEV_PASSWORD, getUserToken, graphqlRequest } from '@sipadu/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const RUN = Date.now().toString(36);
const NAME = `Peningkatan Jalan Sultan Thaha (uji peramban ${RUN})`;
const DESCRIPTION =
  'Peningkatan struktur jalan dan drainase sepanjang 2,4 km di Kecamatan Pasar Jambi.';
const ADDRESS = 'Jl. Sultan Thaha No. 12';
const AREA = 'Kecamatan Pasar Jambi, Kota Jambi';
const YEAR = '2025';
/** A sub-kegiatan of the PUPR branch of the seeded nomenclature, found by its name. */
const SUB_KEGIATAN_NAME = 'Pembangunan Jalan';
/** Created through the API in another year, so the year filter has something to leave out. */
const OTHER_YEAR = 2024;
const OTHER_NAME = `Rehabilitasi Drainase Kota Baru (uji peramban ${RUN})`;

let stack: WebStack;
let browser: Browser;
let projectId = '';
let otherProjectId = '';

/** BPKAD proposes a project through the API; the organizations projection may still be filling. */
async function createProjectThroughApi(): Promise<string> {
  const token = await getUserToken('bpkad');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const created = await graphqlRequest<{ createLoanProject: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id } }',
      {
        token,
        variables: {
          input: {
            fiscalYear: OTHER_YEAR,
            name: OTHER_NAME,
            description: 'Rehabilitasi saluran drainase primer.',
            borrowingReason: 'Genangan berulang setiap musim hujan.',
            organizationCode: 'DPUPR',
            lenderOrganizationCode: 'PTSMI',
            amount: 12_000_000_000,
            tenorMonths: 60,
            locations: [
              {
                latitude: -1.6333,
                longitude: 103.5969,
                address: 'Jl. Jend. A. Yani',
                administrativeArea: 'Kecamatan Kota Baru, Kota Jambi',
              },
            ],
          },
        },
      },
    );
    const id = created.data?.createLoanProject.id;
    if (id) return id;
    if (Date.now() > deadline) {
      throw new Error(`createLoanProject gagal: ${JSON.stringify(created.errors)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  stack = await startWebStack('sipadu_projects_web_e2e');
  browser = await launchChromium();
  otherProjectId = await createProjectThroughApi();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in through Keycloak's own login form and lands on `path`. */
async function signIn(page: Page, username: string, path: string): Promise<void> {
  await page.goto(`${WEB_URL}/masuk?callbackUrl=${encodeURIComponent(path)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEV_PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === WEB_URL && url.pathname === path);
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

const row = (page: Page, id: string) => page.locator(`tr[data-project-id="${id}"]`);

/** Picks `option` in the Mantine select labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Opens a tab of the project page and waits for its URL. */
async function openTab(page: Page, name: string, tab: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.waitForURL((url) => url.searchParams.get('tab') === tab);
  await expect
    .poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected'))
    .toBe('true');
}

describe('loan projects in the browser', () => {
  it('BPKAD proposes a project through the form; a coordinate outside Indonesia is refused first', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'bpkad', '/proyek');
      await page.getByRole('heading', { level: 1, name: 'Proyek Pinjaman Daerah' }).waitFor();
      await row(page, otherProjectId).waitFor();
      expect(await accessibilityViolations(page), '/proyek').toEqual([]);

      await page.getByRole('link', { name: 'Usulan baru' }).click();
      await page.waitForURL(`${WEB_URL}/proyek/baru`);
      await page.getByRole('heading', { level: 1, name: 'Usulan proyek pinjaman baru' }).waitFor();

      await page.getByLabel('Tahun anggaran').fill(YEAR);
      await page.getByLabel('Nama proyek').fill(NAME);
      await page.getByLabel('Uraian proyek').fill(DESCRIPTION);
      await page
        .getByLabel('Alasan pinjaman')
        .fill('Ruas jalan rusak berat; APBD tidak cukup untuk menanganinya dalam satu tahun.');
      await choose(page, 'Perangkat daerah pelaksana', /\(DPUPR\)$/);
      await choose(page, 'Pemberi pinjaman', /\(PTSMI\)$/);
      await page.getByLabel('Jumlah pinjaman (rupiah)').fill('48500000000');
      await page.getByLabel('Tenor').fill('96');
      await page.getByLabel('Nama konsultan').fill('PT Wahana Konsultan Jambi');

      // The sub-kegiatan comes from the server's search of the active nomenclature.
      // (The label also names the options list, so the input is picked by its tag.)
      const codes = page.locator('input').and(page.getByLabel('Kode sub kegiatan'));
      await codes.click();
      await codes.fill(SUB_KEGIATAN_NAME);
      const subKegiatan = page.getByRole('option', {
        name: new RegExp(`^1\\.03\\.\\S+ — ${SUB_KEGIATAN_NAME}$`),
      });
      await subKegiatan.first().click();
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Tambah titik lokasi' }).click();
      const point = page.getByRole('group', { name: 'Titik 1' });
      await point.getByLabel('Lintang (latitude)').fill('-20.5');
      await point.getByLabel('Bujur (longitude)').fill('103.6153');
      await point.getByLabel('Alamat').fill(ADDRESS);
      await point.getByLabel('Wilayah administrasi').fill(AREA);

      await page.getByRole('button', { name: 'Simpan usulan' }).click();
      await point.getByText('Koordinat di luar wilayah Indonesia').waitFor();
      expect(page.url()).toBe(`${WEB_URL}/proyek/baru`);

      await point.getByLabel('Lintang (latitude)').fill('-1.5897');
      await page.getByRole('button', { name: 'Simpan usulan' }).click();
      await page.waitForURL(
        (url) => /^\/proyek\/[^/]+$/.test(url.pathname) && url.pathname !== '/proyek/baru',
      );
      projectId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      expect(await page.getByTestId('kode-proyek').textContent()).toMatch(
        new RegExp(`^PIN-${YEAR}-\\d{3}$`),
      );
    });
  });

  it('finds the project in the list with the year filter', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'bpkad', '/proyek');
      await row(page, projectId).waitFor();
      await row(page, otherProjectId).waitFor();

      await choose(page, 'Tahun anggaran', YEAR);
      await page.waitForURL((url) => url.searchParams.get('tahun') === YEAR);
      await row(page, otherProjectId).waitFor({ state: 'detached' });
      await row(page, projectId).getByRole('link', { name: NAME }).waitFor();
      expect(await row(page, projectId).textContent()).toContain('DPUPR');

      await page.goto(`${WEB_URL}/proyek?tahun=${OTHER_YEAR}`);
      await row(page, otherProjectId).waitFor();
      expect(await row(page, projectId).count()).toBe(0);
    });
  });

  it('shows the project page tabs, then BPKAD submits the proposal and the history shows it', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'bpkad', `/proyek/${encodeURIComponent(projectId)}`);
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      expect(await page.getByRole('tab', { name: 'Ringkasan' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await page.getByText(DESCRIPTION).waitFor();
      await page
        .getByText(/Pembangunan Jalan/)
        .first()
        .waitFor();

      await openTab(page, 'Dokumen Persyaratan', 'dokumen');
      await page.getByRole('heading', { level: 2, name: 'Persyaratan dokumen' }).waitFor();
      await page
        .getByRole('region', { name: 'Terapkan daftar persyaratan pemberi pinjaman' })
        .waitFor();

      await openTab(page, 'Lokasi', 'lokasi');
      const points = page.getByTestId('daftar-titik-peta');
      await points.locator('li[data-kind="project"]').filter({ hasText: ADDRESS }).waitFor();
      expect(await page.getByTestId('peta-proyek').getAttribute('data-points')).toBe('1');
      // Leaflet draws the point as a vector circle, with or without a basemap.
      await page.getByTestId('peta-proyek').locator('path.leaflet-interactive').first().waitFor();

      await openTab(page, 'Riwayat', 'riwayat');
      await page.getByText('Usulan dibuat').waitFor();

      // The stage button offered by the service, with a confirmation and an optional note.
      const actions = page.getByRole('group', { name: 'Tindakan tahap proyek' });
      await actions.getByRole('button', { name: 'Ajukan usulan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ajukan usulan' });
      await dialog.getByLabel('Catatan (opsional)').fill('Data usulan sudah lengkap.');
      await dialog.getByRole('button', { name: 'Ajukan usulan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const moved = page.locator('[data-transition="submitProposal"]');
      await moved.waitFor();
      expect(await moved.textContent()).toContain('Draf → Penyiapan Data');
      expect(await moved.textContent()).toContain('Data usulan sudah lengkap.');
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await page.locator('header').getByText('Penyiapan Data').first().waitFor();
    });
  });

  it('shows pimpinan the portfolio: figures, a chart and the map points', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pimpinan', '/proyek/portofolio');
      await page.getByRole('heading', { level: 1, name: 'Portofolio Pinjaman Daerah' }).waitFor();
      const figures = page.getByRole('region', { name: /^Ringkasan — / });
      for (const label of ['Jumlah proyek', 'Nilai pinjaman', 'Disetujui', 'Dicairkan']) {
        await figures.getByText(label, { exact: true }).waitFor();
      }
      await figures.getByRole('definition').first().waitFor();

      const chart = page.getByRole('img', {
        name: 'Grafik batang nilai pinjaman, nilai disetujui, dan nilai dicairkan per tahun anggaran',
      });
      await chart.locator('svg').first().waitFor();

      const points = page.getByTestId('daftar-titik-peta');
      await points.locator('li').filter({ hasText: NAME }).first().waitFor();
      await points.locator('li').filter({ hasText: OTHER_NAME }).first().waitFor();
      expect(await accessibilityViolations(page), '/proyek/portofolio').toEqual([]);
    });
  });

  it("does not show RSUD's executing agency DPUPR's draft project", async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana-rsud', '/proyek');
      await page.getByRole('heading', { level: 1, name: 'Proyek Pinjaman Daerah' }).waitFor();
      await page.getByText('Tidak ada proyek.', { exact: true }).waitFor();
      expect(await row(page, otherProjectId).count()).toBe(0);
      expect(await page.getByText(OTHER_NAME).count()).toBe(0);

      // Nor by its address.
      const response = await page.goto(`${WEB_URL}/proyek/${encodeURIComponent(otherProjectId)}`);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
      expect(await page.getByText(OTHER_NAME).count()).toBe(0);
    });
  });
});
