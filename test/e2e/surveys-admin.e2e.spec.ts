/// <reference lib="dom" />
// Issue 7 (SIPUTRI) staff pages in a real browser: the admin-opd of DINKES adds a service through
// the standard editor (an address that is not http(s) is refused beside its field first), saves
// the draft, publishes it with the confirmation dialog and finds it on the public page
// /layanan/<id>; the evaluator (INSPEKTORAT) writes a recommendation for DINKES in /evaluasi; the
// admin-opd records the follow-up plan on /rekomendasi/<id> and prints the organization's
// recommendations as a PDF (a real download). /standar-pelayanan and /skm pass axe's WCAG 2.1 AA
// rules.
import { readFile } from 'node:fs/promises';
import { DEV_PASSWORD } from '@sipadu/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const RUN = Date.now().toString(36);
const NAME = `Pelayanan Imunisasi Anak (uji peramban ${RUN})`;
const CATEGORY = 'Kesehatan';
const RECOMMENDATION = `Sederhanakan persyaratan imunisasi dan umumkan di loket (uji ${RUN}).`;
const PLAN = `Daftar persyaratan dipasang di loket dan situs dinas paling lambat akhir bulan (uji ${RUN}).`;

let stack: WebStack;
let browser: Browser;
let standardId = '';
let recommendationId = '';

