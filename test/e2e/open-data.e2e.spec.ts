/// <reference lib="dom" />
// Issue 9 (open data and performance assessment) in a real browser. An anonymous visitor opens
// /data-terbuka, sees only open data sets with their metadata, downloads the complaint statistics
// as CSV and the IKM per organization as JSON through the portal (both parse, and the JSON holds
// the seeded IKM), reads the DCAT catalog and a data set's preview. Pimpinan opens
// /penilaian-kinerja, sees every organization ranked, opens one organization's drill-down and
// sees the records behind its IKM component; the scoring method page shows weights summing to
// 100. Every page passes axe's WCAG 2.1 AA rules.
import { readFile } from 'node:fs/promises';
import { DEV_PASSWORD } from '@sipadu/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

let stack: WebStack;
let browser: Browser;

beforeAll(async () => {
  // The demo standards and survey responses give the IKM data set and the assessment their numbers.
  stack = await startWebStack('sipadu_open_data_web_e2e', { seedSurveys: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in through Keycloak's own login form and lands on `target`. */
async function signIn(page: Page, username: string, target: string): Promise<void> {
  const pathname = new URL(target, WEB_URL).pathname;
  await page.goto(`${WEB_URL}/masuk?callbackUrl=${encodeURIComponent(target)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEV_PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === WEB_URL && url.pathname === pathname);
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** Clicks a download link and returns the file's text and suggested name. */
async function downloadText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(selector).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

/** RFC 4180 lines of a CSV (no quoted line breaks in these data sets), without the BOM. */
function csvLines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '')))
    .map((cells) => cells.slice(0, cells.length - (cells.at(-1) === '' ? 1 : 0)));
}

describe('data terbuka (public)', () => {
  it('lets an anonymous visitor download open data as CSV and JSON, with the DCAT catalog', () =>
    withPage(browser, 'data terbuka anonim', async (page) => {
      await page.goto(`${WEB_URL}/data-terbuka`);
      await page.getByRole('heading', { level: 1, name: 'Data Terbuka' }).waitFor();
      const catalog = page.getByTestId('katalog-data');
      const complaints = catalog.locator('[data-data-set="statistik-pengaduan"]');
      const ikm = catalog.locator('[data-data-set="ikm-per-organisasi"]');
      await complaints.getByRole('heading', { name: 'Statistik Pengaduan Masyarakat' }).waitFor();
      await ikm.getByRole('heading', { name: /Indeks Kepuasan Masyarakat/ }).waitFor();
      // Signed out: only open data sets, no classification badge anywhere.
      expect(await catalog.locator('[data-classification]').count()).toBe(0);
      await expect.poll(() => ikm.textContent()).toContain('CC-BY-4.0');
      expect(await accessibilityViolations(page)).toEqual([]);

      const csv = await downloadText(
        page,
        '[data-data-set="statistik-pengaduan"] a[data-format="csv"]',
      );
      expect(csv.name).toMatch(/^statistik-pengaduan.*\.csv$/);
      const [header, ...rows] = csvLines(csv.text);
      expect(header).toEqual(
        expect.arrayContaining(['month', 'organizationCode', 'received', 'answeredOnTime']),
      );
      for (const row of rows) expect(row).toHaveLength(header!.length);

      const json = await downloadText(
        page,
        '[data-data-set="ikm-per-organisasi"] a[data-format="json"]',
      );
      const content = JSON.parse(json.text) as {
        rows: { organizationCode: string; respondents: number; ikmConverted: number | null }[];
      };
      expect(content.rows.length).toBeGreaterThan(0);
      expect(content.rows.some((row) => row.respondents > 0 && row.ikmConverted !== null)).toBe(
        true,
      );

      const catalogHref = await page
        .getByRole('link', { name: 'Katalog DCAT (JSON)' })
        .getAttribute('href');
      const dcat = await page.request.get(new URL(catalogHref!, WEB_URL).toString());
      expect(dcat.status()).toBe(200);
      const identifiers = (
        (await dcat.json()) as { 'dcat:dataset': { 'dct:identifier': string }[] }
      )['dcat:dataset'].map((set) => set['dct:identifier']);
      expect(identifiers).toEqual(
        expect.arrayContaining(['ikm-per-organisasi', 'statistik-pengaduan']),
      );

      // An internal data set does not download without a session.
      expect((await page.request.get(`${WEB_URL}/api/data/kinerja-organisasi.csv`)).ok()).toBe(
        false,
      );

      await ikm.getByRole('heading').getByRole('link').click();
      await page.waitForURL(`${WEB_URL}/data-terbuka/ikm-per-organisasi`);
      await page.getByRole('heading', { level: 2, name: 'Kolom data' }).waitFor();
      const preview = page.getByTestId('pratinjau-data');
      await expect.poll(() => preview.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await preview.locator('thead th').allTextContents()).toContain('Kode organisasi');
      expect(await accessibilityViolations(page)).toEqual([]);
    }));
});

describe('penilaian kinerja', () => {
  it('shows pimpinan every organization ranked and the records behind one score', () =>
    withPage(browser, 'penilaian kinerja pimpinan', async (page) => {
      await signIn(page, 'pimpinan', '/penilaian-kinerja');
      await page.getByRole('heading', { level: 1, name: 'Penilaian Kinerja' }).waitFor();
      const ranking = page.getByTestId('peringkat-penilaian');
      await expect.poll(() => ranking.locator('tbody tr').count()).toBeGreaterThan(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The organization ranked first has a score; its drill-down lists the data behind it.
      const first = ranking.locator('tbody tr').first();
      const code = await first.getAttribute('data-organization');
      await first.getByRole('link').first().click();
      await page.waitForURL((url) => url.pathname === `/penilaian-kinerja/${code}`);
      await page.getByRole('heading', { level: 2, name: /^Ringkasan/ }).waitFor();
      expect(await page.getByTestId('nilai-organisasi').textContent()).toMatch(/\d/);
      const components = page.locator('section[data-component]');
      expect(await components.count()).toBe(4);
      const records = page.locator('[data-testid^="data-"] tbody tr');
      await expect.poll(() => records.count()).toBeGreaterThan(0);
      expect(await records.first().locator('th').textContent()).not.toBe('');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Metode penilaian' }).click();
      await page.waitForURL(`${WEB_URL}/penilaian-kinerja/metode`);
      const weights = await page
        .getByTestId('komponen-metode')
        .getByTestId('bobot')
        .allTextContents();
      expect(weights).toHaveLength(4);
      const sum = weights.reduce((total, text) => total + Number(text.replace(',', '.')), 0);
      expect(sum).toBeCloseTo(100, 5);
      await page.getByTestId('riwayat-metode').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
    }));
});
