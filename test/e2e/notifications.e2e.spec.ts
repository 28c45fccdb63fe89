/// <reference lib="dom" />
// Issue 5's first "done when" in real browsers: the executing agency (DPUPR, uploader) and the
// lender (PT SMI, reviewer) correspond on one document requirement. A message DPUPR posts appears
// for PT SMI, already on the page, without a reload and with unread badges on the bell and on the
// requirement; an attachment travels with it; an organization outside the thread (DINKES) gets
// FORBIDDEN through the portal's BFF. Then the inbox, "Tandai semua dibaca", the preferences
// page, the live stream through /api/events and the accessibility of the new pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PASSWORD, getUserToken, graphqlRequest, sha256Hex } from '@sipadu/test-kit';
import { WEB_URL } from '../../scripts/lib/web.js';
import { createLenderRequirement, pdfWithText } from '../support/fixtures.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const SUBJECT = { type: 'LoanProject', id: `e2e-notifikasi-${Date.now().toString(36)}` };
const TITLE = 'Laporan kemajuan fisik (uji korespondensi)';
const FIRST = 'Mohon periksa lampiran.\nHalaman 3 sudah kami perbaiki.';
const SECOND = 'Versi bertanda tangan menyusul besok pagi.';
const REPLY = 'Terima kasih, akan kami periksa.';

let stack: WebStack;
let browser: Browser;
let requirementId: string;
const threadId = () => `DocumentRequirement:${requirementId}`;

/** Polls `read` until `done` holds: the services learn of each other's changes from events. */
async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: masih ${JSON.stringify(value)} setelah ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  stack = await startWebStack('sipadu_notifications_web_e2e');
  browser = await launchChromium();
  // BPKAD enters the requirement through the API, as in the documents browser test.
  requirementId = await createLenderRequirement(stack.gatewayUrl, SUBJECT, TITLE);
  // The notifications service learns the requirement (and its participants) from its event.
  const token = await getUserToken('pelaksana');
  await eventually(
    'korespondensi persyaratan',
    async () => {
      const answer = await graphqlRequest<{ thread: { id: string } | null }>(
        stack.gatewayUrl,
        `query ($id: ID!) { thread(subjectType: "DocumentRequirement", subjectId: $id) { id } }`,
        { token, variables: { id: requirementId } },
      );
      return answer.data?.thread?.id ?? null;
    },
    (id) => id === threadId(),
  );
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

const subjectPath = () =>
  `/dokumen/subjek/${encodeURIComponent(SUBJECT.type)}/${encodeURIComponent(SUBJECT.id)}`;
const card = (page: Page) => page.locator(`article[data-requirement-id="${requirementId}"]`);
const bell = (page: Page) => page.getByTestId('lonceng-notifikasi');
const unreadOnBell = async (page: Page) => Number(await bell(page).getAttribute('data-unread'));
const drawer = (page: Page) => page.getByRole('dialog', { name: `Korespondensi: ${TITLE}` });

/** The page's live stream has said the count, so nothing posted from now on can be missed. */
async function waitForLiveStream(page: Page): Promise<void> {
  await page.locator('[data-testid="lonceng-notifikasi"][data-live="true"]').waitFor();
}

async function post(page: Page, text: string): Promise<void> {
  const panel = drawer(page);
  await panel.getByRole('textbox', { name: 'Pesan', exact: true }).fill(text);
  await panel.getByRole('button', { name: 'Kirim', exact: true }).click();
  await panel
    .getByTestId('pesan-korespondensi')
    .getByText(text.split('\n')[0] ?? text)
    .waitFor();
}

