// Debian's Chromium driven by playwright-core (no browser download), with the flags this machine
// needs: without the background-networking ones Chromium keeps dialing hosts the closed network
// refuses. Playwright gives every launch a fresh temporary profile.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium tidak ditemukan di ${CHROMIUM_PATH}: pasang paket Debian \`apt-get install chromium\` ` +
        '(.ci/run memasangnya) atau arahkan CHROMIUM_PATH ke peramban lain (Chromium not found)',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** File name of a test's failure screenshot: the test name, lower case, dashes for the rest. */
export function screenshotPath(testName: string): string {
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return path.join(SCREENSHOT_DIR, `${slug}.png`);
}

/**
 * Runs `body` in a new browser context (own cookies, so every test starts signed out) and saves a
 * full-page screenshot when it fails, before the context closes.
 */
export async function withPage(
  browser: Browser,
  testName: string,
  body: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  try {
    await body(page, context);
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

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Serious and critical WCAG 2.0/2.1 A and AA violations on the current page, as readable lines.
 * Waits for running CSS transitions first: axe measures colours as rendered, and a dialog or
 * popover caught mid fade-in reads as low contrast.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          .every((animation) => animation.playState !== 'running'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.addScriptTag({ path: axeScript });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
