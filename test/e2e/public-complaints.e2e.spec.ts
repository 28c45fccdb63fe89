/// <reference lib="dom" />
// Issue 8 (pengaduan masyarakat) in a real browser, as a citizen meets it on a phone (360 × 740,
// touch, no account): from a DINKES service's page "Sampaikan pengaduan" opens /lapor with the
// service chosen; the citizen files anonymously with a photo and the phone's location and gets
// the tracking code once (copied to the clipboard). The landing page links to the form and to
// /lacak, which shows the complaint by its code; the code never appears in an address, and an
// unknown or malformed code, or the public case number, shows only "Kode tidak ditemukan". The
// DINKES admin-opd verifies and answers through the API; the citizen replies, is answered again,
// rates the handling 4 of 5 and the complaint is "Selesai". Every page passes axe's WCAG 2.1 AA
// rules and never scrolls sideways.
import { mkdirSync } from 'node:fs';
import { getUserToken, graphqlRequest } from '@sipadu/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_URL } from '../../scripts/lib/web.js';
import { jpegWithGps } from '../support/photo-fixture.js';
import {
  SCREENSHOT_DIR,
  accessibilityViolations,
  launchChromium,
  screenshotPath,
} from './browser.js';
import { startWebStack, type WebStack } from './web-stack.js';

const SERVICE_NAME = 'Penerbitan Surat Izin Praktik Tenaga Kesehatan';
const ORGANIZATION_NAME = 'Dinas Kesehatan';
const TITLE = 'Izin praktik belum terbit melewati waktu layanan';
/** Kota Jambi, near the DINKES office. */
const POSITION = { latitude: -1.6101, longitude: 103.6131 };
const CODE_FORMAT = /^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

let stack: WebStack;
let browser: Browser;
/** Set by the first test: what the citizen was shown once. */
let trackingCode = '';
let caseNumber = '';