describe('correspondence on a requirement, live in two browsers', () => {
  it('shows DPUPR’s message to PT SMI without a reload, with unread badges and the attachment', async ({
    task,
  }) => {
    const attachment = await pdfWithText('Lampiran korespondensi');
    await withPage(browser, `${task.name} (PT SMI)`, async (reader) => {
      await signIn(reader, 'pemberi-pinjaman', subjectPath());
      await card(reader).getByRole('button', { name: 'Korespondensi', exact: true }).waitFor();
      await waitForLiveStream(reader);
      const before = await unreadOnBell(reader);

      await withPage(browser, `${task.name} (DPUPR)`, async (author) => {
        await signIn(author, 'pelaksana', subjectPath());
        await card(author)
          .getByRole('button', { name: /^Korespondensi/ })
          .click();
        const panel = drawer(author);
        await panel.getByText('Belum ada pesan').waitFor();
        // A document attached through the tus uploader and the file BFF.
        await panel.getByRole('button', { name: 'Lampirkan berkas' }).click();
        await panel.locator('input[type="file"]').setInputFiles({
          name: 'perbaikan-hal-3.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from(attachment),
        });
        await panel
          .getByRole('list', { name: 'Lampiran' })
          .getByText(/^perbaikan-hal-3\.pdf/)
          .waitFor({ timeout: 60_000 });
        await post(author, FIRST);

        // PT SMI, untouched since the page loaded: the bell and the requirement tell of it.
        await expect.poll(() => unreadOnBell(reader)).toBeGreaterThan(before);
        expect(await bell(reader).getAttribute('aria-label')).toMatch(
          /^Notifikasi, \d+ belum dibaca$/,
        );
        const unreadButton = card(reader).getByRole('button', {
          name: 'Korespondensi, 1 belum dibaca',
        });
        await unreadButton.waitFor();

        await bell(reader).click();
        const latest = reader.getByRole('dialog', { name: 'Notifikasi terbaru' });
        await latest
          .getByText(/Pesan baru/)
          .first()
          .waitFor();
        await reader.keyboard.press('Escape');
        await latest.waitFor({ state: 'hidden' });

        await unreadButton.click();
        const messages = drawer(reader).getByTestId('pesan-korespondensi');
        await messages.getByText('Halaman 3 sudah kami perbaiki.', { exact: false }).waitFor();
        // Line breaks are kept.
        expect(await messages.locator('article').first().textContent()).toContain(
          'Mohon periksa lampiran.\nHalaman 3',
        );

        // With the thread open, the next message simply appears.
        await post(author, SECOND);
        await messages.getByText(SECOND).waitFor();
        // … and PT SMI answers: correspondence goes both ways.
        await post(reader, REPLY);
        await drawer(author).getByTestId('pesan-korespondensi').getByText(REPLY).waitFor();
      });

      // Read while open: closing the drawer leaves no unread count on the requirement.
      await reader.keyboard.press('Escape');
      await card(reader).getByRole('button', { name: 'Korespondensi', exact: true }).waitFor();

      // The lender downloads the attachment through the file BFF once the documents service has
      // shared it with the thread's participants (it learns so from the message event).
      await card(reader).getByRole('button', { name: 'Korespondensi', exact: true }).click();
      const link = drawer(reader)
        .getByTestId('pesan-korespondensi')
        .locator('a[href^="/api/files/"]');
      const href = (await link.first().getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/api\/files\/[^/]+$/);
      await expect
        .poll(async () => (await reader.request.get(`${WEB_URL}${href}`)).status(), {
          timeout: 20_000,
        })
        .toBe(200);
      const received = new Uint8Array(await (await reader.request.get(`${WEB_URL}${href}`)).body());
      expect(sha256Hex(received)).toBe(sha256Hex(attachment));
    });
  });

  it('refuses the thread to an organization outside it (DINKES) through the BFF', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'admin-opd', '/notifikasi');
      const ask = async (query: string) => {
        const response = await page.request.post(`${WEB_URL}/api/graphql`, {
          data: { query, variables: { id: requirementId, threadId: threadId() } },
        });
        return (await response.json()) as {
          data?: Record<string, unknown> | null;
          errors?: { extensions?: { code?: string } }[];
        };
      };
      const read = await ask(
        `query ($id: ID!) { thread(subjectType: "DocumentRequirement", subjectId: $id) { id messages(last: 5) { totalCount } } }`,
      );
      expect(read.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(read.data?.thread ?? null).toBeNull();
      const write = await ask(
        `mutation ($threadId: ID!) { postMessage(input: { threadId: $threadId, text: "Ikut nimbrung" }) { id } }`,
      );
      expect(write.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

      // The thread's own page says so in words, without showing any message.
      await page.goto(`${WEB_URL}/notifikasi/korespondensi/${encodeURIComponent(threadId())}`);
      const refusal = page.getByRole('alert').filter({ hasText: 'Terjadi kendala' });
      await refusal.waitFor();
      expect(await refusal.textContent()).not.toMatch(/FORBIDDEN/);
      expect(await page.getByTestId('pesan-korespondensi').count()).toBe(0);
    });
  });
});

