/// <reference lib="dom" />
// Issue 4's "done when" in a real browser: the executing agency (DPUPR) uploads a PDF to a
// requirement through the portal's resumable uploader and the file BFF, BPKAD forwards, the lender
// (PT SMI) asks for a revision with a message, DPUPR submits a second version, both versions
// download byte-identical, BPKAD forwards again and the lender approves. Then a sealed PDF verifies
// as VALID on the public page, by code and by the file picker, and one changed byte does not.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PASSWORD, getUserToken, graphqlRequest, sha256Hex } from '@sipadu/test-kit';
import { WEB_URL } from '../../scripts/lib/web.js';
import { createLenderRequirement, pdfWithText } from '../support/fixtures.js';
import { accessibilityViolations, launchChromium, withPage } from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const SUBJECT = { type: 'LoanProject', id: `e2e-dokumen-${Date.now().toString(36)}` };
const TITLE = 'MC 0 (uji peramban)';

let stack: WebStack;
let browser: Browser;
let requirementId: string;
let documentId: string;
/** What was sent, per version, to compare with what comes back. */
const sent: Uint8Array[] = [];
let sealedCode: string;

beforeAll(async () => {
  stack = await startWebStack('sipadu_documents_web_e2e');
  browser = await launchChromium();
  // BPKAD enters the lender's requirement through the API (the form has its own test below).
  requirementId = await createLenderRequirement(stack.gatewayUrl, SUBJECT, TITLE);
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

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page
    .locator(`article[data-requirement-id="${requirementId}"][data-status="${status}"]`)
    .waitFor();
}

/** Opens a requirement action, fills its message (if any) and confirms it. */
async function act(page: Page, action: string, message?: string): Promise<void> {
  await card(page).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `${action}: ${TITLE}` });
  await dialog.waitFor();
  if (message !== undefined) await dialog.getByRole('textbox').fill(message);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Uploads a file in the submit dialog through tus and the BFF, then submits it as a version. */