beforeAll(async () => {
  // The demo standards give the form its services (through the published-standard events).
  stack = await startWebStack('sipadu_complaints_web_e2e', { seedSurveys: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * A phone-sized, touch, anonymous browser context that may read the location and the clipboard;
 * a full-page screenshot when `body` fails.
 */
async function withPhone(testName: string, body: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    geolocation: { ...POSITION, accuracy: 12 },
    permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
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

/** Nothing wider than the screen (the layout viewport's `clientWidth`, not `innerWidth`). */
const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** Every visible button and text field of the page is at least 48 px tall. */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main select, main input[type="text"], main input[type="email"], main input[type="tel"]',
      ),
    ]
      .filter((element) => element.offsetParent !== null && !element.closest('[aria-hidden]'))
      .filter((element) => element.getBoundingClientRect().height < 48)
      .map((element) => element.id || element.textContent?.trim() || element.tagName),
  );

/** Opens /lacak and looks a code up; the address stays /lacak. */
async function track(page: Page, code: string): Promise<void> {
  if (!page.url().startsWith(`${WEB_URL}/lacak`)) await page.goto(`${WEB_URL}/lacak`);
  const search = page.getByRole('button', { name: 'Lacak', exact: true });
  await expect.poll(() => search.isEnabled()).toBe(true);
  await page.getByLabel('Kode pelacakan').fill(code);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/graphql'));
  await search.click();
  // The code travels in the request body only.
  expect((await answered).request().postDataJSON()).toMatchObject({
    variables: { trackingCode: code.trim() },
  });
  await expect.poll(() => search.isEnabled()).toBe(true);
  expect(page.url()).toBe(`${WEB_URL}/lacak`);
}

const statusOf = (page: Page) => page.getByTestId('status-pengaduan').textContent();

interface HandlerView {
  id: string;
  revision: number;
  status: string;
  organizationCode: string;
  anonymous: boolean;
  contact: { name: string | null } | null;
  location: { latitude: number; longitude: number; address: string | null } | null;
  evidence: { fileId: string }[];
}

/** The complaint as the DINKES admin-opd reads it through the API. */
async function handlerView(token: string): Promise<HandlerView> {
  const response = await graphqlRequest<{
    publicComplaints: { edges: { node: HandlerView & { number: string } }[] };
  }>(
    stack.gatewayUrl,
    `query ($search: String) { publicComplaints(search: $search, first: 5) { edges { node {
      id number revision status organizationCode anonymous contact { name }
      location { latitude longitude address } evidence { fileId } } } } }`,
    { token, variables: { search: caseNumber } },
  );
  const node = response.data?.publicComplaints.edges
    .map((edge) => edge.node)
    .find((candidate) => candidate.number === caseNumber);
  if (!node) throw new Error(`pengaduan ${caseNumber} tidak terlihat: ${JSON.stringify(response)}`);
  return node;
}

async function handlerStep(
  token: string,
  mutation: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const response = await graphqlRequest(stack.gatewayUrl, mutation, { token, variables });
  expect(response.errors, mutation).toBeUndefined();
}

describe('public complaints on a phone', () => {
  it('a citizen files anonymously with a photo from a service page and sees the code once', async ({
    task,
  }) => {
    await withPhone(task.name, async (page) => {
      // The service reaches the complaint form's choices through the standard's published event.
      await expect
        .poll(
          async () => {
            await page.goto(`${WEB_URL}/layanan?q=${encodeURIComponent('Izin Praktik')}`);
            return page.getByRole('link', { name: SERVICE_NAME, exact: true }).count();
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBeGreaterThan(0);
      await page.getByRole('link', { name: SERVICE_NAME, exact: true }).click();
      await page.waitForURL(/\/layanan\/[^/?]+$/);
      const serviceId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
      await page.getByRole('main').getByRole('link', { name: 'Lacak pengaduan' }).waitFor();
      const formLink = page.getByRole('link', { name: 'Sampaikan pengaduan tentang layanan ini' });
      expect(await formLink.getAttribute('href')).toBe(
        `/lapor?layanan=${encodeURIComponent(serviceId)}`,
      );

      const service = page.getByLabel('Layanan (boleh dikosongkan)');
      await expect
        .poll(
          async () => {
            await page.goto(`${WEB_URL}/lapor?layanan=${encodeURIComponent(serviceId)}`);
            return service.inputValue();
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe(`${SERVICE_NAME} — ${ORGANIZATION_NAME}`);
      await page.getByRole('heading', { level: 1, name: 'Sampaikan Pengaduan' }).waitFor();
      const submit = page.getByRole('button', { name: 'Kirim pengaduan' });
      await expect.poll(() => submit.isEnabled()).toBe(true);
      expect(await page.getByTestId('tujuan-pengaduan').textContent()).toContain(ORGANIZATION_NAME);
      expect(await accessibilityViolations(page), '/lapor').toEqual([]);
      expect(await noSideways(page), '/lapor').toBe(true);
      expect(await smallTargets(page), '/lapor').toEqual([]);
      // The honeypot is off-screen and out of the tab order, but not display:none.
      const honeypot = page.locator('#website');
      expect(await honeypot.getAttribute('tabindex')).toBe('-1');
      expect(await honeypot.evaluate((input) => getComputedStyle(input).display)).not.toBe('none');

      // Sending too early names what is missing.
      await submit.click();
      await page.getByRole('alert').filter({ hasText: 'Periksa kembali 3 isian' }).waitFor();
      expect(await page.getByLabel('Kategori').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Kategori').selectOption({ label: 'Kesehatan' });
      await page.getByLabel('Judul pengaduan').fill(TITLE);
      await page
        .getByLabel('Uraian')
        .fill('Berkas lengkap sejak 2 Maret, sudah lewat 10 hari kerja, belum ada kabar.');
      await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
      await expect
        .poll(() => page.getByTestId('status-lokasi').textContent())
        .toContain(`${POSITION.latitude}, ${POSITION.longitude}`);
      await page.getByLabel('Alamat atau patokan').fill('Loket perizinan Dinas Kesehatan');

      const photo = await jpegWithGps({
        ...POSITION,
        takenAt: new Date('2026-03-16T09:00:00+07:00'),
        caption: 'Tanda terima berkas izin praktik',
      });
      await page.getByLabel('Tambah foto atau dokumen').setInputFiles({
        name: 'tanda-terima.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from(photo),
      });
      await expect
        .poll(() => page.getByTestId('status-bukti').textContent(), { timeout: 30_000 })
        .toBe('Terunggah.');

      // Anonymous: the name and contact fields go away.
      expect(await page.getByLabel('Nama (boleh dikosongkan)').count()).toBe(1);
      await page.getByText('Kirim tanpa identitas (anonim)').click();
      expect(await page.getByLabel('Nama (boleh dikosongkan)').count()).toBe(0);
      expect(await page.getByLabel('Email (boleh dikosongkan)').count()).toBe(0);
      expect(await page.getByRole('radio', { name: /^Rahasia/ }).isChecked()).toBe(true);

      await submit.click();
      const receipt = page.getByTestId('tanda-terima');
      await page
        .getByRole('heading', { level: 2, name: 'Pengaduan Anda sudah kami terima' })
        .waitFor();
      trackingCode = (await page.getByTestId('kode-pelacakan').textContent())?.trim() ?? '';
      caseNumber = (await page.getByTestId('nomor-pengaduan').textContent())?.match(
        /ADU-\d{4}-\d+/,
      )?.[0] as string;
      expect(trackingCode).toMatch(CODE_FORMAT);
      expect(caseNumber).toMatch(/^ADU-\d{4}-\d+$/);
      expect(await receipt.textContent()).toContain('hanya ditampilkan sekali');
      expect(await receipt.textContent()).toContain(ORGANIZATION_NAME);
      expect(await page.getByTestId('batas-verifikasi').textContent()).toMatch(/\d{4}$/);
      // The code is in the page, not in its address.
      expect(page.url()).not.toContain(trackingCode);

      await page.getByRole('button', { name: 'Salin', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Kode sudah disalin.' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trackingCode);
      expect(await page.getByRole('button', { name: 'Simpan/cetak' }).count()).toBe(1);
      expect(await accessibilityViolations(page), '/lapor (tanda terima)').toEqual([]);
      expect(await noSideways(page), '/lapor (tanda terima)').toBe(true);
    });
  });

  it('tracks the complaint by its code; another code reveals nothing', async ({ task }) => {
    expect(trackingCode, 'kode dari uji sebelumnya').toMatch(CODE_FORMAT);
    await withPhone(task.name, async (page) => {
      // The landing page leads to both pages.
      await page.goto(WEB_URL);
      const fileLink = page.getByRole('main').getByRole('link', { name: 'Sampaikan pengaduan' });
      expect(await fileLink.getAttribute('href')).toBe('/lapor');
      await page.getByRole('main').getByRole('link', { name: 'Lacak pengaduan' }).click();
      await page.waitForURL(`${WEB_URL}/lacak`);
      await page.getByRole('heading', { level: 1, name: 'Lacak Pengaduan' }).waitFor();
      expect(await accessibilityViolations(page), '/lacak').toEqual([]);

      // Typed in lower case with blanks, as from a printout: the service reads it leniently.
      await track(page, ` ${trackingCode.toLowerCase().replace(/-/g, ' ')} `);
      await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
      expect(await statusOf(page)).toBe('Menunggu Verifikasi');
      const complaint = page.getByTestId('pengaduan');
      expect(await complaint.textContent()).toContain(caseNumber);
      expect(await complaint.textContent()).toContain(SERVICE_NAME);
      expect(await page.getByTestId('perjalanan').textContent()).toContain('Pengaduan diterima');
      expect(await page.getByTestId('batas-waktu').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Kirim tanggapan' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Kirim penilaian' }).count()).toBe(0);
      expect(await accessibilityViolations(page), '/lacak (hasil)').toEqual([]);
      expect(await noSideways(page), '/lacak (hasil)').toBe(true);

      // An unknown code, a malformed one, and the public case number: the same neutral answer.
      for (const other of ['ADU-0000-0000-0000', 'bukan kode', caseNumber]) {
        await track(page, other);
        await page.getByTestId('kode-tidak-ditemukan').waitFor();
        expect(await page.getByTestId('kode-tidak-ditemukan').textContent()).toContain(
          'Kode tidak ditemukan',
        );
        expect(await page.getByTestId('pengaduan').count(), other).toBe(0);
      }
      expect(await page.getByText(TITLE).count()).toBe(0);
    });
  });

  it('the handler answers; the citizen replies, reads the new answer and rates it', async ({
    task,
  }) => {
    expect(trackingCode, 'kode dari uji sebelumnya').toMatch(CODE_FORMAT);
    const token = await getUserToken('admin-opd');
    // DINKES's admin-opd sees the complaint: no contact (anonymous), the photo and the place.
    let view = await handlerView(token);
    expect(view.organizationCode).toBe('DINKES');
    expect(view.anonymous).toBe(true);
    expect(view.contact).toBeNull();
    expect(view.evidence).toHaveLength(1);
    expect(view.location).toEqual({ ...POSITION, address: 'Loket perizinan Dinas Kesehatan' });
    await handlerStep(
      token,
      `mutation ($id: ID!, $revision: Int!) { verifyPublicComplaint(id: $id, decision: ACCEPT, revision: $revision) { id } }`,
      { id: view.id, revision: view.revision },
    );
    view = await handlerView(token);
    const answer = `mutation ($id: ID!, $answer: String!, $revision: Int!) {
      answerPublicComplaint(id: $id, answer: $answer, revision: $revision) { id } }`;
    await handlerStep(token, answer, {
      id: view.id,
      revision: view.revision,
      answer: 'Berkas Anda sudah kami periksa; izin praktik dijadwalkan terbit minggu ini.',
    });

    await withPhone(task.name, async (page) => {
      await track(page, trackingCode);
      await expect.poll(() => statusOf(page)).toBe('Dijawab, Menunggu Tanggapan Warga');
      expect(await page.getByTestId('jawaban').textContent()).toContain(
        'dijadwalkan terbit minggu ini',
      );
      await page.getByText('ditutup otomatis pada').waitFor();
      expect(await accessibilityViolations(page), '/lacak (dijawab)').toEqual([]);
      expect(await noSideways(page), '/lacak (dijawab)').toBe(true);
      expect(await smallTargets(page), '/lacak (dijawab)').toEqual([]);

      // Not solved yet: the citizen replies and the complaint goes back to the handler.
      await page.getByLabel('Tanggapan Anda').fill('Sampai hari ini izin belum bisa diambil.');
      await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await expect.poll(() => statusOf(page)).toBe('Ditindaklanjuti');
      await page.getByTestId('pemberitahuan-lacak').waitFor();
      expect(await page.getByRole('button', { name: 'Kirim penilaian' }).count()).toBe(0);
    });

    view = await handlerView(token);
    expect(view.status).toBe('IN_FOLLOW_UP');
    await handlerStep(token, answer, {
      id: view.id,
      revision: view.revision,
      answer: 'Mohon maaf atas keterlambatan. Izin praktik Anda sudah terbit dan dapat diambil.',
    });

    await withPhone(task.name, async (page) => {
      await track(page, trackingCode);
      await expect.poll(() => statusOf(page)).toBe('Dijawab, Menunggu Tanggapan Warga');
      expect(await page.getByTestId('jawaban').textContent()).toContain('sudah terbit');
      // The conversation: the first answer, the citizen's reply, the second answer.
      const conversation = await page.getByRole('heading', { name: 'Percakapan' }).count();
      expect(conversation).toBe(1);
      expect(
        await page.getByText('Sampai hari ini izin belum bisa diambil.').count(),
      ).toBeGreaterThan(0);

      // Sending without stars names what is missing.
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page.getByRole('alert').filter({ hasText: 'Pilih 1 sampai 5 bintang.' }).waitFor();
      const fourStars = page.getByRole('radio', { name: '4 bintang, puas' });
      const star = await page.locator('label', { has: fourStars }).boundingBox();
      expect(star?.height ?? 0).toBeGreaterThanOrEqual(48);
      expect(star?.width ?? 0).toBeGreaterThanOrEqual(48);
      await page.locator('label', { has: fourStars }).click();
      expect(await fourStars.isChecked()).toBe(true);
      await page.getByLabel('Komentar (boleh dikosongkan)').fill('Terima kasih, sudah selesai.');
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await expect.poll(() => statusOf(page)).toBe('Selesai');
      expect(await page.getByTestId('nilai-warga').textContent()).toContain('4 dari 5 bintang');
      expect(await page.getByRole('button', { name: 'Kirim penilaian' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Kirim tanggapan' }).count()).toBe(0);
      expect(await page.getByTestId('perjalanan').textContent()).toContain(
        'Anda menilai penanganan',
      );
      expect(await accessibilityViolations(page), '/lacak (selesai)').toEqual([]);
      expect(await noSideways(page), '/lacak (selesai)').toBe(true);
    });

    view = await handlerView(token);
    expect(view.status).toBe('CLOSED');
  });

  it('the citizen reads the personal data kept for the complaint and erases it (UU 27/2022)', async ({
    task,
  }) => {
    await withPhone(task.name, async (page) => {
      await track(page, trackingCode);
      await page.getByRole('heading', { name: 'Data pribadi Anda' }).waitFor();
      await page.getByRole('button', { name: 'Lihat data saya' }).click();
      const panel = page.getByTestId('data-pribadi');
      await panel.waitFor();
      expect(await panel.textContent()).toContain('(anonim)');
      expect(await panel.textContent()).toMatch(/Permintaan PDP-\d{4}-\d{5} selesai/);

      // Erasing needs the statement ticked first.
      await page.getByRole('button', { name: 'Hapus data saya' }).click();
      await page.getByRole('alert').filter({ hasText: 'Centang pernyataan' }).waitFor();
      await page
        .getByLabel('Saya mengerti bahwa petugas tidak lagi dapat menghubungi saya.')
        .check();
      await page.getByRole('button', { name: 'Hapus data saya' }).click();
      await expect
        .poll(async () => (await panel.textContent()) ?? '')
        .toContain('Data pribadi Anda telah dihapus');
      expect(await panel.textContent()).toContain('[dihapus atas permintaan subjek data]');
      expect(await accessibilityViolations(page), '/lacak (data pribadi)').toEqual([]);
      expect(await noSideways(page), '/lacak (data pribadi)').toBe(true);
    });
  });
});