describe('inbox, preferences and the live stream', () => {
  it('lists a new notification; "Tandai semua dibaca" zeroes the badge', async ({ task }) => {
    // PT SMI writes again through the API, so DPUPR has an unread correspondence notification.
    const text = `Catatan tambahan ${Date.now().toString(36)}`;
    const posted = await graphqlRequest(
      stack.gatewayUrl,
      `mutation ($input: PostMessageInput!) { postMessage(input: $input) { id } }`,
      {
        token: await getUserToken('pemberi-pinjaman'),
        variables: { input: { threadId: threadId(), text } },
      },
    );
    expect(posted.errors, JSON.stringify(posted.errors)).toBeUndefined();
    const token = await getUserToken('pelaksana');
    await expect
      .poll(
        async () => {
          const answer = await graphqlRequest<{
            notifications: { edges: { node: { body: string } }[] };
          }>(
            stack.gatewayUrl,
            `{ notifications(unreadOnly: true, first: 5) { edges { node { body } } } }`,
            { token },
          );
          return answer.data?.notifications.edges.some((edge) => edge.node.body.includes(text));
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);

    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana', '/notifikasi');
      const item = page.locator('li[data-notification-id]').filter({ hasText: text });
      await item.waitFor();
      expect(await item.getAttribute('data-read')).toBe('false');
      expect(await item.textContent()).toContain('Korespondensi');
      await waitForLiveStream(page);
      expect(await unreadOnBell(page)).toBeGreaterThan(0);

      await page.getByRole('button', { name: 'Tandai semua dibaca' }).first().click();
      await expect.poll(() => unreadOnBell(page)).toBe(0);
      expect(await bell(page).getAttribute('aria-label')).toBe('Notifikasi');
      await expect.poll(() => item.getAttribute('data-read')).toBe('true');

      // "Belum dibaca" now lists nothing; the notification leads to its thread.
      const show = page.getByRole('radiogroup', { name: 'Tampilkan' });
      await show.getByText('Belum dibaca', { exact: true }).click();
      await page.getByText('Tidak ada notifikasi yang belum dibaca.').waitFor();
      await show.getByText('Semua', { exact: true }).click();
      await item.getByRole('link').click();
      await page.waitForURL(
        `${WEB_URL}/notifikasi/korespondensi/${encodeURIComponent(threadId())}`,
      );
      await page.getByTestId('pesan-korespondensi').getByText(text).waitFor();

      // The correspondence tab lists the thread.
      await page.goto(`${WEB_URL}/notifikasi?tampilan=korespondensi`);
      await page.locator(`li[data-thread-id="${threadId()}"]`).waitFor();
    });
  });

  it('saves preferences after checking the phone number, and tells that SMS is only recorded', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana', '/notifikasi/preferensi');
      await page.getByTestId('email-notifikasi').getByText('pelaksana@sipadu.local').waitFor();
      await page.getByText('SMS belum dikirim sungguhan').waitFor();

      const phone = page.getByRole('textbox', { name: 'Nomor ponsel untuk SMS' });
      await phone.fill('021-555-1234');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Nomor ponsel harus diawali +62 atau 08').waitFor();

      await phone.fill('0812 3456 7890');
      // The switch's visible track lies over its input, so the click goes to the input itself;
      // centred first, since a forced click lands on whatever covers it (the sticky header).
      const smsReminders = page.getByRole('switch', { name: 'SMS untuk Pengingat' });
      await smsReminders.evaluate((input) => input.scrollIntoView({ block: 'center' }));
      await smsReminders.check({ force: true });
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Pengaturan notifikasi tersimpan.').waitFor();
      await expect.poll(() => phone.inputValue()).toBe('+6281234567890');

      await page.reload();
      expect(await page.getByRole('switch', { name: 'SMS untuk Pengingat' }).isChecked()).toBe(
        true,
      );
    });
  });

  it('streams through /api/events unbuffered, resumes after Last-Event-ID, and needs a session', async ({
    task,
  }) => {
    expect((await fetch(`${WEB_URL}/api/events`)).status).toBe(401);
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana', '/notifikasi');
      const stream = await page.evaluate(async () => {
        // Reads until a notification came (or 10 s): a buffered stream would deliver nothing.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 10_000);
        const response = await fetch('/api/events?lastEventId=0', { signal: controller.signal });
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let text = '';
        try {
          while (!text.includes('event: notification')) {
            const { value, done } = await reader.read();
            if (done) break;
            text += decoder.decode(value, { stream: true });
          }
        } catch {
          // Aborted by the timer: the assertions below say what was missing.
        }
        clearTimeout(timer);
        controller.abort();
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          cache: response.headers.get('cache-control'),
          text,
        };
      });
      expect(stream.status).toBe(200);
      expect(stream.type).toMatch(/^text\/event-stream/);
      expect(stream.cache).toContain('no-transform');
      expect(stream.text).toContain('retry: 3000');
      // From sequence 0 the earlier notifications are replayed, each with its sequence as id.
      expect(stream.text).toMatch(/id: \d+\nevent: notification\ndata: \{/);
    });
  });

  it('has no serious WCAG A/AA violations on the new pages and fits a phone screen', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pemberi-pinjaman', '/notifikasi');
      for (const route of [
        '/notifikasi',
        '/notifikasi?tampilan=korespondensi',
        '/notifikasi/preferensi',
        `/notifikasi/korespondensi/${encodeURIComponent(threadId())}`,
      ]) {
        await page.goto(`${WEB_URL}${route}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        if (route.includes('/korespondensi/'))
          await page.getByTestId('pesan-korespondensi').waitFor();
        expect(await accessibilityViolations(page), route).toEqual([]);
      }
      await page.goto(`${WEB_URL}${subjectPath()}`);
      await card(page)
        .getByRole('button', { name: /^Korespondensi/ })
        .click();
      await drawer(page).getByTestId('pesan-korespondensi').waitFor();
      expect(await accessibilityViolations(page), 'laci Korespondensi').toEqual([]);
      await page.keyboard.press('Escape');
      await bell(page).click();
      await page.getByRole('dialog', { name: 'Notifikasi terbaru' }).waitFor();
      expect(await accessibilityViolations(page), 'lonceng notifikasi').toEqual([]);

      await page.setViewportSize({ width: 375, height: 740 });
      for (const route of ['/notifikasi', '/notifikasi/preferensi', subjectPath()]) {
        await page.goto(`${WEB_URL}${route}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          route,
        ).toBe(true);
        await bell(page).waitFor();
      }
    });
  });
});