beforeAll(async () => {
  stack = await startWebStack('sipadu_surveys_web_e2e');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in through Keycloak's own login form and lands on `target` (a path, query allowed). */
async function signIn(page: Page, username: string, target: string): Promise<void> {
  const pathname = new URL(target, WEB_URL).pathname;
  await page.goto(`${WEB_URL}/masuk?callbackUrl=${encodeURIComponent(target)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEV_PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === WEB_URL && url.pathname === pathname);
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** Adds one row to a list component of the editor and fills it. */
async function addRow(page: Page, add: string, label: string, value: string): Promise<void> {
  await page.getByRole('button', { name: add, exact: true }).click();
  await page.getByRole('textbox', { name: label, exact: true }).fill(value);
}

describe('SIPUTRI staff pages in the browser', () => {
  it('admin-opd adds a service through the editor, publishes it, and it is public', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'admin-opd', '/standar-pelayanan');
      await page.getByRole('heading', { level: 1, name: 'Standar Pelayanan' }).waitFor();
      expect(await accessibilityViolations(page), '/standar-pelayanan').toEqual([]);

      await page.getByRole('link', { name: 'Tambah layanan' }).click();
      await page.waitForURL(`${WEB_URL}/standar-pelayanan/baru`);
      await page.getByRole('heading', { level: 1, name: 'Tambah layanan' }).waitFor();

      await page.getByRole('textbox', { name: 'Nama layanan', exact: true }).fill(NAME);
      await page.getByRole('combobox', { name: 'Kategori', exact: true }).fill(CATEGORY);
      await page.keyboard.press('Escape');
      await page
        .getByRole('textbox', { name: 'Deskripsi singkat' })
        .fill('Imunisasi dasar lengkap bagi bayi dan anak di puskesmas.');
      await addRow(page, 'Tambah dasar hukum', 'Dasar hukum 1', 'Permenkes 12/2017');
      await addRow(page, 'Tambah persyaratan', 'Persyaratan 1', 'Buku KIA');
      await addRow(page, 'Tambah persyaratan', 'Persyaratan 2', 'Kartu keluarga');
      await addRow(page, 'Tambah langkah', 'Langkah 1', 'Pendaftaran di loket');
      await addRow(page, 'Tambah langkah', 'Langkah 2', 'Pemeriksaan oleh petugas');
      await addRow(page, 'Tambah langkah', 'Langkah 3', 'Pemberian imunisasi');
      await page
        .getByRole('textbox', { name: 'Jangka waktu penyelesaian' })
        .fill('30 menit setelah pendaftaran');
      await page.getByRole('textbox', { name: 'Jangka waktu (hari kerja)' }).fill('1');
      await page.getByRole('textbox', { name: 'Biaya/tarif' }).fill('Gratis');
      await addRow(page, 'Tambah produk', 'Produk 1', 'Catatan imunisasi di Buku KIA');
      await addRow(page, 'Tambah sarana', 'Sarana 1', 'Lemari pendingin vaksin');
      await addRow(page, 'Tambah kompetensi', 'Kompetensi 1', 'Bidan atau perawat terlatih');
      await page
        .getByRole('textbox', { name: 'Pengawasan internal' })
        .fill('Kepala puskesmas dan Bidang P2P');
      await page
        .getByRole('textbox', { name: 'Penanganan pengaduan, saran, dan masukan' })
        .fill('Kotak saran dan SMS pengaduan');
      await page.getByRole('textbox', { name: 'Jumlah pelaksana' }).fill('4');
      await page
        .getByRole('textbox', { name: 'Jaminan pelayanan', exact: true })
        .fill('Sesuai standar');
      await page
        .getByRole('textbox', { name: 'Jaminan keamanan dan keselamatan pelayanan' })
        .fill('Vaksin disimpan pada rantai dingin');
      await page
        .getByRole('textbox', { name: 'Evaluasi kinerja pelaksana' })
        .fill('Setiap triwulan');

      // The browser refuses an address that is not http(s), beside the field.
      const url = page.getByRole('textbox', { name: 'Tautan layanan daring' });
      await url.fill('ftp://dinkes.example');
      await page.getByRole('button', { name: 'Simpan draf' }).click();
      await page.getByText('Isi alamat lengkap yang diawali https:// atau http://.').waitFor();
      expect(page.url()).toBe(`${WEB_URL}/standar-pelayanan/baru`);
      await url.fill('');

      // The organizations projection may still be filling right after the stack starts: a refusal
      // shows above the form and the save is simply tried again.
      const deadline = Date.now() + 60_000;
      for (;;) {
        await page.getByRole('button', { name: 'Simpan draf' }).click();
        const saved = await page
          .waitForURL((target) => /^\/standar-pelayanan\/(?!baru$)[^/]+$/.test(target.pathname), {
            timeout: 5_000,
          })
          .then(() => true)
          .catch(() => false);
        if (saved) break;
        if (Date.now() > deadline) {
          const alert = await page.getByRole('alert').allTextContents();
          throw new Error(`standar tidak tersimpan: ${alert.join(' | ')}`);
        }
      }
      standardId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      const header = page.locator('header').filter({ has: page.locator('#judul-standar') });
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await header.locator('[data-status="DRAFT"]').waitFor();
      expect(await header.textContent()).toContain('Belum terbit');

      // Publishing asks first; the published version then shows with the public links.
      await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Terbitkan standar pelayanan?' });
      await dialog.getByText(NAME, { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Terbitkan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await header.locator('[data-status="PUBLISHED"]').waitFor();
      await page.getByTestId('tautan-publik').waitFor();
      await page.getByTestId('riwayat-versi').locator('tr[data-state="PUBLISHED"]').waitFor();

      // Every step of the procedure, in order, on the public page (no login needed there).
      await page.goto(`${WEB_URL}/layanan/${encodeURIComponent(standardId)}`);
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      const steps = ['Pendaftaran di loket', 'Pemeriksaan oleh petugas', 'Pemberian imunisasi'];
      const positions = steps.map((step) => text.indexOf(step));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });
  });

  it('the evaluator writes a recommendation for DINKES in the workspace', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'evaluator', '/evaluasi?organisasi=DINKES');
      await page.getByRole('heading', { level: 1, name: 'Evaluasi SKM' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Peringkat IKM organisasi' }).waitFor();

      const form = page.getByRole('region', { name: /^Tulis rekomendasi untuk / });
      await form.waitFor();
      await form.getByRole('combobox', { name: 'Unsur', exact: true }).selectOption('U1');
      await form.getByRole('combobox', { name: 'Prioritas', exact: true }).selectOption('HIGH');
      await form.getByLabel('Tenggat tindak lanjut').fill('2030-06-30');
      // Empty text is refused in the browser first.
      await form.getByRole('button', { name: 'Simpan rekomendasi' }).click();
      await form.getByText('Tuliskan rekomendasi.').waitFor();
      await form.getByRole('textbox', { name: 'Rekomendasi', exact: true }).fill(RECOMMENDATION);
      await form.getByRole('button', { name: 'Simpan rekomendasi' }).click();

      const row = page
        .getByTestId('daftar-rekomendasi')
        .locator('tr[data-recommendation-id]')
        .filter({ hasText: RECOMMENDATION });
      await row.waitFor();
      recommendationId = (await row.getAttribute('data-recommendation-id')) ?? '';
      expect(recommendationId).not.toBe('');
      expect(await row.getAttribute('data-status')).toBe('OPEN');
      expect(await row.textContent()).toContain('U1');
    });
  });

  it('admin-opd records the follow-up plan and prints the recommendations as a PDF', async ({
    task,
  }) => {
    expect(recommendationId, 'rekomendasi dari tes sebelumnya').not.toBe('');
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'admin-opd', '/rekomendasi');
      await page.getByRole('heading', { level: 1, name: 'Rekomendasi & Tindak Lanjut' }).waitFor();
      const row = page.locator(`tr[data-recommendation-id="${recommendationId}"]`);
      await row.getByRole('link', { name: RECOMMENDATION }).click();
      await page.waitForURL(`${WEB_URL}/rekomendasi/${encodeURIComponent(recommendationId)}`);
      await page.getByRole('heading', { level: 1, name: /^Rekomendasi unsur U1 — / }).waitFor();
      await page.getByTestId('teks-rekomendasi').getByText(RECOMMENDATION).waitFor();

      const actions = page.getByRole('group', { name: 'Tindakan tindak lanjut' });
      await actions.getByRole('button', { name: 'Catat rencana' }).click();
      const dialog = page.getByRole('dialog', { name: 'Catat rencana' });
      await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
      await dialog.getByText('Tuliskan rencana tindak lanjut.').waitFor();
      await dialog.getByRole('textbox', { name: 'Rencana tindak lanjut' }).fill(PLAN);
      await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.locator('header [data-status="PLANNED"]').waitFor();
      await page.getByTestId('rencana-terakhir').getByText(PLAN).waitFor();
      const history = page.getByTestId('riwayat-tindak-lanjut');
      await history.locator('[data-action="PLAN"]').filter({ hasText: PLAN }).waitFor();

      // "Cetak PDF": the organization's recommendations of the period, made by the service.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: 'Cetak PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/i);
      const file = await download.path();
      const bytes = await readFile(file);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(1000);
    });
  });

  it('shows admin-opd the results of their organization, accessible', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'admin-opd', '/skm');
      await page
        .getByRole('heading', { level: 1, name: 'Hasil Survei Kepuasan Masyarakat' })
        .waitFor();
      await page.getByTestId('ikm-konversi').waitFor();
      // Only their own organization: no Pemda scope on offer.
      const scope = page.getByRole('combobox', { name: 'Cakupan', exact: true });
      expect(await scope.locator('option').allTextContents()).toEqual(['Organisasi', 'Layanan']);
      expect(await accessibilityViolations(page), '/skm').toEqual([]);
    });
  });
});
