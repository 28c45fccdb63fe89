/// <reference lib="dom" />
// Issue 7 (SIPUTRI) in a real browser, as a citizen meets it on a phone (360 × 740, touch, no
// account): finds "Penerbitan KTP Elektronik" in /layanan by searching "KTP", reads its standard,
// opens the survey from the service page, answers the nine questions, sends them and gets the
// thank-you receipt; the service's published respondent count then grows by one. /hasil-survei
// shows the Pemda's IKM with its per-element chart and the organizations' ranking. /layanan,
// /survei/<id> and /hasil-survei pass axe's WCAG 2.1 AA rules and never scroll sideways.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import {
  SCREENSHOT_DIR,
  accessibilityViolations,
  launchChromium,
  screenshotPath,
} from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const SERVICE_NAME = 'Penerbitan KTP Elektronik';
const ORGANIZATION_NAME = 'Dinas Kependudukan dan Pencatatan Sipil';

let stack: WebStack;
let browser: Browser;
/** The KTP service's id, from its page's URL (set by the first test). */
let serviceId = '';

beforeAll(async () => {
  stack = await startWebStack('sipadu_surveys_web_e2e', { seedSurveys: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A phone-sized, touch, anonymous browser context; a full-page screenshot when `body` fails. */
async function withPhone(testName: string, body: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  try {
    await body(page);
  } catch (error) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = screenshotPath(testName);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(tangkapan layar: ${file}; url: ${page.url()})`;
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * Nothing wider than the screen. Against the layout viewport (`clientWidth`, the 360 px of the
 * phone), not `innerWidth`: on a mobile browser that one grows with overflowing content.
 */
const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The respondents shown on a page's IKM summary (the first summary on the page). */
async function respondents(page: Page): Promise<number> {
  const value = await page.getByTestId('jumlah-responden').first().getAttribute('data-value');
  return Number(value);
}

describe('SIPUTRI public pages on a phone', () => {
  it('a citizen finds the KTP service, reads its standard and submits the survey', async ({
    task,
  }) => {
    await withPhone(task.name, async (page) => {
      // The stack seeds the demo standards (and responses) before the portal starts.
      await expect
        .poll(
          async () => {
            await page.goto(`${WEB_URL}/layanan?q=KTP`);
            return page.getByRole('link', { name: SERVICE_NAME, exact: true }).count();
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBeGreaterThan(0);

      await page.goto(`${WEB_URL}/layanan`);
      await page.getByRole('heading', { level: 1, name: 'Layanan Publik' }).waitFor();
      expect(await accessibilityViolations(page), '/layanan').toEqual([]);
      expect(await noSideways(page), '/layanan').toBe(true);

      await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('KTP');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL(/\/layanan\?q=KTP/);
      await page.getByRole('link', { name: SERVICE_NAME, exact: true }).click();
      await page.waitForURL(/\/layanan\/[^/?]+$/);
      serviceId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
      expect(serviceId).not.toBe('');
      await page.getByRole('heading', { level: 1, name: SERVICE_NAME }).waitFor();
      expect(await page.getByRole('link', { name: ORGANIZATION_NAME }).count()).toBeGreaterThan(0);

      // A component of the standard: the requirements, as a list with at least one item.
      const requirements = page.locator('[data-component="requirements"]');
      expect(await requirements.locator('dt').textContent()).toBe('Persyaratan');
      expect(await requirements.locator('dd li').count()).toBeGreaterThan(0);
      // The procedure is a numbered list of steps.
      expect(await page.locator('[data-component="procedure"] dd ol li').count()).toBeGreaterThan(
        0,
      );
      await page.getByRole('heading', { level: 2, name: 'Maklumat Pelayanan' }).waitFor();
      const before = await respondents(page);
      expect(await noSideways(page), '/layanan/<id>').toBe(true);

      // The counter poster's QR code leads to this survey with the counter channel.
      const poster = await page.request.get(
        `${WEB_URL}/layanan/${encodeURIComponent(serviceId)}/qr`,
      );
      expect(poster.status()).toBe(200);
      expect(await poster.text()).toContain(`/survei/${serviceId}?kanal=loket`);

      await page.getByRole('link', { name: 'Isi Survei Kepuasan' }).click();
      await page.waitForURL(`${WEB_URL}/survei/${encodeURIComponent(serviceId)}`);
      await page.getByRole('heading', { level: 1, name: SERVICE_NAME }).waitFor();
      const submit = page.getByRole('button', { name: 'Kirim jawaban' });
      // Enabled once the form's script has loaded.
      await expect.poll(() => submit.isEnabled()).toBe(true);
      expect(await accessibilityViolations(page), '/survei/<id>').toEqual([]);
      expect(await noSideways(page), '/survei/<id>').toBe(true);

      // Nine questions from the questionnaire, each a group of four large choices.
      const questions = page.locator('fieldset[data-element]');
      expect(await questions.count()).toBe(9);
      const firstChoice = await questions.first().locator('label').first().boundingBox();
      expect(firstChoice?.height ?? 0).toBeGreaterThanOrEqual(48);
      // The honeypot is off-screen and out of the tab order, but not display:none.
      const honeypot = page.locator('#website');
      expect(await honeypot.getAttribute('tabindex')).toBe('-1');
      expect(await honeypot.evaluate((input) => getComputedStyle(input).display)).not.toBe('none');

      // Sending too early names what is missing and keeps the answers.
      await questions.nth(0).getByRole('radio').nth(3).check();
      await expect.poll(() => page.getByTestId('kemajuan').textContent()).toBe('1 dari 9 terjawab');
      await submit.click();
      await page.getByRole('alert').filter({ hasText: 'Masih ada 8 pertanyaan' }).waitFor();

      for (let index = 1; index < 9; index += 1) {
        await questions
          .nth(index)
          .getByRole('radio')
          .nth(index % 2 === 0 ? 3 : 2)
          .check();
      }
      await expect.poll(() => page.getByTestId('kemajuan').textContent()).toBe('9 dari 9 terjawab');
      // The optional profile is folded away until opened.
      await page.getByText('Tentang Anda (boleh dilewati)').click();
      await page
        .getByLabel('Saran dan masukan (boleh dikosongkan)')
        .fill('Antrean tertib, petugas ramah.');
      await submit.click();

      const thanks = page.getByTestId('terima-kasih');
      await page.getByRole('heading', { level: 2, name: 'Terima kasih!' }).waitFor();
      expect(await thanks.textContent()).toContain(SERVICE_NAME);
      expect(await thanks.textContent()).toMatch(
        /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/,
      );
      expect(await page.getByTestId('sudah-tercatat').count()).toBe(0);

      // The service's published index counts the new answer (applied by the single writer).
      await expect
        .poll(
          async () => {
            await page.goto(`${WEB_URL}/layanan/${encodeURIComponent(serviceId)}`);
            return respondents(page);
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(before + 1);
    });
  });

  it('shows the published results with an IKM, a per-element chart and the ranking', async ({
    task,
  }) => {
    await withPhone(task.name, async (page) => {
      await page.goto(`${WEB_URL}/hasil-survei`);
      await page
        .getByRole('heading', { level: 1, name: 'Hasil Survei Kepuasan Masyarakat' })
        .waitFor();
      // The converted IKM with two decimals (25,00–100,00) and its grade.
      expect(await page.getByTestId('nilai-ikm').first().textContent()).toMatch(
        /\d{2,3},\d{2}\s*(Mutu\s*)?[ABCD]/,
      );
      const chart = page.getByTestId('grafik-unsur');
      await chart.waitFor();
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.locator(':scope > div').count()).toBe(9);
      await page.getByTestId('grafik-tren').waitFor();
      const ranking = page.getByTestId('peringkat-organisasi');
      await ranking.getByRole('link', { name: ORGANIZATION_NAME }).waitFor();
      expect(await accessibilityViolations(page), '/hasil-survei').toEqual([]);
      expect(await noSideways(page), '/hasil-survei').toBe(true);

      // The period selector is a plain GET form: the period lands in the URL.
      await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('S2');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await page.waitForURL(/\/hasil-survei\?tahun=\d{4}&periode=S2/);
      await page.getByTestId('ringkasan-ikm').first().waitFor();

      await page
        .getByTestId('peringkat-organisasi')
        .getByRole('link', { name: ORGANIZATION_NAME })
        .click();
      await page.waitForURL(/\/hasil-survei\/DISDUKCAPIL\?tahun=\d{4}&periode=S2/);
      await page.getByRole('heading', { level: 1, name: ORGANIZATION_NAME }).waitFor();
      await page.getByTestId('indeks-layanan').getByRole('link', { name: SERVICE_NAME }).waitFor();
      expect(await noSideways(page), '/hasil-survei/DISDUKCAPIL').toBe(true);
    });
  });
});