async function submitVersion(page: Page, bytes: Uint8Array, note: string): Promise<void> {
  await card(page).getByRole('button', { name: 'Unggah & ajukan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Unggah & ajukan: ${TITLE}` });
  await dialog.waitFor();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: `MC0-v${sent.length + 1}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from(bytes),
  });
  await dialog.getByTestId('unggah-selesai').waitFor({ timeout: 60_000 });
  await dialog.getByLabel('Catatan (opsional)').fill(note);
  await dialog.getByRole('button', { name: 'Unggah & ajukan', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  sent.push(bytes);
}

describe('requirement checklist in the browser', () => {
  it('refuses a renamed executable, then DPUPR uploads and submits a PDF', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana', subjectPath());
      await page.getByRole('heading', { level: 2, name: 'Termin 1' }).waitFor();
      await waitForStatus(page, 'REQUESTED');

      // A Windows program named .pdf passes the browser's pre-check; the server sniffs the bytes.
      await card(page).getByRole('button', { name: 'Unggah & ajukan', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Unggah & ajukan: ${TITLE}` });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'MC0.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 7)]),
      });
      const refusal = dialog.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/Unggahan ditolak/);
      expect(await refusal.textContent()).not.toMatch(/\b415\b|error/i);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      await submitVersion(page, await pdfWithText('MC 0 versi 1'), 'Versi pertama');
      await waitForStatus(page, 'SUBMITTED');
      expect(await card(page).textContent()).toContain('Diajukan');
    });
  });

  it('BPKAD forwards from its list; PT SMI requests a revision with a message', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'bpkad', '/dokumen');
      await card(page).waitFor();
      await act(page, 'Teruskan', 'Sudah diperiksa BPKAD.');
      await waitForStatus(page, 'UNDER_REVIEW');
    });
    await withPage(browser, `${task.name} (PT SMI)`, async (page) => {
      await signIn(page, 'pemberi-pinjaman', subjectPath());
      await waitForStatus(page, 'UNDER_REVIEW');
      // The message is required before anything is sent.
      await card(page).getByRole('button', { name: 'Minta perbaikan', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Minta perbaikan: ${TITLE}` });
      await dialog.getByRole('button', { name: 'Minta perbaikan', exact: true }).click();
      await dialog.getByText('Tulis pesan untuk pengunggah').waitFor();
      await dialog.getByRole('textbox').fill('Tanda tangan kepala dinas belum ada.');
      await dialog.getByRole('button', { name: 'Minta perbaikan', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await waitForStatus(page, 'REVISION_REQUESTED');
    });
  });

  it('DPUPR reads the message and submits version 2; both versions download byte-identical', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana', subjectPath());
      await waitForStatus(page, 'REVISION_REQUESTED');
      await card(page).locator('summary').click();
      await card(page).getByText('Tanda tangan kepala dinas belum ada.').waitFor();

      await submitVersion(
        page,
        await pdfWithText('MC 0 versi 2, sudah ditandatangani'),
        'Perbaikan',
      );
      await waitForStatus(page, 'SUBMITTED');

      await card(page)
        .getByRole('link', { name: /Riwayat versi/ })
        .click();
      await page.waitForURL(/\/dokumen\/[^/]+$/);
      documentId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      const hrefs: string[] = [];
      for (const [index, bytes] of sent.entries()) {
        const link = page.getByTestId(`unduh-versi-${index + 1}`);
        const href = (await link.getAttribute('href')) ?? '';
        hrefs.push(href);
        expect(href).toMatch(/^\/api\/files\//);
        // Through the BFF with the browser's session, as a click on the link would.
        const response = await page.request.get(`${WEB_URL}${href}`);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-disposition']).toMatch(/^attachment/);
        expect(response.headers()['x-content-type-options']).toBe('nosniff');
        const received = new Uint8Array(await response.body());
        expect(sha256Hex(received), `versi ${index + 1}`).toBe(sha256Hex(bytes));
      }
      // Without the session the same TERBATAS file is refused.
      const anonymous = await fetch(`${WEB_URL}${hrefs[0]}`);
      expect([401, 403]).toContain(anonymous.status);
    });
  });

  it('BPKAD forwards again and PT SMI approves', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'bpkad', subjectPath());
      await act(page, 'Teruskan', '');
      await waitForStatus(page, 'UNDER_REVIEW');
    });
    await withPage(browser, `${task.name} (PT SMI)`, async (page) => {
      await signIn(page, 'pemberi-pinjaman', subjectPath());
      await act(page, 'Setujui', 'Lengkap.');
      await waitForStatus(page, 'APPROVED');
      expect(await card(page).textContent()).toContain('Disetujui');
    });
  });
});

describe('public verification of a sealed PDF', () => {
  it('seals version 2 in the portal and shows its code', async ({ task }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'super-admin', `/dokumen/${encodeURIComponent(documentId)}`);
      await page.getByRole('button', { name: 'Segel versi 2' }).click();
      const dialog = page.getByRole('dialog', { name: 'Segel versi 2' });
      await dialog.getByRole('button', { name: 'Segel', exact: true }).click();
      const code = dialog.getByTestId('kode-verifikasi');
      await code.waitFor();
      sealedCode = (await code.textContent())?.trim() ?? '';
      expect(sealedCode).not.toBe('');
      await dialog.getByRole('link', { name: /Unduh PDF bercap/ }).waitFor();
    });
  });

  it('shows VALID for the code, without login and without accessibility violations', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      const response = await page.goto(`${WEB_URL}/verifikasi/${encodeURIComponent(sealedCode)}`);
      expect(response?.status()).toBe(200);
      const result = page.getByTestId('hasil-verifikasi');
      expect(await result.getAttribute('data-valid')).toBe('true');
      expect(await result.getByRole('heading', { level: 2 }).textContent()).toBe('VALID');
      expect(await result.textContent()).toContain(sha256Hex(sent[1] as Uint8Array));
      expect(await accessibilityViolations(page), `/verifikasi/${sealedCode}`).toEqual([]);

      await page.goto(`${WEB_URL}/verifikasi/KODE-PALSU-123`);
      expect(await page.getByTestId('hasil-verifikasi').getAttribute('data-valid')).toBe('false');
    });
  });

  it('checks a chosen file by its hash in the browser: the original is VALID, one changed byte is not', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await page.goto(`${WEB_URL}/verifikasi`);
      await page.getByText('Berkas Anda tidak dikirim ke mana pun').waitFor();
      expect(await accessibilityViolations(page), '/verifikasi').toEqual([]);
      // Only the hash travels: no request carries the file's bytes.
      const uploads: string[] = [];
      page.on('request', (request) => {
        if ((request.postDataBuffer()?.length ?? 0) > 10_000) uploads.push(request.url());
      });

      const original = Buffer.from(sent[1] as Uint8Array);
      const picker = page.getByLabel('Pilih berkas yang akan diperiksa');
      await picker.setInputFiles({
        name: 'MC0.pdf',
        mimeType: 'application/pdf',
        buffer: original,
      });
      await page.waitForURL(`${WEB_URL}/verifikasi?sha256=${sha256Hex(original)}`);
      const result = page.getByTestId('hasil-verifikasi');
      await expect.poll(() => result.getAttribute('data-valid')).toBe('true');

      const changed = Buffer.from(original);
      const middle = Math.floor(changed.length / 2);
      changed.writeUInt8(changed.readUInt8(middle) ^ 0x01, middle);
      await picker.setInputFiles({ name: 'MC0.pdf', mimeType: 'application/pdf', buffer: changed });
      await page.waitForURL(`${WEB_URL}/verifikasi?sha256=${sha256Hex(changed)}`);
      await expect.poll(() => result.getAttribute('data-valid')).toBe('false');
      expect(await result.getByRole('heading', { level: 2 }).textContent()).toBe('TIDAK VALID');
      expect(uploads).toEqual([]);
    });
  });
});

describe('requirement setup form', () => {
  it('lets BPKAD apply a lender template to a subject and opens its checklist', async ({
    task,
  }) => {
    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'bpkad', '/dokumen');
      const form = page
        .locator('form')
        .filter({ has: page.getByRole('tab', { name: 'Dari templat' }) });
      await form.getByRole('combobox', { name: 'Templat' }).click();
      await page.getByRole('option', { name: 'PT SMI — syarat pencairan uang muka' }).click();
      const subjectId = `${SUBJECT.id}-templat`;
      await form.getByLabel('Jenis subjek').fill(SUBJECT.type);
      await form.getByLabel('ID subjek').fill(subjectId);
      await form.getByRole('combobox', { name: 'Organisasi pengunggah' }).click();
      await page.getByRole('option', { name: /\(DPUPR\)$/ }).click();
      await form.getByRole('button', { name: 'Terapkan templat' }).click();
      await page.waitForURL(`${WEB_URL}/dokumen/subjek/${SUBJECT.type}/${subjectId}`);
      const cards = page.locator('article[data-requirement-id][data-status="REQUESTED"]');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      expect(await cards.first().textContent()).toContain('BPKAD → PTSMI');
    });
  });
});

describe('resumable upload', () => {
  it('pauses, resumes, and carries on by itself after the connection drops', async ({ task }) => {
    // A second requirement, so this upload does not disturb the checklist above.
    const created = await graphqlRequest<{ createRequirement: { id: string } }>(
      stack.gatewayUrl,
      `mutation ($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }`,
      {
        token: await getUserToken('bpkad'),
        variables: {
          input: {
            subject: SUBJECT,
            title: 'Laporan konsultan (unggahan besar)',
            uploaderOrganizationCode: 'DPUPR',
            reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
          },
        },
      },
    );
    const id = created.data?.createRequirement.id ?? '';
    // A PDF with 12 MB of filler after it (two 8 MiB tus chunks): still a PDF to the sniffer.
    const bytes = Buffer.concat([
      Buffer.from(await pdfWithText('Laporan konsultan')),
      Buffer.from(new Uint8Array(12 * 1024 * 1024).map((_, i) => (i * 7919) % 256)),
    ]);
    const CHUNK = 8 * 1024 * 1024;

    await withPage(browser, task.name, async (page) => {
      await signIn(page, 'pelaksana', subjectPath());
      // The network between browser and portal, under the test's control: the first transfer
      // is held long enough to pause it; the second chunk's transfer breaks off and the link
      // stays down for two seconds.
      const offsets: number[] = [];
      let heads = 0;
      let holdFirst = true;
      let downUntil = 0;
      await page.route('**/api/files/**', async (route) => {
        const request = route.request();
        if (Date.now() < downUntil) return route.abort('internetdisconnected');
        if (request.method() === 'HEAD') heads += 1;
        if (request.method() === 'PATCH') {
          const offset = Number(request.headers()['upload-offset']);
          offsets.push(offset);
          if (holdFirst) {
            holdFirst = false;
            await new Promise((resolve) => setTimeout(resolve, 3_000));
          } else if (offset >= CHUNK && downUntil === 0) {
            downUntil = Date.now() + 2_000;
            return route.abort('connectionreset');
          }
        }
        await route.continue().catch(() => undefined);
      });

      const row = page.locator(`article[data-requirement-id="${id}"]`);
      await row.getByRole('button', { name: 'Unggah & ajukan', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^Unggah & ajukan: Laporan konsultan/ });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'laporan.pdf',
        mimeType: 'application/pdf',
        buffer: bytes,
      });
      await dialog.getByRole('button', { name: 'Jeda' }).click();
      await dialog
        .getByTestId('status-unggah')
        .getByText(/Dijeda/)
        .waitFor();
      await dialog.getByRole('button', { name: 'Lanjutkan' }).click();

      // Nobody clicks anything after the drop: tus retries, asks for the offset, continues.
      await dialog.getByTestId('unggah-selesai').waitFor({ timeout: 60_000 });
      expect(downUntil).toBeGreaterThan(0);
      expect(heads).toBeGreaterThanOrEqual(2);
      // After the drop the transfer went on from the server's offset: the first chunk was not
      // sent again.
      const afterDrop = offsets.slice(offsets.findIndex((offset) => offset >= CHUNK) + 1);
      expect(afterDrop.length).toBeGreaterThanOrEqual(1);
      expect(Math.min(...afterDrop)).toBeGreaterThanOrEqual(CHUNK);

      await dialog.getByRole('button', { name: 'Unggah & ajukan', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator(`article[data-requirement-id="${id}"][data-status="SUBMITTED"]`).waitFor();
      await row.getByRole('link', { name: /Riwayat versi/ }).click();
      const href = (await page.getByTestId('unduh-versi-1').getAttribute('href')) ?? '';
      const received = new Uint8Array(await (await page.request.get(`${WEB_URL}${href}`)).body());
      expect(sha256Hex(received)).toBe(sha256Hex(bytes));
    });
  });
});
