/// <reference lib="dom" />
// Issue 9 (leaders' dashboard) in a real browser: pimpinan opens /dasbor-pimpinan and finds every
// module on one screen (portfolio, alerts, ranking, map, complaint trend, overdue cases, recent
// activity) with the live indicator on. A citizen then files a public complaint through the
// gateway (nothing else happens): without a reload, the complaint appears in the activity feed
// and the trend counts one more complaint received. The one-page brief downloads as a PDF; the
// page passes axe's WCAG 2.1 AA rules; admin-opd has no entry and meets the forbidden page.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEV_PASSWORD, graphqlRequest } from '@sipadu/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const RUN = Date.now().toString(36);
const COMPLAINT_TITLE = `Lampu jalan padam di Telanaipura (uji dasbor ${RUN})`;

let stack: WebStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startWebStack('sipadu_leader_dashboard_web_e2e');
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

/** Complaints received per month as the trend's data table states them, summed. */
async function complaintsReceived(page: Page): Promise<number> {
  return page
    .getByTestId('tren-pengaduan')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.reduce((sum, row) => {
        const cell = row.querySelectorAll('td')[0]?.textContent ?? '0';
        return sum + Number(cell.replace(/\./g, ''));
      }, 0),
    );
}

/** A citizen files a public complaint without an account, through the gateway. */
async function fileComplaint(): Promise<string> {
  const categories = await graphqlRequest<{ complaintCategories: { code: string }[] }>(
    stack.gatewayUrl,
    '{ complaintCategories { code } }',
  );
  const categoryCode = categories.data?.complaintCategories[0]?.code;
  expect(categoryCode, JSON.stringify(categories.errors)).toBeDefined();
  const filed = await graphqlRequest<{ filePublicComplaint: { number: string } }>(
    stack.gatewayUrl,
    `mutation File($input: FilePublicComplaintInput!) {
      filePublicComplaint(input: $input) { number }
    }`,
    {
      variables: {
        input: {
          title: COMPLAINT_TITLE,
          description: 'Lampu penerangan jalan padam sejak seminggu, jalan gelap dan rawan.',
          categoryCode,
          organizationCode: 'DPUPR',
          anonymous: true,
          submissionId: randomUUID(),
        },
      },
    },
  );
  expect(filed.errors, 'filePublicComplaint').toBeUndefined();
  return filed.data!.filePublicComplaint.number;
}

describe("the leaders' dashboard in the browser", () => {
  it('shows every module to pimpinan and takes a new complaint in without a reload', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pimpinan', '/dasbor-pimpinan');
      await page.getByRole('heading', { level: 1, name: 'Dasbor Pimpinan' }).waitFor();
      for (const section of [
        'Portofolio pinjaman daerah',
        'Peringatan',
        'Peringkat kinerja organisasi',
        'Peta organisasi',
        'Tren pengaduan masyarakat',
        'Kasus melewati waktu layanan per organisasi',
        'Kegiatan terbaru',
      ]) {
        await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
      }
      await page.getByTestId('peta-organisasi').waitFor();
      // The stream is open before anything changes, so the change is not missed.
      await page.getByTestId('status-langsung').getByText('Langsung', { exact: true }).waitFor();
      expect(await accessibilityViolations(page), '/dasbor-pimpinan').toEqual([]);

      const before = await complaintsReceived(page);
      const generatedBefore = await page
        .getByTestId('dasbor-diperbarui')
        .getAttribute('data-generated-at');
      // Marks this document: a reload would lose the mark.
      await page.evaluate(() => {
        (window as unknown as { dasborTanpaMuatUlang?: boolean }).dasborTanpaMuatUlang = true;
      });

      const number = await fileComplaint();

      const feed = page.getByTestId('kegiatan-terbaru');
      await feed.locator('li').filter({ hasText: number }).first().waitFor({ timeout: 60_000 });
      await expect.poll(() => complaintsReceived(page), { timeout: 30_000 }).toBe(before + 1);
      expect(
        await page.getByTestId('dasbor-diperbarui').getAttribute('data-generated-at'),
      ).not.toBe(generatedBefore);
      expect(
        await page.evaluate(
          () => (window as unknown as { dasborTanpaMuatUlang?: boolean }).dasborTanpaMuatUlang,
        ),
      ).toBe(true);
      expect(new URL(page.url()).pathname).toBe('/dasbor-pimpinan');
    });
  });

  it('downloads the one-page brief of the chosen period as a PDF', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      const year = new Date().getFullYear();
      await signIn(page, 'pimpinan', `/dasbor-pimpinan?periode=${year}`);
      await page.getByRole('heading', { level: 1, name: 'Dasbor Pimpinan' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: 'Cetak ringkasan (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/i);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });

  it('refuses the dashboard to admin-opd', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'admin-opd', '/dasbor');
      const menu = page.getByRole('navigation', { name: 'Navigasi utama' });
      expect(await menu.locator('a[href="/dasbor-pimpinan"]').count()).toBe(0);
      const refused = await page.goto(`${WEB_URL}/dasbor-pimpinan`);
      expect(refused?.status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
    });
  });
});
